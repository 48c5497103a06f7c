/**
 * 财政复核 on the printed form (issue 23, item 7): the finance reviewer's 复核得分 — of indicators and of the
 * budget-execution score — with their reasons, the total after the review, and the 复核意见, as a table of
 * its own under the form's. The self-evaluated scores above are never overwritten: both are printed.
 */
import { BUDGET_REVIEW_TARGET, scoreText, type Evaluation } from '@jixiao/core';
import { fitWidths, type DocBlock, type DocCell } from './document-model.ts';

/** What the finance review of one form says, as the use cases hand it to the export. */
export interface PrintedReview {
  /** 复核得分 by indicator id (`BUDGET_REVIEW_TARGET` for the budget-execution score), 分 */
  scores: ReadonlyArray<{ indicatorId: string; score: string; reason: string }>;
  /** the total with the 复核得分 in place (workflow.ts reviewedTotal), or null when nothing was re-scored */
  total: string | null;
  opinion: string | null;
}

const cell = (text: string, more: Omit<DocCell, 'text'> = {}): DocCell => ({ text, ...more });

/** The reviewed item as a person names it: the indicator's name, or the budget-execution score. */
function itemName(ev: Evaluation, indicatorId: string): string {
  if (indicatorId === BUDGET_REVIEW_TARGET) return '预算执行率得分';
  const row = ev.indicators.findIndex((i) => i.id === indicatorId);
  const name = row < 0 ? '' : ev.indicators[row]!.name.raw.trim();
  return name || (row < 0 ? '已删除的指标' : `第 ${row + 1} 行指标`);
}

/** Nothing when the form has no review; else the 财政复核 table (landscape, as the form). */
export function reviewBlocks(ev: Evaluation, review: PrintedReview | undefined, places: number): DocBlock[] {
  if (!review || (review.scores.length === 0 && !review.opinion)) return [];
  const number = (v: string) => ({ value: scoreText(v, places), format: places === 0 ? '0' : `0.${'0'.repeat(places)}` });
  // the budget first, then the indicators in the order of the form
  const order = (id: string) => (id === BUDGET_REVIEW_TARGET ? -1 : ev.indicators.findIndex((i) => i.id === id));
  const scores = [...review.scores].sort((a, b) => order(a.indicatorId) - order(b.indicatorId));
  const rows = [
    { cells: [cell('财政复核', { colSpan: 3, align: 'center', bold: true })], header: true },
    ...(scores.length
      ? [
          {
            cells: [
              cell('复核项目', { align: 'center', bold: true }),
              cell('复核理由', { align: 'center', bold: true }),
              cell('复核得分', { align: 'center', bold: true }),
            ],
          },
          ...scores.map((s) => ({
            cells: [cell(itemName(ev, s.indicatorId)), cell(s.reason), cell(scoreText(s.score, places), { align: 'right', number: number(s.score) })],
          })),
        ]
      : []),
    ...(review.total !== null
      ? [
          {
            cells: [
              cell('复核后总分', { align: 'center', bold: true }),
              cell(''),
              cell(scoreText(review.total, places), { align: 'right', bold: true, number: number(review.total) }),
            ],
          },
        ]
      : []),
    ...(review.opinion ? [{ cells: [cell('复核意见', { align: 'center', bold: true }), cell(review.opinion, { colSpan: 2 })] }] : []),
  ];
  return [{ kind: 'table', table: { widths: fitWidths([30, 100, 20], true), rows } }];
}
