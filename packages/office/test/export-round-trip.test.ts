/**
 * Every one of the 19 seed forms, exported to .docx and to .xlsx in its own layout, imports back to the
 * same model (the seed forms, mistakes included): same identity, budget block, goals, indicator
 * tree, narratives. Scores: with `scores: 'claimed'` the claimed ones stay as written, blanks take the
 * computed score — and by default (`computed`, issue 22) every printed score is the computed one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getScheme, round, scoreEvaluation, type Evaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { formDocument, importBytes, placeCells, renderDocx, renderXlsx, type FormDocument } from '../src/index.ts';
import { asExported, comparable } from './comparable.ts';

const dir = join(import.meta.dirname, '../../../fixtures/golden');
const forms = readdirSync(dir).filter((f) => f.includes('.form-'));
const load = (f: string): Evaluation => JSON.parse(readFileSync(join(dir, f), 'utf8'));

async function roundTrip(doc: FormDocument, ext: 'docx' | 'xlsx'): Promise<Evaluation> {
  const bytes = ext === 'docx' ? await renderDocx(doc) : await renderXlsx([doc]);
  const r = await importBytes(bytes, `exported.${ext}`);
  expect(r.evaluations).toHaveLength(1);
  expect(r.notes).toEqual([]); // an exported form needs no reading by content
  return r.evaluations[0]!;
}

it('the seeds hold 19 forms in four layouts', () => {
  expect(forms).toHaveLength(19);
  expect(new Set(forms.map((f) => load(f).layout))).toEqual(new Set(['national', 'hebei', 'yunzhou', 'ningxia']));
});

describe.each(['docx', 'xlsx'] as const)('export to .%s and import back', (ext) => {
  it.each(forms)('%s', async (f) => {
    const ev = load(f);
    const back = await roundTrip(formDocument(ev, { scores: 'claimed' }), ext);
    expect(back.layout).toBe(ev.layout);
    expect(back.schemeId).toBe(ev.schemeId);
    expect(comparable(back)).toEqual(comparable(asExported(ev, { grade: ev.layout === 'yunzhou' })));
  });
});

describe('scores printed', () => {
  it('見义勇为 (Hebei 03): the claimed scores are kept and every difference is reported', () => {
    const ev = load('hebei-dachang-zhengfawei-2023.form-03.json');
    const doc = formDocument(ev, { scores: 'claimed' });
    const fields = doc.differing.map((d) => d.field);
    expect(fields).toContain('claimed.total');
    const total = doc.differing.find((d) => d.field === 'claimed.total')!;
    // scores to the scheme's places (2), trailing zeros kept
    expect(total.claimed).toBe('70.00');
    expect(total.computed).toBe(round(scoreEvaluation(ev, getScheme('hebei')).total, 2));
  });

  it('見义勇为 (Hebei 03) by default: the computed scores, and the corrected claims stated under the table', () => {
    const ev = load('hebei-dachang-zhengfawei-2023.form-03.json');
    const doc = formDocument(ev);
    expect(doc.differing).toEqual([]);
    expect(doc.corrected.find((d) => d.field === 'claimed.total')).toMatchObject({ claimed: '70.00', computed: '74.26' });
    const blocks = doc.sections[0]!.blocks;
    const last = blocks[blocks.length - 1]!;
    expect(last.kind === 'paragraph' && last.text).toMatch(/^说明：本表得分按评分规则重新计算（.*总分填报70\.00，计算为74\.26.*）。$/);
  });

  it.each(forms)('%s with scores: computed prints the computed scores, and reports nothing pending', async (f) => {
    const ev = load(f);
    const doc = formDocument(ev, { scores: 'computed' });
    expect(doc.differing).toEqual([]);
    const back = await roundTrip(doc, 'docx');
    const s = scoreEvaluation(ev, getScheme(ev.schemeId));
    back.indicators.forEach((ind, i) => {
      if (s.indicators[i]!.score !== null) expect(Number(ind.claimedScore.value)).toBe(Number(s.indicators[i]!.score));
    });
    expect(Number(back.claimed.total!.value)).toBe(Number(s.total));
    // and the form read back scores the same as the original
    expect(scoreEvaluation(back, getScheme(back.schemeId)).total).toBe(s.total);
  });
});

describe('layout grids', () => {
  it.each(forms)('%s: every row of the table fills the grid exactly', (f) => {
    for (const layout of ['national', 'hebei', 'yunzhou', 'ningxia'] as const) {
      const doc = formDocument(load(f), { layout });
      for (const b of doc.sections.flatMap((s) => s.blocks)) {
        if (b.kind !== 'table') continue;
        const W = b.table.widths.length;
        const covered = b.table.rows.map(() => new Array<number>(W).fill(0));
        placeCells(b.table.rows).forEach((row, r) => {
          for (const { cell, col } of row)
            for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]![col + dc]! += 1;
        });
        covered.forEach((row, r) => expect(row, `${layout} row ${r + 1}`).toEqual(new Array(W).fill(1)));
      }
    }
  });
});
