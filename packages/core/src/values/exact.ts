/**
 * Exact decimal arithmetic on decimal strings through BigInt rationals, for the scoring hot path.
 * A decimal string is m / 10^s with integer m; products and quotients are kept as one fraction and
 * rounded half up once, at the end — the same results decimal.js gives, without allocating a
 * Decimal object per step (which cost most of the scoring time). Every operation first tries the
 * same integer arithmetic in doubles, exact while every integer stays below 2⁵³ (nearly all figures
 * of a form); the BigInt path takes over otherwise, and property tests hold the two to each other.
 */

const POW10: bigint[] = [];
function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

/** A decimal string as [mantissa, scale]: "-12.345" → [-12345n, 3]. */
export function parts(s: string): [bigint, number] {
  const dot = s.indexOf('.');
  if (dot < 0) return [BigInt(s), 0];
  return [BigInt(s.slice(0, dot) + s.slice(dot + 1)), s.length - dot - 1];
}

/** The digits of |m| with a point before the last s of them (zero-padded), and the sign: how both number kinds print. */
function withPoint(neg: boolean, digits: string, s: number): string {
  if (s === 0) return (neg ? '-' : '') + digits;
  if (digits.length <= s) digits = '0'.repeat(s - digits.length + 1) + digits;
  return (neg ? '-' : '') + digits.slice(0, digits.length - s) + '.' + digits.slice(digits.length - s);
}

/** Print m / 10^s with exactly s decimals. */
export function format(m: bigint, s: number): string {
  const neg = m < 0n;
  return withPoint(neg, (neg ? -m : m).toString(), s);
}

/** Drop trailing zeros: "4.50" → "4.5", "10.00" → "10". */
export function trim(s: string): string {
  if (s.indexOf('.') < 0) return s;
  // one scan from the end instead of a regular expression: trim runs on every figure of every form
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Print the integer m (a double below 2⁵³ in magnitude) / 10^s with exactly s decimals. */
function formatSmall(m: number, s: number): string {
  const neg = m < 0;
  return withPoint(neg, String(neg ? -m : m), s);
}

/** Σ in doubles while every scaled term and every partial sum stays below 2⁵³ (exact there); else null. */
function addSmall(values: readonly string[]): string | null {
  let scale = 0;
  for (const v of values) {
    if (v.length > 16) return null;
    const dot = v.indexOf('.');
    if (dot >= 0 && v.length - dot - 1 > scale) scale = v.length - dot - 1;
  }
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    if (!readSmall(values[i]!)) return null;
    const term = rm * TEN[scale - rs]!;
    m += term;
    // written as !(≤) so that NaN (not a decimal string) also falls through to the BigInt path, which throws
    if (!(Math.abs(term) <= SAFE && Math.abs(m) <= SAFE)) return null;
  }
  return formatSmall(m, scale);
}

/** Integer division rounding half away from zero (ROUND_HALF_UP for the signs we meet). */
function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  if (n >= 0n) return 2n * r >= d ? q + 1n : q;
  return -2n * r >= d ? q - 1n : q;
}

/** a compared with b: -1, 0 or 1. */
export function cmp(a: string, b: string): number {
  // Reading the digits here is cheaper than Number(), which parses any JavaScript numeral.
  if (readSmall(a)) {
    const am = rm;
    const as = rs;
    if (readSmall(b)) {
      const c = compareSmall(am, as, rm, rs);
      if (c !== null) return c;
    }
  }
  return compareBig(parts(a), parts(b));
}

/** xm / 10^xs against ym / 10^ys in doubles: exact while both, brought to one scale, stay below 2⁵³; else null. */
function compareSmall(xm: number, xs: number, ym: number, ys: number): number | null {
  if (xs > 22 || ys > 22) return null;
  const x = xs < ys ? xm * TEN[ys - xs]! : xm;
  const y = ys < xs ? ym * TEN[xs - ys]! : ym;
  if (!(Math.abs(x) <= SAFE && Math.abs(y) <= SAFE)) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The same with BigInt mantissas, for anything larger. */
function compareBig([xm, xs]: [bigint, number], [ym, ys]: [bigint, number]): number {
  const x = xs >= ys ? xm : xm * pow10(ys - xs);
  const y = ys >= xs ? ym : ym * pow10(xs - ys);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 10^0 … 10^22 as doubles, all exact. */
const TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Largest integer doubles hold exactly (2⁵³ − 1). */
const SAFE = Number.MAX_SAFE_INTEGER;

/** Π of decimal strings in doubles, into rm/rs; false when a factor does not read as small. */
function productSmall(xs: readonly string[]): boolean {
  let m = 1;
  let scale = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!readSmall(xs[i]!)) return false;
    m *= rm;
    scale += rs;
  }
  rm = m;
  rs = scale;
  return true;
}

/** Π of decimal strings as [mantissa, scale], exact. */
function product(xs: readonly string[]): [bigint, number] {
  let m = 1n;
  let scale = 0;
  for (const x of xs) {
    const [pm, ps] = parts(x);
    m *= pm;
    scale += ps;
  }
  return [m, scale];
}

/**
 * readSmall's results: the mantissa and scale of the decimal string it last read. Registers rather
 * than a returned pair: the fast paths read two or three operands per operation, millions of times
 * in a province, and a pair per operand was a good part of the garbage collector's work.
 */
let rm = 0;
let rs = 0;

/**
 * Reads a plain decimal string ("-12.345": rm = -12345, rs = 3) of at most 16 characters, so at
 * most 15 digits when a sign or point is present and 16 otherwise (a 16-digit mantissa is checked
 * against 2⁵³ by every caller). false for anything else: the BigInt path takes it (and throws on
 * what is not a decimal).
 */
function readSmall(s: string): boolean {
  const n = s.length;
  if (n > 16 || n === 0) return false;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let m = 0;
  let scale = -1;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0;
    else return false;
  }
  if (digits === 0) return false;
  rm = neg ? -m : m;
  rs = scale < 0 ? 0 : scale;
  return true;
}

/**
 * The same as mulDiv on doubles, exact while every integer stays below 2⁵³ (integer +, −, × and the
 * remainder are then exact in doubles); null when it would not, and the BigInt path runs instead.
 */
function mulDivSmall(numerators: readonly string[], denominators: readonly string[], places: number): string | null {
  if (!productSmall(numerators)) return null;
  let n = rm;
  const ns = rs;
  if (!productSmall(denominators)) return null;
  let d = rm;
  const ds = rs;
  const shift = places + ds - ns;
  if (shift >= 0) n *= shift < TEN.length ? TEN[shift]! : 10 ** shift;
  else d *= -shift < TEN.length ? TEN[-shift]! : 10 ** -shift;
  if (!(d > 0) || !(n >= 0) || n > SAFE || d > SAFE) return null;
  let q = Math.floor(n / d);
  let r = n - q * d;
  // the double quotient may be off by one; the exact remainder says which way
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  if (q > SAFE) return null;
  return formatSmall(q, places);
}

/**
 * (Π numerators) ÷ (Π denominators), rounded half up to `places`, printed with that many decimals.
 * The whole product is one fraction: rounding happens once.
 */
export function mulDiv(numerators: readonly string[], denominators: readonly string[], places: number): string {
  const small = mulDivSmall(numerators, denominators, places);
  if (small !== null) return small;
  const [n, ns] = product(numerators);
  const [d, ds] = product(denominators);
  if (d === 0n) throw new RangeError('division by zero');
  // value = n / 10^ns ÷ (d / 10^ds); scaled by 10^places:
  const shift = places + ds - ns;
  const q = shift >= 0 ? divRound(n * pow10(shift), d) : divRound(n, d * pow10(-shift));
  return format(q, places);
}

/** (Π left) compared with (Π right): -1, 0 or 1, exact, without printing either product. */
export function cmpProducts(left: readonly string[], right: readonly string[]): number {
  if (productSmall(left)) {
    const lm = rm;
    const ls = rs;
    // a product past 2⁵³ has been rounded: compareSmall then refuses it, as |x| ≥ |lm|
    if (productSmall(right)) {
      const c = compareSmall(lm, ls, rm, rs);
      if (c !== null) return c;
    }
  }
  return compareBig(product(left), product(right));
}

/**
 * |x × 10^shift − y| compared with tol: -1, 0 or 1, exact, without printing the difference (the audit
 * asks "within tolerance?" of every claimed figure). `shift` moves x's point: 2 for a share against a
 * percentage, as 执行率 is written.
 */
export function cmpDistance(x: string, y: string, tol: string, shift = 0): number {
  if (readSmall(x)) {
    let xm = rm;
    let xs = rs - shift;
    if (xs < 0) {
      xm *= TEN[-xs]!;
      xs = 0;
    }
    if (readSmall(y)) {
      const ym = rm;
      const ys = rs;
      if (readSmall(tol)) {
        const s = Math.max(xs, ys, rs);
        if (s < TEN.length) {
          const a = xm * TEN[s - xs]!;
          const b = ym * TEN[s - ys]!;
          const t = rm * TEN[s - rs]!;
          const d = Math.abs(a - b);
          if (Math.abs(a) <= SAFE && Math.abs(b) <= SAFE && Math.abs(t) <= SAFE && d <= SAFE) return d < t ? -1 : d > t ? 1 : 0;
        }
      }
    }
  }
  let [xm, xs] = parts(x);
  xs -= shift;
  if (xs < 0) {
    xm *= pow10(-xs);
    xs = 0;
  }
  const [ym, ys] = parts(y);
  const [tm, ts] = parts(tol);
  const s = Math.max(xs, ys, ts);
  const d = xm * pow10(s - xs) - ym * pow10(s - ys);
  return compareBig([d < 0n ? -d : d, s], [tm, ts]);
}

/** Σ of decimal strings, exact. */
export function add(values: readonly string[]): string {
  const small = addSmall(values);
  if (small !== null) return small;
  let scale = 0;
  const ps = values.map((v) => {
    const p = parts(v);
    if (p[1] > scale) scale = p[1];
    return p;
  });
  let m = 0n;
  for (const [pm, s] of ps) m += pm * pow10(scale - s);
  return format(m, scale);
}

/** a − b, exact. */
export function sub(a: string, b: string): string {
  if (readSmall(a)) {
    const am = rm;
    const as = rs;
    if (readSmall(b)) {
      const s = Math.max(as, rs);
      const x = am * TEN[s - as]!;
      const y = rm * TEN[s - rs]!;
      if (Math.abs(x) <= SAFE && Math.abs(y) <= SAFE && Math.abs(x - y) <= SAFE) return formatSmall(x - y, s);
    }
  }
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  const s = Math.max(as, bs);
  return format(am * pow10(s - as) - bm * pow10(s - bs), s);
}

/** a × b, exact. */
export function times(a: string, b: string): string {
  if (readSmall(a)) {
    const am = rm;
    const as = rs;
    if (readSmall(b) && Math.abs(am) <= SAFE && Math.abs(rm) <= SAFE && Math.abs(am * rm) <= SAFE) return formatSmall(am * rm, as + rs);
  }
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  return format(am * bm, as + bs);
}

/** Round half up to `places`. */
export function round(a: string, places: number): string {
  return mulDiv([a], [], places);
}

/** true for "0", "-0", "0.00", ".0" (and the empty string, as before); a scan, not a regular expression. */
export function isZero(a: string): boolean {
  let i = a.charCodeAt(0) === 45 ? 1 : 0;
  let dot = false;
  for (; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c === 46 && !dot) dot = true;
    else if (c !== 48) return false;
  }
  return true;
}
export const isNegative = (a: string): boolean => a.charCodeAt(0) === 45 && !isZero(a);
