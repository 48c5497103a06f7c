/**
 * An OfficialDocument as .xlsx (exceljs): one sheet, the table's grid as columns, merged ranges where
 * the document merges cells, numbers as numbers with the format the form prints (the text is what a
 * reader sees; the value is what a formula sums). Titles and paragraphs are merged across the sheet
 * and wrapped, so that they print inside the page.
 *
 * Printing (issue 22): every row is as high as its wrapped text needs (a spreadsheet never grows a
 * row by itself when it prints, so wrapped cells would pile on each other); the print area is the
 * document; A4 in the document's orientation with its margins, fit to one page wide; header rows
 * repeated at the top of every page (repeatedRows); a 草稿（未审核） mark in the page header.
 *
 * Numbers keep their units (issue 22): a cell's text holds what was written, but where it wraps, word
 * joiners between each number and its unit (core's keepUnits; Calc and Excel break no line at one, the
 * importer reads them as nothing), so that a narrow column of Ningxia's form never prints “(40⏎分)”.
 * Text that fits on its line is left without them, the way a user copies and searches it. A column
 * narrower than a number with its unit in one of its cells is widened to hold it (columnWidths).
 */
import ExcelJS from 'exceljs';
import { keepUnits } from '@jixiao/core';
import { A4, FONTS, placeCells, type DocCell, type DocRow, type DocTable, type OfficialDocument } from './document-model.ts';
import { keptWidthMm, mayWrap, textLines } from './text-measure.ts';
import { spreadsheetText } from './spreadsheet-text.ts';

/** Excel column width unit ≈ one digit ≈ 2 mm at 11 pt. */
const excelWidth = (mm: number): number => Math.max(4, Math.round((mm / 2) * 10) / 10);

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;

function sheetName(name: string): string {
  // Excel forbids []:*?/\ and more than 31 characters in a sheet's name
  return name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1';
}

/**
 * The text of a cell or a merged paragraph `widthMm` wide: with word joiners between each number and its
 * unit where the text may wrap, as written where it fits on its line. The joiners go in after the formula
 * mark is decided, so that “-5%” stays a harmless text as before.
 */
const wrappedText = (text: string, widthMm: number, pt: number): string =>
  mayWrap(text, widthMm, pt) ? keepUnits(spreadsheetText(text)) : spreadsheetText(text);

/**
 * The table's column widths (mm), each at least as wide as the widest number with its unit in a cell of
 * that column alone: a joined “28.272万元” wider than its column could only be clipped or broken after all.
 * A number cell is left out: it is a value in its format, which no spreadsheet wraps.
 */
function columnWidths(t: DocTable): number[] {
  const widths = [...t.widths];
  for (const row of placeCells(t.rows))
    for (const { cell, col } of row) if ((cell.colSpan ?? 1) === 1 && !cell.number) widths[col] = Math.max(widths[col]!, keptWidthMm(cell.text, TABLE_PT));
  return widths;
}

function setCell(cell: ExcelJS.Cell, c: DocCell, ws: ExcelJS.Worksheet, widthMm: number): void {
  if (c.number?.sumAbove) {
    // a live 合计: Excel recomputes it when a row is corrected; the cached result is the exact sum
    const col = ws.getColumn(Number(cell.col)).letter;
    const top = Number(cell.row) - c.number.sumAbove;
    cell.value = { formula: `SUM(${col}${top}:${col}${Number(cell.row) - 1})`, result: Number(c.number.value) };
    cell.numFmt = c.number.format;
  } else if (c.number) {
    cell.value = Number(c.number.value);
    cell.numFmt = c.number.format;
  } else cell.value = wrappedText(c.text, widthMm, TABLE_PT);
  cell.font = { name: FONTS.table, size: TABLE_PT, bold: c.bold ?? false };
  // a cell merged down over several rows stands at their top: a spreadsheet cuts a merged cell at a page
  // break and prints its text where the whole would have it, so a label centred on the break (项目绩效分析
  // beside the narrative rows) prints half a glyph on each page
  cell.alignment = { horizontal: ALIGN[c.align ?? 'left'], vertical: (c.rowSpan ?? 1) > 1 ? 'top' : 'middle', wrapText: true };
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
    const inch = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
    const m = A4.margin;
    const ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: sec.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right), header: inch(m.top / 2), footer: inch(m.bottom / 2) },
      },
    });
    if (doc.mark)
      ws.headerFooter = { oddHeader: `&R&"${FONTS.title},Bold"&14&KC00000${doc.mark}`, evenHeader: `&R&"${FONTS.title},Bold"&14&KC00000${doc.mark}` };
    const first = sec.blocks.find((b) => b.kind === 'table');
    const widths = first?.kind === 'table' ? columnWidths(first.table) : [170];
    ws.columns = widths.map((w) => ({ width: excelWidth(w) }));
    const W = widths.length;
    const tableWidth = widths.reduce((a, b) => a + b, 0);
    let r = 1;
    let titles: [number, number] | null = null;
    for (const b of sec.blocks) {
      if (b.kind === 'title') {
        const cell = ws.getCell(r, 1);
        cell.value = wrappedText(b.text, tableWidth, 16);
        cell.font = { name: FONTS.title, size: 16, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (W > 1) ws.mergeCells(r, 1, r, W);
        ws.getRow(r).height = Math.max(28, rowHeight(textLines(b.text, tableWidth, 16), 16));
        r++;
      } else if (b.kind === 'paragraph' || b.kind === 'heading') {
        const cell = ws.getCell(r, 1);
        cell.value = wrappedText(b.text, tableWidth, 12);
        cell.font = {
          name: b.kind === 'heading' ? FONTS.title : FONTS.body,
          size: 12,
          bold: b.kind === 'heading' || (b.kind === 'paragraph' && (b.bold ?? false)),
        };
        cell.alignment = { horizontal: b.kind === 'paragraph' && b.align ? ALIGN[b.align] : 'left', vertical: 'middle', wrapText: true };
        // across the table's width, so a long note wraps inside the print area instead of running off it
        if (W > 1) ws.mergeCells(r, 1, r, W);
        ws.getRow(r).height = rowHeight(textLines(b.text, tableWidth, 12), 12);
        r++;
      } else if (b.kind === 'table') {
        // the sheet's columns are its first table's (widened); a later table (none in the documents yet) as laid out
        const tableWidths = first?.kind === 'table' && b.table === first.table ? widths : b.table.widths;
        const placed = placeCells(b.table.rows);
        const needed = b.table.rows.map(() => MIN_ROW);
        const spanned: Array<{ top: number; rows: number; height: number }> = [];
        placed.forEach((row, i) => {
          for (const { cell, col } of row) {
            const top = r + i;
            const left = col + 1;
            const width = tableWidths.slice(col, col + (cell.colSpan ?? 1)).reduce((a, x) => a + x, 0);
            setCell(ws.getCell(top, left), cell, ws, width);
            const bottom = top + (cell.rowSpan ?? 1) - 1;
            const right = left + (cell.colSpan ?? 1) - 1;
            if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
            const height = rowHeight(textLines(cell.text, width, TABLE_PT), TABLE_PT);
            if ((cell.rowSpan ?? 1) > 1) spanned.push({ top: i, rows: cell.rowSpan!, height });
            else needed[i] = Math.max(needed[i]!, height);
          }
        });
        // a cell over several rows: what its rows lack together goes to its last row
        for (const sp of spanned) {
          const have = needed.slice(sp.top, sp.top + sp.rows).reduce((a, x) => a + x, 0);
          if (have < sp.height) needed[sp.top + sp.rows - 1]! += sp.height - have;
        }
        needed.forEach((h, i) => (ws.getRow(r + i).height = Math.round(h * 10) / 10));
        if (!titles) titles = repeatedRows(b.table.rows, r);
        r += b.table.rows.length + 1;
      }
    }
    // the last row written (not the blank one kept after a table)
    const lastRow = Math.max(1, ws.rowCount);
    ws.pageSetup.printArea = `A1:${ws.getColumn(W).letter}${lastRow}`;
    if (titles && titles[1] >= titles[0]) ws.pageSetup.printTitlesRow = `${titles[0]}:${titles[1]}`;
  }
  return wb;
}

/**
 * The rows printed at the top of every page (Excel's print titles, one range of rows), for the sheet's
 * first table starting at row `top`. A table that opens with header rows (a 汇总表's two-row head)
 * repeats them. A form's indicator head sits mid-table, under the budget and goal rows: repeated, it
 * would stand over the narrative rows of a later page and under it the section labels merged down across
 * the page break print into it (measured: test/export-render.test.ts). A form repeats instead what is
 * above its table and the table's first row — the title, the year, and 项目名称 — so that every page
 * says which form it belongs to, the way a county's printed forms head their pages. A first row with a
 * cell merged down into the rows below is left out (a page must not cut a merged cell).
 */
function repeatedRows(rows: readonly DocRow[], top: number): [number, number] {
  const lead = rows.findIndex((row) => !row.header);
  if (lead > 0) return [top, top + lead - 1];
  const first = rows[0];
  const whole = first !== undefined && first.cells.every((c) => (c.rowSpan ?? 1) === 1);
  return [1, whole ? top : top - 1];
}

/** 五号 in tables, as in the .docx */
const TABLE_PT = 10.5;
const MIN_ROW = 18;
/** Points a row needs for `lines` lines of `pt` text: line height 1.3, and the cell's padding. */
const rowHeight = (lines: number, pt: number): number => Math.max(MIN_ROW, lines * pt * 1.3 + 5);

export async function renderXlsx(docs: readonly OfficialDocument[]): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(docs).xlsx.writeBuffer());
}
