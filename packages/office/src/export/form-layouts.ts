/**
 * The 项目支出绩效自评表 in each region's layout, as one table the way the originals are one Word
 * table: identity, budget block, goals, the indicator tree, the total, the narrative blocks. The
 * labels are those the seeds use (and the importer anchors on), so an exported form imports back.
 */
import { list, printedTitle, sentence, type BudgetLine, type Evaluation, type Narrative } from '@jixiao/core';
import { money, percent, points, scoreText } from './cell-format.ts';
import { fitWidths, type DocBlock, type DocCell, type DocRow, type OfficialDocument } from './document-model.ts';
import { budgetRate, budgetScore, formContext, totalGrade, totalPoints, totalScore, type FormContext, type FormExportOptions } from './form-context.ts';
import { columnWidth, indicatorRows, type IndicatorColumnKey } from './indicator-rows.ts';
import { reviewBlocks, type PrintedReview } from './review-rows.ts';

export const LAYOUTS = ['national', 'hebei', 'yunzhou', 'ningxia'] as const;
export type LayoutId = (typeof LAYOUTS)[number];

export interface FormDocument extends OfficialDocument {
  /** printed claimed scores that differ from the computed ones (the user has not decided yet) */
  differing: FormContext['differing'];
  /** claimed figures replaced by the computed ones (the default), stated under the table */
  corrected: FormContext['corrected'];
}

const c = (text: string, more: Omit<DocCell, 'text'> = {}): DocCell => ({ text, ...more });
const label = (text: string, more: Omit<DocCell, 'text'> = {}): DocCell => ({ text, align: 'center', ...more });

function party(p: Evaluation['project']['department']): string {
  if (!p) return '';
  return p.code?.raw ? `${p.code.raw}-${p.name.raw}` : p.name.raw;
}

const yearLine = (ev: Evaluation): DocBlock[] => (ev.year === null ? [] : [{ kind: 'paragraph', text: `（${ev.year}年度）`, align: 'center' }]);

function fillerLine(ev: Evaluation, phoneLabel: string): DocBlock[] {
  if (!ev.filler) return [];
  return [{ kind: 'paragraph', text: `填报人：${ev.filler.name?.raw ?? ''}        ${phoneLabel}：${ev.filler.phone?.raw ?? ''}` }];
}

/** 注： notes written under the table (Ningxia), one paragraph per numbered line. */
function notes(ev: Evaluation): DocBlock[] {
  return ev.narratives
    .filter((n) => n.kind === 'remarks' && n.label.raw === '注')
    .flatMap((n) => n.text.raw.split('\n').map((t): DocBlock => ({ kind: 'paragraph', text: t })));
}

const isAnalysis = (n: Narrative) => ['execution-analysis', 'output-analysis', 'benefit-analysis', 'satisfaction-analysis'].includes(n.kind);

/** The narrative blocks as label/text rows below the total (remarks `备注` as one full-width row). */
function narrativeRows(ev: Evaluation, width: number, labelSpan: number): DocRow[] {
  const rows: DocRow[] = [];
  for (const n of ev.narratives) {
    if (n.kind === 'remarks') {
      if (n.label.raw !== '注') rows.push({ cells: [c(n.text.raw, { colSpan: width })] });
      continue;
    }
    rows.push({ cells: [label(n.label.raw, { colSpan: labelSpan }), c(n.text.raw, { colSpan: width - labelSpan })] });
  }
  return rows;
}

/** Header cells of the indicator table, one per key (the Hebei target with its 符号/值/单位 row below). */
function indicatorHeader(columns: readonly IndicatorColumnKey[], names: Partial<Record<IndicatorColumnKey, string>>, twoRows: boolean): DocRow[] {
  const top: DocCell[] = [];
  const sub: DocCell[] = [];
  for (const k of columns) {
    const text = names[k] ?? '';
    if (k === 'targetParts') {
      top.push(label(text, { colSpan: 3, bold: true }));
      sub.push(label('符号', { bold: true }), label('值', { bold: true }), label('单位\n（文字描述）', { bold: true }));
    } else top.push(label(text, { bold: true, ...(twoRows && { rowSpan: 2 }) }));
  }
  return twoRows
    ? [
        { cells: top, header: true },
        { cells: sub, header: true },
      ]
    : [{ cells: top, header: true }];
}

const NAMES: Partial<Record<IndicatorColumnKey, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  points: '分值',
  target: '年度指标值',
  actual: '实际完成值',
  score: '得分',
  deviation: '偏差原因分析及改进措施',
};

function budgetLineRows(ctx: FormContext, kinds: ReadonlyArray<keyof BudgetLine>, labelSpan: number, lastSpan: number): DocRow[] {
  return ctx.ev.budget.lines.map((line) => {
    const cells = [c(line.label.raw, { colSpan: labelSpan })];
    kinds.forEach((k, j) => {
      const f = line[k] as BudgetLine['initial'];
      let text: string;
      if (k === 'rate') text = line.kind === 'total' ? budgetRate(ctx, f) : percent(f);
      else if (k === 'score') text = line.kind === 'total' ? budgetScore(ctx, f) : f?.value ? scoreText(f.value, ctx.scheme.decimals) : points(f);
      else if (k === 'points') text = points(f);
      else text = money(f);
      cells.push(c(text, { align: 'right', ...(j === kinds.length - 1 && lastSpan > 1 && { colSpan: lastSpan }) }));
    });
    return { cells };
  });
}

const span = (keys: readonly IndicatorColumnKey[]) => keys.reduce((n, k) => n + columnWidth(k), 0);

/** 项目名称 and the two units (主管部门, 实施/预算单位), as most layouts head the form. */
function identityRows(ev: Evaluation, W: number, o: { labelSpan: number; deptLabel: string; deptSpan: number; implLabel: string }): DocRow[] {
  const L = o.labelSpan;
  return [
    { cells: [label('项目名称', { colSpan: L, bold: true }), c(ev.project.name.raw, { colSpan: W - L })] },
    ...codeRow(ev, W),
    {
      cells: [
        label(o.deptLabel, { colSpan: L, bold: true }),
        c(party(ev.project.department), { colSpan: o.deptSpan }),
        label(o.implLabel, { bold: true }),
        c(party(ev.project.implementer), { colSpan: W - L - o.deptSpan - 1 }),
      ],
    },
  ];
}

/** The 财政部 budget block (national, Ningxia): 年初预算数/全年预算数/全年执行数/分值/执行率/得分 and its lines. */
function nationalBudgetRows(ctx: FormContext, section: string, labelSpan: number, W: number): DocRow[] {
  const lastSpan = W - 1 - labelSpan - 5; // 得分 takes what the section, label and five columns leave
  return [
    {
      cells: [
        label(section, { rowSpan: ctx.ev.budget.lines.length + 1, bold: true }),
        c('', { colSpan: labelSpan }),
        ...['年初预算数', '全年预算数', '全年执行数', '分值', '执行率'].map((t) => label(t, { bold: true })),
        label('得分', { colSpan: lastSpan, bold: true }),
      ],
    },
    ...budgetLineRows(ctx, ['initial', 'adjusted', 'executed', 'points', 'rate', 'score'], labelSpan, lastSpan),
  ];
}

/** Title, year, the table and what follows it: the frame every layout puts around its table. */
function page(ev: Evaluation, rows: DocRow[], weights: number[], o: { title: string; phoneLabel: string; before?: DocBlock[] }): DocBlock[] {
  return [
    // the title as the filler wrote it, a doubled word printed once (the stored title is kept as written)
    { kind: 'title', text: printedTitle(ev.title?.raw || o.title) },
    ...yearLine(ev),
    ...(o.before ?? []),
    { kind: 'table', table: { widths: fitWidths(weights, true), rows } },
    ...notes(ev),
    ...fillerLine(ev, o.phoneLabel),
  ];
}

/** 财政部 layout (the Xinjiang seed): 年初/全年预算数, 分值, 执行率, 得分; 年度指标值; 偏差原因. */
function national(ctx: FormContext): DocBlock[] {
  const { ev } = ctx;
  const cols: IndicatorColumnKey[] = ['level1', 'level2', 'name', 'target', 'actual', 'points', 'score', 'deviation'];
  const W = 1 + span(cols); // a section column in front
  const rows: DocRow[] = [
    ...identityRows(ev, W, { labelSpan: 1, deptLabel: '主管部门', deptSpan: 3, implLabel: '实施单位' }),
    ...nationalBudgetRows(ctx, '项目资金\n（万元）', 2, W),
    ...goalRows(ctx, '年度总体目标', '预期目标', '实际完成情况', W),
    ...withSection('年度绩效指标完成情况', [...indicatorHeader(cols, NAMES, false), ...indicatorRows(ctx, cols)]),
    totalRow(ctx, '总分', W, cols, 1, false),
    ...narrativeRows(ev, W, 3),
  ];
  return page(ev, rows, [12, 14, 16, 30, 18, 18, 10, 10, 24], { title: '项目支出绩效自评表', phoneLabel: '联系电话' });
}

function codeRow(ev: Evaluation, W: number): DocRow[] {
  if (!ev.project.code && !ev.project.level) return [];
  return [
    {
      cells: [
        label('项目编码', { bold: true }),
        c(ev.project.code?.raw ?? '', { colSpan: 3 }),
        label('项目级次', { bold: true }),
        c(ev.project.level?.raw ?? '', { colSpan: W - 5 }),
      ],
    },
  ];
}

/** A section label down the first column of some rows (the rows given must leave that column free). */
function withSection(text: string, rows: DocRow[]): DocRow[] {
  if (rows.length === 0) return rows;
  return [{ ...rows[0]!, cells: [label(text, { rowSpan: rows.length, bold: true }), ...rows[0]!.cells] }, ...rows.slice(1)];
}

function goalRows(ctx: FormContext, section: string, expected: string, achieved: string, W: number): DocRow[] {
  const g = ctx.ev.goals;
  const rate = g.completionRate !== undefined;
  const left = Math.ceil((W - 1 - (rate ? 1 : 0)) / 2);
  const right = W - 1 - left - (rate ? 1 : 0);
  return [
    {
      cells: [
        label(section, { rowSpan: 2, bold: true }),
        label(expected, { colSpan: left, bold: true }),
        label(achieved, { colSpan: right, bold: true }),
        ...(rate ? [label('总体\n完成率', { bold: true })] : []),
      ],
    },
    {
      cells: [
        c(g.expected?.raw ?? '', { colSpan: left }),
        c(g.achieved?.raw ?? '', { colSpan: right }),
        ...(rate ? [c(percent(g.completionRate), { align: 'right' })] : []),
      ],
    },
  ];
}

/**
 * 总分 row: the label over the columns before 分值, Σ 分值 under 分值, the total under 得分, and the
 * grade after it where the layout prints one.
 */
function totalRow(ctx: FormContext, text: string, W: number, cols: readonly IndicatorColumnKey[], lead: number, grade: boolean): DocRow {
  const gridCol = (k: IndicatorColumnKey) => lead + span(cols.slice(0, cols.indexOf(k)));
  const pointsCol = gridCol('points');
  const scoreCol = gridCol('score');
  const gap = scoreCol - pointsCol - 1;
  const rest = W - scoreCol - 1;
  return {
    cells: [
      label(text, { colSpan: pointsCol, bold: true }),
      c(totalPoints(ctx), { align: 'right', bold: true }),
      ...(gap > 0 ? [c('', { colSpan: gap })] : []),
      c(totalScore(ctx), { align: 'right', bold: true }),
      ...(rest > 0 ? [label(grade ? totalGrade(ctx) : '', { colSpan: rest, bold: true })] : []),
    ],
  };
}

/** Hebei: 预算数/到位数/执行数 pairs, 符号/值/单位 targets, 单项指标完成情况, the 存在问题 block, 填报人. */
function hebei(ctx: FormContext): DocBlock[] {
  const { ev } = ctx;
  const cols: IndicatorColumnKey[] = ['level1', 'level2', 'name', 'points', 'targetParts', 'actual', 'completion', 'score'];
  const W = 1 + span(cols); // 11
  const budget: DocRow[] = ev.budget.lines.map((l) => {
    // the total line pairs 预算数/到位数/执行数; the others repeat their own label (其中：财政资金 ×3)
    const [r, e] = l.kind === 'total' ? ['到位数', '执行数'] : [l.label.raw, l.label.raw];
    return {
      cells: [
        c(l.label.raw, { colSpan: 2 }),
        c(money(l.adjusted), { align: 'right' }),
        c(r),
        c(money(l.received), { align: 'right', colSpan: 2 }),
        c(e),
        c(money(l.executed), { align: 'right' }),
        c(l.kind === 'total' ? budgetRate(ctx, l.rate) : percent(l.rate), { align: 'right', colSpan: 2 }),
      ],
    };
  });
  const names = { ...NAMES, points: '指标分值', targetParts: '预期指标值', completion: '单项指标\n完成情况', score: '自评得分' };
  const rows: DocRow[] = [
    {
      cells: [
        label('一、基本情况', { bold: true }),
        label('项目名称', { bold: true }),
        c(ev.project.name.raw, { colSpan: 3 }),
        label('项目级次', { bold: true }),
        c(ev.project.level?.raw ?? '', { colSpan: 2 }),
        label('实施（主管）单位', { bold: true }),
        c(party(ev.project.implementer), { colSpan: 2 }),
      ],
    },
    ...withSection('二、预算执行情况', [
      {
        cells: [
          label('预算安排情况\n（调整后）', { colSpan: 3, bold: true }),
          label('资金到位情况', { colSpan: 3, bold: true }),
          label('资金执行情况', { colSpan: 2, bold: true }),
          label('预算执行进度', { colSpan: 2, bold: true }),
        ],
      },
      ...budget,
    ]),
    ...goalRows(ctx, '三、目标完成情况', '年度预期目标', '具体完成情况', W),
    ...withSection('四、年度绩效指标完成情况', [...indicatorHeader(cols, names, true), ...indicatorRows(ctx, cols)]),
    totalRow(ctx, '自评总分', W, cols, 1, false),
    ...narrativeRows(ev, W, 3),
  ];
  return page(ev, rows, [10, 14, 14, 24, 10, 8, 10, 12, 18, 22, 10], {
    title: '项目绩效自评表',
    phoneLabel: '联系方式',
    before: [{ kind: 'paragraph', text: `填报单位：${ev.project.fillingUnit?.raw ?? ''}        金额单位：万元` }],
  });
}

/** Yunzhou (Shanxi): 目标申报数/预算编制数, 资金结(转)余, 年初/调整后指标值, 项目绩效分析, 备注. */
function yunzhou(ctx: FormContext): DocBlock[] {
  const { ev } = ctx;
  const cols: IndicatorColumnKey[] = ['level1', 'level2', 'name', 'target', 'targetAdjusted', 'actual', 'points', 'score', 'deviation'];
  const W = 1 + span(cols); // 10
  const lines = ev.budget.lines.length;
  const names = { ...NAMES, target: '年初指标值', targetAdjusted: '调整后指标值' };
  const narrative = ev.narratives.filter((n) => n.kind !== 'remarks');
  const analyses = narrative.filter(isAnalysis);
  const analysisRows: DocRow[] = narrative.map((n) => {
    const first = n === analyses[0];
    if (isAnalysis(n))
      return {
        cells: [
          ...(first ? [label('自评结果分析', { rowSpan: analyses.length, bold: true })] : []),
          label(n.label.raw, { colSpan: 2 }),
          c(n.text.raw, { colSpan: W - 4 }),
        ],
      };
    return { cells: [label(n.label.raw, { colSpan: 3 }), c(n.text.raw, { colSpan: W - 4 })] };
  });
  const remarks = ev.narratives.filter((n) => n.kind === 'remarks' && n.label.raw !== '注');
  const rows: DocRow[] = [
    ...identityRows(ev, W, { labelSpan: 1, deptLabel: '主管部门及代码', deptSpan: 4, implLabel: '预算单位' }),
    {
      cells: [
        label('项目资金预算安排及执行进度（万元）', { rowSpan: lines + 2, bold: true }),
        c('', { rowSpan: 2 }),
        label('年初预算数', { colSpan: 2, bold: true }),
        ...['全年预算数', '全年执行数', '资金结(转)余', '执行率'].map((t) => label(t, { rowSpan: 2, bold: true })),
        label('得分', { rowSpan: 2, colSpan: 2, bold: true }),
      ],
    },
    { cells: [label('目标申报数', { bold: true }), label('预算编制数', { bold: true })] },
    ...budgetLineRows(ctx, ['declared', 'prepared', 'adjusted', 'executed', 'balance', 'rate', 'score'], 1, 2),
    ...goalRows(ctx, '项目年度绩效目标', '年度目标', '实际完成情况', W),
    ...withSection('绩效指标', [...indicatorHeader(cols, names, false), ...indicatorRows(ctx, cols)]),
    totalRow(ctx, '总分', W, cols, 1, true),
    ...(analysisRows.length ? withSection('项\n目\n绩\n效\n分\n析', analysisRows) : []),
    ...remarks.map((n) => ({ cells: [c(n.text.raw, { colSpan: W })] })),
  ];
  return page(ev, rows, [10, 13, 15, 26, 15, 15, 15, 9, 9, 22], { title: '项目支出绩效自评表', phoneLabel: '联系电话' });
}

/** Ningxia: the national budget block, 年度指标值(A)/全年实际值(B), the 得分计算方法 column and the notes. */
function ningxia(ctx: FormContext): DocBlock[] {
  const { ev } = ctx;
  const cols: IndicatorColumnKey[] = ['level1', 'level2', 'name', 'target', 'actual', 'points', 'score', 'method', 'deviation'];
  const W = span(cols); // 9
  const names = { ...NAMES, target: '年度指标值(A)', actual: '全年实际值(B)', method: '得分计算方法' };
  const rows: DocRow[] = [
    ...identityRows(ev, W, { labelSpan: 2, deptLabel: '主管部门', deptSpan: 2, implLabel: '实施单位' }),
    ...nationalBudgetRows(ctx, '项目资金 (万元)', 1, W),
    ...goalRows(ctx, '年度总体目标', '预期目标', '实际完成情况', W),
    ...indicatorHeader(cols, names, false),
    ...indicatorRows(ctx, cols),
    totalRow(ctx, '总分', W, cols, 0, false),
    ...narrativeRows(ev, W, 2),
  ];
  // the 得分 column is also the budget block's 执行率: wide enough for 100.00% on one line
  return page(ev, rows, [14, 16, 28, 16, 16, 9, 12, 29, 24], { title: '项目支出绩效自评表', phoneLabel: '联系电话' });
}

const BUILDERS: Record<LayoutId, (ctx: FormContext) => DocBlock[]> = { national, hebei, yunzhou, ningxia };

export const isLayout = (id: string): id is LayoutId => (LAYOUTS as readonly string[]).includes(id);

/** The form as an official document in its own layout (or the one asked for). */
export function formDocument(ev: Evaluation, opts: FormExportOptions & { layout?: LayoutId; review?: PrintedReview } = {}): FormDocument {
  const ctx = formContext(ev, opts);
  const layout = opts.layout ?? (isLayout(ev.layout) ? ev.layout : 'national');
  // landscape: the indicator table has 9 to 11 columns
  const blocks = BUILDERS[layout](ctx);
  return {
    name: `${ev.project.name.raw || '项目'}绩效自评表`,
    sections: [{ landscape: true, blocks: [...blocks, ...sourceNote(ctx), ...reviewBlocks(ev, opts.review, ctx.scheme.decimals)] }],
    differing: ctx.differing,
    corrected: ctx.corrected,
  };
}

/**
 * Where the printed scores are not what the form claims, the form says so under its table: which
 * figures were corrected, from what (one source per document, issue 22).
 */
function sourceNote(ctx: FormContext): DocBlock[] {
  if (ctx.corrected.length === 0) return [];
  const what = list(ctx.corrected.map((d) => `${d.label}填报${d.claimed}，计算为${d.computed}`));
  return [{ kind: 'paragraph', text: sentence(`说明：本表得分按评分规则重新计算（${what}）`) }];
}
