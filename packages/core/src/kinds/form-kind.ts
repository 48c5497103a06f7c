/** What every form kind declares (registry.ts lists the kinds). */
import type { z } from 'zod';
import type { Finding } from '../audit/finding.ts';
import type { FormFigures } from '../model/form-figures.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import type { EvaluationStatus } from '../ports/store.ts';
import type { Role, WorkflowAction } from '../workflow/workflow.ts';
import type { FormDocument } from '../model/form-document.ts';

export type { FormDocument };

/** What a kind's check gives: the score where the kind is scored (null where it is not), and the findings of its rules. */
export interface FormCheck {
  score: EvaluationScore | null;
  findings: Finding[];
}

/** Last year's record of the project, by indicator id: what the checks on history (G10) compare against. */
export interface FormHistory {
  year: number;
  /** 实际完成值 by indicator id */
  actuals: Readonly<Record<string, string>>;
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

/** A form of another kind this kind's form can start from (`POST /api/forms {from}`). */
export interface FormSource<F> {
  /** the name the API gives it (`from: 'goals'`) */
  from: string;
  /** the kind of the form started from, of the same project and year */
  kind: string;
  /** the status the source must have reached (an approved goal form), and its label in the error */
  status: EvaluationStatus;
  make(source: FormDocument, year: number): F;
  /**
   * What a later save of the source (`before` → `after`) writes into the form started from it — the goals'
   * adjustments after approval into the year's 自评表 — and the indicator ids it concerns (none: nothing to
   * write). Absent: the form takes nothing after it was started.
   */
  follow?(before: FormDocument, after: FormDocument, form: F): { form: F; indicatorIds: string[] };
}

/** The approved version frozen: in this status only the edits `problems` allows are saved. */
export interface FrozenEdits<F> {
  status: EvaluationStatus;
  /** the code a refused edit is reported with (GOAL.APPROVED_FROZEN) */
  code: string;
  /** what the edit may not do, compared with the stored (approved) version; empty when it may be saved */
  problems(approved: F, edited: F): Array<{ code: string; message: string; details: Record<string, unknown> }>;
}

export interface FormKind<F extends FormDocument = FormDocument> {
  id: string;
  /** the form's official title, e.g. 项目支出绩效自评表 */
  title: string;
  /** what people call it in a sentence, e.g. 自评表 */
  label: string;
  schema: z.ZodType<F>;
  /** whether a document is of this kind (a goal form says `kind: 'goal'`; a 自评表 says no kind) — without parsing it again */
  isOwn(form: FormDocument): form is F;
  /** whether the kind is scored (a total and a grade); a goal form is not */
  scored: boolean;
  /** the score alone, for paths that store many forms and show none of them (import, next year's forms); null for a kind not scored */
  score(form: F, scheme: Scheme): EvaluationScore | null;
  /** the score and the findings of the kind's rules: what a person sees beside the form; `history` is last year's record when known */
  check(form: F, scheme: Scheme, history?: FormHistory): FormCheck;
  /** the figures kept for lists and sums, from the form's score */
  figures(form: F, score: EvaluationScore | null): FormFigures;
  /** an empty form in the region's template */
  blank(input: NewFormInput, scheme: Scheme, template: F | null): F;
  /** this year's form started from last year's: tree and targets copied, actuals empty */
  carryOver(previous: F, year: number): F;
  /** forms of other kinds a form of this kind can start from */
  startsFrom: ReadonlyArray<FormSource<F>>;
  /**
   * The kind whose form of the year before is this form's history (its 实际完成值 shown beside the targets),
   * and whether the kind's check uses it (the goal linter's G10 does).
   */
  history: { kind: string; checked: boolean };
  /** the 3-level tree's indicators with their 实际完成值, when the form records actuals (for next year's history) */
  actuals(form: F): Array<{ id: string | undefined; name: string; actual: string }>;
  /** the total the form claims (自评总分), for lists; null where there is none */
  claimedTotal(form: F): string | null;
  /** titles by which the importer recognises a form of this kind */
  importTitles: readonly string[];
  /** the paper layouts it is exported in */
  exportLayouts: readonly string[];
  workflow: Readonly<Record<WorkflowAction, readonly WorkflowStep[]>>;
  /** the kind's own names of statuses and actions, where they differ from the self-evaluation's (goals: 财政已批复) */
  statusLabels: Readonly<Record<EvaluationStatus, string>>;
  actionLabels: Readonly<Record<WorkflowAction, string>>;
  /** what stops a submission */
  submissionBlockers(check: FormCheck): Finding[];
  /** the approved version frozen, for kinds that have one */
  frozen?: FrozenEdits<F>;
}
