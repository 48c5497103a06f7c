/**
 * Fuzzing of the value parser (issue 24, item 8): whatever a cell holds, parseValue answers one of
 * its kinds — an unreadable cell is `unparseable` with a reason, not an exception — within a time
 * bound, and a quantity's value is an exact decimal string (RULES §2). parseNumberCell gives an exact
 * decimal or null. `npm run fuzz` runs it longer (FUZZ_RUNS, FUZZ_SEED, FUZZ_TIME_MS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, parseValue } from '../src/values/parse-value.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 24);
const TIME_MS = Number(process.env.FUZZ_TIME_MS ?? 1000);
const params = { seed: SEED, numRuns: RUNS };

const KINDS = ['empty', 'quantity', 'tier', 'word', 'date', 'list', 'unparseable'];
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** the pieces cells are made of: operators, digits, units, the words of a form, full-width forms */
const piece = fc.oneof(
  fc.constantFrom(
    '≥',
    '≤',
    '>=',
    '<=',
    '＝',
    '=',
    '＞',
    '＜',
    '>',
    '<',
    '≧',
    '约',
    '余',
    '左右',
    '以上',
    '以内',
    '不低于',
    '不超过',
    '%',
    '％',
    '万元',
    '元',
    '个',
    '人次',
    '条',
    '年',
    '月',
    '日',
    '前',
    '全年',
    '及时',
    '达标',
    '良好',
    '是',
    '否',
    '—',
    '-',
    '/',
    '、',
    '，',
    ',',
    '.',
    '．',
    ' ',
    '　',
    '\t',
    '\n',
    '（',
    '）',
    '(',
    ')',
    '～',
    '~',
  ),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.stringMatching(/^\d{1,60}(\.\d{1,60})?$/),
  fc.constantFrom('１２３', '０．５', '1e5', 'NaN', 'Infinity', '0x1F', '1' + '0'.repeat(25), '9'.repeat(400)),
  fc.string({ maxLength: 6 }),
);
const cell = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);

function timed<T>(f: () => T): T {
  const t = performance.now();
  const out = f();
  expect(performance.now() - t).toBeLessThan(TIME_MS);
  return out;
}

describe('fuzz: parseValue and parseNumberCell', () => {
  it('every cell parses to one of the kinds, quantities exact', () => {
    fc.assert(
      fc.property(cell, (raw) => {
        const v = timed(() => parseValue(raw));
        expect(KINDS).toContain(v.kind);
        expect(v.raw).toBe(raw);
        if (v.kind === 'quantity') expect(v.value).toMatch(DECIMAL);
        if (v.kind === 'list') for (const p of v.parts) expect(p.value).toMatch(DECIMAL);
        if (v.kind === 'unparseable') expect(v.reason.length).toBeGreaterThan(0);
      }),
      params,
    );
  });

  it('a number cell is an exact decimal or null', () => {
    fc.assert(
      fc.property(cell, (raw) => {
        const n = timed(() => parseNumberCell(raw));
        if (n !== null) expect(n).toMatch(DECIMAL);
      }),
      params,
    );
  });

  it('a long run of digits is answered within the bound', () => {
    fc.assert(
      fc.property(fc.constantFrom('≥', '', '约', '＝'), fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('', '%', '万元', '.5'), (op, n, unit) => {
        const v = timed(() => parseValue(`${op}${'7'.repeat(n)}${unit}`));
        expect(KINDS).toContain(v.kind);
      }),
      { ...params, numRuns: Math.max(5, Math.round(RUNS / 20)) },
    );
  });
});
