/**
 * Reader for .xlsx (exceljs): every sheet, row by row. Merged ranges take the shape Word tables take
 * when copied as text — a horizontal merge is one cell, a vertical continuation an empty cell — so
 * the one recognizer reads both. A row holding a single value in an unmerged cell is a paragraph
 * (titles, notes and report text end up in column A when a document is saved as a workbook).
 */
import ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import type { Block, Cell, GridDocument } from './grid.ts';
import { ImportError } from './errors.ts';
import { boundedUnzip } from './bounded-unzip.ts';
import { DEFAULT_LIMITS, refuse, type ImportLimits } from './limits.ts';
import { plainSpreadsheetText } from './export/spreadsheet-text.ts';

type XCell = ExcelJS.Cell;

/**
 * Any cell as the text a person sees: rich text joined, formulas by their result, numbers in their format.
 * Word joiners (U+2060) only kept a number on the line of its unit in an exported workbook: not text.
 */
export function cellToText(cell: XCell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return plainSpreadsheetText(v.replaceAll('\u2060', ''));
  if (typeof v === 'number') return formatNumber(v, cell.numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text.replaceAll('\u2060', '')).join('');
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return '';
      if (typeof r === 'number') return formatNumber(r, cell.numFmt);
      if (r instanceof Date) return `${r.getUTCFullYear()}年${r.getUTCMonth() + 1}月${r.getUTCDate()}日`;
      if (typeof r === 'object' && 'error' in r) return String((r as { error: string }).error);
      return String(r);
    }
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/**
 * A number as its format shows it: `0.00` → two decimals, `0.0%` → ×100 with a percent sign.
 * Digits come from the shortest round-trip string, so no binary noise (0.1 + 0.2) leaks into text.
 */
function formatNumber(n: number, fmt: string | undefined): string {
  const f = (fmt ?? 'General').split(';')[0]!;
  const percent = f.includes('%');
  const decimals = /0\.(0+)/.exec(f)?.[1]!.length ?? (percent || f === 'General' ? null : 0);
  let x = percent ? Number((n * 100).toPrecision(15)) : n;
  if (decimals === null) return `${String(x)}${percent ? '%' : ''}`;
  x = Number(x.toPrecision(15));
  return `${x.toFixed(decimals)}${percent ? '%' : ''}`;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Everything exceljs will unzip is inflated and counted here first, and every sheet's rows and
 * columns (merged ranges included) measured: exceljs builds the whole workbook in memory, so it is
 * handed only a workbook within the caps. What it is handed is the parts as counted, stored without
 * compression: exceljs reads exactly the bytes measured here, and does not inflate them a second time
 * (half the cost of this check was that second inflation).
 */
export function checkWorkbook(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS): Uint8Array {
  if (bytes.byteLength > limits.maxBytes) throw refuse.tooLarge(file, bytes.byteLength, limits.maxBytes);
  const { parts, entries, sheets } = boundedUnzip(bytes, {
    file,
    limits,
    keep: () => true,
    measure: (n) => (SHEET.test(n) ? 'sheet' : /\.(xml|rels|vml)$/.test(n) ? 'xml' : null),
  });
  const total = sheets.reduce((n, s) => n + s.rows, 0);
  if (total > limits.maxRows) throw refuse.tooManyRows(file, { rows: total }, limits);
  return zipSync(Object.fromEntries(entries.filter((n) => parts[n]).map((n) => [n, [parts[n]!, { level: 0 }]])) as Zippable);
}

export async function readXlsx(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_LIMITS): Promise<GridDocument> {
  const checked = checkWorkbook(bytes, file, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError('IMPORT.CORRUPT', `“${file}”无法作为 Excel 工作簿读取：${(e as Error).message}`, { file });
  }
  const blocks: Block[] = [];
  wb.worksheets.forEach((ws, sheet) => {
    const table = sheet + 1;
    // read once: exceljs computes each by walking every row (`columnCount` in the loop's condition
    // was the largest single cost of an import, ≈ 6 % of it)
    const rows = ws.rowCount;
    const columns = ws.columnCount;
    // measured before loading (checkWorkbook); checked again as exceljs counts, since the loop below
    // makes a cell object for every one of rows × columns
    if (rows > limits.maxRows || rows * columns > limits.maxCells) throw refuse.tooManyRows(file, { rows, columns, sheet: ws.name }, limits);
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = row.getCell(c);
        const src = { file, table, row: r, col: c };
        if (cell.isMerged && cell.master.address !== cell.address) {
          // horizontal continuation: part of the cell to its left; vertical: an empty cell
          if (cell.master.row === cell.row || Number(cell.master.col) !== c) continue;
          cells.push({ text: '', src });
          continue;
        }
        cells.push({ text: cellToText(cell), src });
      }
      while (cells.length && cells[cells.length - 1]!.text === '' && !isMergedStart(ws, r, cells[cells.length - 1]!.src.col!)) cells.pop();
      if (cells.length === 0) continue;
      // A lone value in an unmerged cell is a paragraph; a merged one is a table row spanning the table.
      const only = cells.length === 1 ? row.getCell(cells[0]!.src.col!) : null;
      if (only && !only.isMerged) blocks.push({ kind: 'paragraph', text: cells[0]!.text, src: cells[0]!.src });
      else blocks.push({ kind: 'row', cells, src: { file, table, row: r } });
    }
  });
  return { file, blocks };
}

/** An empty trailing cell is kept when it is the start of a merged range (it stands for a column). */
function isMergedStart(ws: ExcelJS.Worksheet, r: number, c: number): boolean {
  const cell = ws.getRow(r).getCell(c);
  return cell.isMerged && cell.master.address === cell.address;
}
