/** Edits of a form as the web editor makes them, on the real seed forms: typing, fixes, rows, replay after a conflict. */
import { describe, expect, it } from 'vitest';
import { applyEdit, auditForm, Evaluation, fixAction, getScheme, parsePath, replayEdits, scoreEvaluation, type EditAction } from '../src/index.ts';
import { goldenForm } from './golden.ts';

const jianyi = () => goldenForm('hebei-dachang-zhengfawei-2023.form-03'); // 见义勇为基金
const hebei = getScheme('hebei');

describe('applyEdit', () => {
  it('parses paths with indices', () => {
    expect(parsePath('budget.lines[0].rate')).toEqual(['budget', 'lines', 0, 'rate']);
    expect(() => parsePath('indicators[x]')).toThrow(/无法修改/);
  });

  it('typing an actual changes the score, the total and the grade, and leaves the original untouched', () => {
    const ev = jianyi();
    const before = scoreEvaluation(ev, hebei);
    const i = ev.indicators.findIndex((x) => /\d/.test(x.target.raw) && !x.target.raw.includes('满意'));
    const edited = applyEdit(ev, { type: 'set', path: `indicators[${i}].actual`, raw: '0' });
    const after = scoreEvaluation(edited, hebei);
    expect(after.indicators[i]!.score).toBe('0.00');
    expect(Number(after.total)).toBeLessThan(Number(before.total));
    expect(ev.indicators[i]!.actual.raw).not.toBe('0'); // copy on write
    expect(edited.indicators[i]!.actual.src).toEqual(ev.indicators[i]!.actual.src); // provenance kept
    expect(edited.indicators[i === 0 ? 1 : 0]).toBe(ev.indicators[i === 0 ? 1 : 0]); // untouched rows shared
  });

  it('number cells are parsed as the form writes them (分, %, 万元)', () => {
    const ev = applyEdit(jianyi(), { type: 'set', path: 'indicators[0].points', raw: '１２分' });
    expect(ev.indicators[0]!.points).toMatchObject({ raw: '１２分', value: '12' });
    const r = applyEdit(ev, { type: 'set', path: 'budget.lines[0].rate', raw: '95.64%' });
    expect(r.budget.lines[0]!.rate).toMatchObject({ raw: '95.64%', value: '95.64' });
    const bad = applyEdit(ev, { type: 'set', path: 'claimed.total', raw: '约七十' });
    expect(bad.claimed.total).toMatchObject({ raw: '约七十', value: null });
    expect(Evaluation.safeParse(bad).success).toBe(true);
  });

  it('见义勇为基金: the 总分 gets no fix while claimed scores break the rules; their fixes bring it to 74.26 (RULES A4, A5)', () => {
    let ev = jianyi();
    const a5 = auditForm(ev, hebei).findings.find((f) => f.code === 'A5.RULE_TOTAL');
    expect(a5?.fix).toBeUndefined(); // the cause is in the rows (A4), not in the 总分
    for (let f = auditForm(ev, hebei).findings.find((x) => x.fix); f; f = auditForm(ev, hebei).findings.find((x) => x.fix))
      ev = applyEdit(ev, fixAction(f.fix!));
    expect(ev.claimed.total?.value).toBe('74.26');
    expect(auditForm(ev, hebei).findings.filter((f) => f.rule === 'A4' || f.rule === 'A5')).toEqual([]);
  });

  it('every fix the audit suggests on the seed forms applies and removes its own finding', () => {
    for (const id of [
      'hebei-dachang-zhengfawei-2023.form-03',
      'hebei-dachang-zhengfawei-2023.form-07',
      'shanxi-yunzhou-zhengfawei-2022.form-01',
      'ningxia-yanchi-xianweiban-2022.form-02',
    ]) {
      const ev = goldenForm(id);
      const scheme = getScheme(ev.schemeId);
      for (const f of auditForm(ev, scheme).findings.filter((x) => x.fix)) {
        const after = auditForm(applyEdit(ev, fixAction(f.fix!)), scheme).findings;
        expect(
          after.some((g) => g.code === f.code && g.location.indicator === f.location.indicator && g.location.field === f.location.field),
          `${id} ${f.code} ${f.fix!.field}`,
        ).toBe(false);
      }
    }
  });

  it('adds, moves within the group and removes indicators', () => {
    const ev = jianyi();
    const n = ev.indicators.length;
    const added = applyEdit(ev, { type: 'add-indicator', level1: '产出指标', level2: '数量指标' });
    expect(added.indicators).toHaveLength(n + 1);
    const at = added.indicators.findLastIndex((x) => x.level1 === '产出指标');
    expect(added.indicators[at]!.name.raw).toBe('');
    expect(added.indicators[at + 1]?.level1).not.toBe('产出指标');
    // a new row scores nothing and A1 notes the points no longer add up once it has points
    const withPoints = applyEdit(added, { type: 'set', path: `indicators[${at}].points`, raw: '5' });
    expect(auditForm(withPoints, hebei).findings.some((f) => f.rule === 'A1')).toBe(true);

    const moved = applyEdit(ev, { type: 'move-indicator', index: 1, delta: -1 });
    expect(moved.indicators[0]).toBe(ev.indicators[1]);
    const firstOfNext = ev.indicators.findIndex((x) => x.level1 !== ev.indicators[0]!.level1);
    expect(applyEdit(ev, { type: 'move-indicator', index: firstOfNext, delta: -1 })).toBe(ev); // not across groups

    const removed = applyEdit(ev, { type: 'remove-indicator', index: 0 });
    expect(removed.indicators).toHaveLength(n - 1);
    expect(() => applyEdit(ev, { type: 'remove-indicator', index: 99 })).toThrow(/没有第 100 个指标/);
  });

  it('replays a user’s edits on a newer version after a conflict, skipping those that no longer fit', () => {
    const base = jianyi();
    const mine: EditAction[] = [
      { type: 'set', path: 'indicators[0].deviation', raw: '因疫情延期，已于次年补齐' },
      { type: 'set', path: `indicators[${base.indicators.length - 1}].actual`, raw: '90%' },
    ];
    const theirs = applyEdit(base, { type: 'remove-indicator', index: base.indicators.length - 1 });
    const { evaluation, applied, skipped } = replayEdits(theirs, mine);
    expect(applied).toBe(1);
    expect(skipped).toEqual([mine[1]]);
    expect(evaluation.indicators[0]!.deviation?.raw).toBe('因疫情延期，已于次年补齐');
  });
});
