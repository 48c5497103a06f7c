/**
 * 识别情况 of one form in the import preview (issue 21, item 8): the layout recognised, each table's
 * columns with what they were read as (a column read as nothing says so), the weights the form declares
 * beside the scheme's, and every cell that was not placed — so a misread is seen before it is saved.
 */
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { FormReadout, ImportReport } from '../api.ts';
import { location } from '../place.ts';

/** Within the file being previewed: the table, row and column (the file is the card's). */
const where = (src: Src | undefined) => location(src, false);

type Src = ImportReport['unplaced'][number]['src'];

export function ImportReadout({ report }: { report: ImportReport }) {
  return (
    <div data-testid={`import-readout-${report.index}`}>
      <Descriptions size="small" column={1} items={[{ key: 'layout', label: '识别的表式', children: report.layoutName }]} />
      {report.tables.map((t, i) => (
        <Table
          key={i}
          size="small"
          pagination={false}
          rowKey={(c) => `${c.src.row ?? ''}-${c.src.col ?? ''}-${c.header}`}
          title={() => `${t.kind === 'budget' ? '预算资金表' : '绩效指标表'}的列（${where(t.src)}）`}
          dataSource={t.columns}
          columns={[
            { title: '表头', dataIndex: 'header', width: 220 },
            {
              title: '读作',
              dataIndex: 'meaning',
              render: (m: string, c) => (c.role === null ? <Typography.Text type="warning">{m}</Typography.Text> : m),
            },
            { title: '位置', key: 'src', width: 210, render: (_: unknown, c) => where(c.src) },
          ]}
          style={{ marginBottom: 8 }}
        />
      ))}
      {report.declaredWeights.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="level1"
          title={() => '表中标明的分值'}
          dataSource={report.declaredWeights}
          columns={[
            { title: '一级指标', dataIndex: 'level1', width: 160 },
            { title: '表中写的', dataIndex: 'label' },
            { title: '标明分值', dataIndex: 'declared', width: 90, align: 'right' },
            { title: '评分方案', dataIndex: 'scheme', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '', key: 'd', width: 90, render: (_: unknown, w) => (w.differs ? <Tag color="orange">与方案不同</Tag> : null) },
          ]}
          style={{ marginBottom: 8 }}
        />
      )}
      {report.unplaced.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey={(u) => `${where(u.src)}-${u.text}`}
          title={() => `未读入的单元格（${report.unplaced.length} 个，请核对）`}
          dataSource={report.unplaced}
          columns={[
            { title: '内容', dataIndex: 'text', ellipsis: true },
            { title: '位置', key: 'src', width: 210, render: (_: unknown, u) => where(u.src) },
            { title: '原因', dataIndex: 'why', width: 260 },
          ]}
        />
      ) : (
        <Typography.Text type="success">表中的内容均已读入。</Typography.Text>
      )}
    </div>
  );
}

/**
 * What was read, before it is saved: the money lines, the goal texts and every indicator with its
 * figures, as the form writes them (a 自评表's money in 万元, a goal form's in its own unit) — a figure in the wrong place shows here, not after
 * saving (a user trial found a 实际完成情况 read as the 预期目标, and 元 shown under 万元, only in the editor).
 */
export function FormRead({ read, index }: { read: FormReadout; index: number }) {
  const scored = read.indicators.some((i) => i.actual !== null || i.score !== null);
  return (
    <div data-testid={`import-read-${index}`}>
      {read.money.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          title={`读到的资金（${read.unit}）`}
          items={read.money.map((m, i) => ({
            key: i,
            label: m.label,
            children: m.cells.length ? m.cells.map((c) => `${c.column} ${c.text}`).join('；') : '—',
          }))}
          style={{ marginBottom: 8 }}
        />
      )}
      {read.goals.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          title="读到的总体目标"
          items={read.goals.map((g, i) => ({ key: i, label: g.label, children: g.text }))}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        title={() => `读到的指标（${read.indicators.length} 个）`}
        dataSource={read.indicators}
        columns={[
          { title: '一级指标', dataIndex: 'level1', width: 100 },
          { title: '二级指标', dataIndex: 'level2', width: 120 },
          { title: '指标名称', dataIndex: 'name' },
          { title: '指标值', dataIndex: 'target', width: 140 },
          ...(scored ? [{ title: '实际完成值', dataIndex: 'actual', width: 140, render: (v: string | null) => v ?? '—' }] : []),
          { title: '分值', dataIndex: 'points', width: 70, align: 'right' as const, render: (v: string | null) => v ?? '—' },
          ...(scored ? [{ title: '得分', dataIndex: 'score', width: 70, align: 'right' as const, render: (v: string | null) => v ?? '—' }] : []),
        ]}
        style={{ marginBottom: 8 }}
      />
    </div>
  );
}
