/** What every form-level audit rule receives: the form, its scheme and its computed score. */
import type { Evaluation } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { scoreEvaluation, type EvaluationScore } from '../scoring/score-evaluation.ts';
import type { Finding, FindingLocation, RuleId, SuggestedFix } from './finding.ts';
import { severityOf } from './severity.ts';

export interface FormAudit {
  ev: Evaluation;
  /** position of the form among those audited together */
  index: number;
  scheme: Scheme;
  score: EvaluationScore;
  /** the form as every finding about it names it: made once per form, shared by its findings (read-only) */
  ref: NonNullable<FindingLocation['form']>;
}

/** Score a form and make the context its rules receive. */
export function formAudit(ev: Evaluation, index: number, scheme: Scheme): FormAudit {
  return keptAudit(ev, index, scheme, scoreEvaluation(ev, scheme));
}

/** The context of a form whose score is already known (it has not changed since it was scored). */
export function keptAudit(ev: Evaluation, index: number, scheme: Scheme, score: EvaluationScore): FormAudit {
  return { ev, index, scheme, score, ref: { index, project: ev.project.name.raw, year: ev.year } };
}

/** `A4.SCORE` → `A4`, once per code (a finding is made thousands of times per department). */
const RULE_OF_CODE = new Map<string, RuleId>();
function ruleOf(code: string): RuleId {
  let rule = RULE_OF_CODE.get(code);
  if (rule === undefined) {
    rule = code.slice(0, code.indexOf('.')) as RuleId;
    RULE_OF_CODE.set(code, rule);
  }
  return rule;
}

/** Where a finding sits within its form: the location without the form. */
export type Where = Omit<FindingLocation, 'form'>;

export function finding(a: FormAudit, code: string, message: string, where: Where, numbers: Finding['numbers'], fix?: SuggestedFix): Finding {
  return made(a.scheme, code, message, locate(a.ref, where, where.indicator === undefined ? undefined : a.ev.indicators[where.indicator]?.id), numbers, fix);
}

function made(scheme: Scheme, code: string, message: string, location: FindingLocation, numbers: Finding['numbers'], fix: SuggestedFix | undefined): Finding {
  const rule = ruleOf(code);
  const severity = severityOf(code, scheme);
  // Whole literals, never a property added afterwards: an added property lives outside the object
  // (one more allocation per finding, ~12 per form), and the audit makes findings by the thousand.
  return fix ? { rule, code, severity, message, location, numbers, fix } : { rule, code, severity, message, location, numbers };
}

/** The location with the form first, as one literal of the fields present (see finding()). */
function locate(form: FindingLocation['form'], w: Where, indicatorId: string | undefined): FindingLocation {
  const { section, indicator, field, src } = w;
  if (field !== undefined) {
    if (indicator !== undefined)
      return indicatorId !== undefined
        ? src !== undefined
          ? { form, section, indicator, indicatorId, field, src }
          : { form, section, indicator, indicatorId, field }
        : src !== undefined
          ? { form, section, indicator, field, src }
          : { form, section, indicator, field };
    return src !== undefined ? { form, section, field, src } : { form, section, field };
  }
  const location: FindingLocation = { form, section };
  if (indicator !== undefined) location.indicator = indicator;
  if (indicatorId !== undefined) location.indicatorId = indicatorId;
  if (src !== undefined) location.src = src;
  return location;
}

/** A finding about a department document (汇总表, report, disclosure), optionally tied to a form. */
export function departmentFinding(
  scheme: Scheme,
  code: string,
  message: string,
  location: FindingLocation,
  numbers: Finding['numbers'],
  fix?: SuggestedFix,
): Finding {
  return made(scheme, code, message, location, numbers, fix);
}

/** `indicators[3].claimedScore`, made once per row and field: fixes name one on thousands of findings. */
const FIELD_PATHS = new Map<string, string[]>();
export function indicatorField(i: number, field: string): string {
  let paths = FIELD_PATHS.get(field);
  if (paths === undefined) FIELD_PATHS.set(field, (paths = []));
  return (paths[i] ??= `indicators[${i}].${field}`);
}
