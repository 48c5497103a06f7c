/**
 * A stored form's document, whatever its kind: the 自评表 (`Evaluation`) or the 绩效目标申报表 (`GoalForm`,
 * which says `kind: 'goal'` in itself). What every kind has — project name, year, scheme, layout,
 * indicators with ids, names and targets — is read from the union; the rest is asked of the form's kind
 * (kinds/registry.ts), which the store keeps beside the document.
 */
import type { GoalForm } from '../kinds/goal/goal-form.ts';
import type { Evaluation } from './evaluation.ts';

export type FormDocument = Evaluation | GoalForm;
