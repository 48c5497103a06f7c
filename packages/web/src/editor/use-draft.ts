/**
 * Every kind's editor state: the form as last saved, the draft, and the edits between them. Each
 * keystroke is an EditAction applied by the kind's core `apply`; after a 409 the user's edits are replayed
 * on the newer version (core `replayWith`). What a kind computes from the draft (score, findings) is its
 * own hook's (use-form-editor.ts, goal-editor/use-goal-editor.ts).
 */
import { useCallback, useMemo, useReducer } from 'react';
import { replayWith, type EditAction } from '@jixiao/core';

interface State<V, D> {
  saved: V;
  draft: D;
  edits: EditAction[];
  /** why the last edit could not be applied, if it could not */
  editError: string | null;
}

type Msg<V, D> = { type: 'edit'; action: EditAction } | { type: 'saved'; saved: V } | { type: 'rebase'; saved: V; draft: D; edits: EditAction[] };

function reducer<V extends { evaluation: D }, D>(apply: (draft: D, action: EditAction) => D) {
  return (s: State<V, D>, m: Msg<V, D>): State<V, D> => {
    switch (m.type) {
      case 'edit':
        try {
          const draft = apply(s.draft, m.action);
          return draft === s.draft ? s : { ...s, draft, edits: [...s.edits, m.action], editError: null };
        } catch (e) {
          return { ...s, editError: (e as Error).message };
        }
      case 'saved':
        return { saved: m.saved, draft: m.saved.evaluation, edits: [], editError: null };
      case 'rebase':
        return { saved: m.saved, draft: m.draft, edits: m.edits, editError: null };
    }
  };
}

/** `apply` must be a module-level function (its identity is the reducer's). */
export function useDraft<V extends { evaluation: D }, D>(initial: V, apply: (draft: D, action: EditAction) => D) {
  const reduce = useMemo(() => reducer<V, D>(apply), [apply]);
  const [state, send] = useReducer(reduce, initial, (saved): State<V, D> => ({ saved, draft: saved.evaluation, edits: [], editError: null }));
  const edit = useCallback((action: EditAction) => send({ type: 'edit', action }), []);
  const markSaved = useCallback((s: V) => send({ type: 'saved', saved: s }), []);
  /** Takes the newer version from a 409 and re-applies this user's edits on it; returns those that no longer fit. */
  const rebase = useCallback(
    (current: V) => {
      const r = replayWith(apply, current.evaluation, state.edits);
      send({ type: 'rebase', saved: current, draft: r.form, edits: state.edits.filter((a) => !r.skipped.includes(a)) });
      return r;
    },
    [apply, state.edits],
  );
  return { ...state, dirty: state.edits.length > 0, edit, markSaved, rebase };
}
