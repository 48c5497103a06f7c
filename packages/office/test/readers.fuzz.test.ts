/**
 * Fuzzing of the importer's readers (issue 24, item 8): text, .docx, .xlsx and PDF — real fixtures with
 * bytes changed or cut, and documents generated from scratch — must each give a grid or an
 * ImportError with a stable code and a Chinese message; never another exception, never a hang
 * (each run is timed). `npm test` runs a short budget with a fixed seed; `npm run fuzz` a long one
 * (FUZZ_RUNS, FUZZ_SEED, FUZZ_TIME_MS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedUnzip, DEFAULT_LIMITS, ImportError, importBytes, readDocx, readGrid, readXlsx } from '../src/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 24);
const TIME_MS = Number(process.env.FUZZ_TIME_MS ?? 10_000);
const params = { seed: SEED, numRuns: RUNS };
const timeout = Math.max(120_000, RUNS * TIME_MS);

const root = join(import.meta.dirname, '../../../fixtures');
const docx = new Uint8Array(readFileSync(join(root, 'office/xinjiang-changji-zhengfawei-2021.docx')));
const xlsx = new Uint8Array(readFileSync(join(root, 'office/xinjiang-changji-zhengfawei-2021.xlsx')));
const seedLines = readFileSync(join(root, 'seeds/xinjiang-changji-zhengfawei-2021.txt'), 'utf8').split('\n');

/** Runs `read`; passes when it returns, or throws an ImportError with a code and a Chinese message, within the time bound. */
async function coded(read: () => unknown): Promise<void> {
  const t = performance.now();
  try {
    await read();
  } catch (e) {
    if (!(e instanceof ImportError)) throw new Error(`not an ImportError: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.code).toMatch(/^IMPORT\.[A-Z_]+$/);
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(performance.now() - t).toBeLessThan(TIME_MS);
}

/** Bytes of `base` overwritten at a few places, and maybe cut short. */
const mutated = (base: Uint8Array) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
      fc.option(fc.nat({ max: base.length })),
    )
    .map(([edits, cut]) => {
      const b = base.slice(0, cut ?? base.length);
      for (const [at, v] of edits) if (at < b.length) b[at] = v;
      return b;
    });

/** Text that looks like a form: seed lines picked, repeated, cut, with stray tabs and characters. */
const formText = fc
  .array(
    fc.oneof(
      fc.nat({ max: seedLines.length - 1 }).map((i) => seedLines[i]!),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\t', '\t\t', '', '项目名称', '\t自评表', '\t≥95%', '\t1' + '0'.repeat(40)),
    ),
    { maxLength: 300 },
  )
  .map((lines) => lines.join('\n'));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Word bodies of paragraphs and tables (nested, spanned, merged), text escaped or, now and then, raw. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }).map(esc),
  fc.string({ maxLength: 10 }),
  fc.constantFrom('项目名称', '自评得分', '&amp;', '&#x4e00;', '&bogus;'),
);
const para = text.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t><w:tab/><w:br/></w:r></w:p>`);
/** a table whose cells hold paragraphs and, down to `depth` levels, tables */
const table = (depth: number): fc.Arbitrary<string> => {
  const content = depth > 0 ? fc.oneof(para, table(depth - 1)) : para;
  const cell = fc
    .tuple(
      fc.option(fc.integer({ min: -2, max: 70000 })),
      fc.constantFrom('', '<w:vMerge/>', '<w:vMerge w:val="restart"/>'),
      fc.array(content, { maxLength: 2 }),
    )
    .map(([span, merge, kids]) => `<w:tc><w:tcPr>${span === null ? '' : `<w:gridSpan w:val="${span}"/>`}${merge}</w:tcPr>${kids.join('')}</w:tc>`);
  return fc
    .array(
      fc.array(cell, { maxLength: 6 }).map((cells) => `<w:tr>${cells.join('')}</w:tr>`),
      { maxLength: 8 },
    )
    .map((rows) => `<w:tbl>${rows.join('')}</w:tbl>`);
};
const body = fc.array(fc.oneof(para, table(2)), { maxLength: 6 }).map((xs) => xs.join(''));

const docxOf = (xml: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`),
  });

/** A cell reference, sometimes far out (row 1,048,576, column XFD) or malformed. */
const ref = fc.oneof(
  fc
    .tuple(fc.constantFrom('A', 'B', 'C', 'Z', 'AA', 'XFD', 'ZZZZ', ''), fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, 1048576, 99999999)))
    .map(([c, r]) => `${c}${r}`),
  fc.string({ maxLength: 6 }).map(esc),
);
const sheetXml = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.option(ref),
        fc.array(fc.tuple(fc.option(ref), fc.constantFrom('', 's', 'str', 'inlineStr', 'b', 'e', 'n'), fc.string({ maxLength: 12 }).map(esc)), {
          maxLength: 6,
        }),
      ),
      { maxLength: 12 },
    ),
    fc.array(fc.tuple(ref, ref), { maxLength: 3 }),
  )
  .map(([rows, merges]) => {
    const rowXml = rows
      .map(
        ([r, cells]) =>
          `<row${r ? ` r="${r.replace(/\D/g, '') || '1'}"` : ''}>${cells.map(([c, t, v]) => `<c${c ? ` r="${c}"` : ''}${t ? ` t="${t}"` : ''}>${t === 'inlineStr' ? `<is><t>${v}</t></is>` : `<v>${v}</v>`}</c>`).join('')}</row>`,
      )
      .join('');
    const mergeXml = merges.length ? `<mergeCells>${merges.map(([a, b]) => `<mergeCell ref="${a}:${b}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml}</sheetData>${mergeXml}</worksheet>`;
  });

const xlsxOf = (sheet: string) =>
  zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });

describe('fuzz: the text reader', () => {
  it('any bytes as a .txt', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (b) => coded(() => readGrid(b, 'f.txt'))),
      params,
    );
  });
  it('form-like text, read and recognized', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(formText, (t) => coded(() => importBytes(new TextEncoder().encode(t), 'f.txt'))),
      params,
    );
  });
});

describe('fuzz: the .docx reader', () => {
  it('a real .docx with bytes changed or cut', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(mutated(docx), (b) => coded(() => readDocx(b, 'f.docx'))),
      params,
    );
  });
  it('generated bodies of paragraphs and nested, spanned, merged tables, read and recognized', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(body, (xml) => coded(() => importBytes(docxOf(xml), 'f.docx'))),
      params,
    );
  });
  it('any bytes behind a zip signature', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (b) =>
        coded(() =>
          boundedUnzip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]), { file: 'f.docx', limits: DEFAULT_LIMITS, keep: () => true, inflateAll: true }),
        ),
      ),
      params,
    );
  });
});

describe('fuzz: the .xlsx reader', () => {
  it('a real .xlsx with bytes changed or cut', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(mutated(xlsx), (b) => coded(() => readXlsx(b, 'f.xlsx'))),
      params,
    );
  });
  it('generated sheets: stray, far and malformed references, merges, every cell type', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(sheetXml, (s) => coded(() => readXlsx(xlsxOf(s), 'f.xlsx'))),
      params,
    );
  });
});

describe('fuzz: the PDF reader', () => {
  // a published form rebuilt as PDF (fixtures/provinces), and a PDF without text
  const pdf = new Uint8Array(readFileSync(join(root, 'provinces/anhui-guichi-tangxizhen-2022.pdf')));
  const scan = new Uint8Array(readFileSync(join(root, 'office/no-text-layer.pdf')));

  it('a real PDF with bytes changed or cut, read and recognized', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(mutated(pdf), (b) => coded(() => importBytes(b, 'fuzz.pdf'))),
      params,
    );
  });

  it('a PDF without text with bytes changed or cut; any bytes behind a %PDF header', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutated(scan),
          fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([...strToU8('%PDF-1.7\n'), ...b])),
        ),
        (b) => coded(() => importBytes(b, 'fuzz.pdf')),
      ),
      params,
    );
  });
});
