/**
 * Reader for .pdf with a text layer (a form printed to PDF, the attachment of a 决算公开): pdf.js
 * (`pdfjs-dist`, legacy build for Node) parses each page into its operator list, from which both the
 * text runs with their positions and the ruling lines of the tables are taken (pdf-layout.ts turns
 * them into grid cells). The result is the grid a .docx gives: paragraphs and table rows in reading order,
 * a merged cell once, a vertical continuation an empty cell. A table that goes on over a page break
 * stays one table, and the header rows a table repeats at the top of each page are read once.
 * A PDF without text (a scan) is refused: reading it would need OCR, and OCR guesses digits.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, Cell, GridDocument } from './grid.ts';
import { ImportError } from './errors.ts';
import {
  buildTable,
  cellText,
  groupSegments,
  leftPad,
  paragraphs,
  placeWords,
  toLines,
  type Line,
  type PageTable,
  type Segment,
  type Word,
} from './pdf-layout.ts';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
/** Loaded on the first PDF only: a server that never reads one does not pay for pdf.js. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's own files: the CMaps that map the codes of CJK fonts that are not embedded (UniGB-UCS2-H, …). */
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(pdfjsDir, 'cmaps') + '/';
const FONT_URL = join(pdfjsDir, 'standard_fonts') + '/';

/**
 * How pdf.js opens a PDF here: no eval, no font faces (nothing is drawn), quiet, and the CMaps and
 * standard fonts from its own package (CJK text in fonts that are not embedded needs the CMaps).
 */
export const PDFJS_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
  cMapUrl: CMAP_URL,
  cMapPacked: true,
  standardFontDataUrl: FONT_URL,
} as const;

/** A page as words and the tables of its ruling lines. */
export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
  segments: Segment[];
}

export function isPdf(bytes: Uint8Array): boolean {
  // `%PDF-` within the first KB: some writers put a few bytes before it
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** The pages of a PDF as words with positions and ruling lines, in the page's top-down coordinates. */
export async function readPdfPages(bytes: Uint8Array, file: string): Promise<PdfPage[]> {
  if (!isPdf(bytes))
    throw new ImportError('IMPORT.NOT_A_PDF', `“${file}”不是有效的 PDF 文件（缺少 %PDF 文件头）`, { file, firstBytes: [...bytes.slice(0, 4)] });
  const { getDocument, OPS, normalizeUnicode } = await loadPdfJs();
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy, the caller keeps the bytes
  const task = getDocument({ data: bytes.slice(), ...PDFJS_OPTIONS });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new ImportError('IMPORT.ENCRYPTED', `“${file}”是加密的 PDF，请先解除密码再导入`, { file });
    throw new ImportError('IMPORT.CORRUPT', `“${file}”已损坏，无法作为 PDF 读取：${(e as Error).message}`, { file });
  }
  try {
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, , x1, y1] = page.view as [number, number, number, number];
      const ops = await page.getOperatorList();
      const fontOf = (name: string): PdfFont | null => {
        try {
          return page.commonObjs.get(name) as PdfFont;
        } catch {
          return null; // a font pdf.js could not load: its text is not read
        }
      };
      const { words, segments } = readOperators(ops, OPS, normalizeUnicode, fontOf, x0, y1);
      pages.push({ width: x1 - x0, height: y1 - (page.view[1] as number), words, segments });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    // a page pdf.js cannot read (a broken content stream, a bad object): the file is refused with a
    // code, never an unexplained error (found by the fuzzing of issue 24)
    if (e instanceof ImportError) throw e;
    throw new ImportError('IMPORT.CORRUPT', `“${file}”已损坏，其中的页面无法读取：${(e as Error).message || (e as Error).name}`, { file });
  } finally {
    await doc.destroy();
  }
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Thicker than this a filled rectangle is a shaded area, not a line. */
const LINE_MAX = 3;

/**
 * Radicals read as the ideographs they draw: many Chinese PDFs (browsers', WPS's) map 目, 资, 人 … to
 * the Kangxi radicals (⽬ U+2F6C), which look the same and match nothing. Only those two blocks are
 * normalised: NFKC over the whole text would also turn the full-width （：＝％ of the forms into ASCII.
 */
const kangxi = (s: string) => s.replace(/[\u2e80-\u2fdf]/g, (ch) => SIMPLIFIED_RADICALS[ch] ?? ch.normalize('NFKC'));

/** The CJK Radicals Supplement has no decompositions: the simplified forms a form's text uses, by name (⻓ C-SIMPLIFIED LONG → 长). */
const SIMPLIFIED_RADICALS: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/** What pdf.js keeps of a loaded font: the matrix from glyph space to text space. */
interface PdfFont {
  fontMatrix?: number[];
  vertical?: boolean;
}

/** A glyph as pdf.js's operator list gives it (a number between glyphs is a TJ adjustment, 1/1000 em). */
type Glyph = { unicode: string; width: number; isSpace: boolean } | number;

/**
 * One pass over a page's operator list (pdf.js has parsed the content stream and resolved each
 * glyph's Unicode and advance width) for both what a table is made of:
 *  - the text, as runs of glyphs with their positions: the text state (Tm, Td, TL, Tc, Tw, Tz, Ts,
 *    the font and its size) and the current transformation are followed the way pdf.js's own canvas
 *    renderer follows them, so a run sits where it is drawn. Reading the text from this list instead
 *    of a second parse of the page (getTextContent) halves the time of an import (bench/README.md);
 *  - the horizontal and vertical lines: stroked path segments, and thin filled rectangles (Word and
 *    WPS draw borders as both).
 * A run is cut at a space and at a gap of more than 0.1 em, so that the layout sees the gaps.
 */
function readOperators(
  ol: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
  normalize: (s: string) => string,
  fontOf: (name: string) => PdfFont | null,
  originX: number,
  top: number,
): { words: Word[]; segments: Segment[] } {
  const words: Word[] = [];
  const out: Segment[] = [];
  type State = { ctm: Matrix; font: PdfFont | null; size: number; charSpacing: number; wordSpacing: number; hScale: number; leading: number; rise: number };
  let st: State = { ctm: [1, 0, 0, 1, 0, 0], font: null, size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  const stack: State[] = [];
  const forms: State[] = [];
  // the text matrix and the current point (not part of the graphics state: q/Q leave them)
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tx = 0;
  let ty = 0;
  let lineX = 0;
  let lineY = 0;
  const stroke = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set<number>([OPS.fill, OPS.eoFill]);
  const at = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4] - originX, top - (m[1] * x + m[3] * y + m[5])];
  const push = (a: [number, number], b: [number, number]) => {
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    if (dx < 0.5 && dy > 1) out.push({ x0: (a[0] + b[0]) / 2, x1: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
    else if (dy < 0.5 && dx > 1) out.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: (a[1] + b[1]) / 2, y1: (a[1] + b[1]) / 2 });
  };
  const moveText = (x: number, y: number) => {
    tx = lineX += x;
    ty = lineY += y;
  };
  const showText = (glyphs: Glyph[]) => {
    const font = st.font;
    if (!font || st.size === 0 || font.vertical) return;
    const m = multiply(st.ctm, tm);
    const scaleX = Math.hypot(m[0], m[1]);
    const scaleY = Math.hypot(m[2], m[3]);
    const em = Math.abs(st.size) * scaleY; // the font size on the page
    const advance = st.size * (font.fontMatrix?.[0] ?? 0.001);
    let run = '';
    let runStart = 0;
    let x = 0; // along the baseline, text space, before Tz
    const flush = (end: number) => {
      if (run.trim() !== '') {
        const [px, py] = at(m, tx + runStart * st.hScale, ty + st.rise);
        words.push({ text: kangxi(normalize(run)), x: px, y: py, w: (end - runStart) * st.hScale * scaleX, size: em });
      }
      run = '';
    };
    for (const g of glyphs) {
      if (typeof g === 'number') {
        const shift = (-g * st.size) / 1000;
        if (Math.abs(g) > 100) flush(x);
        x += shift;
        if (run === '') runStart = x;
        continue;
      }
      // a space by its Unicode: `isSpace` says the code is 32 (where Tw applies), which in a subset CID font can be any glyph
      if (g.unicode.trim() === '') {
        flush(x);
        x += g.width * advance + st.charSpacing + (g.isSpace ? st.wordSpacing : 0);
        runStart = x;
        continue;
      }
      if (run === '') runStart = x;
      run += g.unicode;
      x += g.width * advance + st.charSpacing + (g.isSpace ? st.wordSpacing : 0);
    }
    flush(x);
    tx += x * st.hScale;
  };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i]!;
    const args = ol.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform:
        st.ctm = multiply(st.ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        forms.push({ ...st });
        const m = args[0] as Matrix | null;
        if (m) st.ctm = multiply(st.ctm, [...m] as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = forms.pop() ?? st;
        break;
      case OPS.beginText:
        tm = [1, 0, 0, 1, 0, 0];
        tx = ty = lineX = lineY = 0;
        break;
      case OPS.setFont:
        st.font = fontOf(args[0] as string);
        st.size = args[1] as number;
        break;
      case OPS.setCharSpacing:
        st.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        st.hScale = (args[0] as number) / 100;
        break;
      case OPS.setLeading:
        st.leading = -(args[0] as number);
        break;
      case OPS.setTextRise:
        st.rise = args[0] as number;
        break;
      case OPS.moveText:
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setLeadingMoveText:
        st.leading = args[1] as number;
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setTextMatrix:
        tm = Array.from(args[0] as ArrayLike<number>) as Matrix;
        tx = ty = lineX = lineY = 0;
        break;
      case OPS.nextLine:
        moveText(0, st.leading);
        break;
      case OPS.showText:
        showText(args[0] as Glyph[]);
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const isStroke = stroke.has(paint);
        if (!isStroke && !fill.has(paint)) break; // a clip (endPath) draws nothing
        const data = (args[1] as Array<Float32Array | null>)[0];
        if (!data) break;
        // the subpaths, as lists of points (a curve kept only by its end point: a table has none)
        const subpaths: Array<Array<[number, number]>> = [];
        let cur: Array<[number, number]> = [];
        for (let k = 0; k < data.length;) {
          const op = data[k]!;
          if (op === 0) {
            if (cur.length) subpaths.push(cur);
            cur = [at(st.ctm, data[k + 1]!, data[k + 2]!)];
            k += 3;
          } else if (op === 1) {
            cur.push(at(st.ctm, data[k + 1]!, data[k + 2]!));
            k += 3;
          } else if (op === 2) {
            cur.push([NaN, NaN], at(st.ctm, data[k + 5]!, data[k + 6]!));
            k += 7;
          } else if (op === 3) {
            cur.push([NaN, NaN], at(st.ctm, data[k + 3]!, data[k + 4]!));
            k += 5;
          } else {
            if (cur.length) cur.push(cur[0]!);
            k += 1;
          }
        }
        if (cur.length) subpaths.push(cur);
        for (const sp of subpaths) {
          if (isStroke) {
            for (let k = 1; k < sp.length; k++) if (!Number.isNaN(sp[k - 1]![0]) && !Number.isNaN(sp[k]![0])) push(sp[k - 1]!, sp[k]!);
            continue;
          }
          // a filled path: only a thin rectangle is a line (its centre line)
          const xs = sp.map((q) => q[0]).filter((v) => !Number.isNaN(v));
          const ys = sp.map((q) => q[1]).filter((v) => !Number.isNaN(v));
          const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (maxY - minY <= LINE_MAX && maxX - minX > maxY - minY) push([minX, (minY + maxY) / 2], [maxX, (minY + maxY) / 2]);
          else if (maxX - minX <= LINE_MAX && maxY - minY > maxX - minX) push([(minX + maxX) / 2, minY], [(minX + maxX) / 2, maxY]);
        }
        break;
      }
    }
  }
  return { words, segments: out };
}

/** A cell as read off a page, with what tells whether its text goes on from or onto another page. */
interface PageCell {
  text: string;
  /** grid column on its page, from 0 */
  col: number;
  x0: number;
  x1: number;
  /** its text fills the cell to its bottom and its last line to the cell's edge, however it ends */
  brimful: boolean;
  /** as `brimful`, its last line ending mid-sentence (it may go on) */
  full: boolean;
  /** as `full`, in a cell wide enough for sentences (6 em), holding one: a short label fills a narrow cell as well */
  runsOn: boolean;
  /** the cell reaches down to the bottom of the table on its page */
  atBottom: boolean;
  /** an empty cell that begins at the top of the page's part of the table (or in its empty rows there) */
  fromTop?: boolean;
  /** a cell at the top of the page's part of the table with no line over it: it goes on from the cell above */
  openTop?: boolean;
}

/** What a page holds, top to bottom: tables with their rows, and lines of text outside them. */
type Item = { kind: 'table'; top: number; xs: number[]; rows: PageCell[][] } | { kind: 'line'; top: number; text: string };

/** A page's tables and text lines in reading order. */
export function layoutPage(page: PdfPage): Item[] {
  const tables = groupSegments(page.segments)
    .map(buildTable)
    .filter((t): t is PageTable => t !== null);
  const { inCells, rest } = placeWords(tables, page.words);
  const items: Item[] = [];
  for (const t of tables) {
    const placed = inCells.get(t)!;
    // a box with no text (a frame, a signature line) is not a table
    if (placed.size === 0) continue;
    const cellOf = (key: string) => {
      const [r0, c0] = key.split(',').map(Number) as [number, number];
      return t.cells[r0]![c0]!;
    };
    const pad = usualPad([...placed].map(([key, words]) => leftPad(words, t.xs[cellOf(key).c0]!)));
    // rows at the top with no text at all (a browser's sliver of a row broken over the page)
    let slivers = 0;
    while (slivers < t.cells.length && t.cells[slivers]!.every((cell) => !placed.has(`${cell.r0},${cell.c0}`))) slivers++;
    const rows = t.cells.map((row, r) => {
      const cells: PageCell[] = [];
      row.forEach((cell, c) => {
        if (cell.c0 !== c) return; // part of the cell to its left (or of one merged from above, at its own column)
        const x0 = t.xs[cell.c0]!;
        const x1 = t.xs[cell.c1 + 1]!;
        const words = cell.r0 === r ? placed.get(`${r},${c}`) : undefined;
        // a vertical continuation is an empty cell, as in .docx
        const atBottom = cell.r1 === t.cells.length - 1;
        if (!words)
          return void cells.push({
            text: '',
            col: c,
            x0,
            x1,
            brimful: false,
            full: false,
            runsOn: false,
            atBottom: atBottom && cell.r0 === r,
            fromTop: cell.r0 <= slivers,
          });
        const lines = toLines(words);
        const last = lines[lines.length - 1]!;
        const text = cellText(words, x0, x1, pad);
        // "to its bottom": no room left under the last line for another (its baseline 1.3 em lower, and padding)
        const below = t.ys[cell.r1 + 1]! - last.y;
        const toEdge = last.x1 + 0.9 * last.size > x1 - pad;
        const brimful = below <= 2 * last.size && toEdge;
        const midSentence = !/[。；;！!？?）)”]$/.test(text);
        const full = brimful && midSentence;
        const wide = x1 - x0 - 2 * pad >= 6 * last.size && last.x1 - last.x0 >= x1 - x0 - 2 * pad - last.size;
        // a sentence: more than one line, or a pause in it; one line with none that happens to fill its
        // cell is a label (`生态效益指标` in a cell six ideographs wide), which a page break does not cut
        const sentence = lines.length > 1 || /[，,、；;：:]/.test(text);
        // only a sentence's paragraph is kept two lines on the new page (widows): a label of two lines
        // (`经济成本` / `指标`) one line short of the foot has ended
        const runsOn = below <= roomForNoLine(lines) && toEdge && midSentence && wide && sentence;
        const openTop = cell.r0 === 0 && t.openTop.slice(cell.c0, cell.c1 + 1).every(Boolean);
        cells.push({ text, col: c, x0, x1, brimful, full, runsOn, atBottom, ...(openTop && { openTop }) });
      });
      return cells;
    });
    items.push({ kind: 'table', top: t.ys[0]!, xs: t.xs, rows });
  }
  const lines = toLines(rest);
  const right = Math.max(...lines.map((l) => l.x1));
  for (const p of paragraphs(lines, right)) items.push({ kind: 'line', top: p.top, text: p.text });
  return items.sort((a, b) => a.top - b.top);
}

/**
 * How far below a sentence's last baseline its cell's bottom may be while the sentence may still run on
 * at the next page: no room for another line (its baseline 1.3 em lower, and padding) — or, for text of
 * two lines or more, one line pitch more, since a browser keeps at least two lines of a paragraph it
 * breaks over a page on the new page (CSS `widows: 2`). Used for `runsOn` only: a label is no paragraph.
 */
function roomForNoLine(lines: Line[]): number {
  const last = lines[lines.length - 1]!;
  if (lines.length < 2) return 2 * last.size;
  return 2 * last.size + (last.y - lines[lines.length - 2]!.y);
}

/**
 * A table's cell padding: the distance from a cell's left edge most of its cells' text keeps (the
 * left-aligned ones; centred text and text wider than its cell give other distances, less often).
 */
function usualPad(offsets: number[]): number {
  const count = new Map<number, number>();
  for (const o of offsets) if (o >= 0) count.set(Math.round(o * 2) / 2, (count.get(Math.round(o * 2) / 2) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [o, k] of count) if (k > n || (k === n && o < best)) [best, n] = [o, k];
  return best;
}

/** Text a page carries in its margins on every page: a page number, 第 1 页 共 3 页. */
const PAGE_MARK = /^[-—－\s]*(\d+|第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)[-—－\s]*$/;

/**
 * The same columns: both outer edges and most inner edges within 2 pt — or, on the page a table goes
 * on to, every edge one of the table's: the rows there may merge cells over several columns (a 合计
 * line, the 评价结论 rows under the indicators), so they have fewer edges, but none the table lacks.
 */
function sameColumns(a: number[], b: number[]): boolean {
  const near = (x: number, list: number[]) => list.some((y) => Math.abs(x - y) <= 2);
  if (Math.abs(a[0]! - b[0]!) > 2 || Math.abs(a[a.length - 1]! - b[b.length - 1]!) > 2) return false;
  const shared = b.filter((x) => near(x, a)).length;
  return shared >= 0.6 * Math.max(a.length, b.length) || (b.length >= 3 && shared === b.length);
}

const rowKey = (cells: PageCell[]) => cells.map((c) => c.text.replace(/\s+/g, '')).join('\u0001');

/** Reads a PDF with a text layer into the grid every reader produces. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<GridDocument> {
  const pages = await readPdfPages(bytes, file);
  const chars = pages.reduce((n, p) => n + p.words.reduce((m, w) => m + w.text.replace(/\s/g, '').length, 0), 0);
  if (chars === 0)
    throw new ImportError(
      'IMPORT.PDF_NO_TEXT',
      `“${file}”没有文字层（可能是扫描件或图片），无法读取其中的数字。请使用带文字层的PDF（由 Word/Excel/WPS 直接导出或打印生成的 PDF），或原始 Word/Excel 文件`,
      { file, pages: pages.length },
    );
  return gridOfPages(pages, file);
}

/** A table still open at the end of a page: it may go on at the top of the next. */
interface OpenTable {
  table: number;
  xs: number[];
  /** its first rows' text, to know them again when a page repeats them */
  header: string[];
  nextRow: number;
  /** the cells that reach down to the bottom of the page's part of it: as emitted, with where they were */
  last: Array<{ cell: Cell; at: PageCell }>;
}

/** Pages → blocks: tables numbered through the document, a table broken by a page going on as one. */
export function gridOfPages(pages: PdfPage[], file: string): GridDocument {
  const blocks: Block[] = [];
  let table = 0;
  // the table the previous page ended with, while nothing but page marks came after it
  let open: OpenTable | null = null;
  for (const page of pages) {
    let first = true;
    for (const item of layoutPage(page)) {
      if (item.kind === 'line') {
        if (PAGE_MARK.test(item.text)) continue;
        blocks.push({ kind: 'paragraph', text: item.text, src: { file } });
        open = null;
        first = false;
        continue;
      }
      let rows = item.rows;
      let colOf = (c: PageCell) => c.col;
      if (first && open && sameColumns(open.xs, item.xs)) {
        // a table going on from the previous page: the header rows it repeats are dropped
        let skip = 0;
        while (skip < rows.length && skip < open.header.length && rowKey(rows[skip]!) === open.header[skip]) skip++;
        rows = rows.slice(skip);
        const xs = open.xs;
        colOf = (c) => nearestIndex(xs, c.x0); // columns numbered as on the page where the table began
        if (rows.length && carryOver(open.last, rows[0]!)) rows = rows.slice(1);
        const last = open.last;
        rows = rows.map((cells) => cells.flatMap((c) => splitFragment(c, last)));
      } else open = { table: ++table, xs: item.xs, header: item.rows.map(rowKey), nextRow: 1, last: [] };
      const o: OpenTable = open;
      o.last = [];
      for (const cells of rows) {
        // a row without any text carries nothing, and a page makes such rows that no file has: the
        // sliver a browser draws where a row starts at the foot of a page and goes on at the next
        if (cells.every((c) => c.text === '')) continue;
        const out: Cell[] = cells.map((c) => ({ text: c.text, src: { file, table: o.table, row: o.nextRow, col: colOf(c) + 1 } }));
        blocks.push({ kind: 'row', cells: out, src: { file, table: o.table, row: o.nextRow } });
        out.forEach((cell, k) => cells[k]!.atBottom && o.last.push({ cell, at: cells[k]! }));
        o.nextRow++;
      }
      first = false;
    }
  }
  return { file, blocks };
}

/**
 * Text a page break cut. A cell at the bottom of a page that is full to its last line and stops
 * mid-sentence, and the cell in the same column at the top of the next page, are one cell's text:
 *  - a merged cell split by the page (LibreOffice centres the rest in what the merged cell has left
 *    on the new page, so where it starts tells nothing): taken for one when the cell is wide enough
 *    for sentences, whatever the rest of the row holds;
 *  - a row allowed to break over the page: taken for one when every cell with text in the new row
 *    goes on from a cell above that its text fills, one of them at least mid-sentence (a new row has
 *    text of its own somewhere: a name, a value). A filled line may end at a closing bracket and go
 *    on all the same: `成本指标(0-20)` | `分` (重庆's 一级 with its range of points).
 * A cell a browser draws with no line over it at the top of the page is one the page cut, whatever
 * its width (`年度绩效` | `目标(90分)`, a label merged down over the break).
 * The text is moved up to the cell it belongs to; a row left with nothing (the tail of a broken row)
 * is dropped — which it tells by returning true. A cell that starts as an item does (`1.`, `（2）`,
 * `指标3：`) starts its own text.
 */
function carryOver(last: OpenTable['last'], row: PageCell[]): boolean {
  const above = (c: PageCell) => last.find((l) => Math.abs(l.at.x0 - c.x0) <= 2 && Math.abs(l.at.x1 - c.x1) <= 2);
  const goesOn = (c: PageCell, how: 'brimful' | 'full' | 'runsOn') => {
    if (c.text === '' || /^(\d+[.、．]|[（(]\d+[）)]|指标\d)/.test(c.text)) return false;
    return above(c)?.at[how] === true;
  };
  const move = (c: PageCell) => {
    const to = above(c)!.cell;
    to.text += /[A-Za-z]$/.test(to.text) && /^[A-Za-z]/.test(c.text) ? ' ' + c.text : c.text;
    c.text = '';
  };
  const filled = row.filter((c) => c.text !== '');
  if (filled.length && filled.every((c) => goesOn(c, 'brimful')) && filled.some((c) => goesOn(c, 'full'))) {
    filled.forEach(move);
    return true;
  }
  let moved = false;
  for (const c of row)
    if (goesOn(c, 'runsOn') || (c.openTop && c.text !== '' && above(c))) {
      move(c);
      moved = true;
    }
  return moved && row.every((c) => c.text === '');
}

/**
 * What a browser draws of cells merged down over a page break may lack the borders between the
 * columns they cross, so the empty space at the left of the rows on the new page reads as one cell
 * over several columns. Where the row at the foot of the previous page had separate cells there, it
 * is split along them, as the file had it (each an empty continuation).
 */
function splitFragment(c: PageCell, last: OpenTable['last']): PageCell[] {
  if (!c.fromTop || c.text !== '') return [c];
  const under = last.filter((l) => l.at.x0 >= c.x0 - 2 && l.at.x1 <= c.x1 + 2).sort((a, b) => a.at.x0 - b.at.x0);
  if (under.length < 2) return [c];
  return under.map((l) => ({ ...c, x0: l.at.x0, x1: l.at.x1 }));
}

function nearestIndex(edges: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - v) < Math.abs(edges[best]! - v)) best = i;
  return best;
}
