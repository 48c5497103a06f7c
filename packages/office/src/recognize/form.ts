/**
 * Maps the blocks of one form (from its 项目名称 row to the next form) to an Evaluation.
 * Anchored on labels, never on a file's name or a region: the same code reads the national,
 * Hebei, Yunzhou and Ningxia layouts. Rows that do not fit the header's columns (text extracted
 * from PDFs shifts cells) are read by their content instead, and the shift is reported.
 */
import {
  canonicalLevel1,
  canonicalLevel2,
  cleanCell,
  cmp,
  mulDiv,
  round,
  declaredPoints,
  level1OfLevel2,
  parseValue,
  type BudgetLine,
  type Evaluation,
  type Indicator,
  type Level1Group,
  type Narrative,
  type Provenance,
  type TextField,
} from '@jixiao/core';
import { lineOf, type Block, type Cell } from '../grid.ts';
import { cellText, isBlank, isNumeric, numberField, textField } from './fields.ts';
import { ImportError } from '../errors.ts';
import { mapColumns, ROLE_NAMES, type ColumnReport } from './columns.ts';
import {
  budgetColumn,
  budgetLineLabel,
  identityLabel,
  indicatorColumn,
  isLevel1Heading,
  isLevel2Name,
  isTotalLabel,
  narrativeLabel,
  norm,
  pairLabel,
  type BudgetColumn,
  type IndicatorColumn,
} from './labels.ts';

export interface ImportNote {
  code: string;
  message: string;
  src?: Provenance;
}

type Row = Extract<Block, { kind: 'row' }>;

/** One table of a form as the preview shows it: where it starts and what each header column became. */
export interface TableReport {
  kind: 'budget' | 'indicators';
  src: Provenance;
  columns: ColumnReport[];
}

export interface FormContext {
  file: string;
  year: number | null;
  title: TextField | undefined;
  schemeId: string;
  layout: string;
  notes: ImportNote[];
  /** filled by recognizeForm: the tables read and their columns (issue 21, item 8) */
  tables?: TableReport[];
  /** filled by recognizeForm: label and header cells that were read as such (not as figures) */
  consumed?: Set<Cell>;
}

/** A header row: labels only, never a figure (a data row of the Hebei block names its figures inline). */
const isHeaderRow = (r: Row): boolean => !r.cells.some((c) => isNumeric(c));

/** The table of indicators starts at a header naming the indicator and at least one of its figures. */
export function isIndicatorHeader(r: Row): boolean {
  if (r.cells.length < 3) return false;
  const roles = new Set(r.cells.map((c) => indicatorColumn(c.text)));
  roles.delete(null);
  // three distinct meanings at least: a name and a figure, and one more (a row of two labels is prose)
  return (roles.has('name') || roles.has('level1')) && (roles.has('target') || roles.has('actual') || roles.has('points')) && roles.size >= 3 && isHeaderRow(r);
}

/** Cells left of an indicator table's columns that name the table itself. */
const isSectionLabel = (t: string): boolean => /^([一二三四五六七八九十]+、)?(年度)?绩效指标(完成情况)?$/.test(norm(t));

export function recognizeForm(blocks: Block[], ctx: FormContext): Evaluation {
  const rows = blocks.filter((b): b is Row => b.kind === 'row');
  const find = (pred: (r: Row) => boolean, from = 0) => {
    for (let i = from; i < rows.length; i++) if (pred(rows[i]!)) return i;
    return -1;
  };
  ctx.tables ??= [];
  ctx.consumed ??= new Set();
  const budgetAt = find((r) => r.cells.some((c) => budgetColumn(c.text) !== null || budgetLineLabel(c.text) === 'total'));
  const labelledGoalsAt = find((r) => r.cells.some((c) => EXPECTED_LABEL.test(norm(c.text))));
  const indAt = find(isIndicatorHeader);
  if (indAt < 0) {
    const name = rows.flatMap((r) => r.cells).find((c, i, all) => norm(c.text) === '项目名称' && all[i + 1])?.text;
    throw new ImportError(
      'IMPORT.NO_INDICATOR_TABLE',
      `“${ctx.file}”中${ctx.title ? `“${ctx.title.raw}”` : '的自评表'}未找到绩效指标表（缺少“三级指标/指标名称”及“指标值/完成值/分值”等表头），已识别的内容不会保存`,
      {
        file: ctx.file,
        src: rows[0]?.src,
        rows: rows.length,
        ...(name && { project: name }),
      },
    );
  }
  const bareGoalsAt = labelledGoalsAt < 0 ? find(isBareGoalRow) : -1;
  const goalsAt = labelledGoalsAt >= 0 ? labelledGoalsAt : bareGoalsAt < indAt ? bareGoalsAt : -1;
  const totalAt = find((r) => r.cells.some((c) => isTotalLabel(c.text)), indAt);
  // a row in the table's frame that says something else (`其他需要说明事项｜无`, before Yunnan's 总分):
  // the indicators end there, and it is read as a remark
  const notesAt = find((r) => narrativeLabel(r.cells.find((c) => !isBlank(c))?.text ?? '') === 'remarks', indAt + 1);
  const notesEnd = notesAt >= 0 && (totalAt < 0 || notesAt < totalAt) ? notesAt : -1;
  const end = (...xs: number[]) => Math.min(...xs.filter((x) => x >= 0), rows.length);

  const project = identity(rows.slice(0, end(budgetAt, goalsAt, indAt)), ctx);
  // each block runs to the next one below it: the goals come before the budget in 四川's 部门预算 form
  const after = (at: number) => end(...[budgetAt, goalsAt, indAt].filter((x) => x > at));
  const lines = budgetAt >= 0 ? budget(rows.slice(budgetAt, after(budgetAt)), ctx) : [];
  const goals = goalsAt >= 0 ? goalBlock(rows.slice(goalsAt, after(goalsAt))) : {};
  if (goalsAt >= 0 && goalsAt === bareGoalsAt && goals.achieved)
    ctx.notes.push({
      code: 'IMPORT.GOALS_NO_LABELS',
      message: '年度总体目标未标明“预期目标”“实际完成情况”：按全国通用格式的列序（前为预期目标，后为实际完成情况）读取，请核对',
      src: rows[goalsAt]!.src,
    });
  // A header whose upper row names groups (`绩效指标` over 一级｜二级｜三级, `指标值` over 年度｜实际) and holds
  // the columns that span both rows (分值, 得分): the table starts at the upper row.
  const above = rows[indAt - 1];
  const upper =
    above !== undefined &&
    indAt - 1 !== goalsAt &&
    isHeaderRow(above) &&
    above.cells.some((c) => indicatorColumn(c.text) !== null) &&
    !above.cells.some((c) => budgetLineLabel(c.text) !== null || identityLabel(c.text) !== null) &&
    twoRowHeader(above, rows[indAt]) !== null;
  const from = upper ? indAt - 1 : indAt;
  const table = indicators(rows.slice(from, end(totalAt, notesEnd)), ctx);
  const claimed = totalAt >= 0 ? totalRow(rows[totalAt]!, table, ctx) : {};
  if (totalAt >= 0) for (const c of rows[totalAt]!.cells) if (isTotalLabel(c.text)) ctx.consumed.add(c);
  if (goalsAt >= 0) for (const c of rows[goalsAt]!.cells) ctx.consumed.add(c);
  const narratives = [
    ...narrativeBlocks(notesEnd >= 0 ? rows.slice(notesEnd, end(totalAt)) : []),
    ...narrativeBlocks(totalAt >= 0 ? blocks.slice(blocks.indexOf(rows[totalAt]!) + 1) : []),
  ];
  const filler = fillerOf(blocks);

  return {
    formatVersion: 1,
    schemeId: ctx.schemeId,
    layout: ctx.layout,
    year: ctx.year,
    ...(ctx.title && { title: ctx.title }),
    project,
    budget: { unit: '万元', lines },
    goals,
    groups: table.groups,
    indicators: table.indicators,
    narratives,
    claimed,
    ...(filler && { filler }),
  };
}

function identity(rows: Row[], ctx: FormContext): Evaluation['project'] {
  const p: Evaluation['project'] = { name: { raw: '' } };
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      const field = identityLabel(c.text);
      if (!field) return;
      ctx.consumed?.add(c);
      const next = r.cells.slice(i + 1).find((x) => !isBlank(x) || identityLabel(x.text) !== null);
      const value = next && identityLabel(next.text) === null ? textField(next) : { raw: '', src: c.src };
      if (field === 'department' || field === 'implementer') {
        // `007-中国共产党…委员会`: a budget code, a dash, the unit's name.
        const m = /^(\d+)\s*[-－—]\s*(.+)$/s.exec(value.raw);
        p[field] = m
          ? { name: { raw: m[2]!, ...(value.src && { src: value.src }) }, code: { raw: m[1]!, ...(value.src && { src: value.src }) } }
          : { name: value };
      } else p[field] = value;
    });
  }
  return p;
}

/**
 * The budget block by its header's meaning (issue 21, item 1): each header column from the first
 * one with a role is a slot, and the figures after a line's label fill the slots in order. A column
 * without a role keeps its slot — its figure is reported, never taken by its neighbour — and a role
 * claimed by two columns is read from neither.
 */
function budget(rows: Row[], ctx: FormContext): BudgetLine[] {
  // The national order when the block has no header at all (Ningxia form 2), said in a note.
  let slots: Array<BudgetColumn | null> = ['initial', 'adjusted', 'executed', 'points', 'rate', 'score'];
  const at = rows.findIndex((r) => isHeaderRow(r) && r.cells.filter((c) => budgetColumn(c.text) !== null).length >= 3);
  const header = rows[at];
  if (header) {
    // A second header row under it (`执行情况` over `全年执行数｜执行率`): placed by grid column where the
    // file records spans; otherwise the columns from the first group label on cannot be placed.
    const below = rows[at + 1];
    const yunzhou = below?.cells.some((c) => budgetColumn(c.text) === 'declared') ?? false;
    const two = yunzhou ? null : twoRowHeader(header, below, budgetColumn);
    const unsure = !yunzhou && !two && below !== undefined && isHeaderRow(below) && below.cells.some((c) => budgetColumn(c.text) !== null);
    const cells = two?.cells ?? header.cells;
    let first = cells.findIndex((c) => budgetColumn(c.text) !== null);
    // an unknown figure column before the first known one keeps its slot too, so that the figures
    // after it are not taken one column early; the row-label headers (项目资金（万元）…) do not
    while (first > 0 && !isBlank(cells[first - 1]) && !isRowLabelHeader(cellText(cells[first - 1]))) first--;
    const map = mapColumns(cells, budgetColumn, first);
    let last = cells.length - 1;
    while (last > first && isBlank(cells[last])) last--;
    slots = cells.slice(first, last + 1).map((c, j) => {
      const k = budgetColumn(c.text);
      return k !== null && map.cols[k] === first + j ? k : null;
    });
    if (unsure) {
      const gap = slots.indexOf(null);
      if (gap >= 0) {
        slots = slots.map((k, j) => (j >= gap ? null : k));
        ctx.notes.push({
          code: 'IMPORT.BUDGET_HEADER_UNCERTAIN',
          message: '预算表的表头分两行，无法确定各数所在的列：该表头分组及其后各列的数未导入，请核对',
          src: header.src,
        });
      }
      for (const c of below!.cells) ctx.consumed?.add(c);
    }
    for (const c of [...header.cells, ...(two ? below!.cells : [])]) ctx.consumed?.add(c);
    for (const g of two?.groups ?? []) map.columns.push({ header: cellText(g), src: g.src, role: null, meaning: '上层表头（其下各列分别识别）' });
    for (const role of map.ambiguous)
      ctx.notes.push({ code: 'IMPORT.AMBIGUOUS_COLUMN', message: `预算表中有多列都表示“${ROLE_NAMES[role]}”，无法确定取哪一列，该数未导入`, src: header.src });
    const sub = rows.find((r) => r.cells.some((c) => budgetColumn(c.text) === 'declared'));
    if (sub) {
      const split = sub.cells.map((c) => budgetColumn(c.text)).filter((k): k is BudgetColumn => k === 'declared' || k === 'prepared');
      slots = slots.flatMap((k) => (k === 'initial' ? split : [k]));
      for (const c of sub.cells) ctx.consumed?.add(c);
      for (const c of sub.cells.filter((x) => !isBlank(x))) {
        const role = budgetColumn(c.text);
        map.columns.push({ header: cellText(c), src: c.src, role, meaning: role ? ROLE_NAMES[role] : '未识别的列：其中的内容未导入' });
      }
    }
    for (const c of map.columns) if (c.role === 'method') c.meaning += '（已识别，不单独保存）';
    ctx.tables?.push({ kind: 'budget', src: header.src, columns: map.columns });
    noteRateBase(slots, cells.slice(first), ctx);
  } else if (rows.some((r) => r.cells.some((c) => budgetLineLabel(c.text) !== null && r.cells.filter((x) => isNumeric(x)).length >= 3))) {
    ctx.notes.push({
      code: 'IMPORT.BUDGET_NO_HEADER',
      message: '预算资金表没有表头，按全国通用格式的列序（年初预算数、全年预算数、全年执行数、分值、执行率、得分）读取，请核对',
      src: rows[0]?.src,
    });
  }
  const lines: BudgetLine[] = [];
  for (const r of rows) {
    const at = r.cells.findIndex((c) => budgetLineLabel(c.text) !== null);
    if (at < 0) continue;
    const kind = budgetLineLabel(r.cells[at]!.text)!;
    const line: BudgetLine = { kind, label: textField(r.cells[at]) };
    const pairs = r.cells.filter((c) => pairLabel(c.text) !== null || budgetLineLabel(c.text) !== null).length;
    if (pairs >= 3) {
      // Hebei: label, value, label, value, label, value, then 预算执行进度.
      const order: Array<'adjusted' | 'received' | 'executed'> = ['adjusted', 'received', 'executed'];
      let k = 0;
      let last = at;
      r.cells.forEach((c, i) => {
        if (i >= at && (pairLabel(c.text) !== null || budgetLineLabel(c.text) !== null) && k < order.length) {
          line[order[k++]!] = numberField(r.cells[i + 1]);
          ctx.consumed?.add(c);
          last = i + 1;
        }
      });
      if (r.cells[last + 1]) line.rate = numberField(r.cells[last + 1]);
    } else {
      slots.forEach((k, j) => {
        const c = r.cells[at + 1 + j];
        if (!c || k === null) return;
        // the rule the block is scored by (R3 is jixiao's): recognised, kept out of the figures
        if (k === 'method') ctx.consumed?.add(c);
        else line[k] = numberField(c);
      });
    }
    lines.push(line);
  }
  movePointsToTotal(lines, ctx);
  if (rows.some((r) => r.cells.some((c) => IN_YUAN.test(cellText(c))))) inWanYuan(lines, ctx, rows[0]?.src);
  return lines;
}

/**
 * A block whose only budget column is 年初预算数 (Beijing's `年初预算数（A）｜全年执行数（B）｜…｜执行率（B/A）`):
 * the figure stays where the form puts it — it is not copied into 全年预算数, which the form does not
 * state — and the scorer takes it as the rate's base (R3: no 全年预算数 → 年初预算数). A note says which
 * column the rate is measured against, so that a budget adjusted in the year is not missed unseen.
 */
function noteRateBase(slots: Array<BudgetColumn | null>, cells: Cell[], ctx: FormContext): void {
  const at = slots.indexOf('initial');
  if (at < 0 || slots.some((k) => k === 'adjusted' || k === 'prepared' || k === 'declared')) return;
  const head = cells[at]!;
  ctx.notes.push({
    code: 'IMPORT.RATE_BASE_INITIAL',
    message: `预算表没有“全年预算数”列：执行率以“${cellText(head)}”列为基数计算，请核对年中是否调整过预算`,
    src: head.src,
  });
}

/** A budget block that states its money in 元 (`项目资金（元）`, `单位：元`), not 万元. */
const IN_YUAN = /[（(]\s*元\s*[)）]|单位\s*[:：]\s*元(?![\u4e00-\u9fa5])/;
const MONEY_FIELDS = ['initial', 'declared', 'prepared', 'adjusted', 'received', 'executed', 'balance'] as const;

/**
 * The model keeps money in 万元: figures written in 元 are converted exactly (the decimal point moved four
 * places, nothing rounded), and a note says so. Read as if they were 万元 they would be ten thousand times
 * too large — a wrong number that looks right. The text is the 万元 figure too: the editor shows and edits
 * the text under 万元 headings, where `250000.00` would read as 25 亿元 (a user trial); the figure as
 * written stays in the file stored with the form, at the cell's `src`.
 */
function inWanYuan(lines: BudgetLine[], ctx: FormContext, src: Block['src'] | undefined): void {
  let converted = 0;
  for (const line of lines)
    for (const k of MONEY_FIELDS) {
      const f = line[k];
      if (f?.value === null || f?.value === undefined) continue;
      const places = (f.value.split('.')[1] ?? '').length + 4;
      const wan = mulDiv([f.value], ['10000'], places).replace(/\.?0+$/, '') || '0';
      line[k] = { ...f, raw: wan, value: wan };
      converted++;
    }
  if (converted)
    ctx.notes.push({
      code: 'IMPORT.MONEY_IN_YUAN',
      message: `预算资金以“元”填写，已按 1 万元 = 10000 元换算为万元（${converted} 个数；原文件随表保存，可对照）`,
      ...(src && { src }),
    });
}

/** The header over a budget block's line labels: 项目资金（万元）, 资金情况, 资金来源, 资金构成 … */
const isRowLabelHeader = (t: string): boolean =>
  /^(项目)?资金(情况|来源|构成|性质)?|万元|^项目$|^资金项目$|^来源$|^[一二三四五六七八九十]+、/.test(norm(t)) ||
  budgetLineLabel(t) !== null ||
  identityLabel(t) !== null;

/**
 * Some forms write the budget block's 分值 and 得分 on the 本年财政拨款 line instead of the total line
 * (issue 21, item 1). They belong to the block, which the scorer reads from the total line (R3):
 * moved there with their own cell as provenance, and said in a note.
 */
function movePointsToTotal(lines: BudgetLine[], ctx: FormContext): void {
  const total = lines.find((l) => l.kind === 'total');
  if (!total) return;
  for (const k of ['points', 'score'] as const) {
    if (total[k]?.value !== undefined && total[k]?.value !== null) continue;
    const from = lines.find((l) => l !== total && l[k]?.value !== undefined && l[k]?.value !== null);
    if (!from) continue;
    total[k] = from[k];
    delete from[k];
    ctx.notes.push({
      code: 'IMPORT.BUDGET_MOVED',
      message: `预算执行的${k === 'points' ? '分值' : '得分'}写在“${from.label.raw}”行，已按全项目（${total.label.raw}）读取`,
      ...(total[k]!.src && { src: total[k]!.src }),
    });
  }
}

/**
 * Beijing's 年度总体目标 row: the label, then the set goal and what was done, with no 预期目标/实际完成情况
 * labels over them — one or two texts, none of them a label of the form.
 */
function isBareGoalRow(r: Row): boolean {
  const [label, ...texts] = r.cells.filter((c) => !isBlank(c));
  if (!label || !/^(年度总体目标|项目年度绩效目标)$/.test(norm(label.text))) return false;
  return texts.length >= 1 && texts.length <= 2 && texts.every((c) => !isNumeric(c) && !GOAL_LABELS.test(norm(c.text)) && identityLabel(c.text) === null);
}

/** A goal block's label over the year's goal (四川's 部门预算 form: 项目年度目标) and over what was done. */
const EXPECTED_LABEL = /^(预期目标|年度目标|年度预期目标|年初设定目标|项目年度目标)$/;
const ACHIEVED_LABEL = /^(实际完成情况|全年实际完成情况|年度总体目标完成情况综述|具体完成情况|年度目标完成情况)$/;

/**
 * The labels of a goal block's cells (not its texts); 年初设定目标 over 年度总体目标完成情况综述 or
 * 全年实际完成情况 in the 衔接资金 and 专项资金 forms (安徽, 四川, 湖南).
 */
const GOAL_LABELS =
  /^(年度总体目标|项目年度绩效目标|三、目标完成情况|目标完成情况|预期目标|年度目标|年度预期目标|年初设定目标|项目年度目标|实际完成情况|全年实际完成情况|年度总体目标完成情况综述|年度目标完成情况|具体完成情况|总体完成率)$/;

function goalBlock(rows: Row[]): Evaluation['goals'] {
  const header = rows[0]!;
  const hasRate = header.cells.some((c) => norm(c.text).includes('完成率'));
  if (!hasRate) {
    const byColumn = goalsUnderLabels(rows);
    if (byColumn) return byColumn;
  }
  const cells = rows.flatMap((r, i) => (i === 0 ? r.cells.filter((c) => !GOAL_LABELS.test(norm(c.text))) : r.cells)).filter((c) => !isBlank(c));
  const goals: Evaluation['goals'] = {};
  if (cells[0]) goals.expected = textField(cells[0]);
  if (cells[1]) goals.achieved = textField(cells[1]);
  if (hasRate && cells[2]) goals.completionRate = numberField(cells[2]);
  return goals;
}

/**
 * Texts standing under their labels (`预期目标 | 实际完成情况` over the two texts) read by column: a form
 * that leaves its 预期目标 empty (上海 普陀) keeps its 实际完成情况 where it is, not moved up into the
 * empty place. Null when the labels are not over the texts (then they are read in order).
 */
function goalsUnderLabels(rows: Row[]): Evaluation['goals'] | null {
  const label = (re: RegExp) => rows[0]!.cells.find((c) => re.test(norm(c.text)))?.src.col;
  const expected = label(EXPECTED_LABEL);
  const achieved = label(ACHIEVED_LABEL);
  if (expected === undefined || achieved === undefined) return null;
  // the rows right under the labels, while they hold text in the labels' columns (a budget block may follow)
  const below: Cell[] = [];
  for (const r of rows.slice(1)) {
    const filled = r.cells.filter((c) => !isBlank(c));
    if (filled.length === 0) continue;
    if (!filled.some((c) => c.src.col === expected || c.src.col === achieved)) break;
    below.push(...filled);
  }
  const e = below.find((c) => c.src.col === expected);
  const a = below.find((c) => c.src.col === achieved);
  // every text there must be one of the two: otherwise the columns do not line up (a PDF's own grid)
  if ((!e && !a) || below.some((c) => c !== e && c !== a)) return null;
  return { ...(e && { expected: textField(e) }), ...(a && { achieved: textField(a) }) };
}

type Cols = Partial<Record<IndicatorColumn | 'symbol' | 'value', number>>;

interface IndicatorTable {
  groups: Level1Group[];
  indicators: Indicator[];
  cols: Cols;
  width: number;
  /** The grid columns the 分值 and 得分 headers start at, where the file says (see cellAtCol). */
  grid: { points?: number; score?: number };
}

/** Roles read into the model; the others (unit, nature, core, coefficient) are recognised and kept out. */
const STORED = new Set<string>([
  'level1',
  'level2',
  'name',
  'points',
  'target',
  'targetAdjusted',
  'actual',
  'completion',
  'score',
  'method',
  'deviation',
  'symbol',
  'value',
  'unit',
]);

/** A cell that is nothing but a comparison sign, as some regions fill 指标性质. */
const COMPARISON = /^(≥|≧|>=|＞＝|>|＞|≤|≦|<=|＜＝|<|＜|=|＝|═)$/;

/** `指标性质` as a direction: 反向/越低越好 → ≤, 正向/越高越好 → ≥; anything else says nothing. */
function natureSymbol(text: string): '≤' | '≥' | null {
  const t = norm(text);
  if (/^(反向|逆向|越低越好|≤|<=|<)/.test(t) || t.endsWith('反向指标')) return '≤';
  if (/^(正向|越高越好|≥|>=|>)/.test(t) || t.endsWith('正向指标')) return '≥';
  return null;
}

function indicators(rows: Row[], ctx: FormContext): IndicatorTable {
  const header = rows[0]!;
  const sub = rows[1] && rows[1].cells.some((c) => norm(c.text) === '符号') ? rows[1] : null;
  const two = sub ? null : twoRowHeader(header, rows[1]);
  const headCells = two?.cells ?? header.cells;
  const map = mapColumns(headCells, indicatorColumn, 0, isSectionLabel);
  const cols: Cols = { ...map.cols };
  for (const c of [...header.cells, ...(two ? rows[1]!.cells : [])]) ctx.consumed?.add(c);
  for (const g of two?.groups ?? []) map.columns.push({ header: cellText(g), src: g.src, role: null, meaning: '上层表头（其下各列分别识别）' });
  for (const role of map.ambiguous)
    ctx.notes.push({ code: 'IMPORT.AMBIGUOUS_COLUMN', message: `指标表中有多列都表示“${ROLE_NAMES[role]}”，无法确定取哪一列，这些数未导入`, src: header.src });
  let shift = 0;
  if (sub && cols.target !== undefined) {
    // Hebei: 年度指标值 over 符号｜值｜单位, every column right of it two further on
    const t = cols.target;
    for (const k of Object.keys(cols) as Array<keyof Cols>) if (cols[k]! > t) cols[k] = cols[k]! + 2;
    delete cols.target;
    cols.symbol = t;
    cols.value = t + 1;
    cols.unit = t + 2;
    shift = 2;
    for (const c of sub.cells) ctx.consumed?.add(c);
    const target = map.columns.find((c) => c.role === 'target');
    if (target) target.meaning = '年度指标值（分符号、值、单位三列）';
  }
  for (const c of map.columns) if (c.role && !STORED.has(c.role)) c.meaning += '（已识别，不单独保存）';
  if (cols.unit !== undefined && !sub) map.columns.find((c) => c.role === 'unit')!.meaning = '计量单位（指标值按原文保存，不拼接单位）';
  if (cols.nature !== undefined) map.columns.find((c) => c.role === 'nature')!.meaning = '指标性质（正向/反向：目标未写符号时用作方向）';
  ctx.tables?.push({ kind: 'indicators', src: header.src, columns: map.columns });
  const width = header.cells.length + shift;
  // A flat list (issue 21, item 2): no 一级/二级 columns; headings in rows of their own say the group.
  const flat = cols.level1 === undefined && cols.level2 === undefined;

  const groups: Level1Group[] = [];
  const out: Indicator[] = [];
  let l1: string | null = null;
  let l2: TextField = { raw: '' };
  const groupFor = (name: string, label: TextField | null): Level1Group => {
    let g = groups.find((x) => x.name === name);
    if (!g) {
      g = { name, label: label ?? { raw: name }, declaredPoints: label ? declaredPoints(label.raw) : null };
      groups.push(g);
    } else if (label && g.declaredPoints === null && declaredPoints(label.raw) !== null) {
      g.label = label;
      g.declaredPoints = declaredPoints(label.raw);
    }
    return g;
  };

  for (const r of rows.slice(sub || two ? 2 : 1)) {
    if (r.cells.every((c) => isBlank(c))) continue;
    // `……` where the template leaves room for more rows (Anhui's and Sichuan's forms keep it): no indicator
    const marks = r.cells.filter((c) => !isBlank(c));
    if (marks.every((c) => /^[.…。·]+$/.test(cellText(c).replace(/\s+/g, '')))) {
      for (const c of marks) ctx.consumed?.add(c);
      continue;
    }
    const at = (k: keyof Cols): Cell | undefined => (cols[k] === undefined ? undefined : two ? cellAtCol(r, headCells[cols[k]!]!.src.col!) : r.cells[cols[k]!]);
    const filled = r.cells.filter((c) => !isBlank(c));
    if (flat) {
      // A heading row: `产出指标（70分）` (its points in the heading or in the 分值 column), or a 二级 name.
      const head = filled.length >= 1 && filled.every((c) => c === filled[0] || (c === at('points') && isNumeric(c))) ? filled[0]! : null;
      if (head && isLevel1Heading(head.text)) {
        const label = textField(head);
        l1 = canonicalLevel1(label.raw);
        l2 = { raw: '' };
        const g = groupFor(l1, label);
        if (g.declaredPoints === null && head !== at('points') && at('points') && isNumeric(at('points'))) g.declaredPoints = numberField(at('points')).value;
        ctx.consumed?.add(head);
        if (at('points')) ctx.consumed?.add(at('points')!);
        continue;
      }
      if (head && isLevel2Name(head.text)) {
        l2 = textField(head);
        ctx.consumed?.add(head);
        if (at('points')) ctx.consumed?.add(at('points')!);
        continue;
      }
    }
    // `其中：…` with no points of its own: a part of the indicator above, kept and not scored.
    const nameCell = at('name');
    if (/^其中/.test(cellText(nameCell)) && isBlank(at('points')) && isBlank(at('score'))) {
      const parent = out[out.length - 1];
      if (parent) {
        (parent.children ??= []).push({
          name: textField(nameCell),
          target: textField(at('target') ?? at('value')),
          actual: textField(at('actual')),
          src: r.src,
        });
        for (const k of ['unit', 'nature', 'core'] as const) if (at(k)) ctx.consumed?.add(at(k)!);
        continue;
      }
    }
    // a 二级 name standing in the 一级 column: the row lost its leading cell (text pasted out of a PDF)
    const l1Text = cellText(at('level1'));
    const fits =
      cols.name !== undefined &&
      !(isLevel2Name(l1Text) && !isLevel1Heading(l1Text)) &&
      !isLevel1Heading(cellText(at('name'))) &&
      !isLevel2Name(cellText(at('name'))) &&
      // a quantity under 三级 is a value moved left (a row that lost its first cell) — unless every header
      // column has a cell of the row starting exactly under it: then the file says where each cell is,
      // and a name such as `1年` (Xiangyang's 时效 row) is a name
      (parseValue(cellText(at('name'))).kind !== 'quantity' || headCells.every((h) => h.src.col !== undefined && cellAtCol(r, h.src.col) !== undefined)) &&
      (isBlank(at('name'))
        ? isBlank(at('points'))
        : (isNumeric(at('points')) || cols.points === undefined) && (isBlank(at('score')) || isNumeric(at('score'))));
    let row: Partial<Record<IndicatorColumn | 'symbol' | 'value', Cell>>;
    if (fits) {
      row = Object.fromEntries(Object.keys(cols).map((k) => [k, at(k as keyof Cols)]));
    } else if (map.ambiguous.length > 0 || flat) {
      // Reading by content guesses the columns' order: not where the header is ambiguous or the list is flat.
      ctx.notes.push({ code: 'IMPORT.ROW_UNPLACED', message: '该行与表头各列对不上，未导入，请核对', src: r.src });
      continue;
    } else {
      row = bySequence(r.cells);
      ctx.notes.push({ code: 'IMPORT.ROW_SHIFTED', message: '该行单元格与表头列不对齐，已按内容识别', src: r.src });
    }
    if (row.level1 && !isBlank(row.level1)) {
      const label = textField(row.level1);
      l1 = canonicalLevel1(label.raw);
      groupFor(l1, label);
    }
    if (row.level2 && !isBlank(row.level2)) l2 = textField(row.level2);
    const level1 = level1OfLevel2(canonicalLevel2(l2.raw)) ?? l1 ?? '';
    if (isBlank(row.name) && isBlank(row.points)) {
      // a 二级 category with no indicator: allowed, carries no points (R8)
      if (!isBlank(row.level2)) groupFor(level1, null).emptyLevel2 = [...(groupFor(level1, null).emptyLevel2 ?? []), l2];
      continue;
    }
    if (row.symbol && isBlank(row.symbol) && /^[≥≤＝=<>＜＞≧≦]+$/.test(cellText(row.value)) && row.unit && !isBlank(row.unit)) {
      // Hebei: the target moved one cell right (symbol under 值, value under 单位, …).
      row = { ...row, symbol: row.value, value: row.unit, unit: row.actual, actual: row.completion, completion: undefined };
      ctx.notes.push({ code: 'IMPORT.TARGET_SHIFTED', message: '指标值“符号/值/单位”右移了一列，已按内容对齐', src: r.src });
    }
    groupFor(level1, null);
    let target: Indicator['target'] = row.symbol
      ? {
          raw: [row.symbol, row.value, row.unit].map(cellText).join(''),
          src: row.symbol.src,
          parts: { symbol: textField(row.symbol), value: textField(row.value), unit: textField(row.unit) },
        }
      : textField(row.target);
    // 指标性质 holding the comparison itself (`≧`, `=`) with a 计量单位 column beside the value: the three
    // cells are the target as the form writes it, as Hebei's 符号｜值｜单位 are
    if (!row.symbol && row.nature && row.target && COMPARISON.test(cellText(row.nature).trim())) {
      const parts = { symbol: textField(row.nature), value: textField(row.target), unit: row.unit ? textField(row.unit) : { raw: '' } };
      target = { raw: parts.symbol.raw.trim() + parts.value.raw + parts.unit.raw.trim(), ...(row.target.src && { src: row.target.src }), parts };
      ctx.consumed?.add(row.nature);
      if (row.unit) ctx.consumed?.add(row.unit);
    }
    const nature = row.nature && natureSymbol(cellText(row.nature));
    const written = parseValue(target.raw);
    if (!row.symbol && nature && row.target && written.kind === 'quantity' && written.op === null) {
      // 指标性质 says the direction the target itself does not write: the form's own word becomes the
      // target's symbol (the note names the cell it came from), so that scoring and export both keep it.
      target = { raw: `${nature}${target.raw}`, ...(target.src && { src: target.src }) };
      ctx.notes.push({
        code: 'IMPORT.DIRECTION_FROM_NATURE',
        message: `目标未写比较符号，按“指标性质”列的“${cellText(row.nature)}”记为“${nature}”`,
        src: row.nature!.src,
      });
    }
    const ind: Indicator = {
      level1,
      level2: l2,
      name: textField(row.name),
      points: numberField(row.points),
      target,
      actual: textField(row.actual),
      claimedScore: numberField(row.score),
      src: r.src,
    };
    if (row.targetAdjusted) ind.targetAdjusted = textField(row.targetAdjusted);
    if (cols.completion !== undefined) ind.completion = textField(row.completion);
    if (row.deviation) ind.deviation = textField(row.deviation);
    if (row.method && !isBlank(row.method)) ind.method = textField(row.method);
    for (const k of ['unit', 'nature', 'core', 'coefficient'] as const) if (row[k] && !row.symbol) ctx.consumed?.add(row[k]);
    coefficientCheck(row.coefficient, ind, ctx);
    out.push(ind);
  }
  const gridOf = (k: 'points' | 'score') => (map.cols[k] === undefined ? undefined : headCells[map.cols[k]!]?.src.col);
  return { groups, indicators: out, cols, width, grid: { points: gridOf('points'), score: gridOf('score') } };
}

/**
 * 得分系数 × 指标权重 = 指标得分 on forms that print all three: a score that disagrees with its own
 * coefficient is a misread or a slip, said in a note (the score is kept as written; A4 recomputes it).
 */
function coefficientCheck(coef: Cell | undefined, ind: Indicator, ctx: FormContext): void {
  const c = coef ? numberField(coef) : null;
  if (!c || c.value === null || ind.points.value === null || ind.claimedScore.value === null) return;
  const share = c.raw.endsWith('%') ? mulDiv([c.value], ['100'], 6) : c.value;
  const expected = mulDiv([share, ind.points.value], ['1'], 2);
  if (cmp(expected, round(ind.claimedScore.value, 2)) !== 0)
    ctx.notes.push({
      code: 'IMPORT.COEFFICIENT_MISMATCH',
      message: `得分系数 ${c.raw} × 指标权重 ${ind.points.raw} = ${expected}，与表中指标得分 ${ind.claimedScore.raw} 不一致，请核对`,
      ...(c.src && { src: c.src }),
    });
}

/**
 * A header of two rows (issue 21, item 1): `指标值` spanning `年度指标值（A）｜实际完成值（B）` in the row
 * below. Only where the file says which columns a cell spans (a Word grid span, an Excel merge: the
 * top row's columns jump), so that each column is placed by its grid position, not guessed.
 */
function twoRowHeader(top: Row, below: Row | undefined, roleOf: (text: string) => string | null = indicatorColumn): { cells: Cell[]; groups: Cell[] } | null {
  if (!below || !isHeaderRow(below) || !below.cells.some((c) => roleOf(c.text) !== null)) return null;
  const all = [...top.cells, ...below.cells];
  if (all.some((c) => c.src.col === undefined)) return null;
  const spans = top.cells.some((c, i) => i > 0 && c.src.col! - top.cells[i - 1]!.src.col! > 1);
  if (!spans) return null;
  const subs = below.cells.filter((c) => !isBlank(c));
  const groups: Cell[] = [];
  const cells: Cell[] = [];
  top.cells.forEach((c, i) => {
    const from = c.src.col!;
    const to = top.cells[i + 1]?.src.col ?? Infinity;
    const under = subs.filter((s) => s.src.col! >= from && s.src.col! < to);
    if (under.length > 0 && !isBlank(c)) {
      groups.push(c);
      cells.push(...under);
    } else cells.push(c);
  });
  return { cells, groups };
}

/**
 * The cell of a row that starts at a grid column. Only an exact start: a cell further left may span
 * over the column or may end before it (a workbook drops trailing empty cells), and a figure is never
 * taken from a neighbour.
 */
function cellAtCol(r: Row, col: number): Cell | undefined {
  return r.cells.find((c) => c.src.col === col);
}

/**
 * A row read by content: 一级/二级 labels, then the name, target, actual, then the first number
 * (分值) and the next (得分), then texts: 得分计算方法 when it reads like one, else 偏差原因.
 */
function bySequence(cells: Cell[]): Partial<Record<IndicatorColumn, Cell>> {
  const row: Partial<Record<IndicatorColumn, Cell>> = {};
  let i = 0;
  for (; i < cells.length; i++) {
    const c = cells[i]!;
    if (isBlank(c)) continue;
    // `成本指标` and `满意度指标` name both a 一级 and a 二级: only a heading with points, or a
    // name that is never a 二级, is taken for the 一级.
    const heading = isLevel1Heading(c.text) && (declaredPoints(c.text) !== null || !isLevel2Name(c.text));
    if (heading && !row.level1 && !row.level2) row.level1 = c;
    else if (isLevel2Name(c.text)) row.level2 = c;
    else break;
  }
  row.name = cells[i];
  row.target = cells[i + 1];
  row.actual = cells[i + 2];
  let j = i + 3;
  while (j < cells.length && isBlank(cells[j])) j++;
  if (isNumeric(cells[j])) {
    row.points = cells[j];
    if (isNumeric(cells[j + 1]) || isBlank(cells[j + 1])) row.score = cells[j + 1];
    j += 2;
  }
  for (; j < cells.length; j++) {
    const c = cells[j]!;
    if (isBlank(c)) continue;
    if (!row.method && /记分|得分计算|计算方式|三档/.test(c.text)) row.method = c;
    else if (!row.deviation) row.deviation = c;
  }
  return row;
}

function totalRow(r: Row, { width, cols, grid }: IndicatorTable, ctx: FormContext): Evaluation['claimed'] {
  const claimed: Evaluation['claimed'] = {};
  const grade = r.cells.find((c) => /^[优良中差]$/.test(cellText(c)));
  if (grade) claimed.grade = textField(grade);
  if (r.cells.length >= width - 1 && cols.points !== undefined && isNumeric(r.cells[cols.points])) {
    claimed.points = numberField(r.cells[cols.points]);
    if (cols.score !== undefined) claimed.total = numberField(r.cells[cols.score]);
    return claimed;
  }
  const numbers = r.cells.filter((c) => isNumeric(c));
  // A 合计 line shorter than the table (its label merged over several columns, as Sichuan's form has
  // it): its figures are placed by the grid column they start at, under the 分值 and 得分 headers —
  // only when every figure of the line starts exactly there.
  const points = grid.points === undefined ? undefined : cellAtCol(r, grid.points);
  const score = grid.score === undefined ? undefined : cellAtCol(r, grid.score);
  if (numbers.length > 0 && numbers.every((c) => c === points || c === score)) {
    if (points) claimed.points = numberField(points);
    if (score) claimed.total = numberField(score);
    return claimed;
  }
  if (numbers.length >= 2) {
    claimed.points = numberField(numbers[0]);
    claimed.total = numberField(numbers[1]);
  } else if (numbers.length === 1) {
    // One figure on a 合计 line that cannot be placed by column: its own label says which it is (总分 /
    // 得分, or 分值 / 权重); a bare 合计 could be either, and a wrong guess would be a total that looks right.
    const label = norm(
      r.cells
        .filter((c) => !isNumeric(c))
        .map(cellText)
        .join(''),
    );
    if (/总分|得分/.test(label)) claimed.total = numberField(numbers[0]);
    else if (/分值|权重/.test(label)) claimed.points = numberField(numbers[0]);
    else
      ctx.notes.push({
        code: 'IMPORT.TOTAL_AMBIGUOUS',
        message: `合计行只有一个数“${cellText(numbers[0])}”，无法确定是分值合计还是总分，未导入，请核对`,
        ...(numbers[0]!.src && { src: numbers[0]!.src }),
      });
  }
  return claimed;
}

function narrativeBlocks(blocks: Block[]): Narrative[] {
  const out: Narrative[] = [];
  let inNotes = false;
  for (const b of blocks) {
    if (b.kind === 'row') {
      const at = b.cells.findIndex((c) => narrativeLabel(c.text) !== null);
      if (at >= 0) {
        const text = b.cells.slice(at + 1).filter((c) => !isBlank(c));
        out.push({
          kind: narrativeLabel(b.cells[at]!.text)!,
          label: textField(b.cells[at]),
          text: text.length ? textField(text[text.length - 1]) : { raw: '', src: b.cells[at]!.src },
        });
        inNotes = false;
        continue;
      }
      const remark = b.cells.find((c) => /^备注/.test(cleanCell(c.text)));
      if (remark) {
        out.push({ kind: 'remarks', label: { raw: '备注', src: remark.src }, text: textField(remark) });
        inNotes = false;
        continue;
      }
    }
    const line = lineOf(b);
    const t = line ? cleanCell(line.text) : '';
    if (line && /^注[：:]/.test(t)) {
      inNotes = true;
      out.push({ kind: 'remarks', label: { raw: '注', src: line.src }, text: { raw: t, src: line.src } });
    } else if (line && inNotes && /^\d+[.．、]/.test(t)) {
      const n = out[out.length - 1]!;
      n.text = { raw: `${n.text.raw}\n${t}`, ...(n.text.src && { src: n.text.src }) };
    } else inNotes = false;
  }
  return out;
}

export function fillerOf(blocks: Block[]): Evaluation['filler'] | undefined {
  for (const b of blocks) {
    const line = lineOf(b);
    const m = line && /^填[报表]人[：:]\s*(\S*)\s*(?:联系(?:方式|电话)[：:]\s*(\S*))?/.exec(cleanCell(line.text));
    if (m) return { name: { raw: m[1] ?? '', src: line.src }, ...(m[2] !== undefined && { phone: { raw: m[2], src: line.src } }) };
  }
  return undefined;
}
