/**
 * An OfficialDocument as .xlsx (exceljs): one sheet, the table's grid as columns, merged ranges where
 * the document merges cells, numbers as numbers with the format the form prints (the text is what a
 * reader sees; the value is what a formula sums). Titles are merged across the sheet; other
 * paragraphs sit alone in column A, as a workbook saved from a form has them.
 */
import ExcelJS from 'exceljs';
import { FONTS, placeCells, type DocCell, type OfficialDocument } from './document-model.ts';
import { spreadsheetText } from './spreadsheet-text.ts';

/** Excel column width unit ≈ one digit ≈ 2 mm at 11 pt. */
const excelWidth = (mm: number): number => Math.max(4, Math.round((mm / 2) * 10) / 10);

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;

function sheetName(name: string): string {
  // Excel forbids []:*?/\ and more than 31 characters in a sheet's name
  return name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1';
}

function setCell(cell: ExcelJS.Cell, c: DocCell, ws: ExcelJS.Worksheet): void {
  if (c.number?.sumAbove) {
    // a live 合计: Excel recomputes it when a row is corrected; the cached result is the exact sum
    const col = ws.getColumn(Number(cell.col)).letter;
    const top = Number(cell.row) - c.number.sumAbove;
    cell.value = { formula: `SUM(${col}${top}:${col}${Number(cell.row) - 1})`, result: Number(c.number.value) };
    cell.numFmt = c.number.format;
  } else if (c.number) {
    cell.value = Number(c.number.value);
    cell.numFmt = c.number.format;
  } else cell.value = spreadsheetText(c.text);
  cell.font = { name: FONTS.table, size: 10.5, bold: c.bold ?? false };
  cell.alignment = { horizontal: ALIGN[c.align ?? 'left'], vertical: 'middle', wrapText: true };
  cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
}

export function buildWorkbook(docs: readonly OfficialDocument[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const used = new Set<string>();
  for (const doc of docs) {
    let name = sheetName(doc.name);
    for (let k = 2; used.has(name); k++) name = sheetName(`${doc.name.slice(0, 27)}（${k}）`);
    used.add(name);
    // a workbook holds the first section (a form, a 汇总表); attachments belong to the .docx
    const sec = doc.sections[0] ?? { blocks: [] };
    const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: sec.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const first = sec.blocks.find((b) => b.kind === 'table');
    const widths = first?.kind === 'table' ? first.table.widths : [170];
    ws.columns = widths.map((w) => ({ width: excelWidth(w) }));
    const W = widths.length;
    let r = 1;
    for (const b of sec.blocks) {
      if (b.kind === 'title') {
        const cell = ws.getCell(r, 1);
        cell.value = spreadsheetText(b.text);
        cell.font = { name: FONTS.title, size: 16, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        if (W > 1) ws.mergeCells(r, 1, r, W);
        ws.getRow(r).height = 28;
        r++;
      } else if (b.kind === 'paragraph' || b.kind === 'heading') {
        const cell = ws.getCell(r, 1);
        cell.value = spreadsheetText(b.text);
        cell.font = { name: b.kind === 'heading' ? FONTS.title : FONTS.body, size: 12, bold: b.kind === 'heading' || (b.kind === 'paragraph' && (b.bold ?? false)) };
        r++;
      } else if (b.kind === 'table') {
        const placed = placeCells(b.table.rows);
        placed.forEach((row, i) => {
          for (const { cell, col } of row) {
            const top = r + i;
            const left = col + 1;
            setCell(ws.getCell(top, left), cell, ws);
            const bottom = top + (cell.rowSpan ?? 1) - 1;
            const right = left + (cell.colSpan ?? 1) - 1;
            if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
          }
        });
        r += b.table.rows.length + 1;
      }
    }
  }
  return wb;
}

export async function renderXlsx(docs: readonly OfficialDocument[]): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(docs).xlsx.writeBuffer());
}
