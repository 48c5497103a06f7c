/**
 * The department's 汇总表 (县直部门绩效自评情况汇总表) as the Hebei seed lays it out: a two-row merged
 * header, one row per project, the 自评率 merged down the project rows, and a 合计 that is the sum of
 * the rows above (a live SUM in the workbook). Every figure comes from the computed summary.
 */
import { add, moneyPlaces, round, numberFormat, SCORE_SOURCE_NOTE, type DepartmentSummary, type ScoreSource } from '@jixiao/core';
import { percentText, scoreText } from './cell-format.ts';
import { fitWidths, type DocCell, type DocRow, type OfficialDocument } from './document-model.ts';

export interface SummaryDocumentOptions {
  /** 预算部门 printed above the table */
  department?: string;
  title?: string;
  filler?: { name?: string; phone?: string };
  /** 复核得分 (分) per row, from the finance review; a column of its own when any row has one */
  reviewed?: ReadonlyArray<string | null>;
  /** which scores the rows carry (summaryWithScores); computed by default */
  scoreSource?: ScoreSource;
  /** decimal places of a score, the scheme's (R4); 2 by default */
  scorePlaces?: number;
}

/**
 * A money cell: the text and the workbook's number format show the same places — 2, or as many as
 * the amount states (6.695 prints 6.695 in both, never 6.70 in the workbook).
 */
function money(v: string | null, sumAbove?: number): DocCell {
  if (v === null) return { text: '', align: 'right' };
  const p = moneyPlaces(v);
  return { text: round(v, p), align: 'right', number: { value: v, format: numberFormat(p), ...(sumAbove && { sumAbove }) } };
}

export function summaryDocument(s: DepartmentSummary, opts: SummaryDocumentOptions = {}): OfficialDocument {
  const head = (text: string): DocCell => ({ text, rowSpan: 2, align: 'center', bold: true });
  const n = s.rows.length;
  const rate = `${s.selfEvaluationRate}%`;
  const places = opts.scorePlaces ?? 2;
  const score = (v: string): DocCell => ({ text: scoreText(v, places), align: 'right', number: { value: v, format: numberFormat(places) } });

  // Self-evaluation and finance review side by side: the review never overwrites the self-score.
  const reviewed = opts.reviewed?.some((x) => x !== null) ? opts.reviewed : null;
  const reviewCell = (i: number): DocCell[] => {
    if (!reviewed) return [];
    const v = reviewed[i] ?? null;
    return [v === null ? { text: '', align: 'right' } : score(v)];
  };
  const rows: DocRow[] = [
    {
      header: true,
      cells: [
        '序号',
        '项目名称',
        '全年预算数',
        '全年执行数',
        '资金类型',
        '自评得分',
        '自评等级',
        ...(reviewed ? ['复核得分'] : []),
        '自评率\n（应评项目数/已自评项目数）',
      ].map(head),
    },
    { header: true, cells: [] },
    ...s.rows.map((r, i): DocRow => ({
      cells: [
        { text: String(r.seq), align: 'center' },
        { text: r.project },
        money(r.budget),
        money(r.executed),
        { text: r.fundType, align: 'center' },
        score(r.score),
        { text: r.grade, align: 'center' },
        ...reviewCell(i),
        ...(i === 0 ? [{ text: rate, rowSpan: n, align: 'center' as const }] : []),
      ],
    })),
    {
      cells: [
        { text: '合计', align: 'center', bold: true },
        { text: '' },
        // the 合计 printed is the exact sum of the rows printed
        money(add(s.rows.map((r) => r.budget ?? '0')), n),
        money(add(s.rows.map((r) => r.executed ?? '0')), n),
        { text: '' },
        { text: '' },
        { text: '' },
        ...(reviewed ? [{ text: '' }] : []),
        { text: rate, align: 'center' },
      ],
    },
  ];
  const year = s.year === null ? '' : `${s.year}年度`;
  return {
    name: `${year}绩效自评情况汇总表`,
    sections: [
      {
        blocks: [
          { kind: 'title', text: opts.title ?? `${year}县直部门绩效自评情况汇总表` },
          { kind: 'paragraph', text: `预算部门（盖章）：${opts.department ?? ''}        金额单位：万元`, prose: true },
          { kind: 'table', table: { widths: fitWidths([8, 40, 15, 15, 18, 12, 12, ...(reviewed ? [12] : []), 22]), rows } },
          { kind: 'paragraph', text: `填表人：${opts.filler?.name ?? ''}        联系电话：${opts.filler?.phone ?? ''}` },
          {
            kind: 'paragraph',
            prose: true,
            text: `注：${SCORE_SOURCE_NOTE[opts.scoreSource ?? 'computed']}；全年执行率${s.total.rate === null ? '—' : percentText(s.total.rate)}。`,
          },
        ],
      },
    ],
  };
}
