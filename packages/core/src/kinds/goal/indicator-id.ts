/**
 * Stable ids for indicators that arrive without one (an imported file, a 自评表's targets): made from
 * what the indicator is — its 一级, canonical 二级 and 三级 name — never from its row, so moving a row
 * keeps its id and the findings, history and carry-over that refer to it. Two rows with the same
 * names get `-2`, `-3` in order.
 */
import { canonicalLevel2 } from '../../model/categories.ts';
import { squash } from '../../values/normalize.ts';

/** 32-bit FNV-1a of a string, as 8 hex digits: short, stable across runs and platforms. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function indicatorIds(rows: ReadonlyArray<{ level1: string; level2: string; name: string }>): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `g-${fnv1a(`${r.level1}|${canonicalLevel2(r.level2)}|${squash(r.name)}`)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
