/** Test helper: the golden fixtures of the seed forms (fixtures/golden). Tests only. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluation } from '../src/index.ts';

export const GOLDEN_DIR = join(import.meta.dirname, '../../../fixtures/golden');

export function goldenForms(): Array<{ id: string; evaluation: Evaluation }> {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.includes('.form-'))
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), evaluation: Evaluation.parse(JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8'))) }));
}

export function goldenForm(id: string): Evaluation {
  const f = goldenForms().find((g) => g.id === id);
  if (!f) throw new Error(`no golden form ${id}`);
  return f.evaluation;
}
