/**
 * Suggested fixes converge (issue 23 item 4, RULES A3–A5): a fix is offered only when it is certain and
 * makes the form better by the audit's own measure — fewer or less severe findings, compared errors
 * first — and applying the offered fixes in any order ends, with none left to offer. Property-tested on
 * the four departments' seed forms and on synthetic forms with the seeds' mistakes and random breakage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, auditForm, fixAction, getScheme, rng, syntheticForm, type EditAction, type Evaluation, type Finding } from '../src/index.ts';
import { goldenForm, goldenForms } from './golden.ts';

/** The audit's own measure of a form: its errors, warnings and notes, compared in that order. */
function measure(findings: readonly Finding[]): [number, number, number] {
  const m: [number, number, number] = [0, 0, 0];
  for (const f of findings) m[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2] += 1;
  return m;
}
function better(after: [number, number, number], before: [number, number, number]): boolean {
  for (let k = 0; k < 3; k++) if (after[k] !== before[k]) return after[k]! < before[k]!;
  return false;
}

const audit = (ev: Evaluation) => auditForm(ev, getScheme(ev.schemeId)).findings;
const fixesOf = (findings: readonly Finding[]) => findings.filter((f) => f.fix);

/** Every fix offered on `ev` must make it better; names the first that does not. */
function worseningFix(ev: Evaluation): string | null {
  const before = audit(ev);
  for (const f of fixesOf(before)) {
    const after = audit(applyEdit(ev, fixAction(f.fix!)));
    if (!better(measure(after), measure(before)))
      return `${f.code} “${f.fix!.label}” ${measure(before).join('/')} → ${measure(after).join('/')}: ${after.map((g) => g.code).join(' ')}`;
  }
  return null;
}

/** Applies offered fixes, the one at `pick` among them each time, until none is offered; the steps taken. */
function fixAll(ev: Evaluation, pick: (n: number) => number, limit = 40): { ev: Evaluation; steps: number } {
  let form = ev;
  for (let steps = 0; steps <= limit; steps++) {
    const offered = fixesOf(audit(form));
    if (offered.length === 0) return { ev: form, steps };
    form = applyEdit(form, fixAction(offered[pick(offered.length)]!.fix!));
  }
  throw new Error(`no fixed point after ${limit} fixes`);
}

const SEEDS = goldenForms();

/** Breakage a person makes in the cells the fixes touch: a total, a grade, a score, a budget figure. */
const CELLS = [
  'claimed.total',
  'claimed.grade',
  'claimed.points',
  'budget.lines[0].score',
  'budget.lines[0].rate',
  'budget.lines[0].balance',
  'budget.lines[0].adjusted',
  'budget.lines[0].executed',
  'budget.lines[1].executed',
  'indicators[0].claimedScore',
  'indicators[1].claimedScore',
  'indicators[2].claimedScore',
  'indicators[0].actual',
];
const VALUES = ['', '分', '0', '5', '10', '88', '98', '100', '12.5', '95%', '≥90%', '优', '良', '-3', '1000'];
const breakage = fc.array(fc.record({ cell: fc.constantFrom(...CELLS), raw: fc.constantFrom(...VALUES) }), { maxLength: 3 });

function broken(ev: Evaluation, edits: ReadonlyArray<{ cell: string; raw: string }>): Evaluation {
  let out = ev;
  for (const e of edits) {
    const action: EditAction = { type: 'set', path: e.cell, raw: e.raw };
    try {
      out = applyEdit(out, action);
    } catch {
      // a line or row the form does not have
    }
  }
  return out;
}

describe('suggested fixes converge (RULES A3, A4, A5)', () => {
  it('the Xinjiang 访惠聚 form: the budget 得分 cell holding just “分” is marked, and the fixes no longer undo each other', () => {
    const ev = goldenForm('xinjiang-changji-zhengfawei-2021.form-02');
    const findings = audit(ev);
    const cause = findings.find((f) => f.code === 'A4.BUDGET_SCORE');
    expect(cause?.location.field).toMatch(/^budget\.lines\[\d+\]\.score$/);
    expect(cause?.message).toContain('预算执行率得分未填');
    expect(cause?.fix?.value).toBe('10.00');
    // the total's two findings offer no fix that the other would undo
    const totals = findings.filter((f) => f.location.field === 'claimed.total' && f.fix);
    expect(new Set(totals.map((f) => f.fix!.value)).size).toBeLessThanOrEqual(1);
    expect(worseningFix(ev)).toBeNull();
    const end = fixAll(ev, () => 0);
    expect(Number(end.ev.claimed.total?.value)).toBe(98);
    expect(audit(end.ev).filter((f) => f.rule === 'A4' || f.rule === 'A5')).toEqual([]);
  });

  it('a fix never invents data: no fix writes a measured value (an 实际完成值)', () => {
    for (const { id, evaluation } of SEEDS) for (const f of fixesOf(audit(evaluation))) expect(f.fix!.field, `${id} ${f.code}`).not.toMatch(/\.actual$/);
  });

  it('on every seed form each offered fix makes the form better, and all of them in any order reach a fixed point', () => {
    for (const { id, evaluation } of SEEDS) expect(worseningFix(evaluation), id).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.infiniteStream(fc.nat()), ({ evaluation }, picks) => {
        const it = picks[Symbol.iterator]();
        const end = fixAll(evaluation, (n) => it.next().value! % n);
        expect(fixesOf(audit(end.ev))).toEqual([]);
      }),
      { numRuns: 60, seed: 23 },
    );
  });

  it('on seed and synthetic forms broken at random, each offered fix makes the form better and the fixes reach a fixed point', () => {
    const base = fc.oneof(
      fc.constantFrom(...SEEDS.map((s) => s.evaluation)),
      fc.nat(10_000).map((n) => syntheticForm(rng(n), n, { mistakes: true })),
    );
    fc.assert(
      fc.property(base, breakage, fc.infiniteStream(fc.nat()), (ev, edits, picks) => {
        const form = broken(ev, edits);
        expect(worseningFix(form)).toBeNull();
        // never invents data: no fix writes a measured value
        expect(fixesOf(audit(form)).filter((f) => /\.actual$/.test(f.fix!.field) || f.fix!.also?.some((c) => /\.actual$/.test(c.field)))).toEqual([]);
        const it = picks[Symbol.iterator]();
        const end = fixAll(form, (n) => it.next().value! % n);
        expect(fixesOf(audit(end.ev))).toEqual([]);
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
