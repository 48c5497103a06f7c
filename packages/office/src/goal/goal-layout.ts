/**
 * The 项目支出绩效目标申报表 in the national layout, as a document the .docx and .xlsx writers render:
 * identity, the money block (项目资金, in the form's unit), 总体目标 (中长期 beside 年度), and the
 * indicator table with 一级/二级/三级指标, 中长期指标值 beside 年度指标值, 分值 and 指标值设定依据 — and,
 * once a target was adjusted after approval, 调整后指标值 and 调整原因 beside the approved value (both
 * kept, both shown). `recognize-goal.ts` reads this layout back.
 */
import type { GoalForm, GoalIndicator, NumberField } from '@jixiao/core';
import { fitWidths, type DocCell, type DocRow, type OfficialDocument } from '../export/document-model.ts';

export const GOAL_TITLE = '项目支出绩效目标申报表';

/** A money cell: its exact value as text, and as a number with as many decimals as it has for a workbook. */
function money(f: NumberField | undefined): DocCell {
  if (!f || f.raw.trim() === '') return { text: '', align: 'right' };
  if (f.value === null) return { text: f.raw, align: 'right' };
  const decimals = f.value.includes('.') ? f.value.length - f.value.indexOf('.') - 1 : 0;
  return { text: f.value, align: 'right', number: { value: f.value, format: decimals ? `0.${'0'.repeat(decimals)}` : '0' } };
}

const label = (text: string, colSpan = 1, rowSpan = 1): DocCell => ({ text, colSpan, rowSpan, align: 'center', bold: true });
const value = (text: string, colSpan = 1): DocCell => ({ text, colSpan });

/** Rows of the indicator table, 一级 and 二级 merged down over the rows they head (as the national form prints them). */
function indicatorRows(form: GoalForm, adjusted: boolean): DocRow[] {
  const inds = form.indicators;
  const span = (i: number, same: (a: GoalIndicator, b: GoalIndicator) => boolean): number => {
    let n = 1;
    while (i + n < inds.length && same(inds[i]!, inds[i + n]!)) n++;
    return n;
  };
  const sameLevel1 = (a: GoalIndicator, b: GoalIndicator) => a.level1 === b.level1;
  const sameLevel2 = (a: GoalIndicator, b: GoalIndicator) => sameLevel1(a, b) && a.level2.raw.trim() === b.level2.raw.trim();
  return inds.map((ind, i): DocRow => {
    const cells: DocCell[] = [];
    if (i === 0 || !sameLevel1(inds[i - 1]!, ind)) cells.push({ text: ind.level1, rowSpan: span(i, sameLevel1), align: 'center' });
    if (i === 0 || !sameLevel2(inds[i - 1]!, ind)) cells.push({ text: ind.level2.raw, rowSpan: span(i, sameLevel2), align: 'center' });
    cells.push(
      { text: ind.name.raw },
      { text: ind.longTermTarget?.raw ?? '', align: 'center' },
      { text: ind.target.raw, align: 'center' },
      ind.points && ind.points.value !== null
        ? { text: ind.points.value, align: 'center', number: { value: ind.points.value, format: ind.points.value.includes('.') ? '0.00' : '0' } }
        : { text: ind.points?.raw ?? '', align: 'center' },
      { text: ind.basis?.raw ?? '', align: 'center' },
    );
    if (adjusted) cells.push({ text: ind.adjusted?.target.raw ?? '', align: 'center' }, { text: ind.adjusted?.reason.raw ?? '' });
    return { cells };
  });
}

export function goalDocument(form: GoalForm): OfficialDocument {
  const adjusted = form.indicators.some((i) => i.adjusted !== undefined);
  // grid: 绩效指标 | 一级 | 二级 | 三级 | 中长期指标值 | 年度指标值 | 分值 | 指标值设定依据 (| 调整后指标值 | 调整原因)
  const n = adjusted ? 10 : 8;
  const rest = n - 2;
  const v1 = Math.floor(rest / 2) - 1;
  const v2 = rest - v1 - 1;
  const half = (rest - 2) / 2;
  const p = form.project;
  const m = form.money;
  const unit = m.unit;
  const goalHalf = Math.floor(rest / 2);
  const rows: DocRow[] = [
    { cells: [label('项目名称', 2), value(p.name.raw, rest)] },
    { cells: [label('主管部门', 2), value(p.department?.name.raw ?? '', v1), label('实施单位'), value(p.implementer?.name.raw ?? '', v2)] },
    { cells: [label('项目性质', 2), value(p.nature?.raw ?? '', v1), label('项目类别'), value(p.category?.raw ?? '', v2)] },
    { cells: [label('起止年月', 2), value(p.period?.raw ?? '', v1), label('项目代码'), value(p.code?.raw ?? '', v2)] },
    {
      cells: [
        label(`项目资金\n（${unit}）`, 2, 3),
        label('项目资金总额'),
        { ...money(m.total), colSpan: half },
        label('年度资金总额'),
        { ...money(m.annual), colSpan: half },
      ],
    },
    { cells: [label('其中：财政拨款'), { ...money(m.fiscal), colSpan: half }, label('上年结转'), { ...money(m.carryover), colSpan: half }] },
    { cells: [label('其他资金'), { ...money(m.other), colSpan: half }, label(''), value('', half)] },
    { cells: [label('总体目标', 2, 2), label('中长期目标', goalHalf), label('年度目标', rest - goalHalf)] },
    { cells: [value(form.goals.longTerm?.raw ?? '', goalHalf), value(form.goals.annual?.raw ?? '', rest - goalHalf)] },
    {
      header: false,
      cells: [
        label('绩效指标', 1, form.indicators.length + 1),
        ...['一级指标', '二级指标', '三级指标', '中长期指标值', '年度指标值', '分值', '指标值设定依据', ...(adjusted ? ['调整后指标值', '调整原因'] : [])].map(
          (t) => label(t),
        ),
      ],
    },
    ...indicatorRows(form, adjusted),
  ];
  const year = form.year === null ? '' : `${form.year}年度`;
  return {
    name: `${year}${GOAL_TITLE}-${p.name.raw}`.slice(0, 60),
    sections: [
      {
        landscape: adjusted,
        blocks: [
          { kind: 'title', text: GOAL_TITLE },
          { kind: 'paragraph', text: `（${year || '　　年度'}）`, align: 'center' },
          { kind: 'paragraph', text: `填报单位（盖章）：${p.implementer?.name.raw ?? ''}` },
          { kind: 'table', table: { widths: fitWidths(adjusted ? [8, 14, 16, 30, 16, 16, 8, 14, 16, 22] : [7, 13, 20, 28, 20, 20, 8, 16], adjusted), rows } },
          { kind: 'paragraph', text: `填表人：${form.filler?.name?.raw ?? ''}        联系电话：${form.filler?.phone?.raw ?? ''}` },
        ],
      },
    ],
  };
}
