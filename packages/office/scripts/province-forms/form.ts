/** A form as published, written as an HTML table for make-province-fixtures.ts: one file per form in this folder. */

/** A cell: its text, and how many rows and grid columns it covers. */
export type C = string | { t: string; rs?: number; cs?: number };
export interface Form {
  /** the fixture's name: fixtures/provinces/<file>.{docx,xlsx,pdf,browser.pdf} */
  file: string;
  /** lines above the table, as published */
  before: string[];
  rows: C[][];
  after?: string[];
}

/** A cell over `cs` grid columns and `rs` rows. */
export const c = (t: string, cs?: number, rs?: number): C => ({ t, ...(cs && { cs }), ...(rs && { rs }) });
