/**
 * `jixiao indicator`: score one indicator from its target, actual and points, or many from a TSV
 * file (`--batch`), one JSON line per row in input order.
 */
import { readFileSync } from 'node:fs';
import { canonicalLevel2, getScheme, level1OfLevel2, parseNumberCell, scoreIndicator, type Indicator, type IndicatorScore, type Scheme } from '@jixiao/core';
import { CliError } from '../errors.ts';

export interface IndicatorOptions {
  target?: string;
  actual?: string;
  points?: string;
  category?: string;
  claimed?: string;
  scheme?: string;
  json?: boolean;
  batch?: string;
}

function indicatorOf(target: string, actual: string, points: string, category: string, claimed: string): Indicator {
  const level2 = canonicalLevel2(category);
  return {
    level1: level1OfLevel2(level2) ?? '产出指标',
    level2: { raw: category },
    name: { raw: '' },
    points: { raw: points, value: parseNumberCell(points) },
    target: { raw: target },
    actual: { raw: actual },
    claimedScore: { raw: claimed, value: parseNumberCell(claimed) },
  };
}

function summarize(s: IndicatorScore) {
  return {
    score: s.score === null ? null : Number(s.score),
    scoreText: s.score,
    explanation: s.explanation,
    rule: s.rule,
    basis: s.basis,
    tier: s.tier,
    overCompletion: s.overCompletion,
    target: s.target,
    actual: s.actual,
  };
}

export function indicatorCommand(opts: IndicatorOptions, out: (s: string) => void): void {
  const scheme = getScheme(opts.scheme ?? 'national');
  if (opts.batch) return batch(opts.batch, scheme, out);
  if (opts.target === undefined || opts.actual === undefined || opts.points === undefined)
    throw new CliError('USAGE.MISSING_OPTION', '需要 --target、--actual 和 --points（或 --batch 文件）');
  if (parseNumberCell(opts.points) === null) throw new CliError('INPUT.BAD_POINTS', `分值“${opts.points}”不是数字`);
  const s = scoreIndicator(indicatorOf(opts.target, opts.actual, opts.points, opts.category ?? '数量指标', opts.claimed ?? ''), 0, scheme);
  if (opts.json) out(JSON.stringify(summarize(s), null, 2));
  else out(`${s.score === null ? '无法计分' : `${s.score}分`}\n${s.explanation}`);
  // The result is printed either way (a claimed score may still stand, R6), but a value the parser
  // cannot read is bad input: exit code 2, naming the option and why.
  for (const [option, v] of [
    ['--target', s.target],
    ['--actual', s.actual],
  ] as const)
    if (v.kind === 'unparseable') throw new CliError('INPUT.UNPARSEABLE_VALUE', `${option} “${v.raw}”无法识别：${v.reason}`);
}

const HEADER_NAMES: Record<string, 'target' | 'actual' | 'points' | 'category' | 'claimed'> = {
  target: 'target',
  年度指标值: 'target',
  指标值: 'target',
  actual: 'actual',
  实际完成值: 'actual',
  实际值: 'actual',
  points: 'points',
  分值: 'points',
  category: 'category',
  二级指标: 'category',
  claimed: 'claimed',
  得分: 'claimed',
};

function batch(path: string, scheme: Scheme, out: (s: string) => void): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError('INPUT.NOT_FOUND', `找不到文件：${path}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  // Columns by their header name; the documented order when the header names are unknown.
  const named = header.map((h) => HEADER_NAMES[h] ?? HEADER_NAMES[h.toLowerCase()]);
  const order = named.every((n) => n === undefined) ? (['target', 'actual', 'points', 'category', 'claimed'] as const) : named;
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split('\t');
    const get = (k: string) => {
      const at = order.indexOf(k as never);
      return at >= 0 ? (cells[at] ?? '') : '';
    };
    const row = i + 2;
    const points = get('points');
    if (parseNumberCell(points) === null) {
      out(JSON.stringify({ row, score: null, explanation: `分值“${points}”不是数字，无法计分`, rule: 'manual', basis: 'none', unparseable: true }));
      return;
    }
    const s = scoreIndicator(indicatorOf(get('target'), get('actual'), points, get('category') || '数量指标', get('claimed')), 0, scheme);
    const unparseable = s.target.kind === 'unparseable' || s.actual.kind === 'unparseable';
    out(JSON.stringify({ row, ...summarize(s), unparseable }));
  });
}
