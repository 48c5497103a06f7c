/** Import of a text dump: read the grid, recognize the forms. */
import { readTextGrid } from './text-grid.ts';
import { recognizeDocument, type Recognized } from './recognize/document.ts';

export function importText(text: string, file: string): Recognized {
  return recognizeDocument(readTextGrid(text, file));
}
