/**
 * What the files tell a printer (issue 22, items 3–5), read from the files by the libraries that
 * open them: each workbook's page setup (A4, the layout's orientation, fit to one page wide, print area,
 * repeated header rows) and row heights that hold their wrapped text; each .docx row kept whole; money
 * and scores printed alike in .docx and .xlsx; the 草稿（未审核） mark in the page header of both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { auditForms, getScheme, GoalForm, printedTitle, summarizeDepartment, type Evaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  cellToText,
  departmentDocument,
  formDocument,
  goalDocument,
  placeCells,
  renderDocx,
  renderXlsx,
  textLines,
  type DocBlock,
  type OfficialDocument,
} from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/golden');
const files = readdirSync(dir)
  .filter((f) => f.includes('.form-'))
  .sort();
const load = (f: string): Evaluation => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const table = (doc: OfficialDocument) => doc.sections[0]!.blocks.find((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table')!.table;

async function workbook(doc: OfficialDocument) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx([doc])) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** A word of two to eight Chinese characters written twice in a row (项目项目). */
const DOUBLED = /([\u4e00-\u9fff]{2,8})\1/u;

describe('doubled titles (issue 22)', () => {
  it('the Shanxi 雪亮工程 form: filed as “…建设项目项目支出绩效自评表”, printed “…建设项目支出绩效自评表”, stored as filed', () => {
    const ev = load('shanxi-yunzhou-zhengfawei-2022.form-01.json');
    expect(ev.title?.raw).toBe('“雪亮工程”建设项目项目支出绩效自评表');
    expect(formDocument(ev).sections[0]!.blocks[0]).toEqual({ kind: 'title', text: '“雪亮工程”建设项目支出绩效自评表' });
    expect(ev.title?.raw).toBe('“雪亮工程”建设项目项目支出绩效自评表');
  });

  it.each([...new Set(files.map((f) => f.split('.form-')[0]!))])('%s: no title or heading of any document doubles a word', (dept) => {
    const forms = files.filter((f) => f.startsWith(dept)).map(load);
    const { scores, findings } = auditForms(forms);
    const data = { forms, scores, findings, summary: summarizeDepartment(forms, scores, getScheme(forms[0]!.schemeId)) };
    const docs = [
      ...forms.map((ev) => formDocument(ev)),
      departmentDocument('summary', data),
      departmentDocument('report', data),
      departmentDocument('disclosure', data, { projects: forms.map((_, i) => i) }),
    ];
    const titles = docs.flatMap((d) => d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'title' || b.kind === 'heading' ? [b.text] : []))));
    expect(titles.length).toBeGreaterThan(forms.length);
    for (const t of titles) expect(t).not.toMatch(DOUBLED);
  });
});

describe('the goal form (项目支出绩效目标申报表) as .xlsx', () => {
  it('portrait A4 one page wide, its title, year, 填报单位 and 项目名称 row repeated on every page', async () => {
    const g = GoalForm.parse(JSON.parse(readFileSync(join(dir, '../goals/well-set.goal.json'), 'utf8')));
    const doc = goalDocument(g);
    const ws = await workbook(doc);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const first = doc.sections[0]!.blocks.findIndex((b) => b.kind === 'table') + 1;
    expect(ws.pageSetup.printTitlesRow).toBe(`1:${first}`);
    expect(ws.getCell(first, 1).value).toBe('项目名称');
  });
});

describe('numbers kept with their units in the .xlsx (issue 22)', () => {
  const texts = (ws: ExcelJS.Worksheet) => {
    const out: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
    return out;
  };

  it('Ningxia 政务内网: a wrapping cell holds word joiners between number and unit, read back as written; a short one holds none', async () => {
    const doc = formDocument(load('ningxia-yanchi-xianweiban-2022.form-03.json'));
    const ws = await workbook(doc);
    const all = texts(ws);
    // the narrow 一级指标 column printed “产出指标(40⏎分)” and the 三级指标 column “…租用费3720⏎元,”
    expect(all.filter((t) => t.includes('40\u2060分)'))).not.toEqual([]);
    expect(all.filter((t) => t.includes('3720\u2060元'))).not.toEqual([]);
    expect(all).toContain('项目名称');
    // nothing but the joiners added: the importer reads every cell and note as the layout wrote it
    const written = new Set(
      doc.sections[0]!.blocks.flatMap((b) =>
        b.kind === 'table' ? placeCells(b.table.rows).flatMap((r) => r.map(({ cell }) => cell.text)) : 'text' in b ? [b.text] : [],
      ),
    );
    let joined = 0;
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value !== 'string' || !c.value.includes('\u2060')) return;
        joined++;
        expect(written.has(cellToText(c)), cellToText(c)).toBe(true);
      }),
    );
    expect(joined).toBeGreaterThan(5);
  });

  it('every seed form: the columns as laid out (no number with its unit wider than its column); a narrow one is widened to hold it', async () => {
    for (const f of files) {
      const doc = formDocument(load(f));
      const ws = await workbook(doc);
      expect(
        table(doc).widths.map((w, k) => ws.getColumn(k + 1).width! - Math.max(4, Math.round((w / 2) * 10) / 10)),
        f,
      ).toEqual(table(doc).widths.map(() => 0));
    }
    const narrow: OfficialDocument = {
      name: '窄列',
      sections: [{ blocks: [{ kind: 'table', table: { widths: [10, 60], rows: [{ cells: [{ text: '12345.678万元' }, { text: '预算执行' }] }] } }] }],
    };
    const ws = await workbook(narrow);
    expect(ws.getColumn(1).width).toBeGreaterThan(10);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getCell(1, 1).value).toBe('12345.678\u2060万\u2060元');
  });
});

describe('text measure', () => {
  it('lines of a cell: CJK one em, Latin about half, explicit breaks kept', () => {
    expect(textLines('项目名称', 40, 10.5)).toBe(1);
    expect(textLines('项'.repeat(30), 40, 10.5)).toBeGreaterThanOrEqual(3);
    expect(textLines('1234567890', 40, 10.5)).toBe(1);
    expect(textLines('一\n二\n三', 40, 10.5)).toBe(3);
    // a number with its unit moves to the next line whole (“3720元” after eight characters), so the seven
    // after it take a third line; broken between any two characters (“37⏎20元”) they would fit on two
    expect(textLines('项'.repeat(8) + '3720元' + '项'.repeat(7), 40, 10.5)).toBe(3);
  });
});

describe.each(files)('%s', (f) => {
  const ev = load(f);
  const doc = formDocument(ev);

  it('.xlsx: A4 landscape, one page wide, print area over the document, title and 项目名称 repeated, rows as high as their wrapped text', async () => {
    const ws = await workbook(doc);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printArea).toMatch(new RegExp(`^A1:[A-Z]+${ws.rowCount}$`));
    const t = table(doc);
    const first = doc.sections[0]!.blocks.findIndex((b) => b.kind === 'table') + 1; // rows above the table: one per block
    // a form's indicator head is mid-table: what repeats on every page is the title, the year and the
    // table's first row (项目名称), so that a loose page says which form it is
    expect(ws.pageSetup.printTitlesRow).toBe(`1:${first}`);
    expect(t.rows[0]!.cells.every((c) => (c.rowSpan ?? 1) === 1)).toBe(true);
    expect(String(ws.getCell(first, 2).value ?? '') + String(ws.getCell(first, 3).value ?? '')).toContain(ev.project.name.raw);
    expect(ws.getCell(1, 1).value).toBe(doc.sections[0]!.blocks.find((b) => b.kind === 'title')!.text);
    placeCells(t.rows).forEach((row, i) => {
      for (const { cell, col } of row) {
        if ((cell.rowSpan ?? 1) > 1) continue;
        const width = t.widths.slice(col, col + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
        // every line of the cell has its 10.5 pt × 1.3 in the row
        expect(ws.getRow(first + i).height, `row ${first + i}: ${cell.text.slice(0, 20)}`).toBeGreaterThanOrEqual(
          textLines(cell.text, width, 10.5) * 10.5 * 1.3,
        );
      }
    });
  });

  it('the title printed once as written: a doubled word once in the .docx and the .xlsx, the stored title untouched', async () => {
    const before = JSON.stringify(ev);
    const printed = doc.sections[0]!.blocks.find((b) => b.kind === 'title')!.text;
    expect(printed).not.toMatch(DOUBLED);
    expect(printed.replace(/\s/g, '')).toBe(printedTitle(ev.title?.raw || printed).replace(/\s/g, ''));
    expect(strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!)).toContain(`>${printed}<`);
    expect((await workbook(doc)).getCell(1, 1).value).toBe(printed);
    expect(JSON.stringify(ev)).toBe(before);
  });

  it('.docx: every table row kept from splitting across pages', async () => {
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const rows = xml.match(/<w:tr>|<w:tr /g)!.length;
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBe(rows);
  });
});

describe('the Shanxi 汇总表 and 网格员意外伤害保险 (issue 22: 98 beside 96.04, 6.70 where the .docx said 6.695)', () => {
  const forms = files.filter((f) => f.startsWith('shanxi')).map(load);
  const { scores, findings } = auditForms(forms);
  const data = { forms, scores, findings, summary: summarizeDepartment(forms, scores, getScheme(forms[0]!.schemeId)) };
  const summary = departmentDocument('summary', data);

  it('scores to the scheme places and money as entered, the same in the .docx text and the .xlsx cell format', async () => {
    const rows = table(summary).rows.slice(2, 5);
    expect(rows.map((r) => r.cells[5]!.text)).toEqual(['95.84', '98.00', '99.56']);
    expect(rows[2]!.cells[3]!.text).toBe('6.695');
    const ws = await workbook(summary);
    const at = ws.getColumn(2).values.indexOf('网格员意外伤害保险');
    expect([ws.getCell(at, 4).value, ws.getCell(at, 4).numFmt]).toEqual([6.695, '0.000']);
    expect([ws.getCell(at - 1, 6).value, ws.getCell(at - 1, 6).numFmt]).toEqual([98, '0.00']);
    const xml = strFromU8(unzipSync(await renderDocx(summary))['word/document.xml']!);
    expect(xml).toContain('>6.695<');
    expect(xml).toContain('>98.00<');
  });

  it('.xlsx: portrait as the seed, its two header rows repeated, the mark in the page header; the .docx the same', async () => {
    const ws = await workbook(summary);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(summary.mark).toBe('草稿（未审核）'); // every Shanxi form still has error findings
    expect(ws.headerFooter.oddHeader).toContain('草稿（未审核）');
    const docx = unzipSync(await renderDocx(summary));
    expect(strFromU8(docx['word/header1.xml']!)).toContain('草稿（未审核）');
    expect(strFromU8(docx['word/document.xml']!).match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });

  it('without errors or drafts, no mark', async () => {
    const clean = departmentDocument('summary', { ...data, findings: [], statuses: forms.map(() => 'unit-approved' as const) });
    expect(clean.mark).toBeUndefined();
    expect((await workbook(clean)).headerFooter?.oddHeader).toBeFalsy();
    expect(departmentDocument('summary', { ...data, findings: [], statuses: ['draft', 'unit-approved', 'unit-approved'] }).mark).toBe('草稿（未审核）');
  });
});
