/**
 * What the import preview shows of each form's content before it is saved (issue 21, item 8): the
 * money lines, the goal texts and every indicator, as read — so that a figure read into the wrong
 * place (a 实际完成情况 taken for the 预期目标, money in 元 under 万元) is seen in the preview, not after
 * saving. Texts as the form writes them; money in 万元 (the import converts 元).
 */
import type { contract, Evaluation, GoalForm, NumberField, TextField } from '@jixiao/core';

type Readout = contract.FormReadout;

/**
 * A cell's text on one line for the preview's tables: a break between two ideographs is where the cell
 * wrapped (`结算完成\n率`), dropped; any other becomes a space. The stored text keeps its breaks.
 */
const oneLine = (s: string): string =>
  s
    .trim()
    .replace(/(?<=[\u3400-\u9fff])\s*\n\s*(?=[\u3400-\u9fff])/g, '')
    .replace(/\s*\n\s*/g, ' ');

const text = (f: TextField | NumberField | undefined): string | null => (f && f.raw.trim() !== '' ? oneLine(f.raw) : null);

/** The labelled texts that are filled, each on one line. */
function filled(pairs: ReadonlyArray<readonly [string, TextField | undefined]>): Readout['goals'] {
  return pairs.flatMap(([label, f]) => {
    const t = text(f);
    return t === null ? [] : [{ label, text: t }];
  });
}

/** An indicator's row as both kinds have it; a goal form has no actual and no score. */
type IndicatorLike = Pick<Evaluation['indicators'][number], 'level1' | 'level2' | 'name' | 'target'> & { points?: NumberField };
const indicatorRow = (i: IndicatorLike, actual: string | null, score: string | null): Readout['indicators'][number] => ({
  level1: i.level1,
  level2: oneLine(i.level2.raw),
  name: oneLine(i.name.raw),
  target: oneLine(i.target.raw),
  actual,
  points: text(i.points),
  score,
});

const BUDGET_COLUMNS = [
  ['initial', '年初预算数'],
  ['adjusted', '全年预算数'],
  ['executed', '全年执行数'],
  ['rate', '执行率'],
  ['points', '分值'],
  ['score', '得分'],
] as const;

export function evaluationReadout(ev: Evaluation): Readout {
  const money = ev.budget.lines.map((line) => ({
    label: oneLine(line.label.raw),
    cells: BUDGET_COLUMNS.flatMap(([k, column]) => {
      const t = text(line[k]);
      return t === null ? [] : [{ column, text: t }];
    }),
  }));
  return {
    unit: '万元',
    money,
    goals: filled([
      ['年度总体目标（预期目标）', ev.goals.expected],
      ['实际完成情况', ev.goals.achieved],
    ]),
    indicators: ev.indicators.map((i) => indicatorRow(i, text(i.actual), text(i.claimedScore))),
  };
}

const GOAL_MONEY = [
  ['total', '项目资金总额'],
  ['annual', '年度资金总额'],
  ['fiscal', '其中：财政拨款'],
  ['carryover', '其中：上年结转'],
  ['other', '其中：其他资金'],
] as const;

export function goalReadout(g: GoalForm): Readout {
  const column = '金额';
  return {
    unit: g.money.unit,
    money: GOAL_MONEY.flatMap(([k, label]) => {
      const t = text(g.money[k]);
      return t === null ? [] : [{ label, cells: [{ column, text: t }] }];
    }),
    goals: filled([
      ['中长期目标', g.goals.longTerm],
      ['年度目标', g.goals.annual],
    ]),
    indicators: g.indicators.map((i) => indicatorRow(i, null, null)),
  };
}
