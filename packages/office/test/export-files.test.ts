/**
 * The exported files themselves, opened by the real libraries: the .docx XML (A4, fixed table layout
 * with explicit column widths, merged cells, the official fonts named), the 汇总表 workbook (numbers in
 * cells, a 合计 that is the SUM of the rows, the two-row merged header), and the PDFs LibreOffice makes
 * of them — turned into PNG pages and text, and checked for the key numbers.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { auditForms, getScheme, summarizeDepartment, trim, type Evaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { isAlive, until } from './processes.ts';
import { departmentDocument, fontconfigXml, formDocument, PdfConverter, renderDocument, renderDocx, renderXlsx } from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/golden');
const load = (f: string): Evaluation => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const hebei = readdirSync(dir)
  .filter((f) => f.startsWith('hebei') && f.includes('.form-'))
  .sort()
  .map(load);

function department(forms: Evaluation[]) {
  const { scores, findings } = auditForms(forms);
  const summary = summarizeDepartment(forms, scores, getScheme(forms[0]!.schemeId));
  return { forms, scores, findings, summary };
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('.docx', () => {
  it('a Hebei form: A4 landscape, fixed layout, 11 grid columns, merged cells, the official fonts', async () => {
    const bytes = await renderDocx(formDocument(hebei[2]!));
    const xml = documentXml(bytes);
    const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/); // A4 landscape in twips
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml.match(/<w:gridCol /g)).toHaveLength(11);
    expect(xml).toContain('<w:gridSpan w:val="3"/>'); // 预期指标值 over 符号/值/单位
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    // fonts are named once, in the paragraph styles every table cell and title uses
    expect(styles).toMatch(/w:styleId="Cell".*?w:eastAsia="宋体"/s);
    expect(styles).toMatch(/w:styleId="Title".*?w:eastAsia="黑体"/s);
    expect(styles).toMatch(/w:styleId="Body".*?w:eastAsia="仿宋_GB2312"/s);
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(xml).toContain('<w:pStyle w:val="Cell"/>');
    expect(xml).toContain('见义勇为基金');
    expect(xml).toContain('<w:tblHeader/>'); // the indicator header repeats on every page
    expect(xml).not.toContain('w:tblHeader w:val="off"');
  });

  it('a cell is bold and centred through its style: every style a cell names exists, based on Cell, with its weight and alignment', async () => {
    const bytes = await renderDocx(formDocument(hebei[2]!));
    const xml = documentXml(bytes);
    const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
    const style = (id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`, 's'))?.[0];
    const used = new Set([...xml.matchAll(/<w:pStyle w:val="(Cell\w*)"\/>/g)].map((m) => m[1]!));
    expect(used).toContain('CellBoldCenter'); // the labels: 项目名称, 一级指标, …
    for (const id of used) {
      const st = style(id)!;
      expect(st, id).toBeDefined();
      if (id !== 'Cell') expect(st, id).toContain('<w:basedOn w:val="Cell"/>');
      expect(st.includes('<w:b/>'), id).toBe(id.includes('Bold'));
      expect(st.includes('<w:jc w:val="center"/>'), id).toBe(id.endsWith('Center'));
      expect(st.includes('<w:jc w:val="right"/>'), id).toBe(id.endsWith('Right'));
    }
    // the label is bold by its style, not by a property on every run
    expect(xml).toMatch(/<w:pStyle w:val="CellBoldCenter"\/><\/w:pPr><w:r><w:t xml:space="preserve">项目名称<\/w:t>/);
  });

  it('the national layout prints 万元 to 2 decimals and rates as percentages', async () => {
    const xml = documentXml(await renderDocx(formDocument(load('xinjiang-changji-zhengfawei-2021.form-01.json'))));
    expect(xml).toContain('>100.00<');
    expect(xml).toContain('>100.00\u2060%<'); // a word joiner keeps the number on the line of its unit
    expect(xml).toContain('偏差原因分析及改进措施');
  });

  it('the disclosure carries its chosen projects’ forms, each in landscape after the portrait text', async () => {
    const doc = departmentDocument('disclosure', department(hebei), { projects: [0, 2] });
    expect(doc.sections.map((s) => s.landscape ?? false)).toEqual([false, true, true]);
    const xml = documentXml(await renderDocx(doc));
    expect(xml).toContain('决算公开绩效情况说明');
    expect(xml).toContain('附件1：社会治安综合治理工作经费项目支出绩效自评表');
    expect(xml).toContain('见义勇为基金');
    expect(xml).toContain('w:highlight w:val="yellow"'); // the slots still to be written
  });

  it('a slot the user wrote is printed as written, not highlighted', async () => {
    const xml = documentXml(await renderDocx(departmentDocument('report', department(hebei), { fills: { preparation: '由张三任组长。' } })));
    expect(xml).toContain('由张三任组长。');
    expect(xml).not.toContain('请填写组长');
  });
});

describe('汇总表 .xlsx', () => {
  it('real numbers in cells, 合计 = SUM of the rows, the two-row merged header', async () => {
    const data = department(hebei);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx([departmentDocument('summary', data)])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // row 1 title, row 2 预算部门, rows 3–4 header, rows 5–15 the 11 projects, row 16 合计
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('A4').isMerged && ws.getCell('A4').master.address).toBe('A3');
    expect(ws.getCell('C5').value).toBe(17);
    expect(ws.getCell('C5').numFmt).toBe('0.00');
    expect(ws.getCell('A16').value).toBe('合计');
    const sum = ws.getCell('C16').value as { formula: string; result: number };
    expect(sum.formula).toBe('SUM(C5:C15)');
    expect(sum.result).toBe(459.11);
    const rows = Array.from({ length: 11 }, (_, i) => ws.getCell(`C${5 + i}`).value as number);
    expect(rows.reduce((a, b) => a + b, 0)).toBeCloseTo(459.11, 9);
    expect((ws.getCell('D16').value as { result: number }).result).toBe(Number(data.summary.total.executed));
    // the recomputed score of 见义勇为 (not the 65 of the written 汇总表)
    expect(ws.getCell('F7').value).toBe(Number(data.summary.rows[2]!.score));
  });

  it('reports are not workbooks: a clear coded error', async () => {
    await expect(renderDocument(departmentDocument('report', department(hebei)), 'xlsx', 'report')).rejects.toMatchObject({
      code: 'EXPORT.FORMAT_UNSUPPORTED',
    });
  });
});

it('the fontconfig alias maps the official fonts to Noto CJK', () => {
  const xml = fontconfigXml();
  expect(xml).toContain(
    '<alias binding="same"><family>仿宋_GB2312</family><prefer><family>FangSong_GB2312</family><family>FangSong</family><family>Noto Serif CJK SC</family></prefer></alias>',
  );
  expect(xml).toContain('<family>黑体</family><prefer><family>SimHei</family><family>Noto Sans CJK SC</family>');
});

// PDF needs LibreOffice and poppler. CI installs both (.ci/run); elsewhere these are skipped, loudly.
const tools = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
if (!tools && process.env.CI) throw new Error('CI must have LibreOffice and poppler-utils for the PDF tests');
describe.skipIf(!tools)('PDF through LibreOffice', () => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-pdf-test-'));
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

  it('a form, the 汇总表 and the disclosure: pages rendered to PNG, key numbers found in the text', { timeout: 180_000 }, async () => {
    const pdf = new PdfConverter({ workers: 2 });
    try {
      const data = department(hebei);
      const jobs = {
        form: renderDocument(formDocument(hebei[2]!), 'pdf', 'form', pdf),
        summary: renderDocument(departmentDocument('summary', data), 'pdf', 'summary', pdf),
        summaryXlsx: (async () => pdf.convert(await renderXlsx([departmentDocument('summary', data)]), 'xlsx'))(),
        disclosure: renderDocument(departmentDocument('disclosure', data, { projects: [0, 2] }), 'pdf', 'disclosure', pdf),
      };
      for (const [name, job] of Object.entries(jobs)) writeFileSync(join(out, `${name}.pdf`), await job);

      execFileSync('pdftoppm', ['-r', '40', '-png', join(out, 'form.pdf'), join(out, 'form')]);
      const png = readdirSync(out).filter((f) => f.startsWith('form') && f.endsWith('.png'));
      expect(png.length).toBe(pages(join(out, 'form.pdf')));
      expect(readFileSync(join(out, png[0]!)).subarray(1, 4).toString()).toBe('PNG');

      const form = text(join(out, 'form.pdf'));
      expect(form).toContain('见义勇为基金');
      expect(form).toContain('预算执行进度');
      expect(form).toContain('自评总分');
      expect(pages(join(out, 'summary.pdf'))).toBe(1);
      for (const name of ['summary', 'summaryXlsx']) {
        const t = text(join(out, `${name}.pdf`));
        expect(t).toContain('459.11');
        expect(t).toContain('453.64');
        expect(t).toContain('见义勇为基金');
        expect(t).toContain(trim(data.summary.rows[2]!.score));
      }
      const disclosure = text(join(out, 'disclosure.pdf'));
      expect(disclosure).toContain('决算公开绩效情况说明');
      expect(disclosure).toContain('459.11万元');
      expect(pages(join(out, 'disclosure.pdf'))).toBeGreaterThanOrEqual(3); // text + two attached forms
      const fonts = execFileSync('pdffonts', [join(out, 'form.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSerifCJK/); // 宋体/仿宋 rendered in Noto Serif CJK through the alias
    } finally {
      await pdf.close();
    }
  });

  it('documents queued together share one LibreOffice run; one that cannot be read fails alone', { timeout: 120_000 }, async () => {
    const pdf = new PdfConverter({ workers: 1 });
    try {
      const docx = await renderDocx(formDocument(hebei[0]!));
      const xlsx = await renderXlsx([departmentDocument('summary', department(hebei))]);
      const broken = new TextEncoder().encode('PK\u0003\u0004 不是 zip');
      const [a, b, c] = await Promise.allSettled([pdf.convert(docx, 'docx'), pdf.convert(broken, 'docx'), pdf.convert(xlsx, 'xlsx')]);
      expect(pdf.runs).toBe(1);
      for (const r of [a, c]) expect(r.status === 'fulfilled' && new TextDecoder().decode(r.value.subarray(0, 5))).toBe('%PDF-');
      expect(b).toMatchObject({ status: 'rejected', reason: { code: 'EXPORT.PDF_FAILED', message: 'LibreOffice 未生成 PDF（文档可能已损坏）' } });
    } finally {
      await pdf.close();
    }
  });

  it('a run that fails (here: over its time limit) gives each document a coded error and frees its worker', { timeout: 120_000 }, async () => {
    for (const keepWarm of [false, true]) {
      const pdf = new PdfConverter({ workers: 1, timeoutMs: 1, documentTimeoutMs: 1, keepWarm });
      try {
        const docx = await renderDocx(formDocument(hebei[0]!));
        // two documents in one run that fails, then each retried alone (so that one bad document cannot
        // fail the others), then a third: it runs only if the worker was released
        const results = await Promise.allSettled([pdf.convert(docx, 'docx'), pdf.convert(docx, 'docx')]);
        results.push(...(await Promise.allSettled([pdf.convert(docx, 'docx')])));
        for (const r of results)
          expect(r).toMatchObject({ status: 'rejected', reason: { code: 'EXPORT.PDF_FAILED', message: expect.stringContaining('LibreOffice') } });
        expect(pdf.runs).toBe(4);
      } finally {
        await pdf.close();
      }
      expect(pdf.waiting).toEqual([]);
    }
  });

  it('keepWarm: a LibreOffice started ahead takes the next run and is replaced after it; close stops it', { timeout: 120_000 }, async () => {
    const pdf = new PdfConverter({ workers: 1, keepWarm: true });
    let last = 0;
    try {
      await until(() => pdf.waiting.length === 1); // started with the converter, before any download
      const docx = await renderDocx(formDocument(hebei[2]!));
      for (const round of [1, 2]) {
        const [pid] = pdf.waiting;
        const file = join(out, `warm-${round}.pdf`);
        writeFileSync(file, await pdf.convert(docx, 'docx'));
        expect(text(file)).toContain('见义勇为基金');
        expect(pdf.warmRuns).toBe(round);
        // the one that took the run ends; a new one waits for the next
        await until(() => !isAlive(pid!) && pdf.waiting.length === 1 && pdf.waiting[0] !== pid);
        last = pdf.waiting[0]!;
      }
    } finally {
      await pdf.close();
    }
    expect(pdf.waiting).toEqual([]);
    expect(isAlive(last)).toBe(false);
  });

  it('no LibreOffice: EXPORT.CONVERTER_MISSING in Chinese', async () => {
    for (const keepWarm of [false, true]) {
      const pdf = new PdfConverter({ soffice: '/nonexistent/soffice', keepWarm });
      await expect(pdf.convert(await renderDocx(formDocument(hebei[0]!)), 'docx')).rejects.toMatchObject({
        code: 'EXPORT.CONVERTER_MISSING',
        message: expect.stringContaining('LibreOffice'),
      });
      expect(pdf.waiting).toEqual([]);
      await pdf.close();
    }
  });
});
