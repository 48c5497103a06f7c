/** What every form-level audit rule receives: the form, its scheme and its computed score. */
import type { Evaluation } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import type { Finding, FindingLocation, RuleId, SuggestedFix } from './finding.ts';
import { severityOf } from './severity.ts';

export interface FormAudit {
  ev: Evaluation;
  /** position of the form among those audited together */
  index: number;
  scheme: Scheme;
  score: EvaluationScore;
}

export function formRef(a: FormAudit): FindingLocation['form'] {
  return { index: a.index, project: a.ev.project.name.raw, year: a.ev.year };
}

export function finding(
  a: FormAudit,
  code: string,
  message: string,
  where: Omit<FindingLocation, 'form'>,
  numbers: Finding['numbers'],
  fix?: SuggestedFix,
): Finding {
  const f: Finding = {
    rule: code.split('.')[0] as RuleId,
    code,
    severity: severityOf(code, a.scheme),
    message,
    location: { form: formRef(a), ...where },
    numbers,
  };
  if (fix) f.fix = fix;
  return f;
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
  const f: Finding = { rule: code.split('.')[0] as RuleId, code, severity: severityOf(code, scheme), message, location, numbers };
  if (fix) f.fix = fix;
  return f;
}
