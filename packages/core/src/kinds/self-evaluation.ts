/** The 项目支出绩效自评表 as a form kind: scored by its scheme (R1–R8) and audited (A1–A12). */
import { auditForm } from '../audit/audit-forms.ts';
import { canonicalLevel2 } from '../model/categories.ts';
import { Evaluation, type BudgetLine, type Indicator, type NumberField, type TextField } from '../model/evaluation.ts';
import { pointsToHundredths, wanYuanToFen } from '../model/form-figures.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { scoreEvaluation } from '../scoring/score-evaluation.ts';
import { ACTION_LABELS, SELF_EVALUATION_STEPS, STATUS_LABELS, submissionBlockers } from '../workflow/workflow.ts';
import type { FormKind, NewFormInput } from './form-kind.ts';
import type { GoalForm } from './goal/goal-form.ts';
import { getScheme } from '../scheme/registry.ts';
import { adjustmentsIntoSelfEvaluation, selfEvaluationFromGoals } from './self-evaluation-from-goals.ts';

const text = (raw = ''): TextField => ({ raw });
const num = (): NumberField => ({ raw: '', value: null });

/** The 二级 rows a blank form starts with under each 一级 (财预〔2020〕10号 附件's 指标体系框架). */
const STANDARD_LEVEL2: Record<string, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

function emptyIndicator(id: string, level1: string, level2: string, points = num()): Indicator {
  return { id, level1, level2: text(level2), name: text(), points, target: text(), actual: text(), claimedScore: num(), deviation: text() };
}

const BUDGET_LABELS: ReadonlyArray<[BudgetLine['kind'], string]> = [
  ['total', '年度资金总额'],
  ['current', '其中：当年财政拨款'],
  ['carryover', '上年结转资金'],
  ['other', '其他资金'],
];

/** A line of last year's budget block with its label kept and every figure emptied. */
function emptiedLine(l: BudgetLine): BudgetLine {
  const out: BudgetLine = { kind: l.kind, label: text(l.label.raw) };
  for (const k of ['initial', 'declared', 'prepared', 'adjusted', 'received', 'executed', 'balance', 'rate', 'score'] as const) if (l[k]) out[k] = num();
  // the budget block's 分值 is the scheme's, not last year's result: kept
  if (l.points) out.points = { raw: l.points.raw, value: l.points.value };
  return out;
}

/** Deep copy without provenance: a new form's cells were not read from any file. */
function withoutSrc<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'src' ? undefined : v))) as T;
}

function blank(input: NewFormInput, scheme: Scheme, template: Evaluation | null): Evaluation {
  if (template) {
    // the department's own layout: its groups, budget lines and narrative blocks, one empty row per 二级
    const t = carryOver(template, input.year);
    const seen = new Set<string>();
    const indicators = t.indicators.filter((ind) => {
      const key = `${ind.level1}/${canonicalLevel2(ind.level2.raw)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      ...t,
      project: { name: text(input.project), ...(input.department && { department: { name: text(input.department) } }) },
      goals: {},
      indicators: indicators.map((ind, i) => emptyIndicator(`i${i + 1}`, ind.level1, ind.level2.raw)),
    };
  }
  let n = 0;
  const groups = scheme.weights.map((w) => ({ name: w.level1, label: text(w.level1), declaredPoints: w.points }));
  const indicators = scheme.weights.flatMap((w) => (STANDARD_LEVEL2[w.level1] ?? ['']).map((l2) => emptyIndicator(`i${++n}`, w.level1, l2)));
  const budgetPoints = scheme.budget.mode === 'indicator' ? undefined : scheme.budget.points;
  return {
    formatVersion: 1,
    schemeId: input.schemeId,
    layout: input.layout,
    year: input.year,
    project: { name: text(input.project), ...(input.department && { department: { name: text(input.department) } }) },
    budget: {
      unit: '万元',
      lines: BUDGET_LABELS.map(([kind, label]) => ({
        kind,
        label: text(label),
        initial: num(),
        adjusted: num(),
        executed: num(),
        ...(kind === 'total' && { rate: num(), score: num(), ...(budgetPoints && { points: { raw: budgetPoints, value: budgetPoints } }) }),
      })),
    },
    goals: { expected: text(), achieved: text() },
    groups,
    indicators,
    narratives: [],
    claimed: {},
  };
}

/** Next year's form from this year's: the tree, ids, points and targets kept; what was measured emptied. */
function carryOver(previous: Evaluation, year: number): Evaluation {
  const p = withoutSrc(previous);
  return {
    formatVersion: 1,
    schemeId: p.schemeId,
    layout: p.layout,
    year,
    ...(p.title && { title: p.title }),
    project: p.project,
    budget: { unit: '万元', lines: p.budget.lines.map(emptiedLine) },
    goals: { ...(p.goals.expected && { expected: p.goals.expected }), achieved: text() },
    groups: p.groups,
    indicators: p.indicators.map((ind) => {
      const { targetAdjusted: _a, completion: _c, notApplicable: _n, ...kept } = ind;
      // this year's target is last year's adjusted one when there was one
      const target = ind.targetAdjusted?.raw.trim() ? text(ind.targetAdjusted.raw) : ind.target;
      return { ...kept, target, actual: text(), claimedScore: num(), deviation: text(), ...(ind.method && { method: ind.method }) };
    }),
    narratives: p.narratives.map((nv) => ({ ...nv, text: text() })),
    claimed: {},
  };
}

/** The year's 自评表 from its approved goals: the national blank of the goals' scheme, with their tree and targets. */
function fromGoals(source: GoalForm, year: number): Evaluation {
  const schemeId = source.schemeId;
  const empty = blank({ project: source.project.name.raw, year, schemeId, layout: 'national' }, getScheme(schemeId), null);
  return selfEvaluationFromGoals({ ...source, year }, empty);
}

export const selfEvaluationKind: FormKind<Evaluation> = {
  id: 'self-evaluation',
  title: '项目支出绩效自评表',
  label: '自评表',
  scored: true,
  schema: Evaluation,
  // the 自评表 predates kinds: its document names none (an API client may say self-evaluation)
  isOwn: (form): form is Evaluation => {
    const kind = (form as { kind?: unknown }).kind;
    return kind === undefined || kind === 'self-evaluation';
  },
  score: (form, scheme) => scoreEvaluation(form, scheme),
  check: (form, scheme) => auditForm(form, scheme),
  figures: (form, score) => ({
    // a self-evaluation is always scored (score above never gives null)
    totalHundredths: pointsToHundredths(score!.total)!,
    grade: score!.grade,
    budgetFen: wanYuanToFen(score!.budget.budget),
    executedFen: wanYuanToFen(score!.budget.executed),
    claimedTotalHundredths: pointsToHundredths(form.claimed.total?.value),
  }),
  blank,
  carryOver,
  startsFrom: [
    {
      from: 'goals',
      kind: 'goal',
      status: 'finance-reviewed',
      make: (source, year) => fromGoals(source as GoalForm, year),
      // an adjustment saved on the approved goals reaches the 自评表 already started from them
      follow: (before, after, form) => adjustmentsIntoSelfEvaluation(before as GoalForm, after as GoalForm, form),
    },
  ],
  history: { kind: 'self-evaluation', checked: false },
  actuals: (form) => form.indicators.map((i) => ({ id: i.id, name: i.name.raw, actual: i.actual.raw })),
  claimedTotal: (form) => form.claimed.total?.value ?? null,
  importTitles: ['项目支出绩效自评表', '绩效自评表'],
  exportLayouts: ['national', 'hebei', 'yunzhou', 'ningxia'],
  workflow: SELF_EVALUATION_STEPS,
  statusLabels: STATUS_LABELS,
  actionLabels: ACTION_LABELS,
  submissionBlockers: ({ findings }) => submissionBlockers(findings),
};
