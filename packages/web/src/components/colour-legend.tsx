/** What the colours of the editor and the 汇总表 mean, written out once where they are used (issue 23 item 5). */
import { Tag } from 'antd';
import { GRADE_COLORS, SEVERITY_COLORS } from '../format.ts';

export function ColourLegend({ grades = true }: { grades?: boolean }) {
  return (
    <div className="colour-legend" data-testid="colour-legend">
      <span className="colour-legend-title">颜色说明：</span>
      <span>
        <Tag color={SEVERITY_COLORS.error}>红</Tag>错误（须改正后才能提交）
      </span>
      <span>
        <Tag color={SEVERITY_COLORS.warning}>橙</Tag>警告（请核实或说明原因）
      </span>
      <span>
        <Tag color={SEVERITY_COLORS.info}>蓝</Tag>提示
      </span>
      <span>
        <span className="differs">红色得分</span>：按评分规则计算的得分与填报的不同
      </span>
      {grades &&
        Object.entries(GRADE_COLORS).map(([g, c]) => (
          <span key={g}>
            <span style={{ color: c, fontWeight: 600 }}>{g}</span>
          </span>
        ))}
      {grades && <span>：等级的颜色</span>}
    </div>
  );
}
