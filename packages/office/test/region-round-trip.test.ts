/**
 * Issue 21, item 6 beyond the seeds: every form of fixtures/regions, once imported, exported by jixiao as
 * .docx and .xlsx and imported again, is the same form (values, tree, budget, claimed scores), its
 * `其中` sub-rows included: the export prints them under their indicator and they are read back as its
 * children (the test also says how many there are, so that a form with them stays covered).
 */
import { join } from 'node:path';
import { cleanCell, type Evaluation } from '@jixiao/core';
import { afterAll, describe, expect, it } from 'vitest';
import { formDocument, importBytes, importFile, PdfConverter, placeCells, renderDocument, renderDocx, renderXlsx } from '../src/index.ts';
import { asExported, comparable } from './comparable.ts';

const dir = join(import.meta.dirname, '../../../fixtures/regions');
const files = ['budget-letters', 'transfer-zhuanxiang', 'header-upper-groups', 'flat-list'];

describe.each(['docx', 'xlsx'] as const)('region forms exported to .%s import back', (ext) => {
  it.each(files)('%s', async (f) => {
    const r = await importFile(join(dir, `${f}.docx`));
    for (const ev of r.evaluations) {
      const doc = formDocument(ev);
      const bytes = ext === 'docx' ? await renderDocx(doc) : await renderXlsx([doc]);
      const back = await importBytes(bytes, `exported.${ext}`);
      expect(back.evaluations).toHaveLength(1);
      const again = back.evaluations[0]!;
      expect(again.layout).toBe(ev.layout);
      expect(comparable(again)).toEqual(comparable(asExported(ev, { grade: ev.layout === 'yunzhou' })));
      // nothing of the exported form is left unplaced
      expect(back.reports[0]!.unplaced).toEqual([]);
    }
    const children = r.evaluations.flatMap((e) => e.indicators.flatMap((i) => i.children ?? [])).length;
    expect(children).toBe({ 'transfer-zhuanxiang': 1, 'flat-list': 1 }[f] ?? 0);
  });
});

/** The forms with `其中` rows: two of fixtures/regions and a published one (fixtures/provinces, 萧县 2023). */
const fixtures = join(import.meta.dirname, '../../../fixtures');
const WITH_CHILDREN = ['regions/transfer-zhuanxiang', 'regions/flat-list', 'provinces/anhui-xiaoxian-zhangzhuangzhai-2023'];
const childrenOf = (ev: Evaluation) =>
  ev.indicators.flatMap((i) => (i.children ?? []).map((c) => [cleanCell(i.name.raw), cleanCell(c.name.raw), cleanCell(c.target.raw), cleanCell(c.actual.raw)]));

describe('其中 rows in each of the four layouts', () => {
  it.each(WITH_CHILDREN.flatMap((f) => (['national', 'hebei', 'yunzhou', 'ningxia'] as const).map((layout) => [f, layout] as const)))(
    '%s as %s: the table fills its grid and the 其中 rows come back under their indicator',
    async (f, layout) => {
      const ev = (await importFile(join(fixtures, `${f}.docx`))).evaluations[0]!;
      const doc = formDocument(ev, { layout });
      for (const b of doc.sections.flatMap((s) => s.blocks)) {
        if (b.kind !== 'table') continue;
        const W = b.table.widths.length;
        const covered = b.table.rows.map(() => new Array<number>(W).fill(0));
        placeCells(b.table.rows).forEach((row, r) => {
          for (const { cell, col } of row)
            for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]![col + dc]! += 1;
        });
        covered.forEach((row, r) => expect(row, `row ${r + 1}`).toEqual(new Array(W).fill(1)));
      }
      const back = await importBytes(await renderDocx(doc), 'exported.docx');
      expect(childrenOf(back.evaluations[0]!)).toEqual(childrenOf(ev));
      expect(childrenOf(ev).length).toBeGreaterThan(0);
    },
  );
});

describe('region forms with 其中 rows exported as PDF import back', () => {
  const converter = new PdfConverter({ workers: 1 });
  afterAll(() => converter.close());
  /** As pdf-round-trip.test.ts: a PDF does not say where a line was broken, so spaces and breaks are not compared. */
  const unbroken = (x: unknown): unknown =>
    typeof x === 'string'
      ? x.replace(/\s+/g, '')
      : Array.isArray(x)
        ? x.map(unbroken)
        : x && typeof x === 'object'
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, unbroken(v)]))
          : x;

  it.each(WITH_CHILDREN)(
    '%s',
    async (f) => {
      const ev = (await importFile(join(fixtures, `${f}.docx`))).evaluations[0]!;
      const pdf = await renderDocument(formDocument(ev), 'pdf', 'form', converter);
      const back = await importBytes(pdf, 'exported.pdf');
      expect(back.evaluations).toHaveLength(1);
      expect(unbroken(comparable(back.evaluations[0]!))).toEqual(unbroken(comparable(asExported(ev, { grade: ev.layout === 'yunzhou' }))));
    },
    60_000,
  );
});
