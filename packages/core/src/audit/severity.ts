/**
 * Severity of every finding code. A scheme may override any of them (`audit.severity`), so that a
 * province that treats, say, A8 as an error needs data, not code.
 */
import type { Scheme } from '../scheme/scheme.ts';
import type { Severity } from './finding.ts';

export const DEFAULT_SEVERITY: Record<string, Severity> = {
  'A1.TOTAL_POINTS': 'error',
  'A1.GROUP_POINTS': 'error',
  'A1.SCHEME_WEIGHT': 'warning',
  'A1.WRITTEN_POINTS': 'error',
  'A2.SCORE_RANGE': 'error',
  'A3.RATE': 'error',
  'A3.ORDER': 'warning',
  'A3.BALANCE': 'error',
  'A3.LINES_SUM': 'error',
  'A3.ZERO_TOTAL': 'error',
  'A3.BUDGET_UNDEFINED': 'error',
  'A3.NEGATIVE': 'error',
  'A4.SCORE': 'error',
  'A4.BUDGET_SCORE': 'error',
  'A5.TOTAL_SUM': 'error',
  'A5.GRADE': 'error',
  'A5.RULE_TOTAL': 'warning',
  'A5.SUMMARY_SCORE': 'error',
  'A5.SUMMARY_GRADE': 'error',
  'A6.MISSING_EXPLANATION': 'warning',
  'A7.ACTUAL_IS_COMPARISON': 'warning',
  'A7.ACTUAL_NOT_NUMBER': 'warning',
  'A7.ACTUAL_NOT_QUALITATIVE': 'info',
  'A7.UNPARSEABLE': 'warning',
  'A7.MISSING_ACTUAL': 'error',
  'A8.DIRECTION': 'warning',
  'A9.SAME_GOAL': 'warning',
  'A9.SAME_INDICATOR': 'warning',
  'A9.ACHIEVED_EQUALS_GOAL': 'warning',
  'A9.OTHER_YEAR': 'warning',
  'A9.OTHER_YEAR_TEXT': 'info',
  'A10.SUMMARY_TOTAL': 'error',
  'A10.SUMMARY_ROW': 'error',
  'A10.SUMMARY_MISSING_ROW': 'error',
  'A10.RATE': 'error',
  'A10.REPORT_FIGURE': 'error',
  'A10.REPORT_INCOMPLETE': 'info',
  'A11.COMPLETION_VS_EXECUTION': 'warning',
  'A11.UNSPENT': 'warning',
  'A12.UNMEASURABLE': 'warning',
  'A12.VAGUE': 'info',
};

export function severityOf(code: string, scheme: Scheme): Severity {
  return scheme.audit.severity?.[code] ?? DEFAULT_SEVERITY[code] ?? 'warning';
}
