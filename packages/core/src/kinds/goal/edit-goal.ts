/**
 * Edits of a goal form as data, the same EditAction the 自评表 editor dispatches (edit/edit-evaluation.ts):
 * a keystroke is a `set` of one cell, rows are added, removed and moved keeping their ids, and a fix
 * suggested by the linter (G3, G7, G9) is applied by the same code. Pure, so the browser can keep the
 * edits since the form was read and replay them on a newer version after a 409.
 *
 * What differs from the 自评表: a goal form's cells that carry a reading beside their text are kept in
 * step with it — 项目性质 (`kind`), 起止年月 (`startYear`/`endYear`), 指标值设定依据 (`kind`), the money in
 * the unit the form states — and 调整后指标值 and its reason live together in `adjusted`.
 */
import { EditError, randomIndicatorId, replayWith, type EditAction } from '../../edit/edit-evaluation.ts';
import type { NumberField, TextField } from '../../model/evaluation.ts';
import { parseNumberCell } from '../../values/parse-value.ts';
import { MoneyUnit, periodYears, projectNature, targetBasis, type GoalForm, type GoalIndicator } from './goal-form.ts';

const MONEY_KEYS = new Set(['total', 'annual', 'fiscal', 'carryover', 'other']);
/** cells of an indicator written as text (the target keeps its Hebei 符号/值/单位 split while it still reads so) */
const INDICATOR_TEXT = new Set(['level2', 'name', 'target', 'longTermTarget']);
const IDENTITY_TEXT = new Set(['name', 'code', 'category']);

const keepSrc = (before: { src?: TextField['src'] } | undefined) => (before?.src ? { src: before.src } : {});
const text = (raw: string, before: TextField | undefined): TextField => ({ raw, ...keepSrc(before) });
const num = (raw: string, before: NumberField | undefined): NumberField => ({ raw, value: parseNumberCell(raw), ...keepSrc(before) });

function target(raw: string, before: GoalIndicator['target'] | undefined): GoalIndicator['target'] {
  const parts = before?.parts;
  return parts && parts.symbol.raw + parts.value.raw + parts.unit.raw === raw ? { raw, parts, ...keepSrc(before) } : { raw, ...keepSrc(before) };
}

function setIndicator(ind: GoalIndicator, field: string, raw: string, path: string): GoalIndicator {
  if (field === 'level1') return { ...ind, level1: raw };
  if (field === 'target') return { ...ind, target: target(raw, ind.target) };
  if (INDICATOR_TEXT.has(field)) return { ...ind, [field]: text(raw, ind[field as 'level2' | 'name']) };
  if (field === 'points') return { ...ind, points: num(raw, ind.points) };
  if (field === 'basis') return { ...ind, basis: { ...text(raw, ind.basis), kind: targetBasis(raw) } };
  if (field === 'adjusted.target' || field === 'adjusted.reason') {
    // The adjustment is one thing, a value with its reason: written together, and gone when both are empty.
    const before = ind.adjusted ?? { target: { raw: '' }, reason: { raw: '' } };
    const adjusted = field === 'adjusted.target' ? { ...before, target: target(raw, before.target) } : { ...before, reason: text(raw, before.reason) };
    if (adjusted.target.raw === '' && adjusted.reason.raw === '') {
      const { adjusted: _, ...rest } = ind;
      return rest;
    }
    return { ...ind, adjusted };
  }
  throw new EditError(`无法识别的字段路径：${path}`);
}

function setCell(form: GoalForm, path: string, raw: string): GoalForm {
  const ind = /^indicators\[(\d+)\]\.(.+)$/.exec(path);
  if (ind) {
    const i = Number(ind[1]);
    const before = form.indicators[i];
    if (!before) throw new EditError(`字段路径超出范围：${path}`);
    const indicators = [...form.indicators];
    indicators[i] = setIndicator(before, ind[2]!, raw, path);
    return { ...form, indicators };
  }
  const [head, key, sub] = path.split('.');
  const p = form.project;
  if (head === 'project' && key && IDENTITY_TEXT.has(key) && !sub) return { ...form, project: { ...p, [key]: text(raw, p[key as 'name']) } };
  if (head === 'project' && key === 'nature' && !sub) return { ...form, project: { ...p, nature: { ...text(raw, p.nature), kind: projectNature(raw) } } };
  if (head === 'project' && key === 'period' && !sub) return { ...form, project: { ...p, period: { raw, ...keepSrc(p.period), ...periodYears(raw) } } };
  if (head === 'project' && (key === 'department' || key === 'implementer') && sub === 'name') {
    const party = p[key];
    return { ...form, project: { ...p, [key]: { ...party, name: text(raw, party?.name) } } };
  }
  if (head === 'money' && key === 'unit' && !sub) {
    const unit = MoneyUnit.safeParse(raw.trim());
    if (!unit.success) throw new EditError(`资金单位只能是“万元”或“元”，不能是“${raw}”`);
    return { ...form, money: { ...form.money, unit: unit.data } };
  }
  if (head === 'money' && key && MONEY_KEYS.has(key) && !sub) {
    const k = key as 'total' | 'annual' | 'fiscal' | 'carryover' | 'other';
    return { ...form, money: { ...form.money, [k]: num(raw, form.money[k]) } };
  }
  if (head === 'goals' && (key === 'longTerm' || key === 'annual') && !sub) return { ...form, goals: { ...form.goals, [key]: text(raw, form.goals[key]) } };
  if (head === 'filler' && (key === 'name' || key === 'phone') && !sub) return { ...form, filler: { ...form.filler, [key]: text(raw, form.filler?.[key]) } };
  throw new EditError(`无法识别的字段路径：${path}`);
}

function blankIndicator(level1: string, level2: string, id: string): GoalIndicator {
  return { id, level1, level2: { raw: level2 }, name: { raw: '' }, target: { raw: '' } };
}

export function applyGoalEdit(form: GoalForm, action: EditAction): GoalForm {
  switch (action.type) {
    case 'set':
      return setCell(form, action.path, action.raw);
    case 'set-many':
      return action.cells.reduce((out, c) => setCell(out, c.path, c.raw), form);
    case 'add-indicator': {
      let last = -1;
      form.indicators.forEach((ind, i) => {
        if (ind.level1 === action.level1) last = i;
      });
      const at = action.at ?? (last >= 0 ? last + 1 : form.indicators.length);
      const indicators = [...form.indicators];
      indicators.splice(Math.max(0, Math.min(at, indicators.length)), 0, blankIndicator(action.level1, action.level2 ?? '', action.id ?? randomIndicatorId()));
      return { ...form, indicators };
    }
    case 'remove-indicator':
      if (!form.indicators[action.index]) throw new EditError(`没有第 ${action.index + 1} 个指标`);
      return { ...form, indicators: form.indicators.filter((_, i) => i !== action.index) };
    case 'move-indicator': {
      const from = action.index;
      const to = from + action.delta;
      const a = form.indicators[from];
      const b = form.indicators[to];
      // Rows stay inside their 一级, as the paper form groups them.
      if (!a || !b || a.level1 !== b.level1) return form;
      const indicators = [...form.indicators];
      indicators[from] = b;
      indicators[to] = a;
      return { ...form, indicators };
    }
    case 'set-not-applicable':
      // A goal is declared, not scored: there is nothing to leave out of a score.
      throw new EditError('绩效目标申报表的指标没有“不适用”');
  }
}

/** Replays edits on a (newer) goal form; edits that no longer fit (a removed row) are reported, not applied. */
export function replayGoalEdits(form: GoalForm, actions: readonly EditAction[]): { form: GoalForm; applied: number; skipped: EditAction[] } {
  return replayWith(applyGoalEdit, form, actions);
}
