/**
 * The bounded unzip and the XML meter on their own (issue 24, item 1): what they count, where they
 * stop, and the zips that lie about themselves. The same bombs go through the whole app in
 * packages/server/test/hostile-files.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boundedUnzip, DEFAULT_LIMITS, ImportError, limitsOf, readDocx, readTextGrid, readXlsx } from '../src/index.ts';
import { columnNumber, XmlMeter } from '../src/xml-meter.ts';
import { deepDocx, documentBomb, entry, manyEntries, rowsXlsx, zip } from './bombs.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const docx = new Uint8Array(readFileSync(join(root, 'office/xinjiang-changji-zhengfawei-2021.docx')));

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    return (e as ImportError).code;
  }
  return 'no error';
};
const meter = (xml: string, sheet = false) => {
  const m = new XmlMeter(sheet);
  // in pieces of 3 bytes: a tag cut anywhere is still measured once
  const b = strToU8(xml);
  for (let i = 0; i < b.length; i += 3) m.push(b.subarray(i, i + 3));
  return m;
};

describe('XmlMeter', () => {
  it('depth: nested, self-closing, closing; declarations, comments and quoted > do not count', () => {
    expect(meter('<?xml version="1.0"?><a><b><c/></b><!-- <x><y> --><d t="a>b"><e>t</e></d></a>').maxDepth).toBe(3);
    expect(meter('<a>'.repeat(500) + '</a>'.repeat(500)).maxDepth).toBe(500);
    expect(meter('<a><![CDATA[ <x><y> ]]><b/></a>').maxDepth).toBe(2);
    expect(meter('<a><!----><b><!-- -> --><c/></b></a>').maxDepth).toBe(3);
  });

  it('a sheet: rows by number or by count, columns by reference or by place, merged ranges included', () => {
    const m = meter(
      '<sheetData><row r="3"><c r="B3"/><c/></row><row><c r="AA4"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C10"/></mergeCells>',
      true,
    );
    expect([m.rows, m.maxRow, m.maxColumn]).toEqual([2, 10, 27]);
    expect(meter('<x:row r="1048576"><x:c r="XFD1048576"/></x:row>', true)).toMatchObject({ maxRow: 1048576, maxColumn: 16384 });
    expect(meter('<dataValidations><dataValidation type="list" sqref="A1 D2:E900"/></dataValidations>', true)).toMatchObject({ maxRow: 900, maxColumn: 5 });
    expect([columnNumber('A'), columnNumber('z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16384]);
  });
});

describe('boundedUnzip', () => {
  it('reads real packages, stored entries and entries with data descriptors alike', () => {
    expect(Object.keys(boundedUnzip(docx, { file: 'a.docx', limits: DEFAULT_LIMITS, keep: (n) => n === 'word/document.xml' }).parts)).toEqual([
      'word/document.xml',
    ]);
    const chunks: Uint8Array[] = [];
    const z = new Zip((_e, d) => chunks.push(d));
    const stored = new ZipPassThrough('a.xml');
    const streamed = new ZipDeflate('b.xml');
    z.add(stored);
    stored.push(strToU8('<a/>'), true);
    z.add(streamed);
    streamed.push(strToU8('<b>甲</b>'), true);
    z.end();
    const bytes = Uint8Array.from(chunks.flatMap((c) => [...c]));
    const out = boundedUnzip(bytes, { file: 'x.zip', limits: DEFAULT_LIMITS, keep: () => true });
    expect(new TextDecoder().decode(out.parts['b.xml'])).toBe('<b>甲</b>');
    expect(out.unpacked).toBe(4 + '<b>甲</b>'.length + 2);
  });

  it('stops inflating at the cap: a 1 GB part costs the cap, not a GB', () => {
    const bomb = documentBomb(1024);
    const t = performance.now();
    expect(codeOf(() => readDocx(bomb, 'bomb.docx'))).toBe('IMPORT.ZIP_BOMB');
    expect(performance.now() - t).toBeLessThan(10_000);
    // a lower cap stops sooner, with the numbers in the details
    try {
      readDocx(bomb, 'bomb.docx', limitsOf({ maxUnpackedBytes: 1048576 }));
    } catch (e) {
      expect((e as ImportError).details).toMatchObject({ file: 'bomb.docx', entry: 'word/document.xml', max: 1048576 });
      expect((e as ImportError).details.unpacked as number).toBeLessThan(6 * 1048576);
    }
  });

  it('entries are counted from the directory before anything is inflated; depth and rows as the XML streams', () => {
    expect(codeOf(() => readDocx(manyEntries(1001), 'many.docx'))).toBe('IMPORT.TOO_MANY_ENTRIES');
    expect(codeOf(() => readDocx(deepDocx(50), 'deep.docx'))).toBe('IMPORT.TOO_DEEP');
    expect(codeOf(() => readDocx(deepDocx(40), 'ok.docx'))).toBe('no error');
  });

  it('a zip whose directory lists an entry twice over one body (overlapping entries) is refused', () => {
    const one = zip([entry('word/document.xml', '<w:document/>')]);
    // a second directory record, another name, pointing at the same local entry at offset 0
    const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
    const end = one.length - 22;
    const dirAt = view.getUint32(end + 16, true);
    const record = one.slice(dirAt, end);
    const other = record.slice();
    other.set(strToU8('word/documenx.xml'), 46);
    const lying = new Uint8Array(one.length + other.length);
    lying.set(one.subarray(0, end));
    lying.set(other, end);
    lying.set(one.subarray(end), end + other.length);
    const v = new DataView(lying.buffer);
    const newEnd = lying.length - 22;
    v.setUint16(newEnd + 8, 2, true);
    v.setUint16(newEnd + 10, 2, true);
    v.setUint32(newEnd + 12, record.length * 2, true);
    expect(codeOf(() => boundedUnzip(lying, { file: 'lying.docx', limits: DEFAULT_LIMITS, keep: () => true, inflateAll: true }))).toBe('IMPORT.BROKEN_FILE');
  });

  it('sizes the directory states are not believed: a part that claims 10 bytes and holds 2 MB is read to the budget and no further', () => {
    const big = zip([entry('a.xml', `<a>${'x'.repeat(2 * 1048576)}</a>`)]);
    // the directory's uncompressed size (central record at the end, 46 + name bytes before the end record)
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    const record = big.length - 22 - (46 + 'a.xml'.length);
    view.setUint32(record + 24, 10, true);
    view.setUint32(22, 10, true); // and the local header's
    expect(boundedUnzip(big, { file: 'a.zip', limits: DEFAULT_LIMITS, keep: () => true }).parts['a.xml']).toHaveLength(2 * 1048576 + 7);
    expect(codeOf(() => boundedUnzip(big, { file: 'a.zip', limits: limitsOf({ maxUnpackedBytes: 1048576 }), keep: () => true }))).toBe('IMPORT.ZIP_BOMB');
  });

  it('a local header naming another part than the directory does is refused (the directory is what is read)', () => {
    const one = zip([entry('word/document.xml', '<w:document/>')]);
    one[30] = 'x'.charCodeAt(0); // the local header's name: xord/document.xml
    expect(codeOf(() => boundedUnzip(one, { file: 'renamed.docx', limits: DEFAULT_LIMITS, keep: () => true }))).toBe('IMPORT.BROKEN_FILE');
  });

  it('a DTD in the Word body (entity expansion) is refused', () => {
    const evil = zipSync({
      'word/document.xml': strToU8(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>',
      ),
    });
    expect(codeOf(() => readDocx(evil, 'dtd.docx'))).toBe('IMPORT.BROKEN_FILE');
  });
});

describe('the readers check sizes before building', () => {
  it('an .xlsx past the rows or the rows × columns cap never reaches exceljs', async () => {
    await expect(readXlsx(rowsXlsx(60_000), 'rows.xlsx')).rejects.toMatchObject({ code: 'IMPORT.TOO_MANY_ROWS' });
    await expect(readXlsx(rowsXlsx(2_000, 300), 'wide.xlsx')).rejects.toMatchObject({
      code: 'IMPORT.TOO_MANY_ROWS',
      details: { rows: expect.any(Number), columns: 300 },
    });
    // one cell far out: the range exceljs would walk is what counts
    const far = rowsXlsx(1, 1);
    expect((await readXlsx(far, 'ok.xlsx')).blocks).toHaveLength(1);
  });

  it('a text: lines and cells counted before splitting', () => {
    expect(codeOf(() => readTextGrid('\n'.repeat(60_000), 'lines.txt'))).toBe('IMPORT.TOO_MANY_ROWS');
    expect(codeOf(() => readTextGrid('a\t'.repeat(600_000), 'tabs.txt'))).toBe('IMPORT.TOO_MANY_ROWS');
  });
});
