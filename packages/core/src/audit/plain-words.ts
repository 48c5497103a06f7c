/**
 * The words a person reads beside a finding (issue 23: people read Chinese, programs read codes): the
 * figures of `Finding.numbers` by their Chinese names, the scoring rule that computed a score by what it
 * does (`R4.reverse` → 反向指标（R4）), where a finding sits. Codes (`A5.TOTAL_SUM`, `R4.reverse`) stay in
 * the API, the CLI and a support detail; these maps are what the web and documents show instead.
 * `packages/server/test/messages-plain.test.ts` fails when a finding carries a figure not named here.
 */
import type { FindingLocation, RuleId } from './finding.ts';
import type { ScoreRule } from '../scoring/score-indicator.ts';
import { mulDiv, trim } from '../values/exact.ts';

/** a figure as the audit writes them (`0.722222`, `-3.5`): only these are turned into percent */
const isDecimal = (s: string) => /^-?\d+(\.\d+)?$/.test(s);

/** The Chinese name of each figure a finding carries in `numbers`. */
export const NUMBER_LABELS: Record<string, string> = {
  claimed: '填报',
  computed: '计算',
  points: '分值',
  score: '得分',
  total: '总分',
  declared: '标明',
  sum: '合计',
  rate: '执行率',
  budget: '预算数',
  executed: '执行数',
  received: '到位数',
  balance: '结转结余',
  value: '数值',
  target: '指标值',
  actual: '实际完成值',
  grade: '等级',
  rule: '计分方法',
  level1: '一级指标',
  scheme: '方案规定',
  completion: '完成程度',
  length: '字数',
  category: '指标类别',
  unspentShare: '未执行比例',
  expected: '应为',
  copies: '相同的表数',
  others: '其他表',
  overCompletion: '超出目标',
  year: '年度',
  named: '写到的年度',
  written: '表中写的',
  maxLength: '字数上限',
  summary: '汇总表中',
  form: '自评表中',
  forms: '表数',
  yuan: '金额（元）',
  annual: '年度金额',
  level2: '二级指标',
  phrase: '用语',
  word: '用词',
  reason: '原因',
  unit: '单位',
  lastActual: '上年实际完成值',
  lastActualValue: '上年实际数值',
  targetValue: '目标数值',
  longTerm: '中长期目标',
  project: '项目',
};

/** What each audit and goal rule checks, with its short number (docs/rules.md §A, §G): a finding's title. */
export const RULE_TITLES: Record<RuleId, string> = {
  A1: '分值合计（A1）',
  A2: '得分范围（A2）',
  A3: '预算资金一致（A3）',
  A4: '得分复算（A4）',
  A5: '总分与等级（A5）',
  A6: '偏差原因说明（A6）',
  A7: '完成值与指标值相符（A7）',
  A8: '指标方向（A8）',
  A9: '与其他表雷同（A9）',
  A10: '部门文件一致（A10）',
  A11: '预算执行与完成程度（A11）',
  A12: '指标可衡量（A12）',
  G1: '指标覆盖（G1）',
  G2: '成本指标（G2）',
  G3: '指标可衡量（G3）',
  G4: '含糊用语（G4）',
  G5: '零值指标（G5）',
  G6: '指标归类（G6）',
  G7: '指标方向（G7）',
  G8: '分值（G8）',
  G9: '资金（G9）',
  G10: '与上年对照（G10）',
  G11: '年度与总体目标（G11）',
};

/** What each scoring rule does, with its short number: shown instead of the rule's code. */
export const SCORE_RULE_NAMES: Record<ScoreRule, string> = {
  'R4.positive': '正向指标（R4）',
  'R4.reverse': '反向指标（R4）',
  'R4.equality': '等于目标值（R4）',
  'R4.list': '分项目标（R4）',
  'R6.tier': '定性分档（R6）',
  'R2.not-applicable': '不适用（R2）',
  manual: '人工评分',
};

/** Figures given as a share of 1 (完成程度 0.75), shown in percent as people write them. */
const SHARES = new Set(['completion', 'unspentShare']);
/** Figures given in percent already (执行率 49.88): shown with their sign. */
const PERCENTS = new Set(['rate']);

/** A figure of a finding as a person reads it: its Chinese name and its value in words where the value is a code. */
export function numberText(key: string, value: string | number | null): { label: string; text: string } {
  const label = NUMBER_LABELS[key] ?? '相关数值';
  if (value === null) return { label, text: '—' };
  if (key === 'rule') return { label, text: SCORE_RULE_NAMES[value as ScoreRule] ?? '计分规则' };
  const n = String(value);
  if (SHARES.has(key) && isDecimal(n)) return { label, text: `${trim(mulDiv([n, '100'], [], 2))}%` };
  if (PERCENTS.has(key) && isDecimal(n)) return { label, text: `${n}%` };
  return { label, text: n };
}

/** The part of a form a finding is about, when it names no cell. */
export const SECTION_NAMES: Record<FindingLocation['section'], string> = {
  identity: '基本信息',
  budget: '预算执行',
  goals: '绩效目标',
  indicators: '绩效指标',
  total: '总分',
  narratives: '分析说明',
  summary: '汇总表',
  report: '报告',
  disclosure: '公开说明',
};
