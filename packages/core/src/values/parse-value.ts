/**
 * Parser for targets (年度指标值) and actuals (实际完成值) as people write them.
 *
 * It never guesses and never throws: anything it cannot read exactly comes back as
 * `{ kind: 'unparseable', reason }` with a reason in Chinese, so that the form's author can fix it.
 * docs/rules.md (R8) lists the syntaxes found in real forms.
 */
import { Dec } from './decimal.ts';
import { times } from './exact.ts';
import { cleanCell, toHalfWidth } from './normalize.ts';
import { MAX_DIGITS, TOO_MANY_DIGITS } from './bounds.ts';

export type Comparison = '>=' | '>' | '<=' | '<' | '=';
export type Tier = 'met' | 'partial' | 'unmet';

export interface Quantity {
  /** exact decimal string, unit as written (after normalisation) */
  value: string;
  unit: string;
  /** written as an approximation: `30余次`, `约30次`, `30次左右` */
  approximate: boolean;
}

export type ParsedValue =
  | { kind: 'empty'; raw: string }
  | ({ kind: 'quantity'; raw: string; op: Comparison | null } & Quantity)
  | { kind: 'tier'; raw: string; tier: Tier }
  | { kind: 'word'; raw: string; word: string; year: number | null }
  | {
      kind: 'date';
      raw: string;
      year: number | null;
      month: number | null;
      day: number | null;
      /** `2022年/全年`: the whole year */
      wholeYear: boolean;
      /** `12月20日前`: a deadline */
      deadline: boolean;
    }
  | { kind: 'list'; raw: string; parts: Quantity[] }
  | { kind: 'unparseable'; raw: string; reason: string };

export const TIER_LABELS: Record<Tier, string> = {
  met: '达成预期指标',
  partial: '部分达成预期指标并具有一定效果',
  unmet: '未达成预期指标且效果较差',
};

/** Symbols in the order they must be tried (longest first). Full-width forms are mapped by toHalfWidth first. */
const SYMBOLS: ReadonlyArray<[string, Comparison]> = [
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['==', '='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Comparisons written in words. Only the unambiguous ones. */
const WORD_PREFIXES: ReadonlyArray<[string, Comparison]> = [
  ['大于等于', '>='],
  ['大于或等于', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['小于等于', '<='],
  ['小于或等于', '<='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['等于', '='],
  ['大于', '>'],
  ['高于', '>'],
  ['小于', '<'],
  ['低于', '<'],
];

const WORD_SUFFIXES: ReadonlyArray<[string, Comparison]> = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
];

const EMPTY_MARKS = new Set(['', '—', '——', '-', '--', '/', '无', '－', '―']);

const NUMBER = /^(\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+)(.*)$/;
const CHINESE_NUMERAL = /[零〇一二三四五六七八九十百千万亿两半]+\s*[成倍个次人项件条户名套%]/;

/**
 * Forms repeat the same cells (`≥95%`, `及时`, `＝100%`) thousands of times; parsing each text once
 * keeps scoring a province cheap. Results are shared, so they are frozen.
 */
const memo = new Map<string, ParsedValue>();
const MEMO_LIMIT = 100_000;

/** Parse a target or an actual cell. */
export function parseValue(raw: string): ParsedValue {
  let v = memo.get(raw);
  if (v === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    v = Object.freeze(parseValueUncached(raw)) as ParsedValue;
    memo.set(raw, v);
  }
  return v;
}

/** The common shapes (`≥95%`, `＝1629条`, `23次`, `100`), read without the general normalisation. */
const SIMPLE = /^(≥|≤|>=|<=|=|＝|>|<|＞|＜)?(\d{1,15}(?:\.\d{1,12})?)([%个人次条套台本天元万元项户名类节点]{0,3})$/;
const SIMPLE_OPS: Record<string, Comparison> = { '≥': '>=', '>=': '>=', '≤': '<=', '<=': '<=', '=': '=', '＝': '=', '>': '>', '＞': '>', '<': '<', '＜': '<' };

function parseValueUncached(raw: string): ParsedValue {
  const simple = SIMPLE.exec(raw);
  if (simple) {
    const digits = simple[2]!;
    // strip leading zeros and trailing fractional zeros the way Decimal.toFixed() does
    const value = digits.includes('.') ? digits.replace(/^0+(?=\d)/, '').replace(/\.?0+$/, '') : digits.replace(/^0+(?=\d)/, '');
    return { kind: 'quantity', raw, op: simple[1] ? SIMPLE_OPS[simple[1]]! : null, value, unit: simple[3]!, approximate: false };
  }
  // refused before any arithmetic (issue 24: a million digits held the CPU for seconds)
  if (TOO_MANY_DIGITS.test(raw)) return { kind: 'unparseable', raw, reason: `数字超过 ${MAX_DIGITS} 位，不是有效的指标值` };
  const cleaned = cleanCell(raw);
  let t = toHalfWidth(cleaned).replace(/\s+/g, '');
  if (EMPTY_MARKS.has(t)) return { kind: 'empty', raw };
  // A full stop after a figure (`100%.`) is punctuation, not part of the value.
  t = t.replace(/[。.,，;；、]+$/, '');
  if (t === '') return { kind: 'unparseable', raw, reason: '只有标点符号，没有数值或文字' };

  const tier = parseTier(t);
  if (tier) return { kind: 'tier', raw, tier };

  const list = parseList(t);
  if (list) return list.ok ? { kind: 'list', raw, parts: list.parts } : { kind: 'unparseable', raw, reason: list.reason };

  const date = parseDate(t);
  if (date) return { ...date, raw };

  let op: Comparison | null = null;
  for (const [sym, c] of SYMBOLS) {
    if (t.startsWith(sym)) {
      op = c;
      t = t.slice(sym.length);
      break;
    }
  }
  if (op === null) {
    for (const [word, c] of WORD_PREFIXES) {
      if (t.startsWith(word) && /^[\d.]/.test(t.slice(word.length))) {
        op = c;
        t = t.slice(word.length);
        break;
      }
    }
  }
  if (op !== null && t === '') return { kind: 'unparseable', raw, reason: '只有比较符号，缺少数值' };

  const q = parseQuantity(t);
  if (q.ok) {
    const value = q.value;
    let { unit, approximate } = q;
    let suffixOp: Comparison | null = null;
    for (const [word, c] of WORD_SUFFIXES) {
      if (unit.endsWith(word)) {
        suffixOp = c;
        unit = unit.slice(0, -word.length);
        break;
      }
    }
    if (suffixOp !== null && op !== null && suffixOp !== op) return { kind: 'unparseable', raw, reason: '比较符号与“以上/以下”矛盾' };
    if (unit.endsWith('左右')) {
      approximate = true;
      unit = unit.slice(0, -2);
    }
    return { kind: 'quantity', raw, op: op ?? suffixOp, value, unit, approximate };
  }
  if (op !== null) return { kind: 'unparseable', raw, reason: q.reason };
  if (/\d/.test(t)) return { kind: 'unparseable', raw, reason: q.reason };
  if (/^(约|大约|大概|近|将近)/.test(t) || /左右$/.test(t)) return { kind: 'unparseable', raw, reason: '约数无法计算，请填写确切数值' };
  if (CHINESE_NUMERAL.test(t)) return { kind: 'unparseable', raw, reason: '数量用中文数字书写，请改写为阿拉伯数字' };
  return { kind: 'word', raw, word: t, year: null };
}

type QuantityResult = ({ ok: true } & Quantity) | { ok: false; reason: string };

function parseQuantity(text: string): QuantityResult {
  let t = text;
  let approximate = false;
  const approx = /^(约|大约|近|将近)/.exec(t);
  if (approx) {
    approximate = true;
    t = t.slice(approx[0].length);
  }
  if (t.startsWith('-') || t.startsWith('+')) {
    // A signed target is legal only as one sign and a digit; `--5` and `+-5` are typing slips.
    if (!/^[-+]\d/.test(t)) return { ok: false, reason: '数值格式无法识别（符号重复）' };
  }
  const sign = t.startsWith('-') ? '-' : '';
  if (t.startsWith('-') || t.startsWith('+')) t = t.slice(1);
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, reason: '缺少数值' };
  const digits = m[1]!.replace(/,/g, '');
  let unit = m[2]!;
  if (/^[余多]/.test(unit)) {
    approximate = true;
    unit = unit.slice(1);
  }
  if (/\d/.test(unit) || /^[eE]/.test(unit) || /^\./.test(unit)) return { ok: false, reason: `数值格式无法识别（“${text}”）` };
  if (unit.length > 16) return { ok: false, reason: '数值后的文字过长，不像单位' };
  const d = new Dec(sign + digits);
  if (!d.isFinite()) return { ok: false, reason: '数值超出范围' };
  return { ok: true, value: d.toFixed(), unit: normalizeUnit(unit), approximate };
}

function normalizeUnit(u: string): string {
  return u.replace(/^[(（](.*)[)）]$/, '$1');
}

function parseTier(t: string): Tier | null {
  if (/^(未达成|未完成|未达到|未实现)(预期|年度)?(指标|目标)?/.test(t)) return 'unmet';
  if (/^部分(达成|完成|达到|实现)/.test(t)) return 'partial';
  if (/^(已)?(达成|完成|达到|实现)(预期|年度)(指标|目标)/.test(t)) return 'met';
  return null;
}

type ListResult = { ok: true; parts: Quantity[] } | { ok: false; reason: string };

function parseList(t: string): ListResult | null {
  const prefixed = /^分别(为|是)/.exec(t);
  const body = prefixed ? t.slice(prefixed[0].length) : t;
  // `1,629条` is one number with a thousands separator, not a list of two.
  const pieces = body.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').split(/[、，,；;]/);
  if (pieces.length < 2) return null;
  const parts: Quantity[] = [];
  for (const p of pieces) {
    const q = parseQuantity(p);
    if (!q.ok) {
      // Only a list that reads as numbers is a list; prose with commas is a word.
      if (prefixed || parts.length > 0) return { ok: false, reason: `列表中的“${p}”无法识别：${q.reason}` };
      return null;
    }
    parts.push({ value: q.value, unit: q.unit, approximate: q.approximate });
  }
  return { ok: true, parts };
}

type DateValue = Omit<Extract<ParsedValue, { kind: 'date' }>, 'raw'> | Omit<Extract<ParsedValue, { kind: 'word' }>, 'raw'>;

function parseDate(t: string): DateValue | null {
  let m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(前|之前|以前)?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { kind: 'date', year: m[1] ? Number(m[1]) : null, month, day, wholeYear: false, deadline: Boolean(m[4]) };
  }
  m = /^(\d{4})年(\d{1,2})月(底|末|前|之前)?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { kind: 'date', year: Number(m[1]), month, day: null, wholeYear: false, deadline: Boolean(m[3]) };
  }
  m = /^(\d{4})年(?:\/?全年|度)?$/.exec(t);
  if (m) return { kind: 'date', year: Number(m[1]), month: null, day: null, wholeYear: true, deadline: false };
  // `2022年按时完成`: a year, then words.
  m = /^(\d{4})年([^\d]+)$/.exec(t);
  if (m) return { kind: 'word', word: m[2]!, year: Number(m[1]) };
  return null;
}

/** Parse a number-only cell (budget figures, points, scores): `16.94`, `10.00分`, `100%`, `１７`. */
export function parseNumberCell(raw: string): string | null {
  // more digits than any figure of a form: not a number (issue 24), and never handed to Decimal
  if (raw.length > 200 || TOO_MANY_DIGITS.test(raw)) return null;
  const t = toHalfWidth(cleanCell(raw))
    .replace(/\s+/g, '')
    .replace(/[。.]+$/, '');
  const m = /^(-?\d+(?:,\d{3})*(?:\.\d+)?)(分|%|万元|元)?$/.exec(t);
  if (!m) return null;
  return new Dec(m[1]!.replace(/,/g, '')).toFixed();
}

/** The `unit` of a quantity as a base unit and a factor (a decimal string): 万元 → (元, "10000"). */
export function unitScale(unit: string): { base: string; factor: string } {
  const m = /^(亿元|万元|千元|元|亿|万|千)(.*)$/.exec(unit);
  if (!m) return { base: unit, factor: '1' };
  const head = m[1]!;
  const rest = m[2]!;
  const table: Record<string, [string, string]> = {
    亿元: ['元', '100000000'],
    万元: ['元', '10000'],
    千元: ['元', '1000'],
    元: ['元', '1'],
    亿: ['', '100000000'],
    万: ['', '10000'],
    千: ['', '1000'],
  };
  const [base, factor] = table[head]!;
  // `万人次` keeps its meaning: 万 scales a count of 人次.
  if (base === '' && rest !== '' && !rest.startsWith('/')) return { base: rest, factor };
  return { base: base + rest, factor };
}

/**
 * Bring a target and an actual to one unit; values come back as exact decimal strings. A bare number
 * against a percentage is read as a percentage (`98` against `≥95%`): that is how the forms write
 * it, and the note says so.
 */
export function commensurate(a: Quantity, b: Quantity): { ok: true; a: string; b: string; unit: string; note: string | null } | { ok: false; reason: string } {
  if (a.unit === b.unit) return { ok: true, a: a.value, b: b.value, unit: a.unit, note: null };
  if (a.unit === '') return { ok: true, a: a.value, b: b.value, unit: b.unit, note: b.unit === '%' ? '目标未写%，按百分数理解' : null };
  if (b.unit === '') return { ok: true, a: a.value, b: b.value, unit: a.unit, note: a.unit === '%' ? '实际值未写%，按百分数理解' : null };
  const sa = unitScale(a.unit);
  const sb = unitScale(b.unit);
  // `13万` against `≤13万元`: a bare magnitude takes the other side's unit.
  if (sa.base === '' || sb.base === '' || sa.base === sb.base) {
    const base = sa.base || sb.base;
    return {
      ok: true,
      a: times(a.value, sa.factor),
      b: times(b.value, sb.factor),
      unit: base,
      note: `单位换算：${a.unit} 与 ${b.unit} 统一为 ${base || '个'}`,
    };
  }
  return { ok: false, reason: `目标单位“${a.unit}”与实际单位“${b.unit}”不一致，无法比较` };
}
