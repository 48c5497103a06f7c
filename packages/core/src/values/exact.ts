/**
 * Exact decimal arithmetic on decimal strings through BigInt rationals, for the scoring hot path.
 * A decimal string is m / 10^s with integer m; products and quotients are kept as one fraction and
 * rounded half up once, at the end — the same results decimal.js gives, without allocating a
 * Decimal object per step (which cost most of the scoring time).
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

/** Print m / 10^s with exactly s decimals. */
export function format(m: bigint, s: number): string {
  const neg = m < 0n;
  let digits = (neg ? -m : m).toString();
  if (s === 0) return (neg ? '-' : '') + digits;
  if (digits.length <= s) digits = '0'.repeat(s - digits.length + 1) + digits;
  return (neg ? '-' : '') + digits.slice(0, digits.length - s) + '.' + digits.slice(digits.length - s);
}

/** Drop trailing zeros: "4.50" → "4.5", "10.00" → "10". */
export function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
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
  // Up to 15 characters a decimal has at most 15 significant digits, which doubles represent
  // distinctly and in order (DBL_DIG = 15): comparing the numbers is then exact.
  if (a.length <= 15 && b.length <= 15) {
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  const l = as >= bs ? am : am * pow10(bs - as);
  const r = bs >= as ? bm : bm * pow10(as - bs);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Largest integer doubles hold exactly (2⁵³ − 1). */
const SAFE = Number.MAX_SAFE_INTEGER;

/** Π of decimal strings as [mantissa, scale] in doubles; null when a factor has more than 15 digits. */
function productSmall(xs: readonly string[]): [number, number] | null {
  let m = 1;
  let scale = 0;
  for (const x of xs) {
    const p = smallParts(x);
    if (!p) return null;
    m *= p[0];
    scale += p[1];
  }
  return [m, scale];
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

/** [mantissa, scale] as doubles when the mantissa has at most 15 digits, else null. */
function smallParts(s: string): [number, number] | null {
  if (s.length > 16) return null;
  const dot = s.indexOf('.');
  if (dot < 0) return [Number(s), 0];
  return [Number(s.slice(0, dot) + s.slice(dot + 1)), s.length - dot - 1];
}

/**
 * The same as mulDiv on doubles, exact while every integer stays below 2⁵³ (integer +, −, × and the
 * remainder are then exact in doubles); null when it would not, and the BigInt path runs instead.
 */
function mulDivSmall(numerators: readonly string[], denominators: readonly string[], places: number): string | null {
  const num = productSmall(numerators);
  const den = productSmall(denominators);
  if (!num || !den) return null;
  const [ns, ds] = [num[1], den[1]];
  let [n, d] = [num[0], den[0]];
  const shift = places + ds - ns;
  if (shift >= 0) n *= 10 ** shift;
  else d *= 10 ** -shift;
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
  let digits = String(q);
  if (places === 0) return digits;
  if (digits.length <= places) digits = '0'.repeat(places - digits.length + 1) + digits;
  return digits.slice(0, digits.length - places) + '.' + digits.slice(digits.length - places);
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

/** Σ of decimal strings, exact. */
export function add(values: readonly string[]): string {
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
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  const s = Math.max(as, bs);
  return format(am * pow10(s - as) - bm * pow10(s - bs), s);
}

/** a × b, exact. */
export function times(a: string, b: string): string {
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  return format(am * bm, as + bs);
}

/** Round half up to `places`. */
export function round(a: string, places: number): string {
  return mulDiv([a], [], places);
}

export const isZero = (a: string): boolean => /^-?0*(\.0*)?$/.test(a);
export const isNegative = (a: string): boolean => a.startsWith('-') && !isZero(a);
