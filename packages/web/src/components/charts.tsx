/**
 * The overview's charts, with only the ECharts parts they use registered (the full bundle is ~1 MB):
 * grade distribution, score against 执行率, budget against execution.
 */
import EChartsReactCore from 'echarts-for-react/esm/core';
import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { escapeHtml, fixed, GRADE_COLORS, GRADES, money } from '../format.ts';
import type { SummaryRow } from '../api.ts';

echarts.use([PieChart, ScatterChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

const HEIGHT = 260; // fixed, so the page does not shift when the data arrives

function Chart({ option, label }: { option: object; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: HEIGHT }} notMerge lazyUpdate opts={{ renderer: 'svg' }} />
    </div>
  );
}

export function GradeChart({ counts }: { counts: Record<string, number> }) {
  const data = GRADES.map((g) => ({ name: g, value: counts[g] ?? 0, itemStyle: { color: GRADE_COLORS[g] } }));
  return (
    <Chart
      label="等级分布"
      option={{
        tooltip: { trigger: 'item', formatter: '{b}：{c} 个项目（{d}%）' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'], data, label: { formatter: '{b} {c}' }, animation: false }],
      }}
    />
  );
}

export function ScoreRateChart({ rows }: { rows: readonly SummaryRow[] }) {
  // Positions are floats; the tooltip prints the exact figures of the 汇总表.
  const shown = rows.filter((r) => r.rate !== null);
  const points = shown.map((r) => ({ name: r.project, value: [Number(r.rate), Number(r.score)], itemStyle: { color: GRADE_COLORS[r.grade] } }));
  return (
    <Chart
      label="得分与执行率"
      option={{
        grid: { left: 44, right: 16, top: 16, bottom: 40 },
        tooltip: {
          trigger: 'item',
          formatter: (p: { dataIndex: number }) => {
            const r = shown[p.dataIndex]!;
            return `${escapeHtml(r.project)}<br/>执行率 ${fixed(r.rate)}%<br/>得分 ${fixed(r.score)} 分（${escapeHtml(r.grade)}）`;
          },
        },
        xAxis: { type: 'value', name: '执行率 %', nameLocation: 'middle', nameGap: 26, min: 0, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
        yAxis: { type: 'value', name: '得分', min: 0, max: 100 },
        series: [
          {
            type: 'scatter',
            symbolSize: 10,
            data: points,
            animation: false,
            markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [{ yAxis: 90 }, { yAxis: 80 }, { yAxis: 60 }] },
          },
        ],
      }}
    />
  );
}

export function BudgetChart({ rows }: { rows: readonly SummaryRow[] }) {
  // The largest budgets: a bar per project is unreadable past a few dozen.
  const top = [...rows].sort((a, b) => Number(b.budget ?? 0) - Number(a.budget ?? 0)).slice(0, 12);
  const short = (s: string) => (s.length > 8 ? `${s.slice(0, 8)}…` : s);
  return (
    <Chart
      label="预算与执行"
      option={{
        grid: { left: 56, right: 16, top: 28, bottom: 56 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: Array<{ dataIndex: number }>) => {
            const r = top[ps[0]!.dataIndex]!;
            return `${escapeHtml(r.project)}<br/>全年预算数 ${money(r.budget)} 万元<br/>全年执行数 ${money(r.executed)} 万元<br/>执行率 ${fixed(r.rate)}%`;
          },
        },
        xAxis: { type: 'category', data: top.map((r) => short(r.project)), axisLabel: { rotate: 30, fontSize: 11 } },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { name: '全年预算数', type: 'bar', data: top.map((r) => Number(r.budget ?? 0)), itemStyle: { color: '#91caff' }, animation: false },
          { name: '全年执行数', type: 'bar', data: top.map((r) => Number(r.executed ?? 0)), itemStyle: { color: '#1677ff' }, animation: false },
        ],
      }}
    />
  );
}
