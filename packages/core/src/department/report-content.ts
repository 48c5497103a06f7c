/**
 * The content of the 整体绩效自评工作报告 and the 决算公开绩效情况说明 (docs/rules.md, Department documents) as section trees
 * whose sentences are written from the numbers. What numbers cannot say (who sat on the evaluation
 * team, how a survey was run, the 政府性基金 position) is an explicit slot with a default text the
 * user edits — never a fact made up.
 */
import type { Finding } from '../audit/finding.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { EvaluationScore } from '../scoring/score-evaluation.ts';
import { clause, countPhrase, list, paragraph, projectNoun, quote, sentence, sentences } from '../text/compose.ts';
import { moneyText, rateText, scoreText } from '../text/numbers.ts';
import { cmp, isZero, mulDiv } from '../values/exact.ts';
import { SCORE_SOURCE_NOTE, type ScoreSource } from './score-source.ts';
import type { DepartmentSummary } from './summary.ts';

export type ReportNode =
  | {
      kind: 'text';
      text: string;
      /** starts a paragraph of its own (a project's 综述 is several paragraphs) */
      paragraph?: boolean;
    }
  | {
      kind: 'slot';
      /** stable id, the key of the user's text for this slot */
      id: string;
      /** what belongs here, in Chinese */
      label: string;
      /** default text until the user writes their own */
      text: string;
      paragraph?: boolean;
    };

export interface ReportSection {
  id: string;
  title: string;
  content: ReportNode[];
  sections: ReportSection[];
}

export interface ReportContent {
  kind: 'overall-report' | 'disclosure';
  title: string;
  sections: ReportSection[];
  /** disclosure: the projects whose forms are attached (indices into the forms) */
  attachments: number[];
}

export interface ReportInput {
  forms: readonly Evaluation[];
  scores: readonly EvaluationScore[];
  summary: DepartmentSummary;
  findings: readonly Finding[];
  /** department name; default: the forms' 主管部门 */
  department?: string;
  /**
   * which scores `scores` and `summary` carry (documentScores / summaryWithScores): stated in the
   * document, so a reader knows whether a figure is the corrected one
   */
  scoreSource?: ScoreSource;
  /** decimal places of a score (the scheme's, R4); 2 by default */
  scorePlaces?: number;
}

const text = (t: string, newParagraph = false): ReportNode => ({ kind: 'text', text: t, ...(newParagraph && { paragraph: true }) });
const slot = (id: string, label: string, t: string, newParagraph = false): ReportNode => ({
  kind: 'slot',
  id,
  label,
  text: t,
  ...(newParagraph && { paragraph: true }),
});
const section = (id: string, title: string, content: ReportNode[], sections: ReportSection[] = []): ReportSection => ({ id, title, content, sections });

/** The department a set of forms belongs to: the one given, else the forms' 主管部门 (or 实施单位). */
export function departmentName(input: Pick<ReportInput, 'forms' | 'department'>): string {
  if (input.department) return input.department;
  const ev = input.forms.find((f) => f.project.department?.name.raw || f.project.implementer?.name.raw);
  return ev?.project.department?.name.raw || ev?.project.implementer?.name.raw || '本部门';
}

const yearText = (s: DepartmentSummary) => (s.year === null ? '本' : `${s.year}`);

/** 9个优、1个中、1个差 — a grade nobody got is not listed ("0个良" says nothing a reader needs). */
function gradeList(s: DepartmentSummary): string {
  return list(
    Object.entries(s.gradeCounts)
      .filter(([, n]) => n > 0)
      .map(([g, n]) => `${n}个${g}`),
  );
}

const money = (v: string | null): string => (v === null ? '—' : `${moneyText(v)}万元`);
const rate = (v: string | null): string => (v === null ? '—' : `${rateText(v)}%`);

const RESULT_USE: Record<string, string> = {
  优: '在下年度预算安排中优先保障',
  良: '原则上维持下年度预算规模',
  中: '压减下年度预算规模，限期整改',
  差: '取消或大幅压减下年度预算，责令整改',
};

export function overallReport(input: ReportInput): ReportContent {
  const { summary: s, scores, forms, findings } = input;
  const dept = departmentName(input);
  const y = yearText(s);
  const score = (v: string | null) => (v === null ? '—' : `${scoreText(v, input.scorePlaces ?? 2)}分`);

  const overview = text(
    sentences([
      `${dept}${y}年度纳入绩效自评的项目${s.evaluated}个，全年预算数${money(s.total.budget)}，全年执行数${money(s.total.executed)}，预算执行率${rate(s.total.rate)}`,
      `应评项目${s.expected}个，已自评${s.evaluated}个，自评率${rate(s.selfEvaluationRate)}`,
    ]),
  );

  const full = s.rows.filter((r, i) => cmp(r.score, scores[i]!.maxTotal) === 0).length;
  const shortfalls = s.rows
    .map((r, i) => {
      const missed = scores[i]!.indicators.filter((x) => x.score !== null && x.points !== null && cmp(x.score, x.points) < 0);
      if (missed.length === 0) return null;
      return `${quote(r.project)}得分${score(r.score)}，未满分的指标：${list(missed.map((x) => `${clause(forms[i]!.indicators[x.index]!.name.raw)}（${scoreText(x.score!, input.scorePlaces ?? 2)}/${x.points}分）`))}`;
    })
    .filter((t): t is string => t !== null);
  const lowExecution = s.rows.filter((r) => r.rate !== null && cmp(r.rate, '80') < 0);
  const achievement = [
    text(sentence(countPhrase({ total: s.evaluated, count: full, noun: '项目', verb: '达到满分' }))),
    text(shortfalls.length ? paragraph(shortfalls) : '各项目绩效指标均已完成。'),
    text(
      lowExecution.length
        ? sentence(`预算执行率低于80%的项目${lowExecution.length}个：${list(lowExecution.map((r) => `${quote(r.project)}${rate(r.rate)}`))}`)
        : '各项目预算执行率均不低于80%。',
    ),
  ];

  const quality = qualitySentences(findings);

  const conclusion = text(sentences([`本单位${s.evaluated}个项目绩效自评为${gradeList(s)}，平均得分${score(s.averageScore)}`, ...sourceNote(input)]));

  const use = Object.keys(RESULT_USE)
    .map((g) => {
      const names = s.rows.filter((r) => r.grade === g).map((r) => quote(r.project));
      return names.length ? `评为“${g}”的${list(names)}，${RESULT_USE[g]}` : null;
    })
    .filter((t): t is string => t !== null);

  return {
    kind: 'overall-report',
    title: `${y}年度${dept}整体绩效自评工作报告`,
    attachments: [],
    sections: [
      section(
        'organization',
        '一、绩效自评工作组织开展情况',
        [],
        [
          section('preparation', '（一）前期准备', [
            slot(
              'preparation',
              '自评工作小组的组成与分工',
              '我单位成立了绩效自评工作小组，由（请填写组长、副组长及成员的姓名与职务）组成，明确分工和时间安排。',
            ),
          ]),
          section('implementation', '（二）组织实施', [
            slot(
              'implementation',
              '自评的步骤与方法（账目核对、满意度调查等）',
              '对照年初设定的绩效目标，逐项核对预算执行情况和绩效指标完成情况，核实账目和决算数据；（请补充满意度调查的对象、方式和回收情况）。',
            ),
          ]),
          section('overview', '（三）总体情况', [overview]),
        ],
      ),
      section('achievement', '二、绩效目标实现情况', achievement),
      section('quality', '三、绩效目标设定质量情况', quality),
      section('conclusion', '四、综合评价结论', [conclusion]),
      section('measures', '五、整改措施及结果应用', [
        ...(use.length ? [text(paragraph(use))] : []),
        slot('measures', '整改措施', '针对自评发现的问题，（请填写具体整改措施、责任人和完成时限）。'),
      ]),
    ],
  };
}

/** The sentence saying which scores the document prints, when the caller said (documentScores). */
const sourceNote = (input: ReportInput): string[] => (input.scoreSource ? [SCORE_SOURCE_NOTE[input.scoreSource]] : []);

/** 三、绩效目标设定质量: what the audit found about how targets were set (A1, A8, A9, A12). */
function qualitySentences(findings: readonly Finding[]): ReportNode[] {
  const count = (codes: string[]) =>
    new Set(findings.filter((f) => codes.includes(f.code)).map((f) => `${f.location.form?.index}:${f.location.indicator ?? ''}`)).size;
  const parts: string[] = [];
  const points = count(['A1.GROUP_POINTS', 'A1.TOTAL_POINTS']);
  if (points) parts.push(`${points}处指标分值合计与标明分值不符`);
  const dir = count(['A8.DIRECTION']);
  if (dir) parts.push(`${dir}项指标的比较方向不合理`);
  const vague = count(['A12.UNMEASURABLE', 'A12.VAGUE']);
  if (vague) parts.push(`${vague}项指标值无法衡量（如“长期”“逐步提高”）`);
  const copies = count(['A9.SAME_GOAL', 'A9.SAME_INDICATOR', 'A9.ACHIEVED_EQUALS_GOAL']);
  if (copies) parts.push(`${copies}处目标或指标文字与其他项目相同或与完成情况相同`);
  return [
    text(parts.length ? sentences([`逻辑校验发现：${parts.join('；')}`, '下一年度设定绩效目标时应予改进']) : '逻辑校验未发现绩效目标设定方面的问题。'),
    slot('quality-notes', '对目标设定质量的补充说明', '（可补充对绩效目标设定全面性、可衡量性的分析）'),
  ];
}

export interface DisclosureOptions {
  /** projects given a 综述 (indices into the forms); default: the three largest budgets */
  projects?: readonly number[];
  /** 一般公共预算项目支出总额, 万元, for the coverage share; without it the share is a slot */
  projectSpending?: string;
}

export function disclosureText(input: ReportInput, opts: DisclosureOptions = {}): ReportContent {
  const { summary: s, forms, scores } = input;
  const dept = departmentName(input);
  const y = yearText(s);
  const score = (v: string | null) => (v === null ? '—' : `${scoreText(v, input.scorePlaces ?? 2)}分`);
  const chosen =
    opts.projects ??
    [...s.rows]
      .sort((a, b) => cmp(b.budget ?? '0', a.budget ?? '0') || a.seq - b.seq)
      .slice(0, 3)
      .map((r) => r.form);

  const coverage: ReportNode[] = [
    text(`我单位组织对${y}年度${s.evaluated}个项目支出全面开展绩效自评，涉及预算资金${money(s.total.budget)}`),
    opts.projectSpending && !isZero(opts.projectSpending)
      ? text(`，占一般公共预算项目支出总额的${rate(mulDiv([s.total.budget, '100'], [opts.projectSpending], 2))}。`)
      : slot('coverage-share', '占一般公共预算项目支出总额的比例', '，占一般公共预算项目支出总额的（请填写）%。'),
    slot('government-funds', '政府性基金预算项目情况', '（请说明政府性基金预算项目及其绩效自评情况；没有的写明“本单位没有政府性基金预算项目”）。'),
  ];

  const results: ReportNode[] = [
    text(
      sentences([
        `本部门绩效自评的全部${s.evaluated}个项目，平均得分${score(s.averageScore)}，绩效自评结果总体为“${s.overallGrade ?? '—'}”等次（${gradeList(s)}）`,
        `全年项目预算资金为${money(s.total.budget)}，执行数为${money(s.total.executed)}，预算执行率为${rate(s.total.rate)}`,
        ...sourceNote(input),
      ]),
    ),
  ];

  const reviews = chosen.map((i) => {
    const ev = forms[i]!;
    const sc = scores[i]!;
    const r = s.rows[i]!;
    const narrative = (...kinds: string[]) => ev.narratives.filter((n) => kinds.includes(n.kind) && n.text.raw.trim()).map((n) => n.text.raw.trim());
    // a 偏差原因 explains points lost: only those of indicators that did not get full points are
    // problems (the others' say "已达到预期目标" and are not a finding)
    const deviations = sc.indicators
      .filter((x) => x.score !== null && x.points !== null && cmp(x.score, x.points) < 0)
      .map((x) => ev.indicators[x.index]!.deviation?.raw.trim() ?? '');
    const problems = paragraph([...narrative('problems', 'problems-and-measures'), ...deviations]);
    const measures = paragraph(narrative('measures'));
    const achieved = ev.goals.achieved?.raw.trim();
    const received = sc.budget.received ?? sc.budget.budget;
    return section(`review-${i}`, `${projectNoun(ev.project.name.raw)}绩效自评综述`, [
      text(
        sentences([
          `根据年初设定的绩效目标，绩效自评得分${score(r.score)}（${r.grade}）`,
          `全年预算数${money(r.budget)}，到位资金${money(received)}，实际执行${money(r.executed)}，预算执行率${rate(r.rate)}`,
        ]),
        true,
      ),
      achieved
        ? text(sentence(`项目绩效目标完成情况：${achieved}`), true)
        : slot(`review-${i}-achieved`, '项目绩效目标完成情况', '项目绩效目标完成情况：（请填写）。'),
      problems
        ? text(`发现的问题及原因：${problems}`, true)
        : slot(`review-${i}-problems`, '发现的问题及原因', '发现的问题及原因：（请填写；没有的写明“未发现明显问题”）。', true),
      measures ? text(`下一步改进措施：${measures}`, true) : slot(`review-${i}-measures`, '下一步改进措施', '下一步改进措施：（请填写）。', true),
    ]);
  });

  return {
    kind: 'disclosure',
    title: `${dept}${y}年度决算公开绩效情况说明`,
    attachments: [...chosen],
    sections: [
      section('management', '一、预算绩效管理工作开展情况', coverage),
      section('results', '二、项目绩效自评结果', results, reviews),
      section(
        'attachments',
        '附件',
        chosen.map((i) => text(`${projectNoun(forms[i]!.project.name.raw)}支出绩效自评表`, true)),
      ),
    ],
  };
}

/** Plain text of a report; slots show the user's text, or their default marked as still to be edited. */
export function renderReportText(c: ReportContent, fills: Readonly<Record<string, string>> = {}): string {
  const lines: string[] = [c.title, ''];
  const walk = (s: ReportSection) => {
    lines.push(s.title);
    const body = s.content
      .map((n) => `${n.paragraph ? '\n' : ''}${n.kind === 'text' ? n.text : (fills[n.id] ?? `${n.text}〔待编辑：${n.label}〕`)}`)
      .join('')
      .replace(/^\n/, '');
    if (body) lines.push(body);
    s.sections.forEach(walk);
  };
  c.sections.forEach(walk);
  return lines.join('\n');
}
