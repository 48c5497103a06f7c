/**
 * What the import preview shows of a goal form (issue 21, item 8, as for a 自评表; recognize/report.ts):
 * the indicator table's header columns and the role each got, and every cell of the form that was read
 * into no field — so that a 绩效目标申报表 laid out otherwise than expected is seen before it is saved.
 */
import { cleanCell, type GoalForm } from '@jixiao/core';
import type { Block, Cell } from '../grid.ts';
import type { ColumnReport } from '../recognize/columns.ts';
import { norm } from '../recognize/norm.ts';
import { FRAME, type FormReport, type UnplacedCell } from '../recognize/report.ts';

/** The columns of a goal form's indicator table (recognize-goal.ts reads them by their header words). */
export type GoalColumn = 'level1' | 'level2' | 'name' | 'longTerm' | 'target' | 'unit' | 'points' | 'basis' | 'adjusted' | 'reason';

const MEANINGS: Record<GoalColumn, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标（指标名称）',
  longTerm: '中长期指标值',
  target: '年度指标值',
  unit: '计量单位（与指标值合为一个目标值）',
  points: '分值',
  basis: '指标值设定依据',
  adjusted: '调整后指标值',
  reason: '调整原因',
};

/** Cells that only frame a goal form: its section labels (the national 申报表's left column). */
const GOAL_FRAME = /^(总体目标|年度总体目标|项目基本情况|(项目)?资金情况|(年度)?绩效指标|年度绩效目标|项目绩效目标)$/;

/** Points a section label declares (`年度绩效目标(90分)`, 重庆 奉节): the label frames the form all the same. */
const DECLARED_POINTS = /[(（]\d+(\.\d+)?分?[)）]$/;

/** A cell that frames the form (a section label, a dash), not one of its fields. */
export const isGoalFrame = (text: string): boolean => {
  const t = norm(cleanCell(text));
  return FRAME.test(t) || GOAL_FRAME.test(t.replace(DECLARED_POINTS, ''));
};

export function goalColumnReport(c: Cell, col: GoalColumn | null, taken: boolean): ColumnReport {
  const header = cleanCell(c.text);
  if (!col) return { header, src: c.src, role: null, meaning: '未识别的列：其中的内容未导入' };
  return { header, src: c.src, role: col, meaning: taken ? `${MEANINGS[col]}（与前一列重复，未导入）` : MEANINGS[col] };
}

export function goalFormReport(form: GoalForm, index: number, blocks: Block[], columns: ColumnReport[], consumed: Set<Cell>): FormReport {
  const first = columns[0];
  return {
    index,
    project: form.project.name.raw,
    layout: form.layout,
    layoutName: '项目支出绩效目标申报表（全国通用格式：一级/二级/三级指标、指标值）',
    schemeId: form.schemeId,
    tables: first ? [{ kind: 'indicators', src: { ...first.src, col: undefined }, columns }] : [],
    // a goal form declares points per indicator (分值), checked by the lint (G rules), not as group weights
    declaredWeights: [],
    unplaced: unplaced(blocks, consumed),
    notes: [],
  };
}

function unplaced(blocks: Block[], consumed: Set<Cell>): UnplacedCell[] {
  const out: UnplacedCell[] = [];
  const seen = new Set<string>();
  for (const b of blocks) {
    // a row of one cell is a line of text (title, year, 填表人 …), read as such
    if (b.kind !== 'row' || b.cells.length < 2) continue;
    for (const c of b.cells) {
      const t = cleanCell(c.text);
      if (consumed.has(c) || t === '' || isGoalFrame(t)) continue;
      // a merged cell comes once per row it covers: reported once
      const key = `${c.src.table}:${c.src.row}:${c.src.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text: t, src: c.src, why: '未对应到任何字段，未导入' });
    }
  }
  return out;
}
