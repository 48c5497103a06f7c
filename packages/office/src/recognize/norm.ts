/** A cell's text as the recognizer compares it: squashed (no spaces, half-width), without a trailing colon. */
import { squash } from '@jixiao/core';

/** Kept per text (bounded): every label test asks it of every cell, and cell texts repeat across forms. */
const normMemo = new Map<string, string>();

export const norm = (s: string): string => {
  let t = normMemo.get(s);
  if (t === undefined) {
    t = squash(s).replace(/[：:]$/, '');
    if (normMemo.size < 20_000 && s.length <= 64) normMemo.set(s, t);
  }
  return t;
};
