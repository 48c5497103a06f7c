/**
 * Severity of every goal lint code (docs/rules.md §G). `error` blocks submitting the goal form,
 * `warning` needs a look or a reason, `info` is advice. A scheme may override any code
 * (`audit.severity`), as it can for the audit rules.
 */
import type { Severity } from '../../audit/finding.ts';
import type { Scheme } from '../../scheme/scheme.ts';

export const GOAL_SEVERITY: Record<string, Severity> = {
  'G1.NO_OUTPUT': 'error',
  'G1.NO_BENEFIT': 'error',
  'G1.MISSING_OUTPUT_DIMENSION': 'warning',
  'G1.NO_SATISFACTION': 'warning',
  'G1.NO_INDICATORS': 'error',
  'G2.NO_COST': 'warning',
  'G2.WHOLE_BUDGET': 'warning',
  'G2.NO_EXTERNAL_COST': 'info',
  'G3.EMPTY': 'error',
  'G3.NO_DIRECTION': 'warning',
  'G3.NO_NUMBER': 'warning',
  'G3.QUALITATIVE': 'info',
  'G3.NO_UNIT': 'warning',
  'G3.APPROXIMATE': 'warning',
  'G3.UNPARSEABLE': 'warning',
  'G4.VAGUE_TARGET': 'warning',
  'G4.VAGUE_QUALITATIVE': 'info',
  'G4.VAGUE_GOAL': 'info',
  'G5.ZERO_TARGET': 'error',
  'G5.ZERO_UNSIGNED': 'warning',
  'G6.SATISFACTION_UNDER_BENEFIT': 'warning',
  'G6.QUALITY_UNDER_BENEFIT': 'warning',
  'G7.DIRECTION': 'warning',
  'G7.LOWER_IS_BETTER': 'warning',
  'G7.HIGHER_IS_BETTER': 'warning',
  'G8.NOT_A_NUMBER': 'error',
  'G8.NOT_POSITIVE': 'error',
  'G8.MISSING': 'error',
  'G8.GROUP_POINTS': 'error',
  'G9.NOT_A_NUMBER': 'error',
  'G9.NEGATIVE': 'error',
  'G9.PARTS_SUM': 'error',
  'G9.ANNUAL_MISSING': 'warning',
  'G9.ANNUAL_ABOVE_TOTAL': 'error',
  'G10.BELOW_LAST_ACTUAL': 'warning',
  'G10.BEATEN_BY_30': 'warning',
  'G11.SAME_AS_LONG_TERM': 'warning',
  'G11.SAME_GOAL_TEXT': 'warning',
};

export function goalSeverityOf(code: string, scheme: Scheme): Severity {
  return scheme.audit.severity?.[code] ?? GOAL_SEVERITY[code] ?? 'warning';
}
