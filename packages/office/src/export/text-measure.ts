/**
 * How many lines a text takes in a cell of a given width: the one measurement the .xlsx writer needs
 * to set row heights (a spreadsheet does not grow a wrapped row when it prints) and the render test
 * uses as its expectation. Widths from the glyphs' classes: a CJK character or full-width mark is one
 * em, a Latin letter or digit about 0.55 em — what 宋体/Noto Serif CJK and Times give at 五号.
 * A number with its unit (40分, 3720元, 100.00%) is one piece that a line never breaks: the documents
 * write it with word joiners (core's keepUnits), so it moves to the next line whole.
 */
import { numberUnitPieces } from '@jixiao/core';

/** Millimetres per point. */
const MM_PER_PT = 25.4 / 72;
/** What a cell's left and right padding and border take from its width, millimetres. */
const PADDING_MM = 2.5;

/** Width of one character in em. */
function em(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x2060) return 0; // word joiner
  if (c < 0x2e80) return c < 0x80 && /[A-Z%@#&mwMW]/.test(ch) ? 0.7 : 0.55;
  return 1; // CJK, full-width punctuation
}

/** Width of a line of text in millimetres at `pt` points. */
export function textWidthMm(text: string, pt: number): number {
  let w = 0;
  for (const ch of text) w += em(ch);
  return w * pt * MM_PER_PT;
}

/** The spreadsheet's column is ~7% narrower than the millimetres asked (its width unit is a digit). */
const usableMm = (widthMm: number): number => Math.max(1, widthMm * 0.93 - PADDING_MM);

/** The pieces a line breaks between: each character, but a number with its unit whole. */
function pieces(line: string): string[] {
  return numberUnitPieces(line).flatMap((p) => (p.keep ? [p.text] : [...p.text]));
}

/**
 * Lines the text wraps to in a cell `widthMm` wide: each of its own lines (\n) at least one, long ones
 * broken where they reach the edge (character by character, as CJK text breaks, a number with its unit
 * kept whole), rounded up.
 */
export function textLines(text: string, widthMm: number, pt: number): number {
  const usable = usableMm(widthMm);
  let lines = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    let n = 1;
    for (const piece of pieces(line)) {
      const pw = textWidthMm(piece, pt);
      if (w + pw > usable && w > 0) {
        n++;
        w = 0;
      }
      w += pw;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/**
 * Whether the text may wrap in a cell `widthMm` wide: one of its lines takes more than `share` of the
 * width (a margin for the typesetter's glyphs being wider than this measure says).
 */
export function mayWrap(text: string, widthMm: number, pt: number, share = 0.8): boolean {
  const usable = usableMm(widthMm) * share;
  return text.split('\n').some((line) => textWidthMm(line, pt) > usable);
}

/** Digits and their point in Times are 0.5 and 0.25 em, narrower than the safe 0.55 em of `em`. */
const TIGHT = 0.9;
/** What Calc and Excel keep free beside a cell's text, millimetres. */
const CELL_PADDING_MM = 1;

/**
 * The column width (mm) the text needs so that its widest unbreakable piece — a number with its unit,
 * “28.272万元” — fits on a line of its own; 0 for a text without one. Measured tight, not with the
 * row heights' safe margins: a column widened on a safe guess would change the seed's layout for
 * nothing (“100.00%” prints whole in the 15.5 mm column of Shanxi's form).
 */
export function keptWidthMm(text: string, pt: number): number {
  let widest = 0;
  for (const p of numberUnitPieces(text)) if (p.keep) widest = Math.max(widest, textWidthMm(p.text, pt));
  return widest === 0 ? 0 : widest * TIGHT + CELL_PADDING_MM;
}
