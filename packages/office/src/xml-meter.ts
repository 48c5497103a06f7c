/**
 * Measures XML as its bytes stream out of the inflater, before any parser sees them: the deepest
 * element nesting, and for a worksheet the rows and the widest column. A byte scanner, so a 200 MB
 * part costs one pass and no string; the caller stops inflating at the first cap it passes.
 *
 * Comments and CDATA sections are skipped to their ends (`-->`, `]]>`); a declaration (`<?…?>`,
 * `<!DOCTYPE…>`) to its first `>`, which errs on the side of counting more: it can only refuse an odd
 * file, never let a deep one through.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
/**
 * the start of a tag kept for its name and references (`<c r="XFD1048576"`, `<row r="1048576"`,
 * `<mergeCell ref="A1:XFD1048576"/>`); a reference past this is not measured, and the time and heap
 * limits of the parse worker are what stop such a file
 */
const HEAD = 2048;

const enum State {
  Text,
  Open,
  Tag,
  Quoted,
  /** just after `<!`: a comment, a CDATA section or a declaration follows */
  Bang,
  Skip,
  Comment,
  Cdata,
}

const DASH = 0x2d;
const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;

export class XmlMeter {
  depth = 0;
  maxDepth = 0;
  /** `<row>` elements seen, and the largest row number they name */
  rows = 0;
  maxRow = 0;
  /** the widest column of any `<c>` (by its reference, or its place in the row when it has none) */
  maxColumn = 0;
  private column = 0;
  private state = State.Text;
  private quote = 0;
  private closing = false;
  private prev = 0;
  private prev2 = 0;
  private head: number[] = [];

  constructor(private readonly sheet: boolean) {}

  push(bytes: Uint8Array): void {
    const n = bytes.length;
    // the state lives in locals while the loop runs (a field written per byte is several times slower)
    let state = this.state;
    let prev = this.prev;
    let prev2 = this.prev2;
    let i = 0;
    // where the current tag's bytes start in this chunk (a sheet keeps its head for the references)
    let start = state === State.Tag || state === State.Quoted ? 0 : -1;
    while (i < n) {
      if (state === State.Text) {
        // text is most of a document: jump to the next tag natively
        const lt = bytes.indexOf(LT, i);
        if (lt < 0) break;
        i = lt + 1;
        state = State.Open;
        continue;
      }
      const b = bytes[i]!;
      if (state === State.Tag) {
        if (b === QUOTE || b === APOS) {
          this.quote = b;
          state = State.Quoted;
        } else if (b === GT) {
          if (this.sheet && !this.closing && start >= 0) this.keepHead(bytes, start, i);
          start = -1;
          state = State.Text;
          this.endTag(prev === SLASH);
        }
      } else if (state === State.Quoted) {
        if (b === this.quote) state = State.Tag;
      } else if (state === State.Open) {
        if (b === BANG) state = State.Bang;
        else if (b === QUESTION) state = State.Skip;
        else {
          this.closing = b === SLASH;
          this.head.length = 0;
          start = this.closing ? -1 : i;
          state = State.Tag;
        }
      } else if (state === State.Bang) {
        state = b === DASH ? State.Comment : b === BRACKET_OPEN ? State.Cdata : b === GT ? State.Text : State.Skip;
        // `<!-->`-like shortcuts need three more bytes before an end can match
        prev = prev2 = 0;
        i++;
        continue;
      } else if (state === State.Skip) {
        if (b === GT) state = State.Text;
      } else if (state === State.Comment) {
        if (b === GT && prev === DASH && prev2 === DASH) state = State.Text;
      } else if (b === GT && prev === BRACKET_CLOSE && prev2 === BRACKET_CLOSE) state = State.Text;
      prev2 = prev;
      prev = b;
      i++;
    }
    // a tag going on into the next chunk: what a sheet needs of its head so far is kept
    if (this.sheet && start >= 0 && !this.closing && (state === State.Tag || state === State.Quoted)) this.keepHead(bytes, start, n);
    this.state = state;
    this.prev = prev;
    this.prev2 = prev2;
  }

  /** bytes [from, to) of a tag (the tag name on), added to its head up to HEAD bytes */
  private keepHead(bytes: Uint8Array, from: number, to: number): void {
    for (let k = from; k < to && this.head.length < HEAD; k++) this.head.push(bytes[k]!);
  }

  private endTag(selfClosing: boolean): void {
    if (this.closing) {
      this.depth = Math.max(0, this.depth - 1);
      return;
    }
    if (!selfClosing) {
      this.depth++;
      if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    } else if (this.depth + 1 > this.maxDepth) this.maxDepth = this.depth + 1;
    if (this.sheet) this.sheetTag();
  }

  private sheetTag(): void {
    const head = String.fromCharCode(...this.head);
    const name = /^(?:[\w.-]+:)?([\w.-]+)/.exec(head)?.[1];
    if (name === 'row') {
      this.rows++;
      const r = /\sr\s*=\s*["'](\d{1,10})["']/.exec(head);
      this.maxRow = Math.max(this.maxRow + (r ? 0 : 1), r ? Number(r[1]) : 0, this.rows);
      this.column = 0;
    } else if (name === 'c') {
      const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,7})/.exec(head);
      this.column = ref ? columnNumber(ref[1]!) : this.column + 1;
      if (this.column > this.maxColumn) this.maxColumn = this.column;
    } else if (name === 'mergeCell' || name === 'dataValidation' || name === 'hyperlink') {
      // exceljs makes a cell object for every cell a merged range covers: a range reaching row
      // 1,048,576 costs what a sheet of that many rows costs, so it counts as one
      for (const m of head.matchAll(/\s(?:ref|sqref)\s*=\s*["']([^"']*)/g)) this.extend(m[1]!);
    }
  }

  /** Widens the measured extent to the cells a range list (`A1:B2 D4`) names. */
  private extend(ranges: string): void {
    for (const [, col, row] of ranges.matchAll(/\$?([A-Za-z]{1,7})\$?(\d{1,10})/g)) {
      this.maxColumn = Math.max(this.maxColumn, columnNumber(col!));
      this.maxRow = Math.max(this.maxRow, Number(row));
    }
  }
}

/** `A` → 1, `Z` → 26, `AA` → 27, `XFD` → 16384 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
