/**
 * Column roles by meaning (issue 21, item 1): a header cell is read for what it says, not where it
 * stands. `年度指标值（A）`, `实际完成指标值（B）`, `执行率（B/A）`, `权重（%）` lose their letters and units
 * and are then matched against one table of patterns per kind of table. A header that matches no
 * pattern gets no role: its column is reported (with its text and cell) and nothing under it is read.
 * A role claimed by two columns of one table is ambiguous: its figures are left empty, with a note,
 * rather than taken from either column.
 */
import type { Provenance } from '@jixiao/core';
import type { Cell } from '../grid.ts';
import { norm } from './norm.ts';

/**
 * A header's meaning without its decorations: letters naming the column in a formula (`（A）`,
 * `（B/A）`, `(B÷A×100%)`), units (`（%）`, `（万元）`, `（分）`), the points a column is worth
 * (Beijing's `分值（10分）`: the block's weight, which its line states again) and a trailing colon.
 */
export function headerKey(text: string): string {
  return norm(text)
    .replace(/\((?:[A-Z](?:[/÷×*-][A-Z])*(?:×100%)?|%|万元|元|(?:\d+(?:\.\d+)?)?分|个|数值)\)/g, '')
    .replace(/(?<=[\u4e00-\u9fff])[A-Z]$/, '');
}

export type IndicatorRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'points'
  | 'target'
  | 'targetAdjusted'
  | 'actual'
  | 'completion'
  | 'score'
  | 'coefficient'
  | 'method'
  | 'deviation'
  | 'unit'
  | 'nature'
  | 'core';

/** Header patterns of an indicator table, on `headerKey` text; the first match wins. */
const INDICATOR_PATTERNS: ReadonlyArray<readonly [RegExp, IndicatorRole]> = [
  [/^一级指标(名称)?$/, 'level1'],
  [/^二级指标(名称)?$/, 'level2'],
  [/^(三级指标(名称)?|指标名称|绩效指标名称|具体指标|指标内容)$/, 'name'],
  [/^(指标)?(分值|权重|标准分|满分)$/, 'points'],
  [/^得分系数$/, 'coefficient'],
  [/^(指标|自评)?得分$/, 'score'],
  [/^调整(后)?(指标值|目标值)$/, 'targetAdjusted'],
  [/^(年度|预期|年初|全年|计划|全年计划|年度计划|绩效)?(指标值|目标值)$/, 'target'],
  [/^(实际完成(指标)?值|全年实际(完成)?值|全年完成值|实际完成数|完成值|实际值|完成指标值)$/, 'actual'],
  [/^单项指标完成情况/, 'completion'],
  [/^(得分计算方法|计分方法|评分标准|评分方法|评分规则)$/, 'method'],
  [/^(偏差原因|未完成原因|原因分析|未完成原因分析|存在问题及改进措施$)/, 'deviation'],
  [/^(计量|度量)?单位$/, 'unit'],
  [/^指标(性质|方向)$/, 'nature'],
  [/^是否(为)?核心指标$/, 'core'],
];

/** `method`: the block's 得分计算方法 (北京 2016), a text recognised and not stored, as in the indicator table */
export type BudgetRole = 'initial' | 'declared' | 'prepared' | 'adjusted' | 'received' | 'executed' | 'balance' | 'rate' | 'points' | 'score' | 'method';

const BUDGET_PATTERNS: ReadonlyArray<readonly [RegExp, BudgetRole]> = [
  [/^年初预算(数|金额)?$/, 'initial'],
  [/^目标申报数$/, 'declared'],
  [/^预算编制数$/, 'prepared'],
  // a bare 预算数 (Xiangyang: `预算数（A）`, its note: the adjusted total, carry-over included)
  [/^(全年预算数|调整后预算数|全年预算|预算数\(调整后\)|全年预算金额|预算数)$|^预算安排情况/, 'adjusted'],
  [/^(到位数|资金到位情况|全年到位数|到位资金)$/, 'received'],
  [/^(全年执行数|资金执行情况|全年执行|执行数|预算执行数|实际执行数|实际支出数|全年支出数)$/, 'executed'],
  [/^资金结\(?转\)?余$|^结转结余(数)?$/, 'balance'],
  [/^(预算)?执行率$|^预算执行进度$/, 'rate'],
  // Sichuan's 预算执行情况（10分） block weighs itself under 权重, as its indicator table does
  [/^(分值|权重)$/, 'points'],
  // `得分（20分*执行率）`: the score with the rule it is computed by
  [/^得分(\(.*执行率.*\))?$/, 'score'],
  [/^得分计算方法$/, 'method'],
];

/**
 * Role lookups are asked of every cell while a form's tables are being found; cell texts repeat from
 * form to form (the same headers, the same labels), so the answers are kept, up to a bound.
 */
const MEMO_LIMIT = 20_000;
const indicatorMemo = new Map<string, IndicatorRole | null>();
const budgetMemo = new Map<string, BudgetRole | null>();

function lookup<R>(text: string, memo: Map<string, R | null>, patterns: ReadonlyArray<readonly [RegExp, R]>): R | null {
  const known = memo.get(text);
  if (known !== undefined) return known;
  let role: R | null = null;
  // a header is a short label: a long text (a reason, a goal) is never one, and not worth the patterns
  if (text.length <= 40) {
    const k = headerKey(text);
    for (const [re, r] of patterns)
      if (re.test(k)) {
        role = r;
        break;
      }
  }
  // only short texts are kept: a bound on entries and on their size (cell text is untrusted input)
  if (memo.size < MEMO_LIMIT && text.length <= 64) memo.set(text, role);
  return role;
}

export function indicatorRole(text: string): IndicatorRole | null {
  return lookup(text, indicatorMemo, INDICATOR_PATTERNS);
}

export function budgetRole(text: string): BudgetRole | null {
  return lookup(text, budgetMemo, BUDGET_PATTERNS);
}

/** What each role reads, for the preview (plain Chinese). */
export const ROLE_NAMES: Record<IndicatorRole | BudgetRole | 'symbol' | 'value', string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '指标名称',
  points: '分值',
  target: '年度指标值',
  targetAdjusted: '调整后指标值',
  actual: '实际完成值',
  completion: '完成情况说明',
  score: '得分',
  coefficient: '得分系数',
  method: '得分计算方法',
  deviation: '偏差原因',
  unit: '计量单位',
  nature: '指标性质',
  core: '是否核心指标',
  initial: '年初预算数',
  declared: '目标申报数',
  prepared: '预算编制数',
  adjusted: '全年预算数',
  received: '到位数',
  executed: '全年执行数',
  balance: '结转结余',
  rate: '执行率',
  symbol: '指标值符号',
  value: '指标值数值',
};

/** One header cell in the preview: what it says, where it is, and the role it was given (null: none). */
export interface ColumnReport {
  header: string;
  src: Provenance;
  role: string | null;
  /** the role in words, or why there is none */
  meaning: string;
}

/** Roles whose figures are numbers or targets: never taken from one of two columns claiming them. */
const FIGURES = new Set<string>([
  'points',
  'score',
  'target',
  'targetAdjusted',
  'actual',
  'coefficient',
  'initial',
  'declared',
  'prepared',
  'adjusted',
  'received',
  'executed',
  'balance',
  'rate',
]);

export interface ColumnMap<R extends string> {
  /** role → column index in the header's row */
  cols: Partial<Record<R, number>>;
  columns: ColumnReport[];
  /** roles claimed by more than one column: their figures are not read */
  ambiguous: R[];
}

/**
 * Roles of a header row's cells. Cells before `from` are row labels (not columns with figures) and
 * are neither given roles nor reported. Blank header cells are skipped.
 */
export function mapColumns<R extends string>(
  cells: Cell[],
  roleOf: (text: string) => R | null,
  from = 0,
  isLabel: (text: string) => boolean = () => false,
): ColumnMap<R> {
  const cols: Partial<Record<R, number>> = {};
  const columns: ColumnReport[] = [];
  const seen = new Map<R, number>();
  const ambiguous: R[] = [];
  cells.forEach((c, i) => {
    const header = c.text.replace(/\s+/g, ' ').trim();
    if (i < from || header === '') return;
    const role = roleOf(c.text);
    if (role === null) {
      if (!isLabel(c.text)) columns.push({ header, src: c.src, role: null, meaning: '未识别的列：其中的内容未导入' });
      return;
    }
    columns.push({ header, src: c.src, role, meaning: ROLE_NAMES[role as keyof typeof ROLE_NAMES] ?? role });
    if (seen.has(role)) {
      if (FIGURES.has(role) && !ambiguous.includes(role)) ambiguous.push(role);
      if (!FIGURES.has(role)) columns[columns.length - 1]!.meaning += '（与前一列重复，未导入）';
      return;
    }
    seen.set(role, i);
    cols[role] = i;
  });
  for (const role of ambiguous) {
    delete cols[role];
    for (const c of columns) if (c.role === role) c.meaning = `${ROLE_NAMES[role as keyof typeof ROLE_NAMES] ?? role}：有多列同义，无法确定取哪一列，未导入`;
  }
  return { cols, columns, ambiguous };
}
