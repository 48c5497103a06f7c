import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatText } from './flat-text.ts';

/** A full collection: `--expose-gc` set at run time, `gc` read from a fresh context. */
function gc(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  collect();
  collect();
}

/** Heap kept by 20,000 explanations built the way scoring builds them, each passed through `keep`. */
function keptBy(keep: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 20_000; i++) kept.push(keep(`正向指标：实际 ${i % 97} ÷ 目标 ${(i % 89) + 1} × 20分 = ${(i % 20).toFixed(2)}分（按完成比例计分）`));
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(20_000);
  return bytes;
}

describe('flatText', () => {
  it('returns the text it is given, whatever its pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('正向指标：实际 ', '÷', ' 目标 ', '分', '（', '）', ''))), (pieces) => {
        const built = pieces.reduce((s, p) => `${s}${p}`, '');
        return flatText(built) === pieces.join('');
      }),
      { numRuns: 2000 },
    );
  });
  it('an empty text stays empty', () => {
    expect(flatText('')).toBe('');
  });
  it('keeps less than the concatenation it was built as (what it is for)', () => {
    const asBuilt = keptBy((s) => s);
    const flat = keptBy(flatText);
    // a template of seven pieces is six 32-byte nodes over its pieces; flat it is one string
    expect(flat).toBeLessThan(asBuilt * 0.8);
  });
});
