/**
 * What every form layout needs: the form, its scores under its scheme, and the policy for which
 * scores to print — one policy per document (core: department/score-source.ts), so that a form
 * attached to a report prints the figure the report's text says.
 *
 * The default prints the computed (corrected) scores everywhere. `scores: 'claimed'` prints what the
 * form claims — the filler's statement — wherever it gives one, and records each cell where that
 * differs from the computed score (`differing`), so the caller can show the differences before the
 * download. A blank claimed score always takes the computed one.
 */
import { cmp, gradeOf, scoreEvaluation, getScheme, round, trim, type Evaluation, type EvaluationScore, type NumberField, type Scheme } from '@jixiao/core';
import { percentText, scoreText } from './cell-format.ts';

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
  /** cells where the form claims a figure that the computed one printed instead replaces */
  corrected: Array<{ field: string; label: string; claimed: string; computed: string }>;
}

export function formContext(ev: Evaluation, opts: FormExportOptions = {}): FormContext {
  const scheme = opts.scheme ?? getScheme(ev.schemeId);
  return { ev, score: scoreEvaluation(ev, scheme), scheme, policy: opts.scores ?? 'computed', differing: [], corrected: [] };
}

/** The score to print: claimed or computed by the policy; the claimed text when neither is a number. */
export function chooseScore(
  ctx: FormContext,
  [field, label]: [string, string],
  claimed: NumberField | undefined,
  computed: string | null,
  format: (v: string) => string = (v) => scoreText(v, ctx.scheme.decimals),
): string {
  const written = claimed && claimed.raw.trim() !== '' ? claimed : undefined;
  if (computed === null) return written ? (written.value === null ? written.raw : format(written.value)) : '';
  if (!written) return format(computed);
  if (ctx.policy === 'computed') {
    if (written.value !== null && cmp(written.value, computed) !== 0)
      ctx.corrected.push({ field, label, claimed: format(written.value), computed: format(computed) });
    return format(computed);
  }
  if (written.value !== null && cmp(written.value, computed) !== 0) {
    ctx.differing.push({ field, label, claimed: format(written.value), computed: format(computed) });
  }
  return written.value === null ? written.raw : format(written.value);
}

export const indicatorScore = (ctx: FormContext, i: number): string =>
  chooseScore(
    ctx,
    [`indicators[${i}].claimedScore`, `指标“${ctx.ev.indicators[i]!.name.raw}”得分`],
    ctx.ev.indicators[i]!.claimedScore,
    ctx.score.indicators[i]!.score,
  );

export const totalScore = (ctx: FormContext): string => chooseScore(ctx, ['claimed.total', '总分'], ctx.ev.claimed.total, ctx.score.total);

export const totalPoints = (ctx: FormContext): string =>
  chooseScore(ctx, ['claimed.points', '分值合计'], ctx.ev.claimed.points, ctx.score.points, (v) => trim(round(v, 4)));

export function totalGrade(ctx: FormContext): string {
  const written = ctx.ev.claimed.grade?.raw.trim();
  if (written && ctx.policy === 'claimed') {
    if (written !== ctx.score.grade) ctx.differing.push({ field: 'claimed.grade', label: '等级', claimed: written, computed: ctx.score.grade });
    return written;
  }
  if (written && written !== ctx.score.grade) ctx.corrected.push({ field: 'claimed.grade', label: '等级', claimed: written, computed: ctx.score.grade });
  // a claimed total without a written grade: the grade of that total (R1), never the computed total's
  const claimedTotal = ctx.ev.claimed.total?.value;
  if (ctx.policy === 'claimed' && claimedTotal) return gradeOf(claimedTotal, ctx.scheme);
  return ctx.score.grade;
}

/** The budget total line's 执行率 (%) and 得分, claimed or computed by the same policy. */
export function budgetRate(ctx: FormContext, claimed: NumberField | undefined): string {
  const b = ctx.score.budget;
  const computed = b.rate === null ? null : b.ratePercent;
  return chooseScore(ctx, ['budget.rate', '预算执行率'], claimed, computed, percentText);
}

export const budgetScore = (ctx: FormContext, claimed: NumberField | undefined): string =>
  chooseScore(ctx, ['budget.score', '预算执行得分'], claimed, ctx.score.budget.score);
