/**
 * The goal form's linter: rules G1–G11 (docs/rules.md §G), pure and fast enough to run on every
 * keystroke in the browser (bench/lint.ts). Findings have the audit's shape and carry the indicator's
 * stable id; their order is rule by rule, then by row.
 */
import type { Finding } from '../../audit/finding.ts';
import { BUILTIN_SCHEMES, getScheme } from '../../scheme/registry.ts';
import type { Scheme } from '../../scheme/scheme.ts';
import type { GoalForm } from './goal-form.ts';
import { goalLint, type GoalLint, type PreviousYear } from './lint-context.ts';
import { g1Coverage } from './rules/g1-coverage.ts';
import { g2Cost } from './rules/g2-cost.ts';
import { g3Measurable } from './rules/g3-measurable.ts';
import { g4VagueWords } from './rules/g4-vague-words.ts';
import { g5Zero } from './rules/g5-zero.ts';
import { g6Placement } from './rules/g6-placement.ts';
import { g7Direction } from './rules/g7-direction.ts';
import { g8Points } from './rules/g8-points.ts';
import { g9Money } from './rules/g9-money.ts';
import { g10History } from './rules/g10-history.ts';
import { g11AnnualVsTotal } from './rules/g11-annual-vs-total.ts';

export type { PreviousYear } from './lint-context.ts';

export const GOAL_RULES: ReadonlyArray<(l: GoalLint, out: Finding[]) => void> = [
  g1Coverage,
  g2Cost,
  g3Measurable,
  g4VagueWords,
  g5Zero,
  g6Placement,
  g7Direction,
  g8Points,
  g9Money,
  g10History,
  g11AnnualVsTotal,
];

export interface LintGoalOptions {
  /** last year's record of the project: each indicator's id and 实际完成值 (G10) */
  previous?: PreviousYear;
  /** the scheme whose weights and severities apply; default the form's own (national when unknown) */
  scheme?: Scheme;
  /** the form's position when several are linted together (for the findings' `location.form.index`) */
  index?: number;
}

function schemeOf(form: GoalForm): Scheme {
  return BUILTIN_SCHEMES.has(form.schemeId) ? getScheme(form.schemeId) : getScheme('national');
}

export function lintGoalForm(form: GoalForm, opts: LintGoalOptions = {}): Finding[] {
  const l = goalLint(form, opts.scheme ?? schemeOf(form), opts.previous, opts.index ?? 0);
  const out: Finding[] = [];
  for (const rule of GOAL_RULES) rule(l, out);
  return out;
}
