/**
 * Scoring of one 三级 indicator: R4 (quantitative), R5 (over-completion), R6 (qualitative tiers).
 *
 * Every result carries an explanation in Chinese that shows the numbers, so that a reader can redo
 * the arithmetic by hand. Arithmetic is exact (BigInt rationals over the decimal strings, see
 * values/exact.ts); the score is rounded half up once, at the end.
 */
import type { Indicator } from '../model/evaluation.ts';
import { canonicalLevel2 } from '../model/categories.ts';
import { directionByName } from './direction-by-name.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { cmp, format, isNegative, isZero, mulDiv, parts, round, sub, times, trim } from '../values/exact.ts';
import { flatText } from '../values/flat-text.ts';
import { commensurate, parseValue, TIER_LABELS, type Comparison, type ParsedValue, type Quantity, type Tier } from '../values/parse-value.ts';

export type ScoreRule = 'R4.positive' | 'R4.reverse' | 'R4.equality' | 'R4.list' | 'R6.tier' | 'R2.not-applicable' | 'manual';

/** How the computed score was reached. */
export type ScoreBasis =
  /** by the rule, from the target and the actual */
  | 'rule'
  /** the rule cannot decide (a different word, an unparseable value): the evaluator's claimed score stands, clamped to [0, 分值] */
  | 'claimed'
  /** nothing to score with */
  | 'none';

export interface IndicatorScore {
  /** position in `evaluation.indicators` */
  index: number;
  level1: string;
  /** canonical 二级 name */
  category: string;
  /** 分值, 分 */
  points: string | null;
  /** recomputed score, 分, rounded to the scheme's decimals; null when it cannot be computed */
  score: string | null;
  /** the score as written on the form, 分 */
  claimed: string | null;
  rule: ScoreRule;
  basis: ScoreBasis;
  explanation: string;
  /** R6 tier, when the indicator was scored as qualitative */
  tier: Tier | null;
  /** direction the rule used */
  direction: Comparison | null;
  /** completion share (B ÷ A for positive/equality, A ÷ B for reverse), uncapped, 6 decimals; null when not quantitative */
  completion: string | null;
  /** R5: (B − A) ÷ A, 6 decimals, when it exceeds the scheme threshold */
  overCompletion: string | null;
  /** the parsed target (the adjusted one when present) and actual, for the audit rules */
  target: ParsedValue;
  actual: ParsedValue;
  /** the target text that counted */
  targetUsed: 'initial' | 'adjusted';
}

export interface ScoreOptions {
  /** replaces the written actual (Hebei layout: the 预算执行率 row takes the budget block's rate) */
  actualOverride?: { value: ParsedValue; note: string };
}

export function scoreIndicator(ind: Indicator, index: number, scheme: Scheme, opts: ScoreOptions = {}): IndicatorScore {
  const category = canonicalLevel2(ind.level2.raw);
  const adjusted = ind.targetAdjusted && ind.targetAdjusted.raw.trim() !== '' ? ind.targetAdjusted : null;
  const target = parseValue(adjusted ? adjusted.raw : ind.target.raw);
  const actual = opts.actualOverride?.value ?? parseValue(ind.actual.raw);
  const points = ind.points.value;
  let result: Decision;
  if (points === null) result = none(`分值“${ind.points.raw}”无法识别，不能计分`);
  else if (ind.notApplicable) result = decision(null, 'R2.not-applicable', 'none', '该指标不适用，不计分');
  else result = decide(target, actual, points, category, scheme, ind);
  const score = result.score;
  // kept with the score: stored flat (see flatText)
  const explanation = flatText(opts.actualOverride ? `${opts.actualOverride.note}；${result.explanation}` : result.explanation);
  // One object literal with every field: spreading a partial result costs more than the arithmetic.
  return {
    index,
    level1: ind.level1,
    category,
    points,
    score,
    claimed: ind.claimedScore.value,
    rule: result.rule,
    basis: result.basis,
    explanation,
    tier: result.tier,
    direction: result.direction,
    completion: result.completion,
    overCompletion: result.over,
    target,
    actual,
    targetUsed: adjusted ? 'adjusted' : 'initial',
  };
}

/** How one indicator was decided. Every field is always present, so that every decision has one shape. */
interface Decision {
  /** rounded to the scheme's decimals */
  score: string | null;
  rule: ScoreRule;
  basis: ScoreBasis;
  explanation: string;
  tier: Tier | null;
  direction: Comparison | null;
  completion: string | null;
  over: string | null;
}

/**
 * A decision in one object literal of one shape. The rules used to spread optional parts
 * (`...(over && { over })`), which made a temporary object per part and a differently shaped result
 * per branch: both showed in the profile of scoring a province.
 */
function decision(
  score: string | null,
  rule: ScoreRule,
  basis: ScoreBasis,
  explanation: string,
  direction: Comparison | null = null,
  completion: string | null = null,
  over: string | null = null,
  tier: Tier | null = null,
): Decision {
  return { score, rule, basis, explanation, tier, direction, completion, over };
}

function decide(target: ParsedValue, actual: ParsedValue, w: string, category: string, scheme: Scheme, ind: Indicator): Decision {
  // The evaluator stated a tier: R6, whatever the target looks like.
  if (actual.kind === 'tier') return byTier(actual.tier, w, scheme, ind, `实际完成情况为“${TIER_LABELS[actual.tier]}”`);

  if (target.kind === 'quantity') {
    if (actual.kind === 'quantity') return quantitative(target, actual, w, category, scheme, ind.name.raw);
    if (actual.kind === 'empty') return none('缺少实际完成值，无法计分');
    return byClaim(w, ind, scheme, `目标为数值“${target.raw.trim()}”，实际完成值“${actual.raw.trim()}”不是数值（${describe(actual)}）`);
  }
  if (target.kind === 'list') {
    if (actual.kind === 'list') return listScore(target.parts, actual.parts, w, scheme);
    return byClaim(w, ind, scheme, `目标为分项数值，实际完成值“${actual.raw.trim()}”未逐项填写`);
  }
  if (target.kind === 'word' || target.kind === 'date' || target.kind === 'tier') {
    if (matches(target, actual)) return byTier('met', w, scheme, ind, `实际“${actual.raw.trim()}”与目标“${target.raw.trim()}”一致，视为达成预期指标`);
    if (actual.kind === 'empty') return none('缺少实际完成值，无法计分');
    return byClaim(w, ind, scheme, `定性指标：实际“${actual.raw.trim()}”与目标“${target.raw.trim()}”不同，需评价人选择档次`);
  }
  if (target.kind === 'empty') return byClaim(w, ind, scheme, '缺少年度指标值');
  return byClaim(w, ind, scheme, `年度指标值“${target.raw.trim()}”无法识别：${target.reason}`);
}

function describe(v: ParsedValue): string {
  switch (v.kind) {
    case 'unparseable':
      return v.reason;
    case 'word':
      return '文字';
    case 'date':
      return '日期';
    case 'list':
      return '分项列表';
    case 'empty':
      return '空';
    default:
      return v.kind;
  }
}

function none(explanation: string, direction: Comparison | null = null): Decision {
  return decision(null, 'manual', 'none', explanation, direction);
}

/** The rule cannot decide: keep the evaluator's score, clamped to [0, w], and say so. */
function byClaim(w: string, ind: Indicator, scheme: Scheme, why: string): Decision {
  const claimed = ind.claimedScore.value;
  if (claimed === null) return none(`${why}；且未填写得分`);
  let c = claimed;
  let clamp = '';
  if (cmp(c, w) > 0) {
    c = w;
    clamp = `（填报得分超过分值，按分值 ${trim(w)}分计）`;
  } else if (isNegative(c)) {
    c = '0';
    clamp = '（填报得分为负，按 0 分计）';
  }
  return decision(round(c, scheme.decimals), 'manual', 'claimed', `${why}；暂按填报得分 ${trim(c)}分${clamp}`);
}

/** R6: the claimed score stands when it lies inside the tier; otherwise the top of the tier. */
function byTier(tier: Tier, w: string, scheme: Scheme, ind: Indicator, why: string): Decision {
  const [lo, hi] = scheme.tiers[tier].map((s) => trim(times(w, s))) as [string, string];
  const claimed = ind.claimedScore.value;
  // The lower bound is inclusive for every tier; the upper bound only for the top tier (R6 table).
  const inside = claimed !== null && cmp(claimed, lo) >= 0 && (tier === 'met' ? cmp(claimed, hi) <= 0 : cmp(claimed, hi) < 0);
  const range = `${TIER_LABELS[tier]}档 ${lo}–${hi}分`;
  // Every explanation ends with the score it gives (the quantitative ones end with `= x分` or `得满分 x分`).
  if (inside) {
    const score = round(claimed, scheme.decimals);
    return decision(score, 'R6.tier', 'rule', `${why}；${range}，取评价人所定 ${trim(claimed)}分，得 ${score}分`, null, null, null, tier);
  }
  // Default: the top of the range; for the lower tiers the top is exclusive, so take the highest score below it.
  const top = tier === 'met' ? hi : sub(hi, format(1n, scheme.decimals));
  const score = round(top, scheme.decimals);
  return decision(score, 'R6.tier', 'rule', `${why}；${range}，取档内最高 ${trim(top)}分，得 ${score}分`, null, null, null, tier);
}

function matches(target: ParsedValue, actual: ParsedValue): boolean {
  if (target.kind === 'date' && actual.kind === 'date') {
    if (target.wholeYear || actual.wholeYear) return target.wholeYear === actual.wholeYear && target.year === actual.year;
    // A date without a year is read in the form's year: only month and day are compared then.
    if (target.year !== null && actual.year !== null && actual.year !== target.year) return actual.year < target.year;
    const t = (target.month ?? 12) * 100 + (target.day ?? 31);
    const a = (actual.month ?? 12) * 100 + (actual.day ?? 31);
    return a <= t;
  }
  if (target.kind === 'word' && actual.kind === 'word') return actual.word === target.word || actual.word.includes(target.word);
  if (target.kind === 'tier' && actual.kind === 'tier') return actual.tier === target.tier;
  return false;
}

const DIRECTION_NAMES: Record<string, string> = { '>=': '正向指标', '<=': '反向指标', '=': '等值指标' };

/** A figure for an explanation: exact when short, else 4 decimals and an ellipsis (the arithmetic keeps every digit). */
function show(d: string): string {
  const t = trim(d);
  const dot = t.indexOf('.');
  return dot >= 0 && t.length - dot - 1 > 4 ? `${trim(round(t, 4))}…` : t;
}

/** A share to 6 decimals, for the audit rules. */
const share = (n: string, d: string) => trim(mulDiv([n], [d], 6));

function quantitative(
  target: Extract<ParsedValue, { kind: 'quantity' }>,
  actual: Extract<ParsedValue, { kind: 'quantity' }>,
  w: string,
  category: string,
  scheme: Scheme,
  name: string,
): Decision {
  const unify = commensurate(target, actual);
  if (!unify.ok) return none(unify.reason);
  const { a, b, unit } = unify;
  const places = scheme.decimals;
  const full = round(w, places);
  let notes = unify.note ?? '';
  if (actual.approximate) notes += `${notes ? '；' : ''}实际值“${actual.raw.trim()}”为约数，按 ${show(b)} 计`;
  if (actual.op !== null && actual.op !== '=') notes += `${notes ? '；' : ''}实际值写作比较式“${actual.raw.trim()}”，按 ${show(b)} 计`;
  let op: Comparison;
  if (target.op === null) {
    // The indicator's own name first (a rate better lower is reverse), then the scheme's default by 二级.
    const named = directionByName(name);
    if (named && named.op === null) return none(`${notes ? `${notes}。` : ''}${named.why}`);
    if (named) {
      op = named.op as Comparison;
      notes += `${notes ? '；' : ''}${named.why}`;
    } else {
      op = (scheme.defaultDirection[category] ?? scheme.defaultDirection['*'] ?? '>=') as Comparison;
      notes += `${notes ? '；' : ''}目标未写比较符号，${category}按${DIRECTION_NAMES[op]}计`;
    }
  } else op = target.op;
  if (isNegative(a) || isNegative(b)) return none('目标或实际值为负数，不能按比例计分');

  const A = `${show(a)}${unit}`;
  const B = `${show(b)}${unit}`;
  const W = `${trim(w)}分`;
  const lead = notes ? `${notes}。` : '';
  const aZero = isZero(a);

  if (op === '>=' || op === '>') {
    const over = overCompletion(a, b, scheme);
    if (cmp(b, a) >= 0)
      return decision(full, 'R4.positive', 'rule', `${lead}正向指标：实际 ${B} ≥ 目标 ${A}，得满分 ${full}分`, op, aZero ? null : share(b, a), over);
    if (aZero) return none(`${lead}目标为 0，无法按比例计分`, op);
    const score = mulDiv([b, w], [a], places);
    return decision(score, 'R4.positive', 'rule', `${lead}正向指标：实际 ${show(b)} ÷ 目标 ${show(a)} × ${W} = ${score}分`, op, share(b, a));
  }
  if (op === '<=' || op === '<') {
    if (cmp(b, a) <= 0)
      return decision(full, 'R4.reverse', 'rule', `${lead}反向指标：实际 ${B} ≤ 目标 ${A}，得满分 ${full}分`, op, isZero(b) ? null : share(a, b));
    if (aZero) return none(`${lead}目标为 0，无法按比例计分`, op);
    const score = mulDiv([a, w], [b], places);
    return decision(score, 'R4.reverse', 'rule', `${lead}反向指标：目标 ${show(a)} ÷ 实际 ${show(b)} × ${W} = ${score}分`, op, share(a, b));
  }
  // '='
  const c = cmp(b, a);
  if (c === 0) return decision(full, 'R4.equality', 'rule', `${lead}等值指标：实际 ${B} = 目标 ${A}，得满分 ${full}分`, op, aZero ? null : '1');
  if (c > 0) {
    const over = overCompletion(a, b, scheme);
    return decision(
      full,
      'R4.equality',
      'rule',
      `${lead}等值指标：实际 ${B} 超过目标 ${A}，得满分 ${full}分，需说明超额原因（R5）`,
      op,
      aZero ? null : share(b, a),
      over,
    );
  }
  if (aZero) return none(`${lead}目标为 0，无法按比例计分`, op);
  const score = mulDiv([b, w], [a], places);
  return decision(score, 'R4.equality', 'rule', `${lead}等值指标：实际 ${show(b)} ÷ 目标 ${show(a)} × ${W} = ${score}分`, op, share(b, a));
}

/** R5: (B − A) ÷ A, when above the scheme's threshold. */
function overCompletion(a: string, b: string, scheme: Scheme): string | null {
  if (isZero(a) || cmp(b, a) <= 0) return null;
  const excess = sub(b, a);
  return cmp(excess, times(a, scheme.overCompletionThreshold)) > 0 ? share(excess, a) : null;
}

/** `分别为564路、50套…` against the same list: each part scored as positive, the points shared equally. */
function listScore(targets: Quantity[], actuals: Quantity[], w: string, scheme: Scheme): Decision {
  if (targets.length !== actuals.length) return none(`目标有 ${targets.length} 项，实际有 ${actuals.length} 项，无法逐项比较`);
  // Σ min(bᵢ/aᵢ, 1) ÷ n × w as one exact fraction.
  let num = 0n;
  let den = 1n;
  const shown: string[] = [];
  for (let i = 0; i < targets.length; i++) {
    const u = commensurate(targets[i]!, actuals[i]!);
    if (!u.ok) return none(`第 ${i + 1} 项：${u.reason}`);
    if (isZero(u.a)) return none(`第 ${i + 1} 项目标为 0，无法按比例计分`);
    const [bm, bs] = cmp(u.b, u.a) >= 0 ? parts('1') : parts(u.b);
    const [am, as] = cmp(u.b, u.a) >= 0 ? parts('1') : parts(u.a);
    // share = (bm / 10^bs) / (am / 10^as) = bm·10^as / (am·10^bs)
    const sn = bm * 10n ** BigInt(as);
    const sd = am * 10n ** BigInt(bs);
    num = num * sd + sn * den;
    den *= sd;
    shown.push(`${show(u.b)}/${show(u.a)}`);
  }
  const score = mulDiv([num.toString(), w], [den.toString(), String(targets.length)], scheme.decimals);
  return decision(
    score,
    'R4.list',
    'rule',
    `分项正向指标：各项完成比例（${shown.join('，')}，超额按 1 计）的平均 × ${trim(w)}分 = ${score}分`,
    '>=',
    trim(mulDiv([num.toString()], [den.toString(), String(targets.length)], 6)),
  );
}
