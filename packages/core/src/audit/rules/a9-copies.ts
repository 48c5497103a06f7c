/**
 * A9: copy detection across the forms of a department, in linear time: every goal, achievement and
 * indicator text is normalised (no spaces, no punctuation, half-width) and bucketed by that key, so
 * 1,000 forms are never compared pair by pair. Also within a form: 完成情况 identical to 目标, and a
 * year other than the form's named in its targets, actuals or goals.
 */
import { toHalfWidth } from '../../values/normalize.ts';
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

/** Texts shorter than this (after normalising) are too generic to call a copy: `群众满意度`, `及时`. */
const MIN_GOAL = 8;
const MIN_INDICATOR = 10;

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

interface Occurrence {
  audit: FormAudit;
  field: string;
  indicator?: number;
}

export function a9Copies(forms: FormAudit[]): Finding[] {
  const out: Finding[] = [];
  const goals = new Map<string, Occurrence[]>();
  const indicators = new Map<string, Occurrence[]>();
  const add = (m: Map<string, Occurrence[]>, key: string, o: Occurrence) => {
    const list = m.get(key);
    if (list) list.push(o);
    else m.set(key, [o]);
  };
  for (const a of forms) {
    const { ev } = a;
    const expected = normalizeForCompare(ev.goals.expected?.raw ?? '');
    const achieved = normalizeForCompare(ev.goals.achieved?.raw ?? '');
    if (expected.length >= MIN_GOAL) add(goals, expected, { audit: a, field: 'goals.expected' });
    if (achieved.length >= MIN_GOAL && achieved !== expected) add(goals, achieved, { audit: a, field: 'goals.achieved' });
    if (expected.length >= MIN_GOAL && expected === achieved)
      out.push(finding(a, 'A9.ACHIEVED_EQUALS_GOAL', '年度目标完成情况与年度目标文字相同，未写明实际完成了什么', { section: 'goals', field: 'goals.achieved', ...(ev.goals.achieved?.src && { src: ev.goals.achieved.src }) }, { length: expected.length }));
    const seen = new Set<string>();
    ev.indicators.forEach((ind, i) => {
      const key = normalizeForCompare(ind.name.raw);
      if (key.length < MIN_INDICATOR || seen.has(key)) return;
      seen.add(key);
      add(indicators, key, { audit: a, field: 'name', indicator: i });
    });
    out.push(...otherYear(a));
  }
  for (const list of goals.values()) out.push(...copies(list, 'A9.SAME_GOAL'));
  for (const list of indicators.values()) out.push(...copies(list, 'A9.SAME_INDICATOR'));
  return out;
}

function copies(list: Occurrence[], code: 'A9.SAME_GOAL' | 'A9.SAME_INDICATOR'): Finding[] {
  const projects = new Set(list.map((o) => o.audit.index));
  if (projects.size < 2) return [];
  // A template text shared by hundreds of forms must not make every finding list every other form:
  // name the first few projects and count the rest (linear, not quadratic, in the number of copies).
  const names = [...new Set(list.map((x) => x.audit.index))].slice(0, 4).map((idx) => [idx, `“${list.find((x) => x.audit.index === idx)!.audit.ev.project.name.raw}”`] as const);
  return list.map((o) => {
    const shown = names.filter(([idx]) => idx !== o.audit.index).slice(0, 3).map(([, n]) => n);
    const rest = projects.size - 1 - shown.length;
    const others = rest > 0 ? [...shown.slice(0, -1), `${shown[shown.length - 1]}等${projects.size - 1}个项目`] : shown;
    const ev = o.audit.ev;
    const what =
      code === 'A9.SAME_GOAL'
        ? `${o.field === 'goals.expected' ? '年度目标' : '完成情况'}与${others.join('、')}的文字相同`
        : `指标“${ev.indicators[o.indicator!]!.name.raw}”与${others.join('、')}的指标文字相同`;
    const src = o.field === 'goals.expected' ? ev.goals.expected?.src : o.field === 'goals.achieved' ? ev.goals.achieved?.src : ev.indicators[o.indicator!]?.name.src;
    return finding(
      o.audit,
      code,
      `${what}，是否从其他项目复制？`,
      { section: code === 'A9.SAME_GOAL' ? 'goals' : 'indicators', field: o.field, ...(o.indicator !== undefined && { indicator: o.indicator }), ...(src && { src }) },
      { copies: projects.size, others: others.join('、') },
    );
  });
}

/** Another year named in this year's targets, actuals or goals: a sign of last year's form reused. */
function otherYear(a: FormAudit): Finding[] {
  const year = a.ev.year;
  if (year === null) return [];
  const out: Finding[] = [];
  const years = (s: string) => (s.includes('年') ? [...toHalfWidth(s).matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1])).filter((y) => y !== year) : []);
  a.ev.indicators.forEach((ind, i) => {
    for (const [field, text] of [['target', ind.target.raw], ['actual', ind.actual.raw]] as const) {
      const ys = years(text);
      if (ys.length)
        out.push(finding(a, 'A9.OTHER_YEAR', `${year}年度的“${ind.name.raw}”${field === 'target' ? '指标值' : '实际完成值'}写的是“${text.trim()}”（${ys.join('、')}年）`, { section: 'indicators', indicator: i, field, ...(ind[field].src && { src: ind[field].src }) }, { year, named: ys.join(',') }));
    }
  });
  for (const field of ['expected', 'achieved'] as const) {
    const t = a.ev.goals[field];
    const ys = t ? years(t.raw) : [];
    if (ys.length)
      out.push(finding(a, 'A9.OTHER_YEAR_TEXT', `${year}年度的${field === 'expected' ? '年度目标' : '完成情况'}提到 ${[...new Set(ys)].join('、')} 年，请确认不是沿用往年内容`, { section: 'goals', field: `goals.${field}`, ...(t?.src && { src: t.src }) }, { year, named: [...new Set(ys)].join(',') }));
  }
  return out;
}
