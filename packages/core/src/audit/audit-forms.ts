/**
 * The audit of one form (A1–A8, A11, A12) and of the forms of a department together (adding A9).
 * Pure: the same forms give the same findings, in a stable order.
 */
import type { Evaluation } from '../model/evaluation.ts';
import { getScheme } from '../scheme/registry.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { formAudit, keptAudit, type FormAudit } from './context.ts';
import type { Finding } from './finding.ts';
import { keepImprovingFixes } from './offered-fixes.ts';
import { a1PointsAddUp } from './rules/a1-points-add-up.ts';
import { a2ScoreRange } from './rules/a2-score-range.ts';
import { a3BudgetConsistent } from './rules/a3-budget-consistent.ts';
import { a4ScoresRecomputed } from './rules/a4-scores-recomputed.ts';
import { a5TotalAndGrade } from './rules/a5-total-and-grade.ts';
import { a6Explanations } from './rules/a6-explanations.ts';
import { a7ActualFitsTarget } from './rules/a7-actual-fits-target.ts';
import { a8Direction } from './rules/a8-direction.ts';
import { CopyDetector } from './rules/a9-copies.ts';
import { a11ExecutionVsAchievement } from './rules/a11-execution-vs-achievement.ts';
import { a12MeasurableTargets } from './rules/a12-measurable-targets.ts';

/**
 * Every form rule's findings on one form, in rule order, appended to `out`, each fix kept only when it
 * makes the form better (offered-fixes.ts). Each rule appends its own
 * rather than returning an array to copy (ten arrays per form, most of them empty), and each is
 * called by name — one call site per rule, which the compiler can inline, where a loop over a list
 * of rules made one call site that saw ten different functions.
 */
function formFindings(a: FormAudit, out: Finding[]): void {
  const from = out.length;
  ruleFindings(a, out);
  keepImprovingFixes(a, out, from, ruleFindings);
}

function ruleFindings(a: FormAudit, out: Finding[]): void {
  a1PointsAddUp(a, out);
  a2ScoreRange(a, out);
  a3BudgetConsistent(a, out);
  a4ScoresRecomputed(a, out);
  a5TotalAndGrade(a, out);
  a6Explanations(a, out);
  a7ActualFitsTarget(a, out);
  a8Direction(a, out);
  a11ExecutionVsAchievement(a, out);
  a12MeasurableTargets(a, out);
}

export type SchemeFor = (ev: Evaluation) => Scheme;
export const schemeOfForm: SchemeFor = (ev) => getScheme(ev.schemeId);

export interface FormResult {
  score: EvaluationScore;
  findings: Finding[];
}

export function auditForm(ev: Evaluation, scheme: Scheme = schemeOfForm(ev), index = 0): FormResult {
  const a = formAudit(ev, index, scheme);
  const findings: Finding[] = [];
  formFindings(a, findings);
  return { score: a.score, findings };
}

export interface FormsResult {
  scores: EvaluationScore[];
  /** every form's findings, then the cross-form ones (A9), ordered by form */
  findings: Finding[];
}

export function auditForms(forms: readonly Evaluation[], schemeFor: SchemeFor = schemeOfForm): FormsResult {
  // Two passes: score every form, then run the rules and A9 form by form. Interleaving the two per
  // form (tried first, to keep each form in the processor's cache) measured ≈ 10 % slower once the
  // rules had become light: scoring and the rules each keep their own code and tables warm. The
  // findings still come out in form order, without a sort.
  const audits = forms.map((ev, index) => formAudit(ev, index, schemeFor(ev)));
  const copies = new CopyDetector();
  const findings: Finding[] = [];
  for (const a of audits) {
    formFindings(a, findings);
    copies.add(a, findings);
  }
  const scores = audits.map((a) => a.score);
  return { scores, findings: mergeByForm(findings, copies.finish()) };
}

/**
 * The audit of the same forms as `before`, in the same order, where only the forms at the positions
 * `changed` are new versions: the same result as `auditForms(forms)`, without scoring and checking the
 * others again. A department's 汇总表 is opened again after each form edited; at province scale the
 * department holds ≈ 1,000 forms, and one edit re-audited all of them. The other forms' scores and own
 * findings (A1–A8, A11, A12) depend on nothing but the form and are taken from `before`; A9 compares
 * forms with each other and is run again on all of them (a twentieth of the audit).
 */
export function reauditForms(
  forms: readonly Evaluation[],
  before: FormsResult,
  changed: ReadonlySet<number>,
  schemeFor: SchemeFor = schemeOfForm,
): FormsResult {
  if (before.scores.length !== forms.length) throw new RangeError(`reauditForms: ${forms.length} forms, ${before.scores.length} audited before`);
  const own = ownFindingsByForm(before.findings, forms.length);
  const copies = new CopyDetector();
  const findings: Finding[] = [];
  const scores: EvaluationScore[] = [];
  forms.forEach((ev, index) => {
    const scheme = schemeFor(ev);
    const again = changed.has(index);
    const a = again ? formAudit(ev, index, scheme) : keptAudit(ev, index, scheme, before.scores[index]!);
    if (again) formFindings(a, findings);
    else for (const f of own[index]!) findings.push(f);
    copies.add(a, findings);
    scores.push(a.score);
  });
  return { scores, findings: mergeByForm(findings, copies.finish()) };
}

/** Each form's findings other than A9 (which depends on the other forms), by form, in their order. */
function ownFindingsByForm(findings: readonly Finding[], forms: number): Finding[][] {
  const by: Finding[][] = Array.from({ length: forms }, () => []);
  for (const f of findings) {
    const i = f.location.form?.index;
    if (f.rule !== 'A9' && i !== undefined) by[i]!.push(f);
  }
  return by;
}

/**
 * The findings ordered by form, each form's own first: `byForm` is in form order already (made form by
 * form), so the copies across forms (A9) are put after their form's findings in one linear merge
 * rather than a sort of every finding.
 */
function mergeByForm(byForm: Finding[], copies: Finding[]): Finding[] {
  if (copies.length === 0) return byForm;
  const formOf = (f: Finding) => f.location.form?.index ?? Infinity;
  const extra = copies.sort((x, y) => formOf(x) - formOf(y)); // stable: each form's copies keep their order
  // sized once: pushing 12,000 findings one by one regrows (and copies) the array a dozen times
  const out = new Array<Finding>(byForm.length + extra.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < byForm.length; i++) {
    const form = formOf(byForm[i]!);
    while (j < extra.length && formOf(extra[j]!) < form) out[k++] = extra[j++]!;
    out[k++] = byForm[i]!;
  }
  while (j < extra.length) out[k++] = extra[j++]!;
  return out;
}

/** true when nothing blocks submission: no error, and no missing A6 explanation. */
export function canSubmit(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error' || f.code === 'A6.MISSING_EXPLANATION');
}
