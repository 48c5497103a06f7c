/**
 * How many lines a text takes in a cell of a given width: the one measurement the .xlsx writer needs
 * to set row heights (a spreadsheet does not grow a wrapped row when it prints) and the render test
 * uses as its expectation. Widths from the glyphs' classes: a CJK character or full-width mark is one
 * em, a Latin letter or digit about 0.55 em — what 宋体/Noto Serif CJK and Times give at 五号.
 */

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

/**
 * Lines the text wraps to in a cell `widthMm` wide: each of its own lines (\n) at least one, long ones
 * broken where they reach the edge (character by character, as CJK text breaks), rounded up.
 */
export function textLines(text: string, widthMm: number, pt: number): number {
  // the spreadsheet's column is ~7% narrower than the millimetres asked (its width unit is a digit)
  const usable = Math.max(1, widthMm * 0.93 - PADDING_MM);
  let lines = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    let n = 1;
    for (const ch of line) {
      const cw = em(ch) * pt * MM_PER_PT;
      if (w + cw > usable && w > 0) {
        n++;
        w = 0;
      }
      w += cw;
    }
    lines += n;
  }
  return Math.max(1, lines);
}
