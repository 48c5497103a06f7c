/** What every form kind declares (registry.ts lists the kinds). */
import type { z } from 'zod';
import type { Finding } from '../audit/finding.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { FormFigures } from '../model/form-figures.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import type { EvaluationStatus } from '../ports/store.ts';
import type { Role, WorkflowAction } from '../workflow/workflow.ts';

/** What a kind's check gives: the score where the kind is scored, and the findings of its rules. */
export interface FormCheck {
  score: EvaluationScore;
  findings: Finding[];
}

export interface NewFormInput {
  project: string;
  year: number;
  schemeId: string;
  layout: string;
  department?: string | undefined;
}

export interface WorkflowStep {
  from: EvaluationStatus;
  to: EvaluationStatus;
  roles: readonly Role[];
  /** a frozen copy of the form is kept at this step */
  snapshot: boolean;
}

export interface FormKind<F = Evaluation> {
  id: string;
  /** the form's official title, e.g. 项目支出绩效自评表 */
  title: string;
  /** what people call it in a sentence, e.g. 自评表 */
  label: string;
  schema: z.ZodType<F>;
  /** the score alone, for paths that store many forms and show none of them (import, next year's forms) */
  score(form: F, scheme: Scheme): EvaluationScore;
  /** the score and the findings of the kind's rules: what a person sees beside the form */
  check(form: F, scheme: Scheme): FormCheck;
  /** the figures kept for lists and sums, from the form's score */
  figures(form: F, score: EvaluationScore): FormFigures;
  /** an empty form in the region's template */
  blank(input: NewFormInput, scheme: Scheme, template: F | null): F;
  /** this year's form started from last year's: tree and targets copied, actuals empty */
  carryOver(previous: F, year: number): F;
  /** titles by which the importer recognises a form of this kind */
  importTitles: readonly string[];
  /** the paper layouts it is exported in */
  exportLayouts: readonly string[];
  workflow: Readonly<Record<WorkflowAction, readonly WorkflowStep[]>>;
  /** what stops a submission */
  submissionBlockers(check: FormCheck): Finding[];
}
