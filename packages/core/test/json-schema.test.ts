import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationJsonSchema } from '../src/index.ts';
import { goldenForms } from './golden.ts';

describe('docs/evaluation.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema` after changing the model)', () => {
    const published = JSON.parse(readFileSync(join(import.meta.dirname, '../../../docs/evaluation.schema.json'), 'utf8'));
    expect(published).toEqual(evaluationJsonSchema());
  });

  it('has the indicator rows as the array `indicators`', () => {
    const s = evaluationJsonSchema() as { properties: Record<string, { type?: string }>; required: string[] };
    expect(s.properties.indicators!.type).toBe('array');
    expect(s.required).toContain('indicators');
  });

  it('every golden form holds indicators, budget lines and claimed totals', () => {
    for (const { id, evaluation } of goldenForms()) {
      expect(evaluation.indicators.length, id).toBeGreaterThan(0);
      expect(evaluation.budget.lines.length, id).toBeGreaterThan(0);
      expect(evaluation.project.name.raw, id).not.toBe('');
    }
  });
});
