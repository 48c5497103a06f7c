/**
 * The common shape every reader produces: a document as a sequence of blocks, each a paragraph or
 * a table row of cells. The recognizer works on this alone, whatever the file format was.
 */
import type { Provenance } from '@jixiao/core';

export interface Cell {
  text: string;
  src: Provenance;
}

export type Block = { kind: 'paragraph'; text: string; src: Provenance } | { kind: 'row'; cells: Cell[]; src: Provenance };

export interface GridDocument {
  file: string;
  blocks: Block[];
}

/**
 * The text of a block that reads as one line of prose: a paragraph, or a row of a single cell (a
 * workbook has no paragraphs: titles, notes and report text sit in cells merged across the sheet).
 */
export function lineOf(b: Block): { text: string; src: Block['src'] } | null {
  if (b.kind === 'paragraph') return { text: b.text, src: b.src };
  if (b.cells.length === 1) return { text: b.cells[0]!.text, src: b.cells[0]!.src };
  return null;
}
