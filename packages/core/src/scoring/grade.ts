/** R1: the grade of a total, by the scheme's thresholds. */
import type { Scheme } from '../scheme/scheme.ts';
import { cmp } from '../values/exact.ts';

/** `total` in 分. */
export function gradeOf(total: string, scheme: Scheme): string {
  for (const g of scheme.grades) if (cmp(total, g.min) >= 0) return g.grade;
  return scheme.grades[scheme.grades.length - 1]!.grade;
}
