/**
 * Test helper: measures a PDF as printed. The table's ruling is read from the rendered page (pdftoppm,
 * greyscale): a horizontal or vertical run of dark pixels longer than any glyph stroke is a cell
 * border. The words are read with their boxes (pdftotext -bbox). A word that a border runs through
 * is text outside its cell — a wrapped line below a row too low for it (clipped in the spreadsheet,
 * overlapping the next row), or a line wider than its column. Tests only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Word extends Box {
  text: string;
}
export interface Segment {
  /** horizontal: y and x from..to; vertical: x and y from..to (points) */
  at: number;
  from: number;
  to: number;
}
export interface PageMeasure {
  width: number;
  height: number;
  words: Word[];
  horizontal: Segment[];
  vertical: Segment[];
  text: string;
}

const DPI = 100;
const PT = 72 / DPI;
/** A border is at least this long (pixels at 100 dpi, ≈ 10 mm); a 五号 glyph stroke is < 15 px. */
const MIN_RUN = 40;

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Words with their boxes, per page (points, origin top left). */
export function wordsOf(pdf: string): Array<{ width: number; height: number; words: Word[] }> {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: Array<{ width: number; height: number; words: Word[] }> = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decodeEntities(w[5]!),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** Reads a binary PGM (P5) as written by pdftoppm -gray. */
function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const buf = readFileSync(file);
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    if (buf[pos] === 35) {
      while (buf[pos] !== 10) pos++;
      continue;
    }
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) t += String.fromCharCode(buf[pos++]!);
    tokens.push(t);
  }
  pos++; // the single whitespace after maxval
  const w = Number(tokens[1]);
  const h = Number(tokens[2]);
  return { w, h, px: buf.subarray(pos, pos + w * h) };
}

/** Borders on each page: runs of dark pixels at least MIN_RUN long. */
export function rulesOf(pdf: string, work: string, pages: number): Array<{ horizontal: Segment[]; vertical: Segment[] }> {
  const base = join(work, 'page');
  execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, base]);
  const out: Array<{ horizontal: Segment[]; vertical: Segment[] }> = [];
  const digits = String(pages).length;
  for (let p = 1; p <= pages; p++) {
    const { w, h, px } = readPgm(`${base}-${String(p).padStart(Math.max(digits, pages >= 10 ? 2 : 1), '0')}.pgm`);
    const dark = (x: number, y: number) => px[y * w + x]! < 160;
    const horizontal: Segment[] = [];
    for (let y = 0; y < h; y++) {
      let start = -1;
      for (let x = 0; x <= w; x++) {
        if (x < w && dark(x, y)) {
          if (start < 0) start = x;
        } else if (start >= 0) {
          if (x - start >= MIN_RUN) horizontal.push({ at: (y + 0.5) * PT, from: start * PT, to: x * PT });
          start = -1;
        }
      }
    }
    const vertical: Segment[] = [];
    for (let x = 0; x < w; x++) {
      let start = -1;
      for (let y = 0; y <= h; y++) {
        if (y < h && dark(x, y)) {
          if (start < 0) start = y;
        } else if (start >= 0) {
          if (y - start >= MIN_RUN) vertical.push({ at: (x + 0.5) * PT, from: start * PT, to: y * PT });
          start = -1;
        }
      }
    }
    out.push({ horizontal, vertical });
  }
  return out;
}

/** Every page of the PDF, measured. */
export function measurePdf(pdf: string, work: string): PageMeasure[] {
  const words = wordsOf(pdf);
  const rules = rulesOf(pdf, work, words.length);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  return words.map((p, i) => ({ ...p, ...rules[i]!, text: text[i] ?? '' }));
}

/** How far (points) a word's box may reach over a border: the box is the font's ascent to descent, taller than its glyphs. */
const SLACK = 2.5;

/** Words a border runs through: text outside its cell. */
export function crossings(page: PageMeasure): Array<{ word: Word; border: 'horizontal' | 'vertical'; at: number }> {
  const out: Array<{ word: Word; border: 'horizontal' | 'vertical'; at: number }> = [];
  for (const word of page.words) {
    const midX = (word.xMin + word.xMax) / 2;
    const midY = (word.yMin + word.yMax) / 2;
    const h = page.horizontal.find((s) => s.at > word.yMin + SLACK && s.at < word.yMax - SLACK && s.from <= midX && s.to >= midX);
    if (h) out.push({ word, border: 'horizontal', at: h.at });
    const v = page.vertical.find((s) => s.at > word.xMin + SLACK && s.at < word.xMax - SLACK && s.from <= midY && s.to >= midY);
    if (v) out.push({ word, border: 'vertical', at: v.at });
  }
  return out;
}

/** The units a number is printed with (as core's keepUnits knows them, the common ones). */
const UNIT_START = /^(万元|元|分|%|％|个|项|人|次|户|天)/;

/** A vertical border between x1 and x2 over the band y1..y2: the two are in different cells. */
const walled = (page: PageMeasure, x1: number, x2: number, y1: number, y2: number) =>
  page.vertical.some((s) => s.at > Math.min(x1, x2) + SLACK && s.at < Math.max(x1, x2) - SLACK && s.from <= y2 && s.to >= y1);

/**
 * A number at the end of a line and its unit at the start of the next line of the same cell or
 * paragraph (“产出指标(40⏎分)”): a word ending in a digit with nothing after it in its cell, and below
 * it the word that starts the next line of that cell, beginning with a unit, no border between them.
 */
export function splitUnits(page: PageMeasure): Array<{ number: Word; unit: Word }> {
  const out: Array<{ number: Word; unit: Word }> = [];
  const sameLine = (a: Word, b: Word) => Math.abs(a.yMin - b.yMin) < (a.yMax - a.yMin) / 2;
  const lineEnd = (a: Word) => !page.words.some((c) => c !== a && sameLine(a, c) && c.xMin >= a.xMax - SLACK && !walled(page, a.xMax, c.xMin, a.yMin, a.yMax));
  const lineStart = (b: Word) =>
    !page.words.some((c) => c !== b && sameLine(b, c) && c.xMax <= b.xMin + SLACK && !walled(page, c.xMax, b.xMin, b.yMin, b.yMax));
  for (const a of page.words) {
    if (!/[0-9０-９.．]$/.test(a.text) || !lineEnd(a)) continue;
    const lineHeight = a.yMax - a.yMin;
    for (const b of page.words) {
      // its unit, or the rest of the number itself (“(4⏎0分)”, “100.0⏎0%”)
      if (!UNIT_START.test(b.text) && !/^[0-9０-９]+(?:[.．][0-9０-９]*)?(万元|元|分|%|％|个|项|人|次|户|天)/.test(b.text)) continue;
      const gap = b.yMin - a.yMax;
      // the next line: just below, starting left of where the number ends, in the same cell
      if (gap < -SLACK || gap > lineHeight * 0.8 || b.xMin >= a.xMax) continue;
      if (walled(page, Math.min(a.xMin, b.xMin), a.xMax, a.yMin, b.yMax)) continue;
      if (page.horizontal.some((s) => s.at > a.yMax - SLACK && s.at < b.yMin + SLACK && s.from <= a.xMax && s.to >= b.xMin)) continue;
      if (lineStart(b)) out.push({ number: a, unit: b });
    }
  }
  return out;
}
