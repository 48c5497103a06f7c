/**
 * The indicator table of a form as document rows, for any layout: the layout names its columns; the
 * 一级 cell spans each run of the group's indicators and the 二级 cell each run of equal 二级 names, as
 * the originals merge them. Categories written with no indicator under them (R8) come after the group's
 * last indicator, so a 二级 merge never swallows them. An indicator's `其中` sub-rows (issue 21) follow it,
 * inside its 一级 and 二级 merges, with their name, target and actual and no points or score — as the
 * forms print them and as the importer reads them back (a row named `其中…` with no 分值 and no 得分).
 */
import type { Indicator, Level1Group, SubIndicator } from '@jixiao/core';
import type { DocCell, DocRow } from './document-model.ts';
import { points } from './cell-format.ts';
import { indicatorScore, type FormContext } from './form-context.ts';

export type IndicatorColumnKey =
  'level1' | 'level2' | 'name' | 'points' | 'target' | 'targetParts' | 'targetAdjusted' | 'actual' | 'completion' | 'score' | 'method' | 'deviation';

/** Grid columns a key takes: the Hebei target is three (符号/值/单位). */
export const columnWidth = (k: IndicatorColumnKey): number => (k === 'targetParts' ? 3 : 1);

type Item =
  | { kind: 'indicator'; index: number; ind: Indicator }
  | { kind: 'child'; parent: Indicator; child: SubIndicator }
  | { kind: 'empty'; group: Level1Group; level2: string }
  | { kind: 'heading'; group: Level1Group };

/** Indicators in their order, with empty groups and empty 二级 rows placed where they belong. */
function items(ctx: FormContext): Array<{ group: string; items: Item[] }> {
  const { ev } = ctx;
  const runs: Array<{ group: string; items: Item[] }> = [];
  const seen = new Set<string>();
  const emitEmptyGroupsBefore = (name: string | null) => {
    // groups with no indicator that the form lists before `name` (all remaining when null)
    for (const g of ev.groups) {
      if (g.name === name) break;
      if (seen.has(g.name) || ev.indicators.some((i) => i.level1 === g.name)) continue;
      seen.add(g.name);
      const empties = (g.emptyLevel2 ?? []).map((l2): Item => ({ kind: 'empty', group: g, level2: l2.raw }));
      runs.push({ group: g.name, items: empties.length ? empties : [{ kind: 'heading', group: g }] });
    }
  };
  ev.indicators.forEach((ind, index) => {
    if (!seen.has(ind.level1)) {
      emitEmptyGroupsBefore(ind.level1);
      seen.add(ind.level1);
    }
    const last = runs[runs.length - 1];
    const item: Item = { kind: 'indicator', index, ind };
    const children = (ind.children ?? []).map((child): Item => ({ kind: 'child', parent: ind, child }));
    if (last && last.group === ind.level1) last.items.push(item, ...children);
    else runs.push({ group: ind.level1, items: [item, ...children] });
  });
  emitEmptyGroupsBefore(null);
  // empty 二级 rows after the last run of their group
  for (const g of ev.groups) {
    if (!g.emptyLevel2?.length || !ev.indicators.some((i) => i.level1 === g.name)) continue;
    const lastRun = [...runs].reverse().find((r) => r.group === g.name)!;
    lastRun.items.push(...g.emptyLevel2.map((l2): Item => ({ kind: 'empty', group: g, level2: l2.raw })));
  }
  return runs;
}

const level2Of = (it: Item): string =>
  it.kind === 'indicator' ? it.ind.level2.raw : it.kind === 'child' ? it.parent.level2.raw : it.kind === 'empty' ? it.level2 : '';
/** A row of an indicator: the indicator's own or one of its 其中 rows (they share its 二级 merge). */
const inTree = (it: Item): boolean => it.kind === 'indicator' || it.kind === 'child';

/** How many rows from `at` on share the same non-empty value (a vertical merge). */
function runLength<T>(list: T[], at: number, key: (x: T) => string, stop: (x: T) => boolean = () => false): number {
  const k = key(list[at]!);
  let n = 1;
  while (at + n < list.length && !stop(list[at + n]!) && key(list[at + n]!) === k) n++;
  return n;
}

export function indicatorRows(ctx: FormContext, columns: readonly IndicatorColumnKey[]): DocRow[] {
  const rows: DocRow[] = [];
  for (const run of items(ctx)) {
    const group = ctx.ev.groups.find((g) => g.name === run.group);
    const label = group?.label.raw ?? run.group;
    const list = run.items;
    list.forEach((it, r) => {
      const cells: DocCell[] = [];
      for (const k of columns) {
        if (k === 'level1') {
          if (r === 0) cells.push({ text: label, rowSpan: list.length, align: 'center' });
          continue;
        }
        if (k === 'level2') {
          const continues = r > 0 && inTree(it) && inTree(list[r - 1]!) && level2Of(list[r - 1]!) === level2Of(it) && level2Of(it) !== '';
          if (continues) continue;
          const span = inTree(it) && level2Of(it) !== '' ? runLength(list, r, level2Of, (x) => !inTree(x)) : 1;
          cells.push({ text: level2Of(it), rowSpan: span, align: 'center' });
          continue;
        }
        if (k === 'method') {
          // 得分计算方法 is written once for the rows it governs (Ningxia): merge it over the rows after it that
          // have none (其中 rows have none)
          const methodOf = (x: Item) => (x.kind === 'indicator' ? x.ind.method : undefined);
          if (inTree(it) && !methodOf(it) && r > 0 && list.slice(0, r).some(methodOf)) continue;
          let span = 1;
          if (methodOf(it)) while (r + span < list.length && inTree(list[r + span]!) && !methodOf(list[r + span]!)) span++;
          cells.push({ text: methodOf(it)?.raw ?? '', rowSpan: span });
          continue;
        }
        if (it.kind === 'child') {
          cells.push(...childCells(it.child, k));
          continue;
        }
        if (it.kind !== 'indicator') {
          for (let n = 0; n < columnWidth(k); n++) cells.push({ text: '' });
          continue;
        }
        cells.push(...indicatorCells(ctx, it.index, it.ind, k));
      }
      rows.push({ cells });
    });
  }
  return rows;
}

/** A `其中` row: its name, target and actual where the indicator's are; no points, no score, no method. */
function childCells(child: SubIndicator, k: IndicatorColumnKey): DocCell[] {
  switch (k) {
    case 'name':
      return [{ text: child.name.raw }];
    case 'target':
      return [{ text: child.target.raw, align: 'center' }];
    case 'targetParts':
      // the sub-row keeps its target as one text: under 值, where the importer reads it
      return [{ text: '' }, { text: child.target.raw, align: 'center' }, { text: '' }];
    case 'actual':
      return [{ text: child.actual.raw, align: 'center' }];
    default:
      return Array.from({ length: columnWidth(k) }, () => ({ text: '' }));
  }
}

function indicatorCells(ctx: FormContext, i: number, ind: Indicator, k: IndicatorColumnKey): DocCell[] {
  switch (k) {
    case 'name':
      return [{ text: ind.name.raw }];
    case 'points':
      return [{ text: points(ind.points), align: 'right' }];
    case 'target':
      return [{ text: ind.target.raw, align: 'center' }];
    case 'targetParts': {
      const p = ind.target.parts;
      return p
        ? [
            { text: p.symbol.raw, align: 'center' },
            { text: p.value.raw, align: 'center' },
            { text: p.unit.raw, align: 'center' },
          ]
        : [{ text: '' }, { text: ind.target.raw, align: 'center' }, { text: '' }];
    }
    case 'targetAdjusted':
      return [{ text: ind.targetAdjusted?.raw ?? '', align: 'center' }];
    case 'actual':
      return [{ text: ind.actual.raw, align: 'center' }];
    case 'completion':
      return [{ text: ind.completion?.raw ?? '' }];
    case 'score':
      return [{ text: indicatorScore(ctx, i), align: 'right' }];
    case 'deviation':
      return [{ text: ind.deviation?.raw ?? '' }];
    default:
      return [{ text: '' }];
  }
}
