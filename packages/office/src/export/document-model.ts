/**
 * A neutral description of an official document — paragraphs and tables with merged cells and fixed
 * column widths — that the .docx and .xlsx writers both render. Layouts say what goes where once;
 * the writers know only the file formats.
 */

export type Align = 'left' | 'center' | 'right';

export interface DocCell {
  text: string;
  /** grid columns this cell covers (horizontal merge) */
  colSpan?: number;
  /** rows this cell covers (vertical merge): the rows below omit it, as in HTML */
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
  /**
   * a number as a spreadsheet should hold it (exact decimal string; the text is what is shown), or
   * the sum of the `sumAbove` cells above it in its column (a 合计 stays a live formula)
   */
  number?: { value: string; format: string; sumAbove?: number };
}

export interface DocRow {
  cells: DocCell[];
  /** a header row is repeated at the top of every page */
  header?: boolean;
}

export interface DocTable {
  /** column widths in millimetres; their sum is the table's width */
  widths: number[];
  rows: DocRow[];
}

export type DocBlock =
  | { kind: 'title'; text: string }
  | {
      kind: 'paragraph';
      text: string;
      align?: Align;
      bold?: boolean;
      indent?: boolean;
      parts?: TextPart[];
      /**
       * prose a program does not read back: numbers kept with their units (implied by `indent` and
       * `parts`, a report's paragraphs); a form's own lines are written as they are
       */
      prose?: boolean;
    }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; table: DocTable }
  | { kind: 'page-break' };

/** A run of a paragraph; `mark` highlights text the user still has to write (a report's slot). */
export interface TextPart {
  text: string;
  mark?: boolean;
}

/** Pages of one orientation: a report in portrait followed by its attached forms in landscape. */
export interface DocSection {
  landscape?: boolean;
  blocks: DocBlock[];
}

export interface OfficialDocument {
  /** what the document is, for file names and the workbook's sheet name */
  name: string;
  sections: DocSection[];
  /**
   * printed at the top of every page — 草稿（未审核） for a document made from drafts or forms with
   * errors (core: documentStatus)
   */
  mark?: string;
}

/** The fonts the official layouts name; PDF conversion maps them to Noto CJK when absent. */
export const FONTS = { body: '仿宋_GB2312', table: '宋体', title: '黑体', latin: 'Times New Roman' } as const;

/** A4 in millimetres, and the margins the seeds' forms use. */
export const A4 = { width: 210, height: 297, margin: { top: 25, bottom: 25, left: 20, right: 20 } } as const;

/** Usable width of a page, millimetres. */
export const textWidth = (landscape = false): number => (landscape ? A4.height : A4.width) - A4.margin.left - A4.margin.right;

/** Widths in proportion, scaled to fill the page width (millimetres, one decimal). */
export function fitWidths(weights: readonly number[], landscape = false): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((w / total) * textWidth(landscape) * 10) / 10);
}

/**
 * Where each cell of each row sits in the grid, following rowSpans from the rows above: the one place
 * both writers get positions from.
 */
export function placeCells(rows: readonly DocRow[]): Array<Array<{ cell: DocCell; col: number }>> {
  const busyUntil: number[] = []; // per grid column, the last row a rowSpan above occupies
  return rows.map((row, r) => {
    let col = 0;
    return row.cells.map((cell) => {
      while ((busyUntil[col] ?? -1) >= r) col++;
      const at = col;
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) busyUntil[at + k] = r + (cell.rowSpan ?? 1) - 1;
      col += span;
      return { cell, col: at };
    });
  });
}
