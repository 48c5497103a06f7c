/**
 * The goal editor's state, as the self-evaluation's (editor/use-form-editor.ts): the form as last saved,
 * the draft and the edits between them. Every keystroke is an EditAction applied by core, and the whole
 * form is linted again (G1–G11) by the same core the server uses — with last year's actuals when the
 * server gives them (G10).
 */
import { useCallback, useMemo, useReducer } from 'react';
import { applyGoalEdit, lintGoalForm, replayGoalEdits, type EditAction, type GoalForm } from '@jixiao/core';
import type { GoalFull } from '../api.ts';
import { indexFindings } from '../editor/finding-index.ts';
import { cellFindings } from './goal-findings.ts';

interface State {
  saved: GoalFull;
  draft: GoalForm;
  edits: EditAction[];
  /** why the last edit could not be applied, if it could not */
  editError: string | null;
}

type Msg =
  { type: 'edit'; action: EditAction } | { type: 'saved'; saved: GoalFull } | { type: 'rebase'; saved: GoalFull; draft: GoalForm; edits: EditAction[] };

function reduce(s: State, m: Msg): State {
  switch (m.type) {
    case 'edit':
      try {
        const draft = applyGoalEdit(s.draft, m.action);
        return draft === s.draft ? s : { ...s, draft, edits: [...s.edits, m.action], editError: null };
      } catch (e) {
        return { ...s, editError: (e as Error).message };
      }
    case 'saved':
      return { saved: m.saved, draft: m.saved.evaluation, edits: [], editError: null };
    case 'rebase':
      return { saved: m.saved, draft: m.draft, edits: m.edits, editError: null };
  }
}

export function useGoalEditor(initial: GoalFull) {
  const [state, send] = useReducer(reduce, initial, (saved): State => ({ saved, draft: saved.evaluation, edits: [], editError: null }));
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
  const edit = useCallback((action: EditAction) => send({ type: 'edit', action }), []);
  const markSaved = useCallback((s: GoalFull) => send({ type: 'saved', saved: s }), []);
  /** Takes the newer version from a 409 and re-applies this user's edits on it; returns those that no longer fit. */
  const rebase = useCallback(
    (current: GoalFull) => {
      const r = replayGoalEdits(current.evaluation, state.edits);
      send({ type: 'rebase', saved: current, draft: r.form, edits: state.edits.filter((a) => !r.skipped.includes(a)) });
      return r;
    },
    [state.edits],
  );
  return { ...state, dirty: state.edits.length > 0, findingList, findings, edit, markSaved, rebase };
}

export type GoalEditorState = ReturnType<typeof useGoalEditor>;
