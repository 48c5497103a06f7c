/**
 * The geometry of a PDF page turned into what a Word table is: the ruling lines of a table give its
 * grid (every distinct x of a vertical line a column edge, every distinct y of a horizontal line a row
 * edge), a missing line between two grid cells makes them one merged cell, and each word goes to the
 * cell its centre falls in. Pure functions on plain numbers, so they are tested without a PDF.
 *
 * Coordinates are the page's, with y growing downwards (top of the page = 0), in points.
 */

/** A ruling line: horizontal (y0 = y1) or vertical (x0 = x1), x0 ≤ x1 and y0 ≤ y1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A run of text as the PDF draws it: left edge, baseline, advance width, font size. */
export interface Word {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A table found on a page: its column and row edges and, per grid cell, the merged cell it belongs to. */
export interface PageTable {
  xs: number[];
  ys: number[];
  /** per grid cell [row][col], the merged cell's top-left grid position and its extent */
  cells: MergedCell[][];
  /**
   * per grid column, no ruling line over it at the table's top: a browser draws none over a cell that a
   * page break cut, where the cell goes on from the foot of the previous page
   */
  openTop: boolean[];
}

export interface MergedCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Lines closer than this (pt) are one line: borders drawn twice, a cell's edge drawn by both cells,
 * the double border of an HTML table printed by a browser (each cell boxed, 2 px apart).
 */
const SNAP = 3;
/** Thinner than this (pt) a row holds no text (6 pt: the smallest type a form uses is larger). */
const SLIVER = 6;
/** A border is there when lines cover this share of a cell edge (dashes, small gaps at corners). */
const COVER = 0.7;

const isHorizontal = (s: Segment) => Math.abs(s.y1 - s.y0) <= Math.abs(s.x1 - s.x0);

/** Values closer than `tol` merged into their mean, sorted. */
export function cluster(values: number[], tol = SNAP): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const x of v) {
    if (group.length && x - group[group.length - 1]! > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(x);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

/** Segments that touch or cross (within SNAP) are one table; each group with a grid to read. */
export function groupSegments(segs: Segment[]): Segment[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // sorted by left edge, so that a pair is only tested while their x ranges can still meet
  const order = segs.map((_, i) => i).sort((a, b) => segs[a]!.x0 - segs[b]!.x0);
  for (let a = 0; a < order.length; a++) {
    const s = segs[order[a]!]!;
    for (let b = a + 1; b < order.length; b++) {
      const t = segs[order[b]!]!;
      if (t.x0 > s.x1 + SNAP) break;
      if (t.y0 <= s.y1 + SNAP && s.y0 <= t.y1 + SNAP) parent[find(order[a]!)] = find(order[b]!);
    }
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(s);
  });
  return [...groups.values()].filter((g) => g.some(isHorizontal) && g.some((s) => !isHorizontal(s)));
}

/** Total length of [a, b] covered by the intervals. */
function covered(intervals: Array<[number, number]>, a: number, b: number): number {
  let total = 0;
  let reach = a;
  for (const [s, e] of intervals) {
    // sorted by start: count each part of [a, b] once
    const from = Math.max(s, reach);
    const to = Math.min(e, b);
    if (to > from) {
      total += to - from;
      reach = to;
    }
  }
  return total;
}

/** The grid of one group of ruling lines, with its merged cells. Null when it is not a table (a lone box). */
export function buildTable(segs: Segment[]): PageTable | null {
  const hs = segs.filter(isHorizontal);
  const vs = segs.filter((s) => !isHorizontal(s));
  // the outer edges also come from where the lines end: a table drawn without side borders still has sides
  const xs = cluster([...vs.map((s) => s.x0), Math.min(...hs.map((s) => s.x0)), Math.max(...hs.map((s) => s.x1))]);
  const ys = cluster([...hs.map((s) => s.y0), Math.min(...vs.map((s) => s.y0)), Math.max(...vs.map((s) => s.y1))]);
  // a row too thin to hold a line of text at the top or the bottom of a page's part of a table is the
  // sliver a browser draws where a row broken over the page starts or ends: not a row
  while (ys.length > 2 && ys[1]! - ys[0]! < SLIVER) ys.shift();
  while (ys.length > 2 && ys[ys.length - 1]! - ys[ys.length - 2]! < SLIVER) ys.pop();
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R < 1 || C < 1) return null;
  const nearest = (edges: number[], v: number) => {
    let best = 0;
    for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - v) < Math.abs(edges[best]! - v)) best = i;
    return best;
  };
  // the lines on each edge as intervals along it, sorted
  const onX = xs.map(() => [] as Array<[number, number]>);
  const onY = ys.map(() => [] as Array<[number, number]>);
  for (const s of vs) {
    const k = nearest(xs, s.x0);
    if (Math.abs(xs[k]! - s.x0) <= SNAP) onX[k]!.push([s.y0, s.y1]);
  }
  for (const s of hs) {
    const k = nearest(ys, s.y0);
    if (Math.abs(ys[k]! - s.y0) <= SNAP) onY[k]!.push([s.x0, s.x1]);
  }
  for (const l of [...onX, ...onY]) l.sort((a, b) => a[0] - b[0]);
  const border = (lines: Array<[number, number]>, a: number, b: number) => covered(lines, a, b) >= COVER * (b - a);

  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !border(onX[c + 1]!, ys[r]!, ys[r + 1]!)) join(r * C + c, r * C + c + 1);
      if (r + 1 < R && !border(onY[r + 1]!, xs[c]!, xs[c + 1]!)) join(r * C + c, (r + 1) * C + c);
    }
  const box = new Map<number, MergedCell>();
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      }
    }
  const cells = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => box.get(find(r * C + c))!));
  const open = xs.slice(1).map((x1, c) => !border(onY[0]!, xs[c]!, x1));
  // a table drawn without a top line at all tells nothing by it
  const openTop = open.every(Boolean) ? open.map(() => false) : open;
  return { xs, ys, cells, openTop };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The index i with edges[i] ≤ v < edges[i+1], or -1 outside. */
function slot(edges: number[], v: number): number {
  if (v < edges[0]! || v >= edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Advance widths of a run's characters in proportion to how wide they usually are (an ideograph 1 em, others ½). */
function splitWord(w: Word): Word[] {
  const chars = [...w.text];
  const units = chars.map((ch) => (CJK.test(ch) ? 2 : 1));
  const total = units.reduce((a, b) => a + b, 0);
  let x = w.x;
  return chars.map((ch, i) => {
    const cw = (w.w * units[i]!) / total;
    const out = { text: ch, x, y: w.y, w: cw, size: w.size };
    x += cw;
    return out;
  });
}

/** The words of a page, each in the table cell its centre falls in, the rest left over. */
export function placeWords(tables: Array<PageTable>, words: Word[]): { inCells: Map<PageTable, Map<string, Word[]>>; rest: Word[] } {
  const inCells = new Map<PageTable, Map<string, Word[]>>(tables.map((t) => [t, new Map()]));
  const rest: Word[] = [];
  const place = (w: Word): boolean => {
    const cy = w.y - 0.35 * w.size;
    for (const t of tables) {
      const r = slot(t.ys, cy);
      if (r < 0) continue;
      const c = slot(t.xs, w.x + w.w / 2);
      if (c < 0) continue;
      const cell = t.cells[r]![c]!;
      const key = `${cell.r0},${cell.c0}`;
      const m = inCells.get(t)!;
      if (!m.has(key)) m.set(key, []);
      m.get(key)!.push(w);
      return true;
    }
    return false;
  };
  for (const w of words) {
    // a run drawn across a column edge (one text object over two cells) is split into its characters
    const t = tables.find((t) => slot(t.ys, w.y - 0.35 * w.size) >= 0 && slot(t.xs, w.x + w.w / 2) >= 0);
    const crosses = t !== undefined && w.text.length > 1 && t.xs.some((x) => x > w.x + SNAP && x < w.x + w.w - SNAP);
    for (const part of crosses ? splitWord(w) : [w]) if (!place(part)) rest.push(part);
  }
  return { inCells, rest };
}

/** Words on one baseline, left to right. */
export interface Line {
  words: Word[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Words grouped into lines by their baseline, top to bottom. */
export function toLines(words: Word[]): Line[] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const w of sorted) {
    const last = lines[lines.length - 1];
    // the same line: baselines within a third of the font size (superscripts, mixed fonts)
    if (last && Math.abs(w.y - last.y) <= 0.35 * Math.max(w.size, last.size)) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.x + w.w);
      last.x0 = Math.min(last.x0, w.x);
      last.size = Math.max(last.size, w.size);
    } else lines.push({ words: [w], x0: w.x, x1: w.x + w.w, y: w.y, size: w.size });
  }
  for (const l of lines) l.words.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * A line's text. A gap becomes a space when it is as wide as a space: between Latin letters, digits or
 * ASCII punctuation from 0.15 em; between such a character and an ideograph from 0.23 em, since a
 * layout engine puts a narrower gap there itself (`2021 年`, ≈ 0.2 em, not a character in the
 * text); between two ideographs only from 0.9 em (a gap a writer made with spaces or a tab), and
 * never inside a table cell.
 */
export function lineText(l: Line, inCell = false): string {
  let out = '';
  let end = -Infinity;
  for (const w of l.words) {
    const gap = w.x - end;
    if (out !== '') {
      const a = out[out.length - 1]!;
      const b = w.text[0]!;
      const cjkA = CJK.test(a);
      const cjkB = CJK.test(b);
      const punct = /[!-/:-@[-`{-~]/.test(cjkA ? b : a);
      // inside a cell, ideographs far apart are a justified or distributed line (满 意 度), not spaces
      const least = !cjkA && !cjkB ? 0.15 : cjkA && cjkB ? (inCell ? Infinity : 0.9) : punct ? 0.15 : 0.23;
      if (gap > least * w.size && !/\s$/.test(out) && !/^\s/.test(w.text)) out += ' ';
    }
    out += w.text;
    end = Math.max(end, w.x + w.w);
  }
  return out;
}

/** Punctuation a line may not start with: the character before it moves down with it (禁则). */
const NO_LINE_START = /[，。、；：？！）》」』”’%％…—·,.;:?!)\]}]/;

/**
 * The width of what starts a line and could not have been left on the line above: its first Latin
 * word or ideograph, with the closing punctuation that must stay with it.
 */
function firstTokenWidth(l: Line): number {
  const chars = l.words.flatMap((w) => {
    const cs = [...w.text];
    return cs.map((ch) => ({ ch, w: w.w / cs.length }));
  });
  let n = 1;
  if (/[A-Za-z0-9]/.test(chars[0]!.ch)) while (n < chars.length && /[A-Za-z0-9.,%]/.test(chars[n]!.ch)) n++;
  while (n < chars.length && NO_LINE_START.test(chars[n]!.ch)) n++;
  return chars.slice(0, n).reduce((a, c) => a + c.w, 0);
}

/**
 * The space a wrap may have taken after a line: after a Latin letter, digit or ASCII punctuation the
 * writer may have typed a space, at which the line was broken, so the next word needed that much more.
 */
function spaceBefore(l: Line): number {
  const w = l.words[l.words.length - 1]!;
  return CJK.test(w.text[w.text.length - 1]!) ? 0 : 0.35 * w.size;
}

/** How far a cell's text stands from its left edge: the least of its lines' distances. */
export function leftPad(words: Word[], left: number): number {
  return Math.min(...toLines(words).map((l) => l.x0 - left));
}

/**
 * A cell's text from its lines. A line that ends where the next one's first word would still have
 * fitted was ended by the writer (a new paragraph or a line break: `\n`); one that did not was wrapped
 * by the layout and goes on without a break — with a space between Latin words. `pad` is the table's
 * cell padding (the least distance of any cell's text from its left edge), so centred text does not
 * make a cell look narrower than it is.
 */
export function cellText(words: Word[], left: number, right: number, pad: number): string {
  const lines = toLines(words).filter((l) => l.words.some((w) => w.text.trim() !== ''));
  if (lines.length === 0) return '';
  const inner = right - left - 2 * Math.max(0, pad);
  let out = lineText(lines[0]!, true);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const next = lines[i]!;
    const fits = prev.x1 - prev.x0 + spaceBefore(prev) + firstTokenWidth(next) <= inner - 0.1 * next.size;
    const text = lineText(next, true);
    if (fits) out += '\n' + text;
    // a wrapped number or ideograph goes on as it is; between two Latin words the wrap took a space
    else out += /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(text) ? ' ' + text : text;
  }
  return out;
}

/**
 * Lines outside tables → paragraphs. A line that ran up to the right margin (the next line's first
 * word would not have fitted after it) was wrapped, and the next line of the same size, right below,
 * goes on the same paragraph; a line that ended short ended its paragraph. `right` is the page's
 * right margin: where its widest text ends.
 */
export function paragraphs(lines: Line[], right: number): Array<{ top: number; text: string }> {
  const out: Array<{ top: number; text: string; last: Line }> = [];
  for (const l of lines) {
    const p = out[out.length - 1];
    const prev = p?.last;
    const below = prev !== undefined && Math.abs(prev.size - l.size) < 0.5 && l.y - prev.y > 0 && l.y - prev.y <= 2 * l.size;
    const full = prev !== undefined && prev.x1 + spaceBefore(prev) + firstTokenWidth(l) > right + 0.1 * l.size;
    const text = lineText(l);
    if (p && below && full && l.x0 <= prev.x0 + 0.5 * l.size) {
      p.text += /[A-Za-z]$/.test(p.text) && /^[A-Za-z]/.test(text) ? ' ' + text : text;
      p.last = l;
    } else out.push({ top: l.y - l.size, text, last: l });
  }
  return out.map(({ top, text }) => ({ top, text }));
}
