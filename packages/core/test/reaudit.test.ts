/**
 * reauditForms: re-auditing a department after some of its forms changed gives exactly what auditing
 * all of them again gives — scores, findings, their order — on the seed forms and on a synthetic
 * department, for edits that change a form's own findings and edits that make or break a copy (A9).
 */
import { describe, expect, it } from 'vitest';
import { auditForms, reauditForms, syntheticForms, type Evaluation } from '../src/index.ts';
import { goldenForms } from './golden.ts';

/** Findings and scores as plain data, the way the API sends them. */
const plain = (r: ReturnType<typeof auditForms>) => JSON.parse(JSON.stringify(r));

function expectSameAsFullAudit(before: readonly Evaluation[], after: Evaluation[]) {
  const changed = new Set(after.flatMap((ev, i) => (ev === before[i] ? [] : [i])));
  const audited = auditForms(before);
  const again = reauditForms(after, audited, changed);
  expect(plain(again)).toEqual(plain(auditForms(after)));
  return { again, before: audited };
}

const claimedScore = (ev: Evaluation, i: number, value: string): Evaluation => ({
  ...ev,
  indicators: ev.indicators.map((ind, j) => (j === i ? { ...ind, claimedScore: { ...ind.claimedScore, raw: value, value } } : ind)),
});
const achieved = (ev: Evaluation, raw: string): Evaluation => ({ ...ev, goals: { ...ev.goals, achieved: { raw } } });

describe('reauditForms', () => {
  const seeds = goldenForms().map((g) => g.evaluation);

  it('the seed forms, one score edited: the same result as a full audit, the edited form re-scored', () => {
    const at = 3;
    const edited = seeds.map((ev, i) => (i === at ? claimedScore(ev, 0, '0') : ev));
    const { again, before } = expectSameAsFullAudit(seeds, edited);
    // the other forms' scores are the very objects kept from before: they were not computed again
    expect(again.scores[0]).toBe(before.scores[0]);
    expect(again.scores[at]).not.toBe(before.scores[at]);
    expect(again.findings.some((f) => f.location.form?.index === at && f.code === 'A4.SCORE' && f.numbers.claimed === '0')).toBe(true);
  });

  it('a form that now copies another form’s 完成情况, and one whose copy is undone (A9 across forms)', () => {
    const forms = syntheticForms(200, 11, { mistakes: true });
    const copied = forms[5]!.goals.achieved!.raw;
    const originalA9 = auditForms(forms).findings.filter((f) => f.code === 'A9.SAME_GOAL');
    const copyOf = originalA9[0]?.location.form?.index;
    expect(copyOf).toBeTypeOf('number');
    const edited = forms.map((ev, i) => {
      if (i === 150) return achieved(ev, copied);
      if (i === copyOf) return achieved(ev, `${ev.project.name.raw}本年度按计划完成，详见附件第${i}号`);
      return ev;
    });
    const { again } = expectSameAsFullAudit(forms, edited);
    expect(again.findings.some((f) => f.code === 'A9.SAME_GOAL' && f.location.form?.index === 150)).toBe(true);
    expect(again.findings.filter((f) => f.code === 'A9.SAME_GOAL')).not.toEqual(originalA9);
  });

  it('nothing changed: the same result; every form changed: the same as a full audit', () => {
    const forms = syntheticForms(50, 3, { mistakes: true });
    expectSameAsFullAudit(forms, [...forms]);
    expectSameAsFullAudit(
      forms,
      forms.map((ev) => claimedScore(ev, 1, '1')),
    );
  });

  it('refuses an audit of a different number of forms', () => {
    const forms = syntheticForms(5, 1);
    expect(() => reauditForms(forms, auditForms(forms.slice(1)), new Set())).toThrow(RangeError);
  });
});
