/**
 * Edits of a form as data: what the web editor dispatches as the user types, clicks a suggested fix,
 * or adds, removes and reorders indicators. Each edit is a pure function of the form, so the editor can
 * keep the list of edits since the form was loaded and replay them on a newer version after a 409
 * conflict; and a fix suggested by the audit (`SuggestedFix.field`) is applied by the same code.
 */
import type { Evaluation, Indicator, NumberField, TextField } from '../model/evaluation.ts';
import type { SuggestedFix } from '../audit/finding.ts';
import { parseNumberCell } from '../values/parse-value.ts';
import { describeField } from '../history/describe-field.ts';

/** The cell of a path as a person reads it (the editor shows an edit's error): never the path itself. */
const cellName = (path: string) => describeField(path.replace(/\.(\d+)(?=\.|$)/g, '[$1]'), null);

export type EditAction =
  /** write a cell as text: `indicators[3].actual`, `budget.lines[0].executed`, `claimed.total`, `goals.expected` */
  | { type: 'set'; path: string; raw: string }
  /** write several cells as one edit: a suggested fix that keeps the 总分 in step with the score it corrects */
  | { type: 'set-many'; cells: Array<{ path: string; raw: string }> }
  /**
   * add an empty indicator under a 一级 at a position (default: after the group's last row), with the id
   * given (the editor makes one when the user clicks, so a replay after a 409 adds the same indicator)
   */
  | { type: 'add-indicator'; level1: string; level2?: string; at?: number; id?: string }
  | { type: 'remove-indicator'; index: number }
  /** move an indicator by one row up (-1) or down (+1), within its 一级 */
  | { type: 'move-indicator'; index: number; delta: -1 | 1 }
  | { type: 'set-not-applicable'; index: number; value: boolean };

export class EditError extends Error {
  readonly code = 'EDIT.BAD_PATH';
}

/** Fields whose cell holds a number (万元, 分 or %), stored as a NumberField; every other cell is text. */
const NUMBER_KEYS = new Set([
  'points',
  'claimedScore',
  'initial',
  'declared',
  'prepared',
  'adjusted',
  'received',
  'executed',
  'balance',
  'rate',
  'score',
  'completionRate',
  'total',
]);

/** `indicators[3].actual` → ['indicators', 3, 'actual']. */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z0-9]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new EditError(`无法修改“${cellName(path)}”：表中没有这一项`);
    out.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function cell(key: string | number, raw: string, before: TextField | NumberField | undefined): TextField | NumberField | Indicator['target'] {
  const src = before?.src ? { src: before.src } : {};
  if (typeof key === 'string' && NUMBER_KEYS.has(key)) return { raw, value: parseNumberCell(raw), ...src };
  const parts = (before as Indicator['target'] | undefined)?.parts;
  // A Hebei target keeps its 符号/值/单位 split only while the text still reads as they do.
  return parts && parts.symbol.raw + parts.value.raw + parts.unit.raw === raw ? { raw, parts, ...src } : { raw, ...src };
}

/** Copy-on-write write of one cell; the objects on the way are copied, nothing else is. */
function setAt(node: unknown, keys: ReadonlyArray<string | number>, raw: string, path: string): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) throw new EditError(`无法修改“${cellName(path)}”：表中没有这一项`);
  const container = (node ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown>;
  if (typeof key === 'number' && (!Array.isArray(container) || key >= container.length)) throw new EditError(`无法修改“${cellName(path)}”：表中没有这一行`);
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  copy[key] = rest.length === 0 ? cell(key, raw, container[key] as TextField | undefined) : setAt(container[key], rest, raw, path);
  return copy;
}

/** A fresh random id for an added indicator: never one of a deleted row, whose 复核得分 must not come back. */
export function randomIndicatorId(): string {
  // getRandomValues, not randomUUID: the latter exists only on https pages and localhost, and the app
  // may be opened over plain http on a unit's network
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return `n${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function blankIndicator(level1: string, level2: string, id: string): Indicator {
  const t = (): TextField => ({ raw: '' });
  return {
    id,
    level1,
    level2: { raw: level2 },
    name: t(),
    points: { raw: '', value: null },
    target: t(),
    actual: t(),
    claimedScore: { raw: '', value: null },
    deviation: t(),
  };
}

function lastOfGroup(ev: Evaluation, level1: string): number {
  let at = -1;
  ev.indicators.forEach((ind, i) => {
    if (ind.level1 === level1) at = i;
  });
  return at;
}

export function applyEdit(ev: Evaluation, action: EditAction): Evaluation {
  switch (action.type) {
    case 'set':
      return setAt(ev, parsePath(action.path), action.raw, action.path) as Evaluation;
    case 'set-many':
      return action.cells.reduce((out, c) => setAt(out, parsePath(c.path), c.raw, c.path) as Evaluation, ev);
    case 'add-indicator': {
      const at = action.at ?? (lastOfGroup(ev, action.level1) >= 0 ? lastOfGroup(ev, action.level1) + 1 : ev.indicators.length);
      const indicators = [...ev.indicators];
      indicators.splice(Math.max(0, Math.min(at, indicators.length)), 0, blankIndicator(action.level1, action.level2 ?? '', action.id ?? randomIndicatorId()));
      const groups = ev.groups.some((g) => g.name === action.level1)
        ? ev.groups
        : [...ev.groups, { name: action.level1, label: { raw: action.level1 }, declaredPoints: null }];
      return { ...ev, indicators, groups };
    }
    case 'remove-indicator': {
      if (!ev.indicators[action.index]) throw new EditError(`没有第 ${action.index + 1} 个指标`);
      return { ...ev, indicators: ev.indicators.filter((_, i) => i !== action.index) };
    }
    case 'move-indicator': {
      const from = action.index;
      const to = from + action.delta;
      const a = ev.indicators[from];
      const b = ev.indicators[to];
      // Rows stay inside their 一级: the paper form groups them, and the group's subtotal follows its rows.
      if (!a || !b || a.level1 !== b.level1) return ev;
      const indicators = [...ev.indicators];
      indicators[from] = b;
      indicators[to] = a;
      return { ...ev, indicators };
    }
    case 'set-not-applicable': {
      const ind = ev.indicators[action.index];
      if (!ind) throw new EditError(`没有第 ${action.index + 1} 个指标`);
      const indicators = [...ev.indicators];
      const { notApplicable: _, ...rest } = ind;
      indicators[action.index] = action.value ? { ...rest, notApplicable: true } : rest;
      return { ...ev, indicators };
    }
  }
}

/** A fix suggested by the audit, as an edit: the finding's field gets the suggested text (and the cells it keeps in step theirs). */
export function fixAction(fix: SuggestedFix): EditAction {
  if (!fix.also?.length) return { type: 'set', path: fix.field, raw: fix.value };
  return { type: 'set-many', cells: [{ path: fix.field, raw: fix.value }, ...fix.also.map((c) => ({ path: c.field, raw: c.value }))] };
}

/**
 * Replays edits on a (newer) form of any kind with that kind's `apply`; edits that no longer fit (a
 * removed row) are reported, not applied.
 */
export function replayWith<F>(
  apply: (form: F, action: EditAction) => F,
  form: F,
  actions: readonly EditAction[],
): { form: F; applied: number; skipped: EditAction[] } {
  let out = form;
  const skipped: EditAction[] = [];
  for (const a of actions) {
    try {
      out = apply(out, a);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      skipped.push(a);
    }
  }
  return { form: out, applied: actions.length - skipped.length, skipped };
}

/** Replays edits on a (newer) 自评表 (replayWith). */
export function replayEdits(ev: Evaluation, actions: readonly EditAction[]): { evaluation: Evaluation; applied: number; skipped: EditAction[] } {
  const { form, ...r } = replayWith(applyEdit, ev, actions);
  return { evaluation: form, ...r };
}
