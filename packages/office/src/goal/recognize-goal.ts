/**
 * Recognizer of the 项目支出绩效目标申报表 in the national layout (title 项目支出绩效目标申报表, label/value
 * rows, an indicator table with 一级/二级/三级指标 and 指标值 columns) from the grid any reader makes
 * (.docx, .xlsx). Labels are matched as words, not positions, so regional variants of the layout
 * (项目属性 for 项目性质, 实施期限 for 起止年月, a 度量单位 column) read too. A 自评表 given as goals is
 * refused with `IMPORT.NOT_A_GOAL_FORM`, naming what showed it.
 */
import {
  canonicalLevel1,
  cleanCell,
  GoalForm,
  goalKind,
  indicatorIds,
  parseNumberCell,
  periodYears,
  projectNature,
  squash,
  targetBasis,
  type GoalIndicator,
  type NumberField,
  type Provenance,
  type Target,
  type TextField,
} from '@jixiao/core';
import { ImportError } from '../errors.ts';
import { lineOf, type Block, type Cell, type GridDocument } from '../grid.ts';
import type { ColumnReport } from '../recognize/columns.ts';
import { norm } from '../recognize/norm.ts';
import type { FormReport } from '../recognize/report.ts';
import { goalColumnReport, goalFormReport, isGoalFrame, type GoalColumn } from './goal-report.ts';

/**
 * A goal form starts at a title the goal kind imports (`goalKind.importTitles`: the national 绩效目标申报表,
 * 预算公开's 绩效目标表, 山东's 项目支出目标申报表, 重庆's 绩效目标审批表) — the same list that routes an
 * upload to this recognizer. None names a 自评表, and a goal title over a table with 自评表 columns is still
 * refused below.
 */
const isGoalTitle = (squashed: string) => goalKind.importTitles.some((t) => squashed.includes(t));
/** A column or a title that only a self-evaluation has. */
const SELF_EVALUATION = /自评表|实际完成值|全年实际值|实际完成情况|自评得分|^得分$|偏差原因/;

type Field =
  | 'name'
  | 'department'
  | 'implementer'
  | 'nature'
  | 'category'
  | 'period'
  | 'code'
  | 'total'
  | 'annual'
  | 'fiscal'
  | 'carryover'
  | 'other'
  | 'filler'
  | 'phone';

/** Label words → field; the first that matches a squashed cell wins. */
const LABELS: ReadonlyArray<[RegExp, Field]> = [
  [/^项目名称$/, 'name'],
  // 项目主管部门 (山东), 业务主管部门 (重庆): the department over the project, as 主管部门
  [/^(项目主管部门|业务主管部门|主管部门|主管部门及代码|主管单位)$/, 'department'],
  [/^(实施单位|项目实施单位|预算单位)$/, 'implementer'],
  [/^(项目性质|项目属性)$/, 'nature'],
  [/^(项目类别|项目类型|项目分类)$/, 'category'],
  // 建设周期 (重庆): the months the project runs, as 起止年月
  [/^(起止年月|项目期|实施期限|起止时间|计划起止时间|项目起止时间|建设周期)$/, 'period'],
  [/^(项目代码|项目编码)$/, 'code'],
  // The national form's 中长期资金总额 is the whole project's money, 年度资金总额 the year's. A 资金总额 that
  // names no year (山东's 项目资金申请: 资金总额 / 财政拨款 / 其他) and 重庆's 项目总预算 are the project's;
  // 重庆's 当年年度预算 (the line its 其中 lines split) is the year's.
  [/^(项目资金总额|中长期资金总额|资金总额|项目总预算)$/, 'total'],
  [/^(年度资金总额|年度资金|本年度资金总额|当年年度预算)$/, 'annual'],
  // 其中:财政资金 (重庆) is the appropriation, 财政拨款; 其它 is 其他 in another hand
  [/^(其中[:：]?)?(财政拨款|当年财政拨款|财政资金)$/, 'fiscal'],
  [/^(其中[:：]?)?(上年结转|上年结转资金)$/, 'carryover'],
  [/^(其中[:：]?)?(其他资金|其他|其它资金|其它)$/, 'other'],
  [/^填表人$/, 'filler'],
  [/^联系电话$/, 'phone'],
];

type Column = GoalColumn;

/**
 * The national form's 总体目标: 中长期目标 (the whole project's, 项目总目标) and 年度目标 (the year's). A text
 * named for the project as a whole — 项目总体情况 (山东 临邑), 项目总体概况 (重庆 奉节, beside its year's
 * 年度主要目标和成果) — states the project's goal, not the year's: the former.
 */
const LONG_TERM_GOAL = /^(中长期目标|项目总体(情况|概况))$/;
const ANNUAL_GOAL = /^年度(绩效|主要)?目标(和成果)?$/;

/** `label | text` on one row, for each goal label in the row with a text after it. */
function goalsInRow(cells: readonly Cell[], ltAt: number, anAt: number): { goals: GoalForm['goals']; cells: Cell[] } | null {
  const goals: GoalForm['goals'] = {};
  const used: Cell[] = [];
  for (const [at, key] of [
    [ltAt, 'longTerm'],
    [anAt, 'annual'],
  ] as const) {
    const value = at >= 0 ? cells[at + 1] : undefined;
    if (!value || cleanCell(value.text) === '') continue;
    goals[key] = text(value);
    used.push(cells[at]!, value);
  }
  return used.length ? { goals, cells: used } : null;
}

/** 一级指标 …, or the level alone (`一级 | 二级 | 三级`, 山东 临邑's header) */
const LEVEL_HEADER = { level1: /一级指标|^一级$/, level2: /二级指标|^二级$/, name: /三级指标|^三级$/ } as const;

function headerColumn(t: string): Column | 'actual' | null {
  if (SELF_EVALUATION.test(t)) return 'actual';
  if (LEVEL_HEADER.level1.test(t)) return 'level1';
  if (LEVEL_HEADER.level2.test(t)) return 'level2';
  if (LEVEL_HEADER.name.test(t)) return 'name';
  if (/调整后/.test(t)) return 'adjusted';
  if (/调整(原因|理由|说明)/.test(t)) return 'reason';
  if (/中长期/.test(t)) return 'longTerm';
  if (/依据/.test(t)) return 'basis';
  // 年度数值 (山东 临邑): the year's value, the national 年度指标值
  if (/指标值|^年度数值$/.test(t)) return 'target';
  if (/度量单位|计量单位|^单位$/.test(t)) return 'unit';
  if (/分值|权重/.test(t)) return 'points';
  return null;
}

const text = (c: Cell): TextField => ({ raw: cleanCell(c.text), src: c.src });
const num = (c: Cell): NumberField => ({ raw: cleanCell(c.text), value: parseNumberCell(c.text), src: c.src });

function notAGoalForm(file: string, why: string, where?: Provenance): ImportError {
  return new ImportError('IMPORT.NOT_A_GOAL_FORM', `“${file}”不是项目支出绩效目标申报表：${why}`, { file, ...(where ? { src: where } : {}) });
}

/** Split a document at each goal title; blocks before the first title belong to nothing. */
function splitAtTitles(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  for (const b of blocks) {
    const line = lineOf(b);
    if (line && isGoalTitle(squash(line.text))) out.push([]);
    out[out.length - 1]?.push(b);
  }
  return out;
}

/** `schemeId`: the 评分方案 the forms are under (a file does not say; default national). */
export function recognizeGoalForms(doc: GridDocument, opts: { schemeId?: string } = {}): GoalForm[] {
  return readGoalForms(doc, opts).map((r) => r.form);
}

/**
 * The goal forms of a document, each with what the import preview shows of it (issue 21, item 8, as for
 * a 自评表): the indicator table's columns and the role each got, and every cell that was not placed.
 */
export function readGoalForms(doc: GridDocument, opts: { schemeId?: string } = {}): Array<{ form: GoalForm; report: FormReport }> {
  const parts = splitAtTitles(doc.blocks);
  if (parts.length === 0) {
    // say what it is when it is a self-evaluation: the common mistake
    for (const b of doc.blocks) {
      const texts = b.kind === 'row' ? b.cells.map((c) => c.text) : [b.text];
      for (const t of texts) {
        const hit = SELF_EVALUATION.exec(squash(t));
        if (hit) return fail(doc.file, `这是项目支出绩效自评表（有“${hit[0]}”），请在自评表导入处上传；目标申报表的标题应为“项目支出绩效目标申报表”`, b.src);
      }
    }
    return fail(doc.file, '没有找到标题“项目支出绩效目标申报表”');
  }
  return parts.map((blocks, index) => recognizeOne(doc.file, blocks, index, opts.schemeId ?? 'national'));
}

function fail(file: string, why: string, where?: Provenance): never {
  throw notAGoalForm(file, why, where);
}

function recognizeOne(file: string, blocks: Block[], index: number, schemeId: string): { form: GoalForm; report: FormReport } {
  const title = lineOf(blocks[0]!)!;
  /** cells read into the form, or read as what frames it (labels, headers): the rest is reported */
  const consumed = new Set<Cell>();
  const columnReports: ColumnReport[] = [];
  const found = new Map<Field, Cell>();
  let unit: '万元' | '元' | null = null;
  let unitRaw: TextField | undefined;
  let year: number | null = null;
  let goals: GoalForm['goals'] = {};
  let header: { table: number | undefined; columns: Map<number, Column> } | null = null;
  const rows: Array<Map<Column, Cell>> = [];
  let goalHeader: { longTerm?: number; annual?: number } | null = null;

  for (let k = 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'paragraph' || (b.kind === 'row' && b.cells.length === 1)) {
      const line = lineOf(b)!;
      const t = squash(line.text);
      const y = /^[（(]?(\d{4})年度?[)）]?$/.exec(t) ?? /(\d{4})年度/.exec(t);
      if (year === null && y) year = Number(y[1]);
      const u = /金额单位[:：](万元|元)/.exec(t);
      if (u) unit = u[1] as '万元' | '元';
      for (const [field, re] of [
        ['filler', /填表人[:：]([^\s联]*)/],
        ['phone', /联系电话[:：](\S*)/],
      ] as const) {
        const m = re.exec(line.text.replace(/\s+(?=联系电话)/, ' '));
        if (m && m[1]) found.set(field, { text: m[1], src: line.src });
      }
      continue;
    }
    const cells = b.cells;
    if (header && b.src.table === header.table) {
      const row = new Map<Column, Cell>();
      for (const c of cells) {
        const col = header.columns.get(c.src.col ?? -1);
        if (!col) continue;
        row.set(col, c);
        consumed.add(c);
      }
      rows.push(row);
      continue;
    }
    // squashed, without a trailing colon (`资金总额:`)
    const squashed = cells.map((c) => norm(c.text));
    // the indicator table's header
    if (squashed.some((t) => LEVEL_HEADER.name.test(t)) && squashed.some((t) => LEVEL_HEADER.level2.test(t))) {
      const columns = new Map<number, Column>();
      cells.forEach((c, i) => {
        const col = headerColumn(squashed[i]!);
        if (col === 'actual') fail(file, `指标表有“${cells[i]!.text.trim()}”列，这是自评表的栏目；请在自评表导入处上传`, c.src);
        const taken = col !== null && [...columns.values()].includes(col);
        if (col && !taken && c.src.col !== undefined) columns.set(c.src.col, col);
        consumed.add(c);
        if (cleanCell(c.text) !== '' && !isGoalFrame(c.text)) columnReports.push(goalColumnReport(c, col, taken));
      });
      if (![...columns.values()].includes('target')) fail(file, '指标表没有“指标值”列', b.src);
      header = { table: b.src.table, columns };
      continue;
    }
    // 总体目标: a 中长期目标 / 年度目标 header row, the texts in the row below
    if (goalHeader) {
      const at = (col: number | undefined) => cells.find((c) => c.src.col === col);
      const lt = at(goalHeader.longTerm);
      const an = at(goalHeader.annual);
      goals = { ...(lt && cleanCell(lt.text) !== '' ? { longTerm: text(lt) } : {}), ...(an && cleanCell(an.text) !== '' ? { annual: text(an) } : {}) };
      for (const c of [lt, an]) if (c) consumed.add(c);
      goalHeader = null;
      continue;
    }
    const ltAt = squashed.findIndex((t) => LONG_TERM_GOAL.test(t));
    const anAt = squashed.findIndex((t) => ANNUAL_GOAL.test(t));
    if (anAt >= 0 && (ltAt >= 0 || anAt + 1 >= cells.length || squash(cells[anAt + 1]!.text) === '')) {
      goalHeader = { longTerm: ltAt >= 0 ? cells[ltAt]!.src.col : undefined, annual: cells[anAt]!.src.col };
      cells.forEach((c) => consumed.add(c));
      continue;
    }
    const inRow = goalsInRow(cells, ltAt, anAt);
    if (inRow) {
      goals = { ...goals, ...inRow.goals }; // `年度目标 | text` on one row
      inRow.cells.forEach((c) => consumed.add(c));
      continue;
    }
    for (let i = 0; i < cells.length; i++) {
      const t = squashed[i]!;
      const money = /资金.*[（(](万元|元)[)）]/.exec(t);
      if (money) {
        unit = money[1] as '万元' | '元';
        unitRaw = text(cells[i]!);
        consumed.add(cells[i]!);
        continue;
      }
      const field = LABELS.find(([re]) => re.test(t))?.[1];
      // a 联系电话 in the table is the 项目负责人's (重庆 奉节) unless the row is the 填表人's: only then the filler's
      if (field === 'phone' && !squashed.some((x) => /^填表人/.test(x))) continue;
      if (field && !found.has(field) && i + 1 < cells.length && headerColumn(squashed[i + 1]!) === null) {
        found.set(field, cells[i + 1]!);
        consumed.add(cells[i]!).add(cells[i + 1]!);
      }
    }
  }
  if (!header) fail(file, '没有找到含“一级指标、二级指标、三级指标、指标值”的绩效指标表', title.src);

  const indicators = readIndicators(rows);
  const get = (f: Field) => found.get(f);
  const nameCell = get('name');
  if (!nameCell || cleanCell(nameCell.text) === '') fail(file, '没有填写项目名称', title.src);
  const project: GoalForm['project'] = { name: text(nameCell) };
  const optionalText = (f: Field) => {
    const c = get(f);
    return c && cleanCell(c.text) !== '' ? text(c) : undefined;
  };
  const dept = optionalText('department');
  if (dept) project.department = { name: dept };
  const impl = optionalText('implementer');
  if (impl) project.implementer = { name: impl };
  const nature = optionalText('nature');
  if (nature) project.nature = { ...nature, kind: projectNature(nature.raw) };
  const category = optionalText('category');
  if (category) project.category = category;
  const code = optionalText('code');
  if (code) project.code = code;
  const period = optionalText('period');
  if (period) project.period = { raw: period.raw, ...(period.src ? { src: period.src } : {}), ...periodYears(period.raw) };
  if (year === null && project.period && project.period.startYear !== null && project.period.startYear === project.period.endYear)
    year = project.period.startYear;

  const money: GoalForm['money'] = { unit: unit ?? '万元' };
  if (unitRaw) money.unitRaw = unitRaw;
  for (const f of ['total', 'annual', 'fiscal', 'carryover', 'other'] as const) {
    const c = get(f);
    if (c && cleanCell(c.text) !== '') money[f] = num(c);
  }
  const filler: NonNullable<GoalForm['filler']> = {};
  const fillerName = optionalText('filler');
  if (fillerName) filler.name = fillerName;
  const phone = optionalText('phone');
  if (phone) filler.phone = phone;

  const form: GoalForm = {
    formatVersion: 1,
    kind: 'goal',
    schemeId,
    layout: 'national',
    year,
    title: { raw: cleanCell(title.text), src: title.src },
    project,
    money,
    goals,
    indicators,
    ...(Object.keys(filler).length ? { filler } : {}),
    source: { file, index },
  };
  const checked = GoalForm.safeParse(form);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const tooMany = issue.path[0] === 'indicators' && issue.path.length === 1;
    throw new ImportError(
      tooMany ? 'IMPORT.TOO_MANY_INDICATORS' : 'IMPORT.BAD_GOAL_FORM',
      tooMany
        ? `“${file}”的指标表有 ${indicators.length} 行，超过上限 500 行`
        : `“${file}”的内容不符合目标申报表格式：${issue.path.join('.')} ${issue.message}`,
      { file, path: issue.path.map(String) },
    );
  }
  return { form: checked.data, report: goalFormReport(checked.data, index, blocks, columnReports, consumed) };
}

/** Indicator rows: 一级 and 二级 carried down over merged (empty) cells; rows with neither name nor value are skipped. */
function readIndicators(rows: ReadonlyArray<Map<Column, Cell>>): GoalIndicator[] {
  let level1: Cell | undefined;
  let level2: Cell | undefined;
  const kept: Array<{ level1: string; level2: TextField; row: Map<Column, Cell> }> = [];
  for (const row of rows) {
    const l1 = row.get('level1');
    const l2 = row.get('level2');
    if (l1 && cleanCell(l1.text) !== '') {
      level1 = l1;
      level2 = undefined;
    }
    if (l2 && cleanCell(l2.text) !== '') level2 = l2;
    const name = row.get('name');
    const target = row.get('target');
    if ((!name || cleanCell(name.text) === '') && (!target || cleanCell(target.text) === '')) continue;
    kept.push({ level1: canonicalLevel1(level1?.text ?? ''), level2: level2 ? text(level2) : { raw: '' }, row });
  }
  const ids = indicatorIds(kept.map((k) => ({ level1: k.level1, level2: k.level2.raw, name: cleanCell(k.row.get('name')?.text ?? '') })));
  return kept.map((k, i): GoalIndicator => {
    const r = k.row;
    const name = r.get('name');
    const targetCell = r.get('target')!;
    const unitCell = r.get('unit');
    const target: Target = text(targetCell);
    const unit = unitCell ? cleanCell(unitCell.text) : '';
    // a separate 度量单位 column: the target as the form reads it is value + unit, the columns kept as parts
    if (unit !== '' && !target.raw.endsWith(unit)) {
      const m = /^([^\d.]*)(.*)$/.exec(target.raw)!;
      target.parts = { symbol: { raw: m[1]!, src: targetCell.src }, value: { raw: m[2]!, src: targetCell.src }, unit: text(unitCell!) };
      target.raw = `${target.raw}${unit}`;
    }
    const ind: GoalIndicator = {
      id: ids[i]!,
      level1: k.level1,
      level2: k.level2,
      name: name ? text(name) : { raw: '' },
      target,
    };
    const lt = r.get('longTerm');
    if (lt && cleanCell(lt.text) !== '') ind.longTermTarget = text(lt);
    const pts = r.get('points');
    if (pts && cleanCell(pts.text) !== '') ind.points = num(pts);
    const basis = r.get('basis');
    if (basis && cleanCell(basis.text) !== '') ind.basis = { ...text(basis), kind: targetBasis(cleanCell(basis.text)) };
    const adj = r.get('adjusted');
    if (adj && cleanCell(adj.text) !== '') {
      const reason = r.get('reason');
      ind.adjusted = { target: text(adj), reason: reason ? text(reason) : { raw: '' } };
    }
    if (name?.src) ind.src = { ...name.src, col: undefined };
    return ind;
  });
}
