/**
 * A yes/no check compiled from a zod schema, for the common case of a request body that is already
 * exactly what the schema describes: then zod's parse would return a copy equal to the input, and the
 * check lets the input through as it is. Anything else — a wrong value, a missing field, a key the
 * schema does not name (zod strips those) — answers no, and the caller runs zod, which gives the error
 * with its path, or the stripped copy. So the route sees the same data either way.
 *
 * Why: zod 4 allocates a result object per value it parses; a form body has ≈ 250 objects and 1,000
 * values, and validating it cost ≈ 20 µs of a POST /api/score's ≈ 220 µs (bench/README.md, api). The
 * check allocates nothing.
 *
 * Only the schema types and checks listed below are compiled; a schema with anything else (coercion,
 * defaults, transforms, unions, refinements, other checks) compiles to null and is always left to zod.
 */
import type { z } from 'zod';

export type Check = (x: unknown) => boolean;

/** zod 4's definition of a schema, as far as this file reads it */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, string | number>;
  /** z.int() and the like carry their format on the schema itself */
  check?: string;
  format?: string;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

export function compileCheck(schema: z.ZodType): Check | null {
  // fastify passes whatever a route gave as its schema: only a zod schema is compiled
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return null;
  return compile(schema)?.check ?? null;
}

/**
 * A compiled check, and for the simplest ones the same test as a JavaScript expression over a
 * variable, so that an object's check tests its plain fields in its own code instead of calling a
 * function per field.
 */
interface Compiled {
  check: Check;
  inline?: (v: string) => string;
}

function compile(schema: z.ZodType): Compiled | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      if (!def.checks?.length) return { check: (x) => typeof x === 'string', inline: (v) => `typeof ${v} === "string"` };
      const rest = checksOf(checkDefs(def), (c) => (c.check === 'string_format' && c.format === 'regex' && c.pattern ? regexCheck(c.pattern) : lengthCheck(c)));
      return rest && { check: (x) => typeof x === 'string' && rest(x) };
    }
    case 'number': {
      if (def.coerce) return null;
      // z.int() and the like carry their format on the schema itself, besides any further checks
      const own: CheckDef[] = def.check ? [{ check: def.check, ...(def.format !== undefined && { format: def.format }) }] : [];
      const all = [...own, ...checkDefs(def)];
      // zod 4's z.number() refuses Infinity and NaN (JSON has neither, but a body need not be JSON)
      if (all.length === 1 && all[0]!.check === 'number_format' && all[0]!.format === 'safeint')
        return { check: (x) => typeof x === 'number' && Number.isSafeInteger(x), inline: (v) => `(typeof ${v} === "number" && Number.isSafeInteger(${v}))` };
      const rest = checksOf(all, numberCheck);
      return rest && { check: (x) => typeof x === 'number' && Number.isFinite(x) && rest(x) };
    }
    case 'boolean':
      return def.coerce || def.checks?.length ? null : { check: (x) => typeof x === 'boolean', inline: (v) => `typeof ${v} === "boolean"` };
    case 'literal': {
      const values = def.values ?? [];
      return { check: (x) => values.includes(x) };
    }
    case 'enum': {
      // as zod reads an enum's entries: a TypeScript numeric enum's reverse entries (`0: 'A'`) are not values
      const entries = Object.entries(def.entries ?? {});
      const numbers = entries.flatMap(([, v]) => (typeof v === 'number' ? [v] : []));
      const allowed = new Set(entries.filter(([k]) => !numbers.includes(Number(k))).map(([, v]) => v));
      return { check: (x) => (typeof x === 'string' || typeof x === 'number') && allowed.has(x) };
    }
    case 'optional':
    case 'nullable': {
      const inner = compile(def.innerType!);
      if (!inner) return null;
      const none = def.type === 'optional' ? undefined : null;
      const noneText = def.type === 'optional' ? 'undefined' : 'null';
      const { check, inline } = inner;
      return { check: (x) => x === none || check(x), ...(inline && { inline: (v: string) => `(${v} === ${noneText} || ${inline(v)})` }) };
    }
    case 'array': {
      const element = compile(def.element!);
      const rest = checksOf(checkDefs(def), lengthCheck);
      if (!element || !rest) return null;
      const each = element.check;
      return {
        check: (x) => {
          if (!Array.isArray(x) || !rest(x)) return false;
          for (const v of x) if (!each(v)) return false;
          return true;
        },
      };
    }
    case 'object':
      return objectCheck(def);
    default:
      return null;
  }
}

/**
 * A plain object with every field of the shape right and no other key (zod would strip it: no). Made
 * with `new Function`, as zod makes its own parsers: each field read as a named property of the
 * object, so that each read has a cache of its own for the objects of this shape — read through a
 * key in a variable, every field of every object went through one shared, slow lookup, and the check
 * cost as much as zod's parse. Nothing from a request reaches the source: only the schema's own keys,
 * quoted by JSON.stringify.
 */
function objectCheck(def: Def): Compiled | null {
  if (def.catchall !== undefined || def.checks?.length) return null;
  const fields: Array<[string, Compiled]> = [];
  for (const [key, s] of Object.entries(def.shape ?? {})) {
    const c = compile(s);
    if (!c) return null;
    fields.push([key, c]);
  }
  const lines = fields.map(([key, c], i) => {
    const read = `v = x[${JSON.stringify(key)}]; if (v !== undefined) present++;`;
    return `${read} if (!(${c.inline ? c.inline('v') : `c${i}(v)`})) return false;`;
  });
  const source = [
    'return function check(x) {',
    '  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;',
    '  let present = 0, v;',
    ...lines.map((l) => `  ${l}`),
    // No other key: as many keys as fields present, counted with `for … in`, which makes no array (a
    // body from JSON.parse has no inherited keys, and no key whose value is undefined).
    '  let n = 0;',
    '  for (const _ in x) n++;',
    '  return n === present;',
    '};',
  ].join('\n');
  const make = new Function(...fields.map((_, i) => `c${i}`), source) as (...checks: Check[]) => Check;
  return { check: make(...fields.map(([, c]) => c.check)) };
}

const checkDefs = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/** The checks as one function, or null if one of them is not understood. */
function checksOf<T>(defs: readonly CheckDef[], compile: (c: CheckDef) => ((x: T) => boolean) | null): ((x: T) => boolean) | null {
  const all = defs.map(compile);
  if (all.some((c) => c === null)) return null;
  const checks = all as Array<(x: T) => boolean>;
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0]!;
  return (x) => checks.every((c) => c(x));
}

function regexCheck(pattern: RegExp): (x: string) => boolean {
  return (x) => {
    pattern.lastIndex = 0; // as zod does: a /g or /y pattern keeps its position between tests
    return pattern.test(x);
  };
}

function lengthCheck(c: CheckDef): ((x: { length: number }) => boolean) | null {
  if (c.check === 'min_length') return (x) => x.length >= c.minimum!;
  if (c.check === 'max_length') return (x) => x.length <= c.maximum!;
  if (c.check === 'length_equals') return (x) => x.length === c.length!;
  return null;
}

function numberCheck(c: CheckDef): ((x: number) => boolean) | null {
  if (c.check === 'number_format' && c.format === 'safeint') return Number.isSafeInteger;
  if (c.check === 'greater_than') return c.inclusive ? (x) => x >= c.value! : (x) => x > c.value!;
  if (c.check === 'less_than') return c.inclusive ? (x) => x <= c.value! : (x) => x < c.value!;
  return null;
}
