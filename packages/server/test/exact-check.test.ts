/**
 * The compiled check of a request body (exact-check.ts) lets a body through as it is exactly when zod
 * would accept it and return an equal copy: tested on the 19 seed forms and on random mutations of them
 * (a field deleted, retyped, set out of range, a key added), against zod itself.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { goldenForms } from '../../core/test/golden.ts';
import { compileCheck } from '../src/exact-check.ts';
import { EvaluationUpdate, NewEvaluation, ScoreRequest } from '../src/schemas.ts';

const seeds = goldenForms().map((g) => g.evaluation);

/** What zod says: accepted as it is (an equal copy), accepted with changes (keys stripped), refused. */
function zodSays(schema: z.ZodType, x: unknown): 'as-is' | 'changed' | 'refused' {
  const r = schema.safeParse(x);
  if (!r.success) return 'refused';
  return isDeepStrictEqual(r.data, x) ? 'as-is' : 'changed';
}

/** Every path to a value inside `x` (object keys and array positions). */
function paths(x: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(x)) return [at, ...x.flatMap((v, i) => paths(v, [...at, i]))];
  if (x && typeof x === 'object') return [at, ...Object.entries(x).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

const replacements: unknown[] = [null, 0, 1.5, -3, 2 ** 60, 'x', '', '12.50', '1e5', '约三成', true, [], {}, [1], { raw: 'x' }, Infinity];

function mutate(x: unknown, path: Array<string | number>, how: { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string }): unknown {
  const copy = structuredClone(x) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (how.kind === 'add') {
    const target = last === undefined ? copy : (o[last] as Record<string, unknown>);
    // an own property, as JSON.parse makes one (even for `__proto__`)
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, how.key, { value: 1, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  if (last === undefined) return how.kind === 'set' ? how.value : undefined;
  if (how.kind === 'delete') {
    if (Array.isArray(o)) o.splice(Number(last), 1);
    else delete o[last];
  } else o[last] = how.value;
  return copy;
}

describe('compileCheck', () => {
  const check = compileCheck(ScoreRequest)!;

  it('compiles the schemas of the bodies that carry a form', () => {
    for (const s of [ScoreRequest, NewEvaluation, EvaluationUpdate]) expect(compileCheck(s)).toBeTypeOf('function');
  });

  it('lets every seed form through, as zod does', () => {
    for (const evaluation of seeds) {
      expect(zodSays(ScoreRequest, { evaluation })).toBe('as-is');
      expect(check({ evaluation })).toBe(true);
    }
  });

  it('answers yes exactly when zod would return the body unchanged, on random mutations of the seed forms', () => {
    const bodies = seeds.map((evaluation) => ({ evaluation }));
    const all = bodies.map((b) => paths(b));
    const seen = { yes: 0, no: 0 };
    fc.assert(
      fc.property(
        fc.nat({ max: bodies.length - 1 }),
        fc.nat(),
        fc.oneof(
          fc.record({ kind: fc.constant('set' as const), value: fc.constantFrom(...replacements) }),
          fc.record({ kind: fc.constant('delete' as const) }),
          fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('extra', '__proto__', 'raw', 'src') }),
        ),
        (b, p, how) => {
          const path = all[b]![p % all[b]!.length]!;
          const body = mutate(bodies[b], path, how);
          const says = zodSays(ScoreRequest, body);
          expect(check(body)).toBe(says === 'as-is');
          seen[says === 'as-is' ? 'yes' : 'no']++;
        },
      ),
      { numRuns: 600 },
    );
    // both answers were put to the test, not one of them 600 times
    expect(Math.min(seen.yes, seen.no)).toBeGreaterThan(60);
  });

  it('the checks zod makes, one by one', () => {
    const c = (s: z.ZodType, x: unknown) => compileCheck(s)!(x);
    expect([c(z.int(), 2), c(z.int(), 2.5), c(z.number().int(), 2 ** 53), c(z.number(), Infinity), c(z.number(), NaN)]).toEqual([true, false, false, false, false]);
    expect([c(z.number().min(1).max(5), 5), c(z.number().gt(1), 1), c(z.number().lt(5), 4.9)]).toEqual([true, false, true]);
    expect([c(z.string().regex(/^\d+$/g), '12'), c(z.string().regex(/^\d+$/g), '12'), c(z.string().min(2), 'a'), c(z.string().max(2), 'abc'), c(z.string().length(2), 'ab')]).toEqual([true, true, false, false, true]);
    expect([c(z.array(z.string()).min(1), []), c(z.array(z.string()), ['a', 1]), c(z.enum(['a', 'b']), 'b'), c(z.literal(1), '1')]).toEqual([false, false, true, false]);
    enum Kind {
      A,
      B,
    }
    expect([c(z.nativeEnum(Kind), 1), c(z.nativeEnum(Kind), 'A'), z.nativeEnum(Kind).safeParse('A').success]).toEqual([true, false, false]);
    expect([c(z.string().nullable(), null), c(z.string().optional(), undefined), c(z.string().optional(), null)]).toEqual([true, true, false]);
    expect([c(z.object({ a: z.string() }), { a: 'x' }), c(z.object({ a: z.string() }), { a: 'x', b: 1 }), c(z.object({ a: z.string().optional() }), {}), c(z.object({ a: z.string() }), [])]).toEqual([true, false, true, false]);
  });

  it('leaves to zod what it does not compile: coercion, defaults, transforms, unions, refinements, other checks', () => {
    for (const s of [z.coerce.number(), z.string().default('a'), z.string().transform((x) => x.length), z.union([z.string(), z.number()]), z.string().refine((x) => x !== 'a'), z.string().email(), z.looseObject({ a: z.string() }), z.object({ a: z.coerce.number() })])
      expect(compileCheck(s as z.ZodType)).toBeNull();
    expect(compileCheck({ type: 'object' } as unknown as z.ZodType)).toBeNull();
  });
});
