/**
 * A9: copy detection across the forms of a department, in linear time: every goal, achievement and
 * indicator text is bucketed by a fingerprint of its compare key (no spaces, no punctuation,
 * half-width: a9-key.ts), so 1,000 forms are never compared pair by pair, and the keys themselves are
 * built only to confirm the few buckets that span two forms. Also within a form: 完成情况 identical to
 * 目标, and a year other than the form's named in its targets, actuals or goals.
 */
import { fingerprint, normalizeForCompare } from './a9-key.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';
import type { Indicator } from '../../model/evaluation.ts';

/** Texts shorter than this (after normalising) are too generic to call a copy: `群众满意度`, `及时`. */
const MIN_GOAL = 8;
const MIN_INDICATOR = 10;

interface Occurrence {
  audit: FormAudit;
  field: string;
  indicator?: number;
  /** the text as written, to confirm a shared fingerprint on the keys */
  text: string;
}

/** Occurrence kinds in the chains below: ≥ 0 is an indicator's position, else one of these. */
const EXPECTED = -1;
const ACHIEVED = -2;

/**
 * Texts bucketed by fingerprint without an object per text: an open-addressing table from fingerprint
 * to the bucket's newest occurrence, and each occurrence's fingerprint, form, field and previous
 * occurrence of the same fingerprint — all in typed arrays, grown by doubling. (A Map did the same with
 * a backing store that the garbage collector copied as it grew.) Objects are made only for buckets that
 * span two forms — the few candidate copies.
 */
class Buckets {
  /** newest occurrence per fingerprint, -1 where empty; length a power of two, at most half full */
  private slots: Int32Array = new Int32Array(2048).fill(-1);
  private used = 0;
  private key: Int32Array = new Int32Array(1024);
  private form: Int32Array = new Int32Array(1024);
  private what: Int32Array = new Int32Array(1024);
  private prev: Int32Array = new Int32Array(1024);
  private n = 0;

  /** `key` is a fingerprint (0 … 2³⁰), `form` the form's position among those added to the detector */
  add(key: number, form: number, what: number): void {
    if (this.n === this.key.length) [this.key, this.form, this.what, this.prev] = [grow(this.key), grow(this.form), grow(this.what), grow(this.prev)];
    if (2 * (this.used + 1) > this.slots.length) this.rehash();
    const h = this.slot(key);
    const i = this.n++;
    this.key[i] = key;
    this.form[i] = form;
    this.what[i] = what;
    this.prev[i] = this.slots[h]!;
    if (this.slots[h] === -1) this.used++;
    this.slots[h] = i;
  }

  /** The slot of `key`: where it is, or the empty slot where it goes (linear probing). */
  private slot(key: number): number {
    const mask = this.slots.length - 1;
    let h = key & mask;
    for (let o = this.slots[h]!; o !== -1 && this.key[o] !== key; o = this.slots[h]!) h = (h + 1) & mask;
    return h;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (const o of old) if (o !== -1) this.slots[this.slot(this.key[o]!)] = o;
  }

  /** Each bucket that spans more than one form, oldest occurrence first, buckets in the order of their first occurrence. */
  shared(forms: readonly FormAudit[]): Occurrence[][] {
    const lists: Occurrence[][] = [];
    for (let first = 0; first < this.n; first++) {
      if (this.prev[first] !== -1) continue;
      const head = this.slots[this.slot(this.key[first]!)]!;
      for (let j = this.prev[head]!; j >= 0; j = this.prev[j]!)
        if (this.form[j] !== this.form[head]) {
          const list: Occurrence[] = [];
          for (let k = head; k >= 0; k = this.prev[k]!) list.push(occurrence(forms[this.form[k]!]!, this.what[k]!));
          lists.push(list.reverse());
          break;
        }
    }
    return lists;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function occurrence(audit: FormAudit, what: number): Occurrence {
  const { goals, indicators } = audit.ev;
  if (what === EXPECTED) return { audit, field: 'goals.expected', text: goals.expected?.raw ?? '' };
  if (what === ACHIEVED) return { audit, field: 'goals.achieved', text: goals.achieved?.raw ?? '' };
  return { audit, field: 'name', indicator: what, text: indicators[what]!.name.raw };
}

/**
 * A9 over a stream of forms: `add` each form (its findings within the form come at once, and its
 * texts are fingerprinted while the form is still in the processor's cache, right after its other
 * rules), then `finish` for the copies across forms.
 */
export class CopyDetector {
  private readonly forms: FormAudit[] = [];
  private readonly goals = new Buckets();
  private readonly indicators = new Buckets();
  private readonly seen: number[] = [];
  private readonly seenAt: number[] = [];

  /** Adds a form; appends its within-form A9 findings (完成情况 = 目标, another year named) to `out`. */
  add(a: FormAudit, out: Finding[]): void {
    const at = this.forms.push(a) - 1;
    const { ev } = a;
    const expected = ev.goals.expected?.raw ?? '';
    const achieved = ev.goals.achieved?.raw ?? '';
    const fe = fingerprint(expected, MIN_GOAL);
    const fa = fingerprint(achieved, MIN_GOAL);
    const same = fe >= 0 && fe === fa && normalizeForCompare(expected) === normalizeForCompare(achieved);
    if (fe >= 0) this.goals.add(fe, at, EXPECTED);
    if (fa >= 0 && !same) this.goals.add(fa, at, ACHIEVED);
    if (same)
      out.push(
        finding(
          a,
          'A9.ACHIEVED_EQUALS_GOAL',
          '年度目标完成情况与年度目标文字相同，未写明实际完成了什么',
          { section: 'goals', field: 'goals.achieved', src: ev.goals.achieved?.src },
          { length: normalizeForCompare(expected).length },
        ),
      );
    // an indicator named twice in one form counts once (a form has a few dozen: a list beats a Map;
    // the detector's own two lists, emptied for each form, rather than two new ones per form)
    const { seen, seenAt } = this;
    seen.length = 0;
    seenAt.length = 0;
    for (let i = 0; i < ev.indicators.length; i++) {
      const name = ev.indicators[i]!.name.raw;
      const key = fingerprint(name, MIN_INDICATOR);
      if (key < 0) continue;
      let twice = false;
      for (let j = 0; j < seen.length && !twice; j++)
        twice = seen[j] === key && normalizeForCompare(ev.indicators[seenAt[j]!]!.name.raw) === normalizeForCompare(name);
      if (twice) continue;
      seen.push(key);
      seenAt.push(i);
      this.indicators.add(key, at, i);
    }
    otherYear(a, out);
  }

  /** The copies across the forms added: goals first, then indicators, each bucket in the order it was first seen. */
  finish(): Finding[] {
    const out: Finding[] = [];
    for (const list of this.goals.shared(this.forms)) for (const same of confirmed(list)) copies(same, 'A9.SAME_GOAL', out);
    for (const list of this.indicators.shared(this.forms)) for (const same of confirmed(list)) copies(same, 'A9.SAME_INDICATOR', out);
    return out;
  }
}

/** A9 on forms audited together: the within-form findings of each, then the copies across them. */
export function a9Copies(forms: readonly FormAudit[]): Finding[] {
  const detector = new CopyDetector();
  const out: Finding[] = [];
  for (const a of forms) detector.add(a, out);
  for (const f of detector.finish()) out.push(f);
  return out;
}

/** The occurrences of one fingerprint, split by their actual keys (a shared fingerprint is not proof). */
function confirmed(list: Occurrence[]): Occurrence[][] {
  // A copy is usually the very same text: equal strings have equal keys, no need to build them.
  if (list.every((o) => o.text === list[0]!.text)) return [list];
  const byKey = new Map<string, Occurrence[]>();
  for (const o of list) {
    const key = normalizeForCompare(o.text);
    const same = byKey.get(key);
    if (same) same.push(o);
    else byKey.set(key, [o]);
  }
  return [...byKey.values()];
}

function copies(list: Occurrence[], code: 'A9.SAME_GOAL' | 'A9.SAME_INDICATOR', out: Finding[]): void {
  const projects = new Set(list.map((o) => o.audit.index));
  if (projects.size < 2) return;
  // A template text shared by hundreds of forms must not make every finding list every other form:
  // name the first few projects and count the rest (linear, not quadratic, in the number of copies).
  const names = [...projects].slice(0, 4).map((idx) => [idx, `“${list.find((x) => x.audit.index === idx)!.audit.ev.project.name.raw}”`] as const);
  for (const o of list) {
    // up to three other projects by name, then how many in all: “甲”、“乙”、“丙”等7个项目
    let others = '';
    let shown = 0;
    for (const [idx, n] of names)
      if (idx !== o.audit.index && shown < 3) {
        others += shown++ === 0 ? n : `、${n}`;
      }
    if (projects.size - 1 > shown) others += `等${projects.size - 1}个项目`;
    const ev = o.audit.ev;
    const what =
      code === 'A9.SAME_GOAL'
        ? `${o.field === 'goals.expected' ? '年度目标' : '完成情况'}与${others}的文字相同`
        : `指标“${ev.indicators[o.indicator!]!.name.raw}”与${others}的指标文字相同`;
    const src =
      o.field === 'goals.expected' ? ev.goals.expected?.src : o.field === 'goals.achieved' ? ev.goals.achieved?.src : ev.indicators[o.indicator!]?.name.src;
    out.push(
      finding(
        o.audit,
        code,
        `${what}，是否从其他项目复制？`,
        { section: code === 'A9.SAME_GOAL' ? 'goals' : 'indicators', indicator: o.indicator, field: o.field, src },
        { copies: projects.size, others },
      ),
    );
  }
}

/** Another year named in this year's targets, actuals or goals: a sign of last year's form reused. */
function otherYear(a: FormAudit, out: Finding[]): void {
  const year = a.ev.year;
  if (year === null) return;
  const { indicators } = a.ev;
  for (let i = 0; i < indicators.length; i++) {
    otherYearInCell(a, year, indicators[i]!, i, 'target', out);
    otherYearInCell(a, year, indicators[i]!, i, 'actual', out);
  }
  for (const field of ['expected', 'achieved'] as const) {
    const t = a.ev.goals[field];
    const ys = t ? yearsNamed(t.raw, year) : NONE;
    if (ys.length)
      out.push(
        finding(
          a,
          'A9.OTHER_YEAR_TEXT',
          `${year}年度的${field === 'expected' ? '年度目标' : '完成情况'}提到 ${[...new Set(ys)].join('、')} 年，请确认不是沿用往年内容`,
          { section: 'goals', field: `goals.${field}`, src: t?.src },
          { year, named: [...new Set(ys)].join(',') },
        ),
      );
  }
}

function otherYearInCell(a: FormAudit, year: number, ind: Indicator, i: number, field: 'target' | 'actual', out: Finding[]): void {
  const text = ind[field].raw;
  const ys = yearsNamed(text, year);
  if (ys.length)
    out.push(
      finding(
        a,
        'A9.OTHER_YEAR',
        `${year}年度的“${ind.name.raw}”${field === 'target' ? '指标值' : '实际完成值'}写的是“${text.trim()}”（${ys.join('、')}年）`,
        { section: 'indicators', indicator: i, field, src: ind[field].src },
        { year, named: ys.join(',') },
      ),
    );
}

const NONE: readonly number[] = [];

/**
 * The years `20xx年` named in a text (digits half- or full-width, spaces allowed before 年), other
 * than `year`. Targets and actuals are mostly dates of the form's own year, so this looks back from
 * each 年 instead of running a regular expression over a half-width copy of every cell.
 */
export function yearsNamed(s: string, year: number): readonly number[] {
  let out: number[] | null = null;
  for (let p = s.indexOf('年'); p >= 0; p = s.indexOf('年', p + 1)) {
    let e = p;
    while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
    if (e < 4 || digitAt(s, e - 4) !== 2 || digitAt(s, e - 3) !== 0) continue;
    const d3 = digitAt(s, e - 2);
    const d4 = digitAt(s, e - 1);
    if (d3 < 0 || d4 < 0) continue;
    const y = 2000 + d3 * 10 + d4;
    if (y !== year) (out ??= []).push(y);
  }
  return out ?? NONE;
}

/** The digit at i (ASCII or full-width), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
