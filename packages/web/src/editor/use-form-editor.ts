/**
 * The editor's state: the form as last saved, the draft, and the edits between them. Every keystroke
 * is an EditAction applied by core; the score and the findings are recomputed in the browser by the
 * same core the server uses. After a 409 the user's edits are replayed on the newer version.
 */
import { useCallback, useMemo, useReducer } from 'react';
import { applyEdit, auditForm, getScheme, replayEdits, type EditAction, type Evaluation } from '@jixiao/core';
import type { EvaluationFull } from '../api.ts';
import { indexFindings } from './finding-index.ts';

interface State {
  saved: EvaluationFull;
  draft: Evaluation;
  edits: EditAction[];
  /** why the last edit could not be applied, if it could not */
  editError: string | null;
}

type Msg =
  | { type: 'edit'; action: EditAction }
  | { type: 'saved'; saved: EvaluationFull }
  | { type: 'rebase'; saved: EvaluationFull; draft: Evaluation; edits: EditAction[] };

function reduce(s: State, m: Msg): State {
  switch (m.type) {
    case 'edit':
      try {
        const draft = applyEdit(s.draft, m.action);
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

export function useFormEditor(initial: EvaluationFull) {
  const [state, send] = useReducer(reduce, initial, (saved): State => ({ saved, draft: saved.evaluation, edits: [], editError: null }));
  const scheme = useMemo(() => getScheme(state.draft.schemeId), [state.draft.schemeId]);
  // The whole form re-scored and re-audited on every edit, well under a millisecond for 30 rows; the
  // User Timing entry (`jixiao:score`) shows it in the browser's profiler and in bench/web.ts.
  const audit = useMemo(() => {
    const start = performance.now();
    const r = auditForm(state.draft, scheme);
    performance.measure('jixiao:score', { start, end: performance.now() });
    return r;
  }, [state.draft, scheme]);
  const findings = useMemo(() => indexFindings(audit.findings), [audit]);
  const edit = useCallback((action: EditAction) => send({ type: 'edit', action }), []);
  const markSaved = useCallback((s: EvaluationFull) => send({ type: 'saved', saved: s }), []);
  /** Takes the newer version from a 409 and re-applies this user's edits on it; returns those that no longer fit. */
  const rebase = useCallback(
    (current: EvaluationFull) => {
      const r = replayEdits(current.evaluation, state.edits);
      send({ type: 'rebase', saved: current, draft: r.evaluation, edits: state.edits.filter((a) => !r.skipped.includes(a)) });
      return r;
    },
    [state.edits],
  );
  return { ...state, dirty: state.edits.length > 0, scheme, score: audit.score, findingList: audit.findings, findings, edit, markSaved, rebase };
}

export type FormEditor = ReturnType<typeof useFormEditor>;
