/**
 * A form reduced to what its text says, for comparing a form with the same form read back from an
 * exported file: provenance and source dropped, a number compared by its value (an export prints
 * `7` as `7.00`), text by its cleaned text, an empty field the same as an absent one.
 */
import { cleanCell, printedTitle, scoreEvaluation, getScheme, trim, type Evaluation, type NumberField } from '@jixiao/core';

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

function reduce(x: unknown): Json | undefined {
  if (Array.isArray(x)) return x.map((v) => reduce(v) ?? '');
  if (x === null || typeof x !== 'object') return x as Json;
  const o = x as Record<string, unknown>;
  if (typeof o.raw === 'string' && !('kind' in o)) {
    if ('value' in o) return o.value !== null ? trim(o.value as string) : cleanCell(o.raw) || undefined;
    const raw = cleanCell(o.raw);
    if (o.parts) return { raw, parts: reduce(o.parts) ?? null };
    return raw === '' ? undefined : raw;
  }
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'src' || k === 'source') continue;
    const r = reduce(v);
    if (r !== undefined && !(Array.isArray(r) && r.length === 0)) out[k] = r;
  }
  return out;
}

const filled = (f: NumberField | undefined, computed: string | null): NumberField | undefined =>
  (!f || f.raw.trim() === '') && computed !== null ? { raw: computed, value: computed } : f;

/**
 * What an export prints for a form under the default policy: the claimed scores, and the computed
 * ones where the form left them blank (see form-context.ts); its title composed (printedTitle).
 */
export function asExported(ev: Evaluation, opts: { grade: boolean }): Evaluation {
  const s = scoreEvaluation(ev, getScheme(ev.schemeId));
  const copy: Evaluation = structuredClone(ev);
  copy.indicators.forEach((ind, i) => {
    ind.claimedScore = filled(ind.claimedScore, s.indicators[i]!.score)!;
  });
  const total = copy.budget.lines.find((l) => l.kind === 'total');
  if (total) {
    if ('rate' in total || s.budget.rate !== null) total.rate = filled(total.rate, s.budget.rate === null ? null : s.budget.ratePercent);
    if ('score' in total) total.score = filled(total.score, s.budget.score);
  }
  copy.claimed.total = filled(copy.claimed.total, s.total);
  copy.claimed.points = filled(copy.claimed.points, s.points);
  if (opts.grade && !copy.claimed.grade?.raw.trim()) copy.claimed.grade = { raw: s.grade };
  delete copy.project.fundType; // 资金类型 is a column of the 汇总表, not of the form
  if (copy.title) copy.title = { ...copy.title, raw: printedTitle(copy.title.raw) }; // a doubled word printed once
  return copy;
}

export function comparable(ev: Evaluation): Json {
  const copy = structuredClone(ev);
  delete copy.project.fundType;
  return reduce(copy) ?? null;
}
