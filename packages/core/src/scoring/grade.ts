/** R1: the grade of a total, by the scheme's thresholds. */
import type { Scheme } from '../scheme/scheme.ts';
import { Dec } from '../values/decimal.ts';

/** `total` in 分. */
export function gradeOf(total: string, scheme: Scheme): string {
  const t = new Dec(total);
  for (const g of scheme.grades) if (t.greaterThanOrEqualTo(g.min)) return g.grade;
  return scheme.grades[scheme.grades.length - 1]!.grade;
}
