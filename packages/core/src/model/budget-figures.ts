/** The figures of a budget line (万元), and reading one of them by name. */
import type { BudgetLine, NumberField } from './evaluation.ts';

export const FIGURES = ['initial', 'declared', 'prepared', 'adjusted', 'received', 'executed', 'balance'] as const;
export type Figure = (typeof FIGURES)[number];

/**
 * `line[k]` as named reads. A computed read `line[k]`, with k running over seven names and most of
 * them absent from a given line, missed the engine's property caches every time (≈ 0.2 µs a read,
 * the larger part of A3's time); a named read of an absent property is cached like any other.
 */
export function figureOf(line: BudgetLine, k: Figure): NumberField | undefined {
  switch (k) {
    case 'initial':
      return line.initial;
    case 'declared':
      return line.declared;
    case 'prepared':
      return line.prepared;
    case 'adjusted':
      return line.adjusted;
    case 'received':
      return line.received;
    case 'executed':
      return line.executed;
    case 'balance':
      return line.balance;
  }
}
