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
