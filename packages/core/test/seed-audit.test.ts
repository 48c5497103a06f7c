/**
 * The audit rules A1–A12 find the real mistakes of the seed forms, each shown with its numbers;
 * a corrected form yields no error and no warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditForm,
  auditForms,
  canSubmit,
  checkDepartmentText,
  checkSummaryTable,
  DepartmentText,
  getScheme,
  normalizeForCompare,
  summarizeDepartment,
  SummaryTable,
  type Evaluation,
  type Finding,
} from '../src/index.ts';
import { GOLDEN_DIR, goldenForm, goldenForms } from './golden.ts';
import { fingerprint } from '../src/audit/rules/a9-key.ts';

const hebeiIds = Array.from({ length: 11 }, (_, i) => `hebei-dachang-zhengfawei-2023.form-${String(i + 1).padStart(2, '0')}`);
const hebei = hebeiIds.map(goldenForm);
const hebeiAudit = auditForms(hebei);
const of = (form: number, code?: string) => hebeiAudit.findings.filter((f) => f.location.form?.index === form && (!code || f.code === code));
const brief = (f: Finding) => ({ code: f.code, severity: f.severity, numbers: f.numbers });
const readGolden = (n: string) => JSON.parse(readFileSync(join(GOLDEN_DIR, n), 'utf8'));
const hebeiSummary = SummaryTable.parse(readGolden('hebei-dachang-zhengfawei-2023.summary-1.json'));

describe('Hebei 见义勇为基金: summary 65, form 70, rules 74.26', () => {
  it('names the rows whose claimed score breaks the rules, with both numbers and the rule', () => {
    expect(of(2, 'A4.SCORE').map((f) => [f.location.indicator, f.numbers.claimed, f.numbers.computed, f.numbers.rule])).toEqual([
      [0, '5', '4.00', 'R4.positive'], // ≥5人次 achieved 1: 1 ÷ 5 × 20
      [3, '5', '10.00', 'R4.reverse'], // ≤100% achieved 50%: met
      [6, '5', '5.26', 'R4.positive'], // 执行率 50% against ≥95%: 50 ÷ 95 × 10
    ]);
    // the written 总分 70 was the sum of the claims: the fix keeps it so (issue 23), not trading A4 for A5
    expect(of(2, 'A4.SCORE')[0]!.fix).toEqual({
      field: 'indicators[0].claimedScore',
      value: '4.00',
      label: '采用计算得分 4.00 分（总分随之改为 69 分）',
      also: [{ field: 'claimed.total', value: '69' }],
    });
    expect(of(2, 'A4.SCORE')[0]!.location.src).toEqual({ file: 'hebei-dachang-zhengfawei-2023.txt', line: 1118 });
  });

  it('the form’s 70 equals its rows (no A5.TOTAL_SUM) but the rules give 74.26', () => {
    expect(of(2, 'A5.TOTAL_SUM')).toEqual([]);
    expect(brief(of(2, 'A5.RULE_TOTAL')[0]!)).toEqual({
      code: 'A5.RULE_TOTAL',
      severity: 'warning',
      numbers: { claimed: '70', computed: '74.26', grade: '中' },
    });
  });

  it('the 汇总表 says 65', () => {
    const summary = summarizeDepartment(hebei, hebeiAudit.scores, getScheme('hebei'));
    const f = checkSummaryTable(hebeiSummary, hebei, summary, getScheme('hebei')).filter((x) => x.location.form?.index === 2);
    expect(f.map(brief)).toEqual([{ code: 'A5.SUMMARY_SCORE', severity: 'error', numbers: { summary: '65', form: '70', computed: '74.26' } }]);
  });

  it('spending half the money while claiming most indicators met is flagged (A11)', () => {
    expect(of(2, 'A11.COMPLETION_VS_EXECUTION')[0]!.numbers).toEqual({ completion: '0.722222', rate: '50.00' });
  });
});

describe('Hebei 特困干警补贴: total 70 over rows of 0', () => {
  it('A5: the written total is not the sum of the rows', () => {
    expect(brief(of(4, 'A5.TOTAL_SUM')[0]!)).toEqual({ code: 'A5.TOTAL_SUM', severity: 'error', numbers: { claimed: '70', sum: '0' } });
  });
  it('A8: a `≤` target on a 数量 indicator', () => {
    expect(brief(of(4, 'A8.DIRECTION')[0]!)).toEqual({ code: 'A8.DIRECTION', severity: 'warning', numbers: { category: '数量指标', target: '≤2人' } });
  });
  it('A11: nothing spent', () => {
    expect(of(4, 'A11.UNSPENT')[0]!.numbers).toMatchObject({ budget: '3.5', executed: '0', unspentShare: '1' });
  });
});

describe('Hebei forms whose 产出 rows add to 40 under a heading of 50, claiming 100', () => {
  it('forms 6–11: A1 on the group and on the total, A5 on the claimed 100', () => {
    for (const i of [5, 6, 7, 8, 9, 10]) {
      expect(of(i, 'A1.GROUP_POINTS').map((f) => f.numbers)).toEqual([{ level1: '产出指标', declared: '50', points: '40' }]);
      expect(of(i, 'A1.TOTAL_POINTS').map((f) => f.numbers)).toEqual([{ points: '90', expected: '100' }]);
      expect(of(i, 'A5.TOTAL_SUM').map((f) => f.numbers)).toEqual([{ claimed: '100', sum: '90' }]);
    }
  });
});

describe('copied goal texts (A9)', () => {
  it('军队退役人员 and 严重精神障碍: the same 年度目标 in two projects', () => {
    const same = hebeiAudit.findings.filter((f) => f.code === 'A9.SAME_GOAL');
    expect(same.map((f) => [f.location.form!.project, f.numbers.others])).toEqual([
      ['军队退役人员辅助性岗位资金', '“严重精神障碍患者监护人责任险”'],
      ['严重精神障碍患者监护人责任险', '“军队退役人员辅助性岗位资金”'],
    ]);
  });
  it('完成情况 copied from 目标 within a form', () => {
    expect(hebeiAudit.findings.filter((f) => f.code === 'A9.ACHIEVED_EQUALS_GOAL').map((f) => f.location.form!.index)).toEqual([0, 1, 2, 5, 6, 7, 8]);
  });
  it('Ningxia: the same indicator text in two projects; last year named in this year’s form', () => {
    const nx = auditForms([1, 2, 3].map((n) => goldenForm(`ningxia-yanchi-xianweiban-2022.form-0${n}`)));
    expect(nx.findings.filter((f) => f.code === 'A9.SAME_INDICATOR').map((f) => f.location.form!.index)).toEqual([0, 2]);
    expect(nx.findings.filter((f) => f.code === 'A9.OTHER_YEAR').map((f) => [f.location.form!.index, f.numbers.named])).toEqual([
      [1, '2021'],
      [1, '2021'],
    ]);
  });
});

describe('Ningxia: 一级 groups that do not add up to their headings', () => {
  const group = (n: number) =>
    auditForm(goldenForm(`ningxia-yanchi-xianweiban-2022.form-0${n}`))
      .findings.filter((f) => f.code === 'A1.GROUP_POINTS')
      .map((f) => f.numbers);
  it('form 1 adds up', () => expect(group(1)).toEqual([]));
  it('form 2: 产出 60 under 40, 效益 20 under 40', () =>
    expect(group(2)).toEqual([
      { level1: '产出指标', declared: '40', points: '60' },
      { level1: '效益指标', declared: '40', points: '20' },
    ]));
  it('form 3: 产出 59.8 under 40, 效益 20 under 40, and the 100 written on the total row', () => {
    expect(group(3)).toEqual([
      { level1: '产出指标', declared: '40', points: '59.8' },
      { level1: '效益指标', declared: '40', points: '20' },
    ]);
    const f = auditForm(goldenForm('ningxia-yanchi-xianweiban-2022.form-03')).findings;
    expect(f.find((x) => x.code === 'A1.WRITTEN_POINTS')!.numbers).toEqual({ written: '100', points: '99.8' });
    expect(f.find((x) => x.code === 'A3.RATE')!.numbers).toEqual({ claimed: '77', computed: '77.30', budget: '28.272', executed: '21.855' });
  });
});

describe('Yunzhou: met percentage targets scored at actual% × points', () => {
  it('finds each such row, with the full marks the rule gives', () => {
    const rows = (n: number) =>
      auditForm(goldenForm(`shanxi-yunzhou-zhengfawei-2022.form-0${n}`))
        .findings.filter((f) => f.code === 'A4.SCORE')
        .map((f) => [f.numbers.claimed, f.numbers.computed, f.numbers.points]);
    expect(rows(1)).toEqual([
      ['9.5', '10.00', '10'], // ≤750万元 met by 500万元
      ['12', '11.99', '15'], // 部分达成 tops out below 80%
      ['9.5', '10.00', '10'], // ≥90% met by 95%
    ]);
    expect(rows(2)).toEqual([['9.8', '10.00', '10']]);
    expect(rows(3)).toEqual([
      ['29.4', '30.00', '30'],
      ['9.8', '10.00', '10'],
    ]);
  });
  it('the disclosure’s 综述 quotes a budget other than the form’s', () => {
    const forms = [1, 2, 3].map((n) => goldenForm(`shanxi-yunzhou-zhengfawei-2022.form-0${n}`));
    const { scores } = auditForms(forms);
    const summary = summarizeDepartment(forms, scores, getScheme('national'));
    const text = DepartmentText.parse(readGolden('shanxi-yunzhou-zhengfawei-2022.text-1.json'));
    const f = checkDepartmentText(text, forms, scores, summary, getScheme('national'));
    expect(f.map((x) => [x.code, x.severity, x.location.form?.project ?? null, x.numbers])).toEqual([
      ['A10.REPORT_INCOMPLETE', 'info', null, { written: '24', forms: 3 }],
      ['A10.REPORT_FIGURE', 'error', '“雪亮工程”建设项目', { written: '749.41', expected: '500' }],
    ]);
  });
});

/** Yunzhou form 3 with its mistakes corrected: measured actuals, scores by the rules. */
function corrected(): Evaluation {
  const ev = structuredClone(goldenForm('shanxi-yunzhou-zhengfawei-2022.form-03'));
  for (const ind of ev.indicators) ind.actual.raw = ind.actual.raw.replace(/^[≥≤]/, '');
  const s = auditForm(ev).score;
  ev.indicators.forEach((ind, i) => (ind.claimedScore = { raw: s.indicators[i]!.score!, value: s.indicators[i]!.score! }));
  ev.claimed.total = { raw: s.total, value: s.total };
  ev.goals.achieved = { raw: '已为206名网格员投保意外伤害保险，保费按时足额缴纳。' };
  return ev;
}

describe('a form with no mistakes', () => {
  it('yields no error and no warning, and may be submitted', () => {
    const { findings } = auditForm(corrected());
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(canSubmit(findings)).toBe(true);
  });
  it('every seed form with its mistakes may not', () => {
    for (const { id, evaluation } of goldenForms()) {
      const f = auditForm(evaluation).findings;
      if (f.some((x) => x.severity === 'error')) expect(canSubmit(f), id).toBe(false);
    }
  });
});

describe('every finding is complete', () => {
  it('rule, severity, Chinese message, the form, and numbers', () => {
    const all = goldenForms().flatMap(({ evaluation }) => auditForm(evaluation).findings);
    expect(all.length).toBeGreaterThan(80);
    for (const f of all) {
      expect(f.rule).toMatch(/^A(1[0-2]|[1-9])$/);
      expect(f.code.startsWith(`${f.rule}.`)).toBe(true);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.location.form?.project).toBeTruthy();
      expect(Object.keys(f.numbers).length).toBeGreaterThan(0);
    }
  });
  it('a scheme can change a severity without code', () => {
    const scheme = { ...getScheme('hebei'), audit: { ...getScheme('hebei').audit, severity: { 'A8.DIRECTION': 'error' as const } } };
    expect(auditForm(hebei[4]!, scheme).findings.find((f) => f.code === 'A8.DIRECTION')!.severity).toBe('error');
  });
});

describe('A3: a total row of zeros over filled source rows', () => {
  it('is an error on the total line, with the sum as the fix', () => {
    const ev = structuredClone(goldenForm('xinjiang-changji-zhengfawei-2021.form-01'));
    const total = ev.budget.lines.find((l) => l.kind === 'total')!;
    total.executed = { raw: '0', value: '0' };
    const f = auditForm(ev).findings.find((x) => x.code === 'A3.ZERO_TOTAL')!;
    expect(f.numbers).toEqual({ total: '0', sum: '100' });
    expect(f.fix).toMatchObject({ field: 'budget.lines[0].executed', value: '100' });
  });
});

describe('A9 with a template text shared by many forms', () => {
  it('names three projects and counts the rest, so findings stay short', () => {
    const base = goldenForm('hebei-dachang-zhengfawei-2023.form-07');
    const forms = Array.from({ length: 50 }, (_, i) => {
      const ev = structuredClone(base);
      ev.project.name = { raw: `项目${i}` };
      return ev;
    });
    const same = auditForms(forms).findings.filter((f) => f.code === 'A9.SAME_GOAL');
    expect(same).toHaveLength(50);
    expect(same[0]!.numbers).toEqual({ copies: 50, others: '“项目1”、“项目2”、“项目3”等49个项目' });
    expect(Math.max(...same.map((f) => f.message.length))).toBeLessThan(80);
  });
});

describe('A9 takes a shared fingerprint for a candidate, never for proof', () => {
  // Two different texts whose 30-bit fingerprints meet (found by searching `…第n项任务完成` for n < 50,000).
  const [x, y] = ['保障社会治安综合治理工作第7575项任务完成', '保障社会治安综合治理工作第45275项任务完成'];
  const withGoal = (i: number, goal: string, names: string[] = []) => {
    const ev = structuredClone(goldenForm('hebei-dachang-zhengfawei-2023.form-07'));
    ev.project.name = { raw: `项目${i}` };
    ev.goals.expected = { raw: goal };
    ev.goals.achieved = { raw: `第${i}个项目的完成情况，按年度计划全部完成` };
    names.forEach((n, k) => (ev.indicators[k]!.name = { raw: n }));
    return ev;
  };

  it('the two texts do collide', () => {
    expect(fingerprint(x, 8)).toBe(fingerprint(y, 8));
    expect(normalizeForCompare(x)).not.toBe(normalizeForCompare(y));
  });

  it('colliding goals of two forms are not copies; a real copy beside them still is', () => {
    const alone = auditForms([withGoal(0, x), withGoal(1, y)]).findings.filter((f) => f.code === 'A9.SAME_GOAL');
    expect(alone).toEqual([]);
    const copied = auditForms([withGoal(0, x), withGoal(1, y), withGoal(2, x)]).findings.filter((f) => f.code === 'A9.SAME_GOAL');
    expect(copied.map((f) => f.location.form?.index)).toEqual([0, 2]);
    expect(copied[0]!.numbers).toEqual({ copies: 2, others: '“项目2”' });
  });

  it('two colliding indicator names in one form both count, each found copied on its own', () => {
    const copies = auditForms([withGoal(0, '甲', [x, y]), withGoal(1, '乙', [y])]).findings.filter((f) => f.code === 'A9.SAME_INDICATOR');
    expect(copies.map((f) => [f.location.form?.index, f.location.indicator])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('A7 points at the cell it is about', () => {
  it('an unreadable target at the target’s source cell, an unreadable actual at the actual’s', () => {
    const ev = structuredClone(goldenForm('hebei-dachang-zhengfawei-2023.form-07'));
    const ind = ev.indicators[0]!;
    ind.target = { raw: '约三成', src: { line: 901 } };
    ind.actual = { raw: '--5', src: { line: 902 } };
    const a7 = auditForm(ev).findings.filter((f) => f.code === 'A7.UNPARSEABLE' && f.location.indicator === 0);
    expect(a7.map((f) => [f.location.field, f.location.src])).toEqual([
      ['target', { line: 901 }],
      ['actual', { line: 902 }],
    ]);
  });
});

describe('A5 on a form that writes no 总分', () => {
  it('compares the rule total with the sum of the claims, and says it is that sum, not a written 总分', () => {
    // 见义勇为基金 (form 3): its claims break the rules (A4), so A5.RULE_TOTAL stands with or without a 总分
    const ev = structuredClone(hebei[2]!);
    delete ev.claimed.total;
    const f = auditForm(ev, getScheme(ev.schemeId)).findings.find((x) => x.code === 'A5.RULE_TOTAL')!;
    expect(f.message).toContain('表中未写总分，各项填报得分合计');
    expect(f.message).not.toMatch(/，填报 /);
  });
});
