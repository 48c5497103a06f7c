/**
 * The goal editor's state, as the self-evaluation's (editor/use-form-editor.ts): the form as last saved,
 * the draft and the edits between them. Every keystroke is an EditAction applied by core, and the whole
 * form is linted again (G1–G11) by the same core the server uses — with last year's actuals when the
 * server gives them (G10).
 */
import { useMemo } from 'react';
import { applyGoalEdit, lintGoalForm } from '@jixiao/core';
import type { GoalFull } from '../api.ts';
import { indexFindings } from '../editor/finding-index.ts';
import { useDraft } from '../editor/use-draft.ts';
import { cellFindings } from './goal-findings.ts';

export function useGoalEditor(initial: GoalFull) {
  const state = useDraft(initial, applyGoalEdit);
  const actuals = state.saved.previousYear?.actuals;
  const previous = useMemo(() => (actuals ? { indicators: Object.entries(actuals).map(([id, actual]) => ({ id, actual })) } : undefined), [actuals]);
  // Linted on every edit, well under a millisecond for 30 rows; `jixiao:goal-lint` shows it in the profiler.
  const findingList = useMemo(() => {
    const start = performance.now();
    const r = lintGoalForm(state.draft, previous ? { previous } : {});
    performance.measure('jixiao:goal-lint', { start, end: performance.now() });
    return cellFindings(r);
  }, [state.draft, previous]);
  const findings = useMemo(() => indexFindings(findingList), [findingList]);
  return { ...state, findingList, findings };
}

export type GoalEditorState = ReturnType<typeof useGoalEditor>;
