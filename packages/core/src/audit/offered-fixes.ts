/**
 * A suggested fix is offered only when it makes the form better by the audit's own measure (issue 23):
 * fewer errors, or as many errors and fewer warnings, or as many of both and fewer notes. Each rule
 * offers only fixes it is certain of; this check catches what one rule cannot see — a fix that clears
 * its own finding but raises another rule's (a 结余 corrected on the total line that no longer equals
 * its source lines). Since every fix kept lowers the measure, applying the offered fixes one after
 * another, in any order, ends: with none left to offer (packages/core/test/fixes-converge.test.ts).
 */
import { applyEdit, fixAction } from '../edit/edit-evaluation.ts';
import { formAudit, type FormAudit } from './context.ts';
import type { Finding } from './finding.ts';

type Measure = [errors: number, warnings: number, notes: number];

function measure(findings: readonly Finding[], from: number): Measure {
  const m: Measure = [0, 0, 0];
  for (let k = from; k < findings.length; k++) {
    const s = findings[k]!.severity;
    m[s === 'error' ? 0 : s === 'warning' ? 1 : 2] += 1;
  }
  return m;
}

function better(after: Measure, before: Measure): boolean {
  for (let k = 0; k < 3; k++) if (after[k] !== before[k]) return after[k]! < before[k]!;
  return false;
}

/**
 * The fixes that write only their own cell and those they keep in step, shown better by construction:
 * an A4 fix removes its error and adds none (a computed score is within 0–分值, and the 总分 and 等级
 * follow it), an A5.GRADE fix writes the grade of the 总分 as written, an A3.RATE fix the rate that the
 * scoring computes anyway. They are not tried here — a province department has ≈ 4 of them a form, and
 * trying each cost 4× the audit — but the property test tries every one it is offered.
 */
const BETTER_BY_CONSTRUCTION = new Set(['A4.SCORE', 'A4.BUDGET_SCORE', 'A5.GRADE', 'A3.RATE']);

/**
 * Drops from the findings `out[from…]` of the form `a` (made by `rules`) each fix that would not make the
 * form better. Most forms offer no fix and cost nothing here; a fix costs one scoring and audit of the
 * form as fixed.
 */
export function keepImprovingFixes(a: FormAudit, out: Finding[], from: number, rules: (a: FormAudit, out: Finding[]) => void): void {
  let before: Measure | null = null;
  for (let k = from; k < out.length; k++) {
    const f = out[k]!;
    if (!f.fix || BETTER_BY_CONSTRUCTION.has(f.code)) continue;
    before ??= measure(out, from);
    let after: Finding[] | null = [];
    try {
      rules(formAudit(applyEdit(a.ev, fixAction(f.fix)), a.index, a.scheme), after);
    } catch {
      after = null; // a path the form does not have: no fix to offer
    }
    if (after === null || !better(measure(after, 0), before)) {
      const { fix: _, ...without } = f;
      out[k] = without;
    }
  }
}
