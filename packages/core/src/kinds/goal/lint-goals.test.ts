/** The goal linter G1–G11 (docs/rules.md §G) on a well-set goal form, its broken variants and the seeds' declared goals. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluation } from '../../model/evaluation.ts';
import { goalFormFromEvaluation } from './from-evaluation.ts';
import { GoalForm, goalFormJsonSchema } from './goal-form.ts';
import { lintGoalForm } from './lint-goals.ts';

const root = join(import.meta.dirname, '../../../../..');
const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(root, 'fixtures/goals/well-set.goal.json'), 'utf8')));

/** The well-set form with one change. */
function broken(change: (g: GoalForm) => void): GoalForm {
  const g = structuredClone(wellSet);
  change(g);
  return GoalForm.parse(g);
}
const byId = (g: GoalForm, id: string) => g.indicators.find((i) => i.id === id)!;
const codes = (g: GoalForm) => lintGoalForm(g).map((f) => f.code);

describe('the goal form model', () => {
  it('docs/goal-form.schema.json is the schema generated from zod (npx tsx packages/core/scripts/write-goal-schema.ts)', () => {
    expect(JSON.parse(readFileSync(join(root, 'docs/goal-form.schema.json'), 'utf8'))).toEqual(goalFormJsonSchema());
  });

  it('refuses an indicator without its stable id, and a kind other than goal', () => {
    const noId = structuredClone(wellSet) as { indicators: Array<{ id?: string }> };
    delete noId.indicators[0]!.id;
    expect(GoalForm.safeParse(noId).error?.issues[0]?.path).toEqual(['indicators', 0, 'id']);
    expect(GoalForm.safeParse({ ...wellSet, kind: 'evaluation' }).success).toBe(false);
  });
});

describe('a well-set goal form', () => {
  it('gets no finding at all', () => {
    expect(lintGoalForm(wellSet)).toEqual([]);
  });
});

describe('severity', () => {
  it('a scheme may override the severity of any G code, as for the audit rules', async () => {
    const { getScheme } = await import('../../scheme/registry.ts');
    const national = getScheme('national');
    const strict = { ...national, audit: { ...national.audit, severity: { 'G2.NO_COST': 'error' as const } } };
    const g = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.id !== 'training-unit-cost');
    });
    expect(lintGoalForm(g).find((x) => x.code === 'G2.NO_COST')?.severity).toBe('warning');
    expect(lintGoalForm(g, { scheme: strict }).find((x) => x.code === 'G2.NO_COST')?.severity).toBe('error');
  });
});

describe('G1 coverage', () => {
  it('a missing 时效 dimension and a missing 效益 group', () => {
    const g = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.level2.raw !== '时效指标' && i.level1 !== '效益指标');
    });
    const f = lintGoalForm(g);
    expect(f.find((x) => x.code === 'G1.MISSING_OUTPUT_DIMENSION')).toMatchObject({ rule: 'G1', severity: 'warning', numbers: { level2: '时效指标' } });
    expect(f.find((x) => x.code === 'G1.NO_BENEFIT')?.severity).toBe('error');
  });

  it('满意度 is expected where the project serves people (培训, 群众 in its goals), not otherwise', () => {
    const g = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.level1 !== '满意度指标');
    });
    expect(lintGoalForm(g).find((x) => x.code === 'G1.NO_SATISFACTION')).toMatchObject({ severity: 'warning', numbers: { word: '培训' } });
    const internal = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.level1 !== '满意度指标');
      g.project.name.raw = '政务内网线路租用';
      g.goals = { annual: { raw: '保障政务内网全年正常运行。' } };
    });
    expect(codes(internal)).not.toContain('G1.NO_SATISFACTION');
  });
});

describe('G2 cost', () => {
  it('no 成本 indicator at all', () => {
    const g = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.id !== 'training-unit-cost');
    });
    expect(lintGoalForm(g).find((x) => x.code === 'G2.NO_COST')?.severity).toBe('warning');
  });

  it('a cost target that is the whole annual budget, found across units (120万元 = 1200000元)', () => {
    const g = broken((g) => {
      byId(g, 'training-unit-cost').target = { raw: '≤1200000元' };
    });
    const f = lintGoalForm(g).find((x) => x.code === 'G2.WHOLE_BUDGET')!;
    expect(f.location).toMatchObject({ section: 'indicators', indicator: 4, indicatorId: 'training-unit-cost', field: 'indicators[4].target' });
    expect(f.numbers).toMatchObject({ yuan: '1200000', annual: '1200000' });
    expect(f.fix).toBeUndefined();
  });

  it('a construction project without a 社会成本/生态环境成本 indicator gets a note', () => {
    const g = broken((g) => {
      g.project.name.raw = '乡村道路新建工程';
    });
    expect(lintGoalForm(g).find((x) => x.code === 'G2.NO_EXTERNAL_COST')).toMatchObject({ severity: 'info', numbers: { word: '道路' } });
  });
});

describe('G3 measurable and G4 vague words', () => {
  it('no direction, no unit (a rate gets the certain fix), an empty target', () => {
    const g = broken((g) => {
      byId(g, 'dispute-screening').target = { raw: '12次' };
      byId(g, 'events-closed').target = { raw: '≥95' };
      byId(g, 'grid-training').target = { raw: '' };
    });
    const f = lintGoalForm(g);
    expect(f.find((x) => x.code === 'G3.NO_DIRECTION')?.location.indicatorId).toBe('dispute-screening');
    expect(f.find((x) => x.code === 'G3.NO_UNIT')?.fix).toEqual({ field: 'indicators[2].target', value: '≥95%', label: '改为“≥95%”' });
    expect(f.find((x) => x.code === 'G3.EMPTY')).toMatchObject({ severity: 'error', location: { indicatorId: 'grid-training' } });
  });

  it('a unit in the name (度量单位 as the national form writes it) counts as the unit', () => {
    const g = broken((g) => {
      const i = byId(g, 'dispute-screening');
      i.name.raw = '开展矛盾纠纷集中排查次数（次）';
      i.target = { raw: '≥12' };
    });
    expect(codes(g)).not.toContain('G3.NO_UNIT');
  });

  it('逐步提高 on a 数量 target is a warning, on a 社会效益 target a note; in the goals text a note', () => {
    const g = broken((g) => {
      byId(g, 'grid-training').target = { raw: '逐步提高' };
      byId(g, 'mediation-success').target = { raw: '明显改善' };
      g.goals.annual = { raw: '进一步提高基层治理水平。' };
    });
    const f = lintGoalForm(g);
    expect(f.filter((x) => x.rule === 'G4').map((x) => [x.code, x.severity, x.numbers.phrase])).toEqual([
      ['G4.VAGUE_TARGET', 'warning', '逐步提高'],
      ['G4.VAGUE_QUALITATIVE', 'info', '明显改善'],
      ['G4.VAGUE_GOAL', 'info', '进一步提高'],
    ]);
    // a vague target is G4's finding only, not G3's too
    expect(f.filter((x) => x.location.indicatorId === 'grid-training').map((x) => x.code)).toEqual(['G4.VAGUE_TARGET']);
  });

  it('a word on a 满意度 target and a date on a 数量 target are not numbers', () => {
    const g = broken((g) => {
      byId(g, 'public-satisfaction').target = { raw: '满意' };
      byId(g, 'grid-training').target = { raw: '2024年/全年' };
    });
    expect(
      lintGoalForm(g)
        .filter((x) => x.code === 'G3.NO_NUMBER')
        .map((x) => x.location.indicatorId),
    ).toEqual(['grid-training', 'public-satisfaction']);
  });
});

describe('G5 zero, G6 placement, G7 direction', () => {
  it('≥0 on a positive indicator is an error; an unsigned 0 a warning; ＝0 on a count is fine', () => {
    const g = broken((g) => {
      byId(g, 'dispute-screening').target = { raw: '≥0次' };
      byId(g, 'grid-training').target = { raw: '0人次' };
      byId(g, 'events-closed').target = { raw: '＝0%' };
    });
    const f = lintGoalForm(g).filter((x) => x.rule === 'G5');
    expect(f.map((x) => [x.code, x.severity, x.location.indicatorId])).toEqual([
      ['G5.ZERO_UNSIGNED', 'warning', 'grid-training'],
      ['G5.ZERO_TARGET', 'error', 'dispute-screening'],
    ]);
  });

  it('满意度 and 合格率 placed under 效益', () => {
    const g = broken((g) => {
      const s = byId(g, 'public-satisfaction');
      s.level1 = '效益指标';
      s.level2 = { raw: '社会效益指标' };
      const q = byId(g, 'mediation-success');
      q.name.raw = '网格终端设备验收合格率';
    });
    expect(
      lintGoalForm(g)
        .filter((x) => x.rule === 'G6')
        .map((x) => [x.code, x.location.indicatorId, x.location.field]),
    ).toEqual([
      ['G6.QUALITY_UNDER_BENEFIT', 'mediation-success', 'indicators[5].level2'],
      ['G6.SATISFACTION_UNDER_BENEFIT', 'public-satisfaction', 'indicators[7].level2'],
    ]);
  });

  it('A8 directions, a lower-is-better rate with ≥ (certain fix) and a higher-is-better rate with ≤', () => {
    const g = broken((g) => {
      byId(g, 'dispute-screening').target = { raw: '≤12次' };
      byId(g, 'training-unit-cost').target = { raw: '≥800元/人次' };
      byId(g, 'events-closed').name.raw = '网格终端故障率';
      byId(g, 'events-closed').target = { raw: '≥5%' };
      byId(g, 'mediation-success').target = { raw: '≤90%' };
    });
    const f = lintGoalForm(g).filter((x) => x.rule === 'G7');
    expect(f.map((x) => [x.code, x.location.indicatorId])).toEqual([
      ['G7.DIRECTION', 'dispute-screening'],
      ['G7.LOWER_IS_BETTER', 'events-closed'],
      ['G7.DIRECTION', 'training-unit-cost'],
      ['G7.HIGHER_IS_BETTER', 'mediation-success'],
    ]);
    expect(f[1]!.fix).toEqual({ field: 'indicators[2].target', value: '≤5%', label: '改为“≤5%”' });
  });
});

describe('G8 points and G9 money', () => {
  it('a zero point, and groups that do not add up to the scheme (产出 50, 效益 30)', () => {
    const zero = broken((g) => {
      byId(g, 'grid-training').points = { raw: '0', value: '0' };
    });
    expect(lintGoalForm(zero).map((x) => x.code)).toEqual(['G8.NOT_POSITIVE']);
    const sums = broken((g) => {
      byId(g, 'grid-training').points = { raw: '5', value: '5' };
      byId(g, 'mediation-success').points = { raw: '20', value: '20' };
    });
    expect(lintGoalForm(sums).map((x) => [x.code, x.numbers.level1, x.numbers.sum, x.numbers.expected])).toEqual([
      ['G8.GROUP_POINTS', '产出指标', '45', '50'],
      ['G8.GROUP_POINTS', '效益指标', '35', '30'],
    ]);
  });

  it('成本指标 as its own 一级 counts with 产出, and the message says so (重庆 奉节 puts it first, alone)', () => {
    const g = broken((g) => {
      g.indicators = g.indicators.filter((i) => i.level2.raw.includes('成本')).map((i) => ({ ...i, level1: '成本指标', points: { raw: '10', value: '10' } }));
    });
    const f = lintGoalForm(g).find((x) => x.code === 'G8.GROUP_POINTS')!;
    expect(f.message).toBe('产出指标（含一级“成本指标”）各指标分值合计 10 分，评分方案规定为 50 分');
  });

  it('a money block that disagrees with itself: parts ≠ 年度资金总额, and 年度 above the all-years total', () => {
    const g = broken((g) => {
      g.money.carryover = { raw: '25', value: '25' };
      g.money.total = { raw: '100', value: '100' };
    });
    const f = lintGoalForm(g);
    expect(f.map((x) => x.code)).toEqual(['G9.PARTS_SUM', 'G9.ANNUAL_ABOVE_TOTAL']);
    expect(f[0]).toMatchObject({
      severity: 'error',
      location: { section: 'budget', field: 'money.annual' },
      numbers: { annual: '120', sum: '130', unit: '万元' },
    });
    expect(f[0]!.message).toBe('年度资金总额 120万元，而财政拨款 + 上年结转 + 其他资金 = 130万元，相差 -10万元');
  });

  it('a missing 年度资金总额 gets the sum as a certain fix; a form in 元 is compared in 元', () => {
    const g = broken((g) => {
      g.money = { unit: '元', fiscal: { raw: '1000000.50', value: '1000000.50' }, carryover: { raw: '200000', value: '200000' } };
    });
    expect(lintGoalForm(g).find((x) => x.code === 'G9.ANNUAL_MISSING')?.fix).toEqual({
      field: 'money.annual',
      value: '1200000.50',
      label: '填入 1200000.50元（财政拨款 + 上年结转 + 其他资金）',
    });
  });
});

describe('G10 history and G11 annual vs total', () => {
  it('a target below last year’s actual, and one last year’s actual beat by 30% or more (by indicator id)', () => {
    const f = lintGoalForm(wellSet, {
      previous: {
        indicators: [
          { id: 'grid-training', actual: '610人次' }, // ＝ target: a quota, not judged by history
          { id: 'dispute-screening', actual: '13次' }, // ≥12次, beaten by 8%: below last year's actual
          { id: 'mediation-success', actual: '99%' }, // ≥90%, beaten by 10%: below
          { id: 'training-unit-cost', actual: '550元/人次' }, // ≤800, last year 550 ≤ 0.7 × 800 = 560: beaten by 30%
          { id: 'village-coverage', actual: '96%' }, // ≥98%, not reached last year: nothing to say
          { id: 'no-such-indicator', actual: '1次' },
        ],
      },
    });
    expect(f.map((x) => [x.code, x.location.indicatorId])).toEqual([
      ['G10.BELOW_LAST_ACTUAL', 'dispute-screening'],
      ['G10.BEATEN_BY_30', 'training-unit-cost'],
      ['G10.BELOW_LAST_ACTUAL', 'mediation-success'],
    ]);
    expect(f[1]!.numbers).toMatchObject({ targetValue: '800', lastActualValue: '550', unit: '元/人次' });
  });

  it('exactly 30% above counts (≥ 30%, exact arithmetic)', () => {
    const f = lintGoalForm(wellSet, { previous: { indicators: [{ id: 'dispute-screening', actual: '15.6次' }] } });
    expect(f.map((x) => x.code)).toEqual(['G10.BEATEN_BY_30']);
    const g = lintGoalForm(wellSet, { previous: { indicators: [{ id: 'dispute-screening', actual: '15.59次' }] } });
    expect(g.map((x) => x.code)).toEqual(['G10.BELOW_LAST_ACTUAL']);
  });

  it('a multi-year project whose annual count equals the whole period’s, and its goals text copied', () => {
    const g = broken((g) => {
      byId(g, 'grid-training').target = { raw: '＝1800人次' };
      g.goals.annual = { raw: g.goals.longTerm!.raw };
    });
    expect(lintGoalForm(g).map((x) => [x.code, x.location.indicatorId ?? x.location.field])).toEqual([
      ['G11.SAME_AS_LONG_TERM', 'grid-training'],
      ['G11.SAME_GOAL_TEXT', 'goals.annual'],
    ]);
  });

  it('the adjusted target (调整后指标值) is the one linted', () => {
    const g = broken((g) => {
      byId(g, 'dispute-screening').adjusted = { target: { raw: '≤10次' }, reason: { raw: '上级统一部署，集中排查改为按季开展' } };
    });
    expect(lintGoalForm(g).map((x) => [x.code, x.location.field])).toEqual([['G7.DIRECTION', 'indicators[1].adjusted.target']]);
  });
});

describe('the seeds’ declared goals (each 自评表’s targets as the goal form they were measured against)', () => {
  const golden = readdirSync(join(root, 'fixtures/golden')).filter((f) => f.includes('.form-'));
  const lint = (name: string) => {
    const ev = Evaluation.parse(JSON.parse(readFileSync(join(root, 'fixtures/golden', name), 'utf8')));
    return lintGoalForm(goalFormFromEvaluation(ev));
  };
  const summary = (name: string) =>
    lint(name)
      .filter((f) => f.severity !== 'info')
      .map((f) => f.code);

  it('every seed form becomes a valid goal form without its 预算执行率 row', () => {
    for (const name of golden) {
      const ev = Evaluation.parse(JSON.parse(readFileSync(join(root, 'fixtures/golden', name), 'utf8')));
      const g = GoalForm.parse(goalFormFromEvaluation(ev));
      expect(g.indicators.length).toBe(ev.indicators.filter((i) => i.level1 !== '预算执行率').length);
      expect(new Set(g.indicators.map((i) => i.id)).size).toBe(g.indicators.length);
    }
  });

  it('all 19: the table of docs/rules.md §G (warnings and errors)', () => {
    const expected: Record<string, string[]> = {
      'hebei-dachang-zhengfawei-2023.form-01': ['G7.DIRECTION'],
      'hebei-dachang-zhengfawei-2023.form-02': [],
      'hebei-dachang-zhengfawei-2023.form-03': ['G3.NO_NUMBER'],
      'hebei-dachang-zhengfawei-2023.form-04': [],
      'hebei-dachang-zhengfawei-2023.form-05': ['G7.DIRECTION'],
      'hebei-dachang-zhengfawei-2023.form-06': ['G8.GROUP_POINTS'],
      'hebei-dachang-zhengfawei-2023.form-07': ['G8.GROUP_POINTS'],
      'hebei-dachang-zhengfawei-2023.form-08': ['G2.WHOLE_BUDGET', 'G8.GROUP_POINTS'],
      'hebei-dachang-zhengfawei-2023.form-09': ['G8.GROUP_POINTS'],
      'hebei-dachang-zhengfawei-2023.form-10': ['G8.GROUP_POINTS'],
      'hebei-dachang-zhengfawei-2023.form-11': ['G2.WHOLE_BUDGET', 'G8.GROUP_POINTS'],
      'ningxia-yanchi-xianweiban-2022.form-01': ['G1.MISSING_OUTPUT_DIMENSION', 'G3.NO_NUMBER', ...Array(4).fill('G3.NO_DIRECTION'), 'G3.EMPTY'],
      'ningxia-yanchi-xianweiban-2022.form-02': ['G3.NO_NUMBER', 'G3.NO_DIRECTION', 'G8.GROUP_POINTS', 'G8.GROUP_POINTS'],
      'ningxia-yanchi-xianweiban-2022.form-03': ['G2.WHOLE_BUDGET', ...Array(6).fill('G3.NO_DIRECTION'), 'G8.GROUP_POINTS', 'G8.GROUP_POINTS'],
      'shanxi-yunzhou-zhengfawei-2022.form-01': [],
      'shanxi-yunzhou-zhengfawei-2022.form-02': [],
      'shanxi-yunzhou-zhengfawei-2022.form-03': [],
      'xinjiang-changji-zhengfawei-2021.form-01': ['G2.WHOLE_BUDGET'],
      'xinjiang-changji-zhengfawei-2021.form-02': ['G2.WHOLE_BUDGET'],
    };
    expect(Object.fromEntries(golden.map((f) => [f.replace(/\.json$/, ''), summary(f)]))).toEqual(expected);
  });

  it('Hebei: a 数量 target written ≤ (≤3类 宣传品种类), a cost indicator that restates the budget, 产出 points adding to 40 of 50', () => {
    expect(summary('hebei-dachang-zhengfawei-2023.form-01.json')).toEqual(['G7.DIRECTION']);
    expect(summary('hebei-dachang-zhengfawei-2023.form-03.json')).toEqual(['G3.NO_NUMBER']); // 综合满意度: 满意
    expect(summary('hebei-dachang-zhengfawei-2023.form-05.json')).toEqual(['G7.DIRECTION']); // ≤2人
    expect(summary('hebei-dachang-zhengfawei-2023.form-06.json')).toEqual(['G8.GROUP_POINTS']);
    expect(summary('hebei-dachang-zhengfawei-2023.form-11.json')).toEqual(['G2.WHOLE_BUDGET', 'G8.GROUP_POINTS']); // 项目总成本 ＝3.19万元
    expect(summary('hebei-dachang-zhengfawei-2023.form-04.json')).toEqual([]);
  });

  it('Ningxia: unsigned targets, a year as a 数量 target, an empty target, points off the scheme', () => {
    expect(summary('ningxia-yanchi-xianweiban-2022.form-01.json')).toEqual([
      'G1.MISSING_OUTPUT_DIMENSION',
      'G3.NO_NUMBER', // 办文办会: 2022年/全年
      'G3.NO_DIRECTION',
      'G3.NO_DIRECTION',
      'G3.NO_DIRECTION',
      'G3.NO_DIRECTION',
      'G3.EMPTY',
    ]);
    const f = lint('ningxia-yanchi-xianweiban-2022.form-03.json');
    expect(f.find((x) => x.code === 'G2.WHOLE_BUDGET')?.numbers).toMatchObject({ target: '28.272万元', yuan: '282720', annual: '282720' });
  });

  it('Xinjiang: 逐步提高 on benefits (notes), a whole-budget cost written ≤100 under a name holding （万元）', () => {
    const f = lint('xinjiang-changji-zhengfawei-2021.form-01.json');
    expect(f.filter((x) => x.severity !== 'info').map((x) => x.code)).toEqual(['G2.WHOLE_BUDGET']);
    expect(f.filter((x) => x.code === 'G4.VAGUE_QUALITATIVE').map((x) => x.numbers.phrase)).toEqual(['逐步提高', '逐步提高']);
  });

  it('Yunzhou: 及时 on a 时效 indicator is a note, no warning', () => {
    expect(lint('shanxi-yunzhou-zhengfawei-2022.form-02.json').map((x) => [x.code, x.severity])).toEqual([['G3.QUALITATIVE', 'info']]);
  });
});
