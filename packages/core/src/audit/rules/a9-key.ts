/**
 * A9's compare key: what two texts share when one is a copy of the other, and a fingerprint of that
 * key computed without building it. Copy detection fingerprints every goal and indicator text of a
 * department and builds the key itself only for texts whose fingerprints meet, to confirm them.
 */
import { toHalfWidth } from '../../values/normalize.ts';

const NUMBERING = /^\s*(指标\s*\d+\s*[:：]|\d+\s*[、.．])\s*/;
const DROPPED = /[\s\p{P}\p{S}]/u;

/**
 * The key two texts share when one is a copy of the other: half-width, without a leading `指标1：` or
 * `1、`, without spaces, punctuation and symbols, lower case. One pass over the characters — it runs on
 * every goal and indicator of a department (the costliest part of the audit when it used three regex
 * passes); CJK ideographs and ASCII letters and digits, nearly all of a text, skip the Unicode test.
 */
export function normalizeForCompare(s: string): string {
  const half = toHalfWidth(s);
  const text = half.charCodeAt(0) === 0x6307 || /^\s*\d/.test(half) || /^\s/.test(half) ? half.replace(NUMBERING, '') : half;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) out += ch;
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (!DROPPED.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

/** The same key by the regular expressions it was first written with; tests compare the two. */
export function normalizeForCompareByRegex(s: string): string {
  return toHalfWidth(s)
    .replace(NUMBERING, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/**
 * What a BMP code unit outside the common ranges adds to the key, looked up once per code unit:
 * 0 not yet known, -1 dropped (space, punctuation, symbol), -2 lower-cases to more than one unit
 * (rare: the caller builds the key instead), else the code unit the key gets.
 */
const OTHER = new Int32Array(0x10000);
function otherUnit(c: number): number {
  let k = OTHER[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    k = DROPPED.test(ch) ? -1 : lower.length === 1 ? lower.charCodeAt(0) : -2;
    OTHER[c] = k;
  }
  return k;
}

/**
 * A 30-bit hash of `normalizeForCompare(s)` (FNV-1a over its code units, mixed with its length), or
 * -1 when the key is shorter than `min`. One pass over the text, no string built: most texts of a
 * department are unique, and for them this is all copy detection does. 30 bits keep the number a
 * small integer, the cheapest kind of Map key. Equal keys give equal fingerprints; equal
 * fingerprints are confirmed on the keys themselves by the caller.
 */
export function fingerprint(s: string, min: number): number {
  const c0 = s.charCodeAt(0);
  // A leading digit, space or `指` may be numbering to drop (and anything else is rare): take the key.
  if (!((c0 >= 0x4e00 && c0 <= 0x9fff && c0 !== 0x6307) || (c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x41 && c0 <= 0x5a)))
    return fingerprintOfKey(normalizeForCompare(s), min);
  let h = 0x811c9dc5;
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      // the common case, written out: CJK ideographs, digits and lower-case letters are kept as they are
    } else if (c >= 0x41 && c <= 0x5a) c += 32;
    else if (c >= 0xd800 && c <= 0xdfff) return fingerprintOfKey(normalizeForCompare(s), min);
    else {
      c = otherUnit(c);
      if (c === -1) continue;
      if (c === -2) return fingerprintOfKey(normalizeForCompare(s), min);
    }
    h = Math.imul(h ^ c, 0x01000193);
    len++;
  }
  return len < min ? -1 : mix(h, len);
}

/** The fingerprint of a key already built (the same hash over its code units). */
export function fingerprintOfKey(key: string, min: number): number {
  if (key.length < min) return -1;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mix(h, key.length);
}

function mix(h: number, len: number): number {
  h = Math.imul(h ^ len, 0x5bd1e995);
  h ^= h >>> 15;
  return h >>> 2;
}
