/**
 * What the import preview shows per form before anything is saved (issue 21, item 8): the layout
 * recognised, every table's header columns and the role each got, the weights the form declares
 * beside the scheme's, and every cell that was not placed — so that a misread is seen, not saved.
 */
import { cleanCell, cmp, getScheme, type Evaluation, type Provenance } from '@jixiao/core';
import { lineOf, type Block, type Cell } from '../grid.ts';
import { isIndicatorHeader, type ImportNote, type TableReport } from './form.ts';
import { isTotalLabel, norm } from './labels.ts';

export interface DeclaredWeight {
  /** 一级 name, or 预算执行率 for the budget block */
  level1: string;
  /** the heading or cell that declares it, as written */
  label: string;
  src?: Provenance;
  /** points the form declares, 分 */
  declared: string;
  /** points the scheme gives, 分; null when the scheme has no such group */
  scheme: string | null;
  differs: boolean;
}

export interface UnplacedCell {
  text: string;
  src: Provenance;
  why: string;
}

export interface FormReport {
  /** position in `evaluations` */
  index: number;
  project: string;
  layout: string;
  /** the layout in words */
  layoutName: string;
  schemeId: string;
  tables: TableReport[];
  declaredWeights: DeclaredWeight[];
  unplaced: UnplacedCell[];
  /** the notes of this form (also in the file's notes) */
  notes: ImportNote[];
}

const LAYOUT_NAMES: Record<string, string> = {
  // what the layout is, not what every form of it has: 转移支付 forms of this layout have no 分值 or 得分
  national: '全国通用格式（一级/二级/三级指标，指标值与完成值并列）',
  hebei: '指标值分“符号/值/单位”三列的格式，预算执行率作为指标计分',
  yunzhou: '含目标申报数/预算编制数或调整后指标值的格式',
  ningxia: '含得分计算方法列的格式',
  flat: '指标平铺列表（无一级/二级指标列，分组写在单独的标题行）',
};

/** Cells that only frame a form: section names in its left column, dashes standing for “not applicable”. */
export const FRAME =
  /^([一二三四五六七八九十]+、.*|项目资金(预算安排及执行进度)?(\(万元\))?|年度总体目标|项目年度绩效目标|(年度)?绩效指标(完成情况)?|项目绩效分析|自评结果分析|[—\-–/／]+|无)$/;

export function formReport(ev: Evaluation, index: number, blocks: Block[], tables: TableReport[], consumed: Set<Cell>, notes: ImportNote[]): FormReport {
  const declaredWeights = weights(ev);
  for (const w of declaredWeights)
    if (w.differs)
      notes.push({
        code: 'IMPORT.DECLARED_WEIGHTS',
        message: `表中“${w.label}”为 ${w.declared}分，评分方案“${getScheme(ev.schemeId).name}”中${w.level1}为 ${w.scheme ?? '（无此项）'}分；按表中自报的分值导入，请核对方案`,
        ...(w.src && { src: w.src }),
      });
  return {
    index,
    project: ev.project.name.raw,
    layout: ev.layout,
    layoutName: LAYOUT_NAMES[ev.layout] ?? ev.layout,
    schemeId: ev.schemeId,
    tables,
    declaredWeights,
    unplaced: unplaced(ev, blocks, consumed),
    notes,
  };
}

/** R2/A1: points the form's headings (and its budget block) declare, beside the scheme's weights. */
function weights(ev: Evaluation): DeclaredWeight[] {
  let scheme: ReturnType<typeof getScheme> | null = null;
  try {
    scheme = getScheme(ev.schemeId);
  } catch {
    scheme = null;
  }
  const out: DeclaredWeight[] = [];
  for (const g of ev.groups) {
    if (g.declaredPoints === null) continue;
    const s = scheme?.weights.find((w) => w.level1 === g.name)?.points ?? null;
    out.push({
      level1: g.name,
      label: g.label.raw,
      ...(g.label.src && { src: g.label.src }),
      declared: g.declaredPoints,
      scheme: s,
      differs: s === null || cmp(s, g.declaredPoints) !== 0,
    });
  }
  const line = ev.budget.lines.find((l) => l.kind === 'total') ?? ev.budget.lines[0];
  const bp = line?.points?.value;
  if (bp !== undefined && bp !== null && scheme && scheme.budget.mode !== 'indicator') {
    const s = scheme.budget.points;
    out.push({
      level1: '预算执行率',
      label: `预算执行分值 ${line!.points!.raw}`,
      ...(line!.points!.src && { src: line!.points!.src }),
      declared: bp,
      scheme: s,
      differs: cmp(s, bp) !== 0,
    });
  }
  return out;
}

/** Every `src` object the evaluation keeps: a cell whose provenance is among them was placed. */
function placedSources(x: unknown, into: Set<unknown>): Set<unknown> {
  if (Array.isArray(x)) {
    for (const v of x) if (v !== null && typeof v === 'object') placedSources(v, into);
  } else if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (k === 'src') into.add(v);
      else if (v !== null && typeof v === 'object') placedSources(v, into);
    }
  }
  return into;
}

function unplaced(ev: Evaluation, blocks: Block[], consumed: Set<Cell>): UnplacedCell[] {
  const placed = placedSources(ev, new Set());
  const out: UnplacedCell[] = [];
  let inTable = false;
  for (const b of blocks) {
    const line = lineOf(b);
    if (line) {
      // Prose (a paragraph, or a workbook row of one merged cell) is the form's text, not a table's cell —
      // except between an indicator header and its total, where it is a row that could not be split.
      const t = cleanCell(line.text);
      if (inTable && t !== '' && !placed.has(line.src) && !(b.kind === 'row' && (consumed.has(b.cells[0]!) || isTotalLabel(t))))
        out.push({ text: t, src: line.src, why: '指标表中的一行文字无法拆分为单元格，未导入' });
      if (b.kind === 'row' && isTotalLabel(t)) inTable = false;
      continue;
    }
    if (b.kind !== 'row') continue;
    if (!inTable && isIndicatorHeader(b)) inTable = true;
    if (inTable && b.cells.some((c) => isTotalLabel(c.text))) inTable = false;
    for (const c of b.cells) {
      if (consumed.has(c) || placed.has(c.src) || c.text === '') continue;
      const t = cleanCell(c.text);
      if (t === '' || FRAME.test(norm(t))) continue;
      out.push({ text: t, src: c.src, why: '未对应到任何字段，未导入' });
    }
  }
  return out;
}
