/**
 * The numbers a form may hold (issue 24, "numbers within the domain"). A budget of 1 followed by 25
 * zeros was stored as a float on SQLite (and every department total failed from then on) and was a
 * database error on PostgreSQL; a value of a million digits held the CPU for seconds in scoring.
 *
 * Checked on the text alone, before any arithmetic: a number's digits are counted, never computed.
 * - any number read from a cell: no run of more than MAX_DIGITS digits (parseNumberCell, parseValue);
 * - money (万元): below 10⁹ 万元 (10 万亿元) — in 分 below 10¹⁵, exact as a double and as a bigint;
 * - points and scores (分): below 1,000 (a form's total is 100; R2);
 * - rates (%): below 10⁶ %.
 */
export const MAX_DIGITS = 40;

export type NumberKind = 'money' | 'points' | 'rate' | 'decimal';

interface Bound {
  /** whole-number digits allowed */
  int: number;
  /** decimals allowed */
  frac: number;
  /** what the limit is, in Chinese, for the message */
  label: string;
}

export const NUMBER_BOUNDS: Readonly<Record<NumberKind, Bound>> = {
  money: { int: 9, frac: 10, label: '金额应小于 10 亿万元，最多 10 位小数' },
  points: { int: 3, frac: 6, label: '分值、得分应小于 1000 分，最多 6 位小数' },
  rate: { int: 6, frac: 6, label: '比率应小于 1000000%，最多 6 位小数' },
  decimal: { int: 20, frac: MAX_DIGITS, label: `数值最多 20 位整数、${MAX_DIGITS} 位小数` },
};

/** The exact-decimal pattern of a kind: `-?d…(.d…)?` with the digits bounded. */
export function boundedDecimalPattern(kind: NumberKind): RegExp {
  const b = NUMBER_BOUNDS[kind];
  return new RegExp(`^-?\\d{1,${b.int}}(\\.\\d{1,${b.frac}})?$`);
}

const PATTERNS: Readonly<Record<NumberKind, RegExp>> = {
  money: boundedDecimalPattern('money'),
  points: boundedDecimalPattern('points'),
  rate: boundedDecimalPattern('rate'),
  decimal: boundedDecimalPattern('decimal'),
};

/** True when a decimal string is within its kind's bounds (leading zeros aside: `007` is 7). */
export function withinBounds(kind: NumberKind, value: string): boolean {
  // digits only, never arithmetic: a million-digit string costs one pass
  const t = value.length > 64 ? value : value.replace(/^(-?)0+(?=\d)/, '$1');
  return PATTERNS[kind].test(t);
}

/**
 * A run of more digits than any number of a form has (ASCII or full-width): refused before it is read
 * as a number — tested on the raw text, before any normalisation, which alone costs ≈ 0.5 s a megabyte.
 */
export const TOO_MANY_DIGITS = new RegExp(`[0-9０-９]{${MAX_DIGITS + 1},}`);
