/**
 * The 项目支出绩效目标申报表 as a stored form kind (issue 20). It is not scored — a goal form declares
 * targets, it achieves nothing yet — so its check is the linter's findings (G1–G11) with no score, and its
 * figures for lists are empty but for the year's funds. Its workflow is 填报 → 已提交 → 单位已审核 →
 * 财政已批复, and the approved version is frozen but for adjustments (调整后指标值 with a reason).
 */
import { mulDiv } from '../values/exact.ts';
import { GOAL_ACTION_LABELS, GOAL_STATUS_LABELS, GOAL_STEPS } from '../workflow/workflow.ts';
import type { FormKind, NewFormInput } from './form-kind.ts';
import { approvedEditProblems } from './goal/approved-edit.ts';
import { GoalForm, type GoalIndicator } from './goal/goal-form.ts';
import { lintGoalForm } from './goal/lint-goals.ts';
import type { TextField } from '../model/evaluation.ts';

const text = (raw = ''): TextField => ({ raw });

/** The tree a blank goal form starts with: 101号's 产出 dimensions, 效益's four, 满意度 — one empty row each. */
const BLANK_TREE: ReadonlyArray<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '生态效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

function blank(input: NewFormInput): GoalForm {
  return {
    formatVersion: 1,
    kind: 'goal',
    schemeId: input.schemeId,
    // the national layout is the one the goal form is imported from and exported to
    layout: 'national',
    year: input.year,
    project: { name: text(input.project), ...(input.department && { department: { name: text(input.department) } }) },
    money: { unit: '万元' },
    goals: { longTerm: text(), annual: text() },
    indicators: BLANK_TREE.map(([level1, level2], i): GoalIndicator => ({ id: `i${i + 1}`, level1, level2: text(level2), name: text(), target: text() })),
  };
}

/** Deep copy without provenance: a new form's cells were not read from any file. */
function withoutSrc<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'src' ? undefined : v))) as T;
}

/**
 * Next year's goals from this year's: ids, tree, points, bases and 中长期 values kept; this year's target
 * is the one that counted (the adjusted one when there was one); the year's money and 年度目标 emptied —
 * they are next year's to set. This year's actuals are the history the G10 checks read (FormKind.history).
 */
function carryOver(previous: GoalForm, year: number): GoalForm {
  const p = withoutSrc(previous);
  const { source: _s, filler: _f, ...kept } = p;
  return {
    ...kept,
    year,
    money: { unit: p.money.unit, ...(p.money.unitRaw && { unitRaw: p.money.unitRaw }), ...(p.money.total && { total: p.money.total }) },
    goals: { ...(p.goals.longTerm && { longTerm: p.goals.longTerm }), annual: text() },
    indicators: p.indicators.map(({ adjusted, ...ind }) => ({ ...ind, target: adjusted && adjusted.target.raw.trim() !== '' ? adjusted.target : ind.target })),
  };
}

/** 年度资金总额 in 分 (the column lists sum), from 万元 or 元 as the form states. */
function annualFen(form: GoalForm): number | null {
  const v = form.money.annual?.value;
  if (v === undefined || v === null) return null;
  return Number(mulDiv([v, form.money.unit === '万元' ? '1000000' : '100'], [], 0));
}

export const goalKind: FormKind<GoalForm> = {
  id: 'goal',
  title: '项目支出绩效目标申报表',
  label: '绩效目标申报表',
  scored: false,
  schema: GoalForm,
  isOwn: (form): form is GoalForm => 'kind' in form && form.kind === 'goal',
  score: () => null,
  check: (form, scheme, history) => ({
    score: null,
    findings: lintGoalForm(form, {
      scheme,
      ...(history && { previous: { indicators: Object.entries(history.actuals).map(([id, actual]) => ({ id, actual })) } }),
    }),
  }),
  // not scored: no total, no grade; the year's funds for lists
  figures: (form) => ({ totalHundredths: 0, grade: '', budgetFen: annualFen(form), executedFen: null, claimedTotalHundredths: null }),
  blank,
  carryOver,
  startsFrom: [],
  history: { kind: 'self-evaluation', checked: true },
  actuals: () => [],
  claimedTotal: () => null,
  // 绩效目标表: the title under which 预算公开 publishes the same table (项目支出绩效目标表, 专项资金绩效目标表);
  // 项目支出目标申报表 (山东 临邑, no 绩效) and 绩效目标审批表 (重庆: the form as approved) are regional titles of
  // it. None is part of a 自评表's title (绩效目标自评表 contains none of them).
  importTitles: ['项目支出绩效目标申报表', '绩效目标申报表', '项目支出目标申报表', '绩效目标审批表', '绩效目标表'],
  exportLayouts: ['national'],
  workflow: GOAL_STEPS,
  statusLabels: GOAL_STATUS_LABELS,
  actionLabels: GOAL_ACTION_LABELS,
  // the linter's errors stop a submission; its warnings need a look, not a fix
  submissionBlockers: ({ findings }) => findings.filter((f) => f.severity === 'error'),
  frozen: { status: 'finance-reviewed', code: 'GOAL.APPROVED_FROZEN', problems: approvedEditProblems },
};
