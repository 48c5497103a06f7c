/**
 * What every form layout needs: the form, its scores under its scheme, and the policy for which
 * scores to print.
 *
 * Scores printed are the computed ones, except where an imported form claims a different score: that
 * is the filler's statement, and replacing it silently would hide the difference from the person
 * signing the form. The claimed score is printed until the user accepts the suggested fix (the A3/A4/A5
 * finding stays open until then); `scores: 'computed'` prints the computed score everywhere, for a
 * user who has decided. A blank claimed score always takes the computed one.
 */
import { cmp, scoreEvaluation, getScheme, type Evaluation, type EvaluationScore, type NumberField, type Scheme } from '@jixiao/core';
import { percentText, points, scoreText } from './cell-format.ts';

export type ScorePolicy = 'claimed' | 'computed';

export interface FormExportOptions {
  scheme?: Scheme;
  scores?: ScorePolicy;
}

export interface FormContext {
  ev: Evaluation;
  score: EvaluationScore;
  scheme: Scheme;
  policy: ScorePolicy;
  /** cells printed with a claimed score that differs from the computed one */
  differing: Array<{ field: string; label: string; claimed: string; computed: string }>;
}

export function formContext(ev: Evaluation, opts: FormExportOptions = {}): FormContext {
  const scheme = opts.scheme ?? getScheme(ev.schemeId);
  return { ev, score: scoreEvaluation(ev, scheme), scheme, policy: opts.scores ?? 'claimed', differing: [] };
}

/** The score to print: claimed or computed by the policy; the claimed text when neither is a number. */
export function chooseScore(ctx: FormContext, [field, label]: [string, string], claimed: NumberField | undefined, computed: string | null, format: (v: string) => string = (v) => scoreText(v, ctx.scheme.decimals)): string {
  const written = claimed && claimed.raw.trim() !== '' ? claimed : undefined;
  if (computed === null) return written ? points(written) : '';
  if (!written || ctx.policy === 'computed') return format(computed);
  if (written.value !== null && cmp(written.value, computed) !== 0) {
    ctx.differing.push({ field, label, claimed: format(written.value), computed: format(computed) });
  }
  return written.value === null ? written.raw : format(written.value);
}

export const indicatorScore = (ctx: FormContext, i: number): string =>
  chooseScore(ctx, [`indicators[${i}].claimedScore`, `指标“${ctx.ev.indicators[i]!.name.raw}”得分`], ctx.ev.indicators[i]!.claimedScore, ctx.score.indicators[i]!.score);

export const totalScore = (ctx: FormContext): string => chooseScore(ctx, ['claimed.total', '总分'], ctx.ev.claimed.total, ctx.score.total);

export const totalPoints = (ctx: FormContext): string => chooseScore(ctx, ['claimed.points', '分值合计'], ctx.ev.claimed.points, ctx.score.points, (v) => scoreText(v, 4));

export function totalGrade(ctx: FormContext): string {
  const written = ctx.ev.claimed.grade?.raw.trim();
  if (written && ctx.policy === 'claimed') {
    if (written !== ctx.score.grade) ctx.differing.push({ field: 'claimed.grade', label: '等级', claimed: written, computed: ctx.score.grade });
    return written;
  }
  return ctx.score.grade;
}

/** The budget total line's 执行率 (%) and 得分, claimed or computed by the same policy. */
export function budgetRate(ctx: FormContext, claimed: NumberField | undefined): string {
  const b = ctx.score.budget;
  const computed = b.rate === null ? null : b.ratePercent;
  return chooseScore(ctx, ['budget.rate', '预算执行率'], claimed, computed, percentText);
}

export const budgetScore = (ctx: FormContext, claimed: NumberField | undefined): string => chooseScore(ctx, ['budget.score', '预算执行得分'], claimed, ctx.score.budget.score);
