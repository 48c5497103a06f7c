/**
 * Reader for text dumps of Word/PDF tables, the two shapes of the seeds:
 *  - one cell per line: a line starting with a tab is a cell, a blank line ends a row, a line
 *    without a tab continues the cell above it (Word wrapped text inside the cell);
 *  - one row per line: tab-separated cells (text copied out of a PDF).
 * Provenance is the 1-based line of each cell.
 */
import type { Block, Cell, GridDocument } from './grid.ts';
import { DEFAULT_LIMITS, refuse, type ImportLimits } from './limits.ts';
import { looksPasted, readPastedText } from './text-paste.ts';

/**
 * Lines and cells are counted before the text is split: every line and every tab becomes an object
 * with its provenance, so 20 MB of tabs would be 20 million of them.
 */
export function checkTextSize(text: string, file: string, limits: ImportLimits = DEFAULT_LIMITS): void {
  let lines = 1;
  let tabs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 9) tabs++;
  }
  if (lines > limits.maxRows) throw refuse.tooManyRows(file, { rows: lines }, limits);
  if (lines + tabs > limits.maxCells) throw refuse.tooManyRows(file, { rows: lines, cells: lines + tabs }, limits);
}

export function readTextGrid(text: string, file: string, limits: ImportLimits = DEFAULT_LIMITS): GridDocument {
  checkTextSize(text, file, limits);
  // word joiners (U+2060) copied out of an exported document only kept a number on the line of its unit
  text = text.replaceAll('\u2060', '');
  // no tab anywhere: pasted out of a PDF or a web page, where the cells have to be found again
  if (looksPasted(text)) return readPastedText(text, file);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // A cell per line: `\tcell` with no further tab. A row per line: text, tab, text.
  const singleCells = lines.filter((l) => /^\t[^\t]*$/.test(l)).length;
  const tabbedRows = lines.filter((l) => /[^\t]\t/.test(l)).length;
  const cellPerLine = singleCells > tabbedRows;
  return { file, blocks: cellPerLine ? cellsPerLine(lines, file) : rowsPerLine(lines, file) };
}

function cellsPerLine(lines: string[], file: string): Block[] {
  const blocks: Block[] = [];
  let row: Cell[] | null = null;
  let blankSinceCell = false;
  const close = () => {
    if (row && row.length > 0) blocks.push({ kind: 'row', cells: row, src: { file, line: row[0]!.src.line! } });
    row = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const src = { file, line: i + 1 };
    if (line.startsWith('\t')) {
      if (row === null) row = [];
      row.push({ text: line.slice(1), src });
      blankSinceCell = false;
    } else if (line.trim() === '') {
      if (row !== null) blankSinceCell = true;
    } else if (row !== null && !blankSinceCell) {
      row[row.length - 1]!.text += '\n' + line;
    } else if (row !== null && blankSinceCell && (lines[i + 1] ?? '').startsWith('\t')) {
      // A wrapped cell whose wrap was taken for a blank line: text, then the row goes on.
      row[row.length - 1]!.text += '\n' + line;
      blankSinceCell = false;
    } else {
      close();
      blocks.push({ kind: 'paragraph', text: line, src });
    }
    // After a blank line the row has ended — unless a wrapped line of its last cell follows (see above).
    const next = lines[i + 1] ?? '';
    if (blankSinceCell && row !== null && (next.startsWith('\t') || next.trim() === '')) close();
  }
  close();
  return blocks;
}

function rowsPerLine(lines: string[], file: string): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const src = { file, line: i + 1 };
    if (line.trim() === '') return;
    if (line.includes('\t')) {
      const cells = line.split('\t').map((text, col) => ({ text, src: { file, line: i + 1, col: col + 1 } }));
      blocks.push({ kind: 'row', cells, src });
    } else blocks.push({ kind: 'paragraph', text: line, src });
  });
  return blocks;
}
