/**
 * .docx and .xlsx made by LibreOffice from the seeds (fixtures/office, see
 * packages/office/scripts/make-office-fixtures.ts) import to the same golden JSON as the text dumps;
 * every value points at its table, row and column. And bad files give clear errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytes, importFile, ImportError } from '../src/index.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const seeds = ['hebei-dachang-zhengfawei-2023', 'ningxia-yanchi-xianweiban-2022', 'shanxi-yunzhou-zhengfawei-2022', 'xinjiang-changji-zhengfawei-2021'];
const golden = (name: string) => JSON.parse(readFileSync(join(root, 'golden', name), 'utf8'));
/** The golden files record text-dump lines; an Office file records table/row/column instead. */
const withoutSource = (x: unknown): unknown => {
  if (Array.isArray(x)) return x.map(withoutSource);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => k !== 'src' && k !== 'source')
        .map(([k, v]) => [k, withoutSource(v)]),
    );
  return x;
};

describe.each(['docx', 'xlsx'])('.%s made by LibreOffice', (ext) => {
  for (const base of seeds) {
    it(`${base}.${ext} imports to the golden JSON`, async () => {
      const r = await importFile(join(root, 'office', `${base}.${ext}`));
      expect(r.evaluations.length).toBeGreaterThan(0);
      r.evaluations.forEach((ev, i) => expect(withoutSource(ev)).toEqual(withoutSource(golden(`${base}.form-${String(i + 1).padStart(2, '0')}.json`))));
      r.summaries.forEach((s, i) => expect(withoutSource(s)).toEqual(withoutSource(golden(`${base}.summary-${i + 1}.json`))));
      r.texts.forEach((t, i) => expect(withoutSource(t)).toEqual(withoutSource(golden(`${base}.text-${i + 1}.json`))));
      expect([r.evaluations.length, r.summaries.length, r.texts.length]).toEqual(
        {
          'hebei-dachang-zhengfawei-2023': [11, 1, 1],
          'ningxia-yanchi-xianweiban-2022': [3, 0, 0],
          'shanxi-yunzhou-zhengfawei-2022': [3, 0, 1],
          'xinjiang-changji-zhengfawei-2021': [2, 0, 0],
        }[base],
      );
    });
  }

  it('every value keeps its table, row and column', async () => {
    const r = await importFile(join(root, 'office', `xinjiang-changji-zhengfawei-2021.${ext}`));
    const src = r.evaluations[0]!.indicators[0]!.target.src!;
    expect(src.file).toBe(`xinjiang-changji-zhengfawei-2021.${ext}`);
    expect([typeof src.table, typeof src.row, typeof src.col]).toEqual(['number', 'number', 'number']);
  });
});

const expectCode = async (p: Promise<unknown>, code: string, text?: RegExp) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  expect((e as ImportError).code).toBe(code);
  expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]/);
  if (text) expect((e as Error).message).toMatch(text);
};

function minimalDocx(bodyXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`,
    ),
  });
}

describe('bad input: a clear Chinese error with a stable code, never a crash', () => {
  const real = readFileSync(join(root, 'office', 'xinjiang-changji-zhengfawei-2021.docx'));

  it('not a zip', () => expectCode(importBytes(strToU8('这不是 Word 文件'), 'a.docx'), 'IMPORT.NOT_A_ZIP', /a\.docx/));
  it('a corrupt zip (cut in half)', () => expectCode(importBytes(new Uint8Array(real.subarray(0, real.length / 2)), 'half.docx'), 'IMPORT.BROKEN_FILE'));
  it('an encrypted Office file (OLE2 container)', () =>
    expectCode(importBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'secret.xlsx'), 'IMPORT.ENCRYPTED'));
  it('a zip that is not a Word document', () => expectCode(importBytes(zipSync({ 'a.txt': strToU8('x') }), 'z.docx'), 'IMPORT.NOT_A_WORD_FILE'));
  it('a document with no form in it', () =>
    expectCode(importBytes(minimalDocx('<w:p><w:r><w:t>会议纪要</w:t></w:r></w:p>'), 'memo.docx'), 'IMPORT.UNKNOWN_LAYOUT', /memo\.docx/));
  it('a form with no indicator table', () =>
    expectCode(
      importBytes(
        minimalDocx('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某项目</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'),
        'x.docx',
      ),
      'IMPORT.NO_INDICATOR_TABLE',
    ));
  it('an unsupported type', () => expectCode(importBytes(strToU8('\x89PNG'), 'form.png'), 'IMPORT.UNSUPPORTED_FORMAT'));
  it('a 200 MB file is refused by its size, before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-big-'));
    const big = join(dir, 'big.docx');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 200 * 1024 * 1024); // sparse: takes no disk, and would take 200 MB of memory if read
    const before = process.memoryUsage().rss;
    await expectCode(importFile(big), 'IMPORT.TOO_LARGE', /200\.0 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
  it('a text file in GB18030 (GBK) reads like UTF-8', async () => {
    const utf8 = readFileSync(join(root, 'seeds', 'xinjiang-changji-zhengfawei-2021.txt'), 'utf8');
    // encode to GB18030 with iconv from Debian's libc; no npm package needed
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 });
    const r = await importBytes(new Uint8Array(gbk), 'gbk.txt');
    expect(r.evaluations.map((e) => e.project.name.raw)).toEqual(['综治工作经费', '访惠聚工作经费']);
  });
});

// .doc/.xls go through LibreOffice. CI installs it (.ci/run); on a machine without it these are skipped, loudly.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice && process.env.CI) throw new Error('CI must have LibreOffice (soffice) for the .doc/.xls tests');
describe.skipIf(!soffice)('.doc and .xls through LibreOffice', () => {
  it.each(['doc', 'xls'])(
    'a .%s form imports to the golden JSON',
    async (ext) => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-legacy-'));
      const from = join(root, 'office', `xinjiang-changji-zhengfawei-2021.${ext === 'doc' ? 'docx' : 'xlsx'}`);
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', ext, '--outdir', dir, from], {
        stdio: 'ignore',
      });
      const r = await importFile(join(dir, `xinjiang-changji-zhengfawei-2021.${ext}`));
      r.evaluations.forEach((ev, i) => expect(withoutSource(ev)).toEqual(withoutSource(golden(`xinjiang-changji-zhengfawei-2021.form-0${i + 1}.json`))));
      expect(r.evaluations).toHaveLength(2);
    },
    120_000,
  );
  it('a .doc that is not a form: LibreOffice opens anything as text, the recognizer then finds no form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-legacy-'));
    writeFileSync(join(dir, 'bad.doc'), 'garbage');
    await expectCode(importFile(join(dir, 'bad.doc')), 'IMPORT.UNKNOWN_LAYOUT', /bad\.doc/);
  }, 120_000);
});
