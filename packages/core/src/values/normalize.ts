/**
 * Text normalisation for cells copied out of Word, Excel and PDFs: full-width digits and symbols,
 * ideographic and no-break spaces, stray bookmarks.
 */

/** Full-width ASCII (U+FF01–U+FF5E) to ASCII, ideographic/no-break spaces to a plain space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009) out += ' ';
    else out += ch;
  }
  return out;
}

/** Collapse all whitespace (the seeds break words inside cells: `产出 指 标`). */
export function squash(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '');
}

/**
 * Trim, including ideographic spaces, drop Word's `[bookmark: …]` markers, and drop the indentation
 * around line breaks inside a cell: it is layout (where the text wrapped), not content.
 */
export function cleanCell(s: string): string {
  return s
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '\n')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/**
 * `s.trim() !== ''` without trimming: a cell that starts with an ideograph or a printable ASCII
 * character (nearly every filled cell) has text; anything else is left to trim().
 */
export function hasText(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return true;
  return s.trim() !== '';
}
