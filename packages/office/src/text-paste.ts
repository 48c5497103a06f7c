/**
 * Reader for text pasted out of a PDF or a web page (issue 21, item 4): no tabs, so the cells have to
 * be found again. Three shapes occur, often mixed:
 *  - cells separated by runs of spaces (two or more, or an ideographic space): split there;
 *  - one cell per line: labels and values follow each other, one per line;
 *  - a row flattened into one line with single spaces: `数量指标 培训人次 ≥100人次 120人次 20 20`.
 * Only what can be placed with certainty becomes a row; every other line stays a paragraph, which the
 * recognizer reports as not placed when it stands inside a table. Provenance is the 1-based line
 * (and, for split lines, the 1-based cell on it).
 */
import { cleanCell, parseNumberCell, parseValue } from '@jixiao/core';
import type { Block, Cell, GridDocument } from './grid.ts';
import { budgetColumn, budgetLineLabel, identityLabel, indicatorColumn, isLevel1Heading, isLevel2Name, isTotalLabel } from './recognize/labels.ts';

interface Line {
  text: string;
  line: number;
}

const SPLIT = /[ \u3000]{2,}|\u3000/;

const isNumber = (t: string): boolean => parseNumberCell(t) !== null;
const isLevelLabel = (t: string): boolean => isLevel1Heading(t) || isLevel2Name(t);
/** A target or an actual written as a measurement: a comparison, or a number with a unit. */
const isValueLike = (t: string): boolean => {
  const v = parseValue(t);
  return v.kind === 'quantity' || v.kind === 'list' || v.kind === 'date';
};
const isHeaderLabel = (t: string): boolean => indicatorColumn(t) !== null || budgetColumn(t) !== null;

export function readPastedText(text: string, file: string): GridDocument {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((t, i) => ({ text: t.replace(/\s+$/, ''), line: i + 1 }));
  const blocks: Block[] = [];
  const cell = (l: Line, text: string, col?: number): Cell => ({ text, src: { file, line: l.line, ...(col !== undefined && { col }) } });
  const row = (cells: Cell[]): Block => ({ kind: 'row', cells, src: { file, line: cells[0]!.src.line! } });
  const para = (l: Line): Block => ({ kind: 'paragraph', text: l.text.trim(), src: { file, line: l.line } });

  // Width of the last indicator header: rows after it are read by content, never by counting lines.
  let inIndicators = false;
  let inBudget = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (t === '') continue;
    const parts = t.split(SPLIT).filter((x) => x !== '');
    if (parts.length >= 2) {
      // Cells separated by runs of spaces; a line of them may itself be a header. An indented line
      // starts with an empty cell (the label above it spans down, as a merged cell does).
      if (/^[ \u3000]{2,}/.test(l.text)) parts.unshift('');
      blocks.push(row(parts.map((p, k) => cell(l, p, k + 1))));
      if (parts.filter(isHeaderLabel).length >= 3) {
        inIndicators = parts.some((p) => indicatorColumn(p) === 'name' || indicatorColumn(p) === 'level1');
        inBudget = !inIndicators;
      }
      if (parts.some((p) => isTotalLabel(p))) inIndicators = false;
      continue;
    }
    const labelled = labelledLine(t);
    if (labelled) {
      blocks.push(row(labelled.map((p, k) => cell(l, p, k + 1))));
      if (labelled.every(isHeaderLabel)) {
        inIndicators = labelled.some((p) => indicatorColumn(p) === 'name' || indicatorColumn(p) === 'level1');
        inBudget = !inIndicators;
      }
      if (isTotalLabel(labelled[0]!)) inIndicators = false;
      continue;
    }
    // One cell per line. A run of header labels is one header row.
    if (isHeaderLabel(t)) {
      let j = i;
      while (j < lines.length && lines[j]!.text.trim() !== '' && isHeaderLabel(lines[j]!.text.trim())) j++;
      if (j - i >= 3) {
        const head = lines.slice(i, j);
        blocks.push(row(head.map((h) => cell(h, h.text.trim()))));
        inIndicators = head.some((h) => indicatorColumn(h.text) === 'name' || indicatorColumn(h.text) === 'level1');
        inBudget = !inIndicators;
        i = j - 1;
        continue;
      }
    }
    // An identity label and its value on the next line.
    if (identityLabel(t) !== null && i + 1 < lines.length && lines[i + 1]!.text.trim() !== '' && identityLabel(lines[i + 1]!.text.trim()) === null) {
      const next = lines[i + 1]!;
      blocks.push(row([cell(l, t), cell(next, next.text.trim())]));
      i++;
      continue;
    }
    // A budget line: its label, then its figures (numbers, percentages, dashes) one per line.
    if (inBudget && budgetLineLabel(t) !== null) {
      const cells = [cell(l, t)];
      let j = i + 1;
      for (; j < lines.length && /^([—\-–]|[\d.,]+%?|[\d.,]+分)$/.test(lines[j]!.text.trim()); j++) cells.push(cell(lines[j]!, lines[j]!.text.trim()));
      if (cells.length >= 3) {
        blocks.push(row(cells));
        i = j - 1;
        continue;
      }
    }
    if (isTotalLabel(t)) {
      const cells = [cell(l, t)];
      let j = i + 1;
      for (; j < lines.length && isNumber(lines[j]!.text.trim().replace(/分$/, '')); j++) cells.push(cell(lines[j]!, lines[j]!.text.trim()));
      blocks.push(row(cells));
      inIndicators = false;
      i = j - 1;
      continue;
    }
    if (inIndicators) {
      const flat = flattenedRow(l);
      if (flat) {
        blocks.push(row(flat.map((p, k) => cell(l, p, k + 1))));
        continue;
      }
      const taken = indicatorLines(lines, i);
      if (taken) {
        blocks.push(row(taken.map((x) => cell(x, x.text.trim()))));
        i += taken.length - 1;
        continue;
      }
    }
    blocks.push(para(l));
  }
  return { file, blocks };
}

/**
 * `[一级] [二级] 名称 目标 实际 分值 得分 [原因]` in one line with single spaces. The 分值 and 得分 are two
 * numbers in a row with at least name, target and actual before them and only words after them; more
 * than three tokens before them are certain only when the target is a measurement (it then marks
 * where the name ends). Two readings, or none, and the line is not a row.
 */
function flattenedRow(l: Line): string[] | null {
  const tokens = l.text.trim().split(/\s+/);
  // a row has a dozen cells at most; a longer line is prose (and the search below is quadratic in it)
  if (tokens.length > 40) return null;
  let k = 0;
  while (k < tokens.length && isLevelLabel(tokens[k]!)) k++;
  const body = tokens.slice(k);
  const readings: string[][] = [];
  for (let p = 3; p + 1 < body.length; p++) {
    if (!isNumber(body[p]!) || !isNumber(body[p + 1]!.replace(/分$/, ''))) continue;
    const rest = body.slice(p + 2);
    if (rest.some((x) => isNumber(x))) continue;
    if (p > 3 && !isValueLike(body[p - 2]!)) continue;
    readings.push([body.slice(0, p - 2).join(' '), body[p - 2]!, body[p - 1]!, body[p]!, body[p + 1]!, ...(rest.length ? [rest.join(' ')] : [])]);
  }
  if (readings.length !== 1) return null;
  return [...tokens.slice(0, k), ...readings[0]!];
}

/** A line with single spaces that is a row of labels: a header, `项目名称 …`, `总分 100 98.5`. */
function labelledLine(t: string): string[] | null {
  const tokens = t.split(/\s+/);
  if (tokens.length < 2) return null;
  if (tokens.length >= 3 && tokens.every(isHeaderLabel)) return tokens;
  if (identityLabel(tokens[0]!) !== null) return [tokens[0]!, tokens.slice(1).join(' ')];
  if (isTotalLabel(tokens[0]!) && tokens.slice(1).every((x) => isNumber(x.replace(/分$/, '')))) return tokens;
  return null;
}

/**
 * One indicator row written one cell per line: level labels, name, target, actual, points, score, then
 * a reason only when what follows is clearly the next row (a level label, the total, or a name followed
 * by a measurement). Anything less certain is not a row.
 */
function indicatorLines(lines: Line[], from: number): Line[] | null {
  const at = (k: number) => lines[k]?.text.trim() ?? '';
  let k = from;
  while (isLevelLabel(at(k))) k++;
  const name = at(k);
  if (name === '' || isNumber(name) || isTotalLabel(name)) return null;
  const [target, actual, points, score] = [at(k + 1), at(k + 2), at(k + 3), at(k + 4)];
  if (target === '' || actual === '' || !isNumber(points) || !isNumber(score.replace(/分$/, ''))) return null;
  let end = k + 5;
  const next = at(end);
  const after = at(end + 1);
  // a reason is certain only when the line after it starts something else; a name followed by a
  // measurement is the next row, and anything else is left for the next row to claim (or be reported)
  if (next !== '' && !isLevelLabel(next) && !isTotalLabel(next) && !isNumber(next) && (after === '' || isLevelLabel(after) || isTotalLabel(after))) end++;
  return lines.slice(from, end);
}

/** Whether a text has no tab-separated structure at all: then it was pasted, not dumped. */
export function looksPasted(text: string): boolean {
  return !/\t/.test(text) && cleanCell(text) !== '';
}
