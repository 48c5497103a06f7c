/** The goal form as a registered kind (issue 20): not scored, checked by G1–G11, its workflow and carry-over. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getScheme } from '../scheme/registry.ts';
import { availableActions } from '../workflow/workflow.ts';
import { GoalForm } from './goal/goal-form.ts';
import { FORM_KIND_IDS, formKindOfTitle, getFormKind, kindOfDocument } from './registry.ts';
import { goalKind } from './goal-kind.ts';
import { selfEvaluationKind } from './self-evaluation.ts';

const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../fixtures/goals/well-set.goal.json'), 'utf8')));
const national = getScheme('national');

describe('the goal kind in the registry', () => {
  it('is registered beside the self-evaluation and found by its id, its document and its title', () => {
    expect(FORM_KIND_IDS).toEqual(['self-evaluation', 'goal']);
    expect(getFormKind('goal')).toBe(goalKind);
    expect(kindOfDocument(wellSet)).toBe(goalKind);
    expect(formKindOfTitle('项目支出绩效目标申报表（2024年度）')?.id).toBe('goal');
    expect(formKindOfTitle('项目支出绩效自评表')?.id).toBe('self-evaluation');
    expect(formKindOfTitle('部门预算执行情况表')).toBeUndefined();
  });

  it('knows the regional titles of the goal form, and never takes a 自评表 title for one (issue 21)', () => {
    // 山东 临邑's 项目支出目标申报表 (no 绩效), 重庆 奉节's 绩效目标审批表
    expect(formKindOfTitle('项目支出目标申报表')?.id).toBe('goal');
    expect(formKindOfTitle('2023年云雾土家族乡加工园配套设施建设项目支出绩效目标审批表')?.id).toBe('goal');
    for (const title of ['项目支出绩效自评表', '2022年度绩效自评表', '部门预算项目支出绩效自评表']) expect(formKindOfTitle(title)?.id).toBe('self-evaluation');
    // 绩效目标自评表 (the 转移支付 self-evaluation) names no goal title
    expect(formKindOfTitle('中央、市级专项转移支付绩效目标自评表')?.id).not.toBe('goal');
  });

  it('is not scored: its check is the linter findings and no score; its figures are the year funds alone', () => {
    const check = goalKind.check(wellSet, national);
    expect(check).toEqual({ score: null, findings: [] });
    // 年度资金总额 120 万元 = 120,000,000 分
    expect(goalKind.figures(wellSet, null)).toEqual({ totalHundredths: 0, grade: '', budgetFen: 120_000_000, executedFen: null, claimedTotalHundredths: null });
    expect(goalKind.figures({ ...wellSet, money: { ...wellSet.money, unit: '元', annual: { raw: '1200000', value: '1200000' } } }, null).budgetFen).toBe(
      120_000_000,
    );
  });

  it('reads last year’s actuals by indicator id when given (G10)', () => {
    // ≥12次 where last year 20次 were done: beaten by 30% or more
    const { findings } = goalKind.check(wellSet, national, { year: 2023, actuals: { 'dispute-screening': '20次' } });
    expect(findings.map((f) => [f.code, f.location.indicatorId])).toEqual([['G10.BEATEN_BY_30', 'dispute-screening']]);
  });

  it('a blank goal form is the national layout with the 101号 tree, and its empty targets block a submission', () => {
    const blank = goalKind.blank({ project: '新项目', year: 2025, schemeId: 'national', layout: 'hebei' }, national, null);
    expect(GoalForm.parse(blank)).toEqual(blank);
    expect(blank.layout).toBe('national');
    expect(blank.indicators.map((i) => i.level2.raw)).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]);
    const blockers = goalKind.submissionBlockers(goalKind.check(blank, national));
    expect(blockers.length).toBeGreaterThan(0);
    expect(blockers.every((f) => f.severity === 'error')).toBe(true);
    expect(goalKind.submissionBlockers(goalKind.check(wellSet, national))).toEqual([]);
  });

  it('next year’s goals keep ids, tree and the target that counted; the year’s money and 年度目标 are emptied', () => {
    const adjusted = structuredClone(wellSet);
    adjusted.indicators[1]!.adjusted = { target: { raw: '≥10次' }, reason: { raw: '预算调减' } };
    const next = goalKind.carryOver(adjusted, 2025);
    expect(next.year).toBe(2025);
    expect(next.indicators.map((i) => i.id)).toEqual(wellSet.indicators.map((i) => i.id));
    expect(next.indicators[1]!.target.raw).toBe('≥10次');
    expect(next.indicators[1]!.adjusted).toBeUndefined();
    expect(next.indicators[0]!.longTermTarget?.raw).toBe('＝1800人次');
    expect(next.money).toEqual({ unit: '万元', total: { raw: '360', value: '360' } });
    expect(next.goals.annual?.raw).toBe('');
    expect(GoalForm.safeParse(next).success).toBe(true);
  });

  it('its workflow reads 财政已批复 at the last step, and an approved goal form is not returned', () => {
    expect(goalKind.statusLabels['finance-reviewed']).toBe('财政已批复');
    expect(goalKind.actionLabels.finalize).toBe('财政批复');
    expect(selfEvaluationKind.statusLabels['finance-reviewed']).toBe('财政已复核');
    expect(availableActions('unit-approved', 'finance', goalKind.workflow)).toEqual(['finalize', 'return']);
    expect(availableActions('finance-reviewed', 'finance', goalKind.workflow)).toEqual([]);
    expect(availableActions('finance-reviewed', 'finance', selfEvaluationKind.workflow)).toEqual(['return']);
  });

  it('each kind knows its own documents', () => {
    expect(goalKind.isOwn(wellSet)).toBe(true);
    expect(selfEvaluationKind.isOwn(wellSet)).toBe(false);
  });
});
