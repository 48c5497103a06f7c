/**
 * The editor's state: the form as last saved, the draft, and the edits between them. Every keystroke
 * is an EditAction applied by core; the score and the findings are recomputed in the browser by the
 * same core the server uses. After a 409 the user's edits are replayed on the newer version.
 */
import { useMemo } from 'react';
import { applyEdit, auditForm, getScheme } from '@jixiao/core';
import type { EvaluationFull } from '../api.ts';
import { indexFindings } from './finding-index.ts';
import { useDraft } from './use-draft.ts';

export function useFormEditor(initial: EvaluationFull) {
  const state = useDraft(initial, applyEdit);
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
  return { ...state, scheme, score: audit.score, findingList: audit.findings, findings };
}

export type FormEditor = ReturnType<typeof useFormEditor>;
