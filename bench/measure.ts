/** Timing helpers shared by the benchmarks. */

/** Milliseconds taken by f. */
export function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Milliseconds taken by an async f. */
export async function timeAsync(f: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** One figure of a benchmark, as `npm run bench` (bench/all.ts) collects them into one table. */
export interface Figure {
  what: string;
  /** the measured value, in `unit` */
  value: number;
  unit: string;
  /** the baseline run in the same process, in `unit` (null where the goal is absolute) */
  baseline: number | null;
  /** value ÷ baseline as the goal states it (or null) */
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

/** Prints the figures as one machine-readable line for bench/all.ts. */
export function report(bench: string, figures: Figure[]): void {
  process.stdout.write(`BENCH ${JSON.stringify({ bench, figures })}\n`);
}

/**
 * A full garbage collection, for measuring what a result keeps alive. Node exposes `gc` only with
 * `--expose-gc`; setting the flag at run time and reading `gc` from a fresh context gives the same
 * function without changing how the benchmark is started.
 */
export async function fullGc(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Bytes of heap kept alive by what `make` returns (held until the measurement ends). */
export async function keptBytes<T>(make: () => T): Promise<{ bytes: number; value: T }> {
  await fullGc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  await fullGc();
  return { bytes: process.memoryUsage().heapUsed - before, value };
}
