/**
 * A finding of the audit rules (docs/rules.md, A): which rule, how serious, where, the numbers involved,
 * a message in Chinese and, where one exists, the fix to suggest.
 */
import type { Provenance } from '../model/evaluation.ts';

export type RuleId = 'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6' | 'A7' | 'A8' | 'A9' | 'A10' | 'A11' | 'A12' | GoalRuleId;
/** lint rules of the 绩效目标申报表 (docs/rules.md §G) */
export type GoalRuleId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10' | 'G11';
export type Severity = 'error' | 'warning' | 'info';

export type Section = 'identity' | 'budget' | 'goals' | 'indicators' | 'total' | 'narratives' | 'summary' | 'report' | 'disclosure';

export interface FindingLocation {
  /** the form: its position among the forms audited, its project and year */
  form?: { index: number; project: string; year: number | null };
  section: Section;
  /** position in `evaluation.indicators` (for the cell on screen) */
  indicator?: number;
  /** the indicator's id (what a finding is about, whatever its row) */
  indicatorId?: string;
  /** the model field, e.g. `claimedScore`, `budget.lines[0].rate`, `goals.expected` */
  field?: string;
  /** the source cell when the form was imported */
  src?: Provenance;
}

export interface SuggestedFix {
  /** the model field to change */
  field: string;
  /** the value to write (as text, the way the form writes it) */
  value: string;
  /** what the fix does, in Chinese */
  label: string;
  /**
   * Other cells the same fix writes, so that the form stays consistent: the 总分 (and 等级) that
   * followed the sum of the scores follow the corrected score — without them the fix would trade one
   * finding for another (issue 23: a fix is offered only when it makes the form better).
   */
  also?: Array<{ field: string; value: string }>;
}

export interface Finding {
  rule: RuleId;
  /** stable code: rule + what, e.g. `A1.GROUP_POINTS` */
  code: string;
  severity: Severity;
  message: string;
  location: FindingLocation;
  /** the figures the finding is about (分, 万元, %, shares as fractions) */
  numbers: Record<string, string | number | null>;
  fix?: SuggestedFix;
}
