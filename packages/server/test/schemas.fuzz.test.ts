/**
 * Fuzzing of the API's request schemas (issue 24, item 8), through the real app on SQLite: bodies
 * that are anything at all, and real forms with one field anywhere replaced by anything (huge
 * numbers, long strings, markup, wrong types). Every answer is below 500, every refusal is
 * `{code, message, details}` with a Chinese message, and each takes less than the time bound. The
 * schemas alone never throw on any JSON. `npm run fuzz` runs it longer (FUZZ_RUNS, FUZZ_SEED,
 * FUZZ_TIME_MS).
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp } from '../src/index.ts';
import * as schemas from '../src/schemas.ts';
import { loginAs, type Client } from './session.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 24);
const TIME_MS = Number(process.env.FUZZ_TIME_MS ?? 10_000);
const params = { seed: SEED, numRuns: RUNS };
const timeout = Math.max(120_000, RUNS * TIME_MS);

const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/golden/xinjiang-changji-zhengfawei-2021.form-01.json'), 'utf8')) as Record<
  string,
  unknown
>;

let store: KyselyStore;
let server: FastifyInstance;
let admin: Client;
let departmentId: number;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-fuzz-')), 'jixiao.sqlite')));
  const accounts = new KyselyAccountStore(store.conn);
  departmentId = (await store.ensureDepartment({ code: 'fuzz', name: '模糊测试单位' })).id;
  server = await buildApp({ store, accounts, database: 'sqlite' });
  admin = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

/** what a hostile client puts in a field */
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '1' + '0'.repeat(25),
    '9'.repeat(5000),
    1e308,
    -1,
    0,
    2 ** 53 + 1,
    -0.5,
    '',
    ' ',
    '<img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
    '\u0000',
    '../../etc/passwd',
    null,
    true,
    [],
    {},
  ),
  fc.string({ maxLength: 300 }),
);

/** the same kind of value as the one replaced, out of its bounds: what passes a schema but tests what is behind it */
const sameKind = fc.record({
  text: fc.oneof(
    fc.constantFrom('1' + '0'.repeat(25), '9'.repeat(5000), '-1', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")', '', '\u0000'),
    fc.string({ maxLength: 300 }),
  ),
  number: fc.oneof(fc.constantFrom(1e308, -1e308, 1e25, -1, 0, 2 ** 53 + 1, 0.1, -0.5, 99999999), fc.double({ noNaN: true, noDefaultInfinity: true })),
});

/** `value` with the node at `path` (indices into each level's keys) replaced by `by`, or by a value of its own kind */
function replaceAt(value: unknown, path: number[], by: unknown, kind?: { text: string; number: number }): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') {
    if (kind && typeof value === 'string') return kind.text;
    if (kind && typeof value === 'number') return kind.number;
    return by;
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return by;
  const key = keys[path[0]! % keys.length]!;
  (copy as Record<string, unknown>)[key] = replaceAt((copy as Record<string, unknown>)[key], path.slice(1), by, kind);
  return copy;
}

const mutatedForm = fc
  .tuple(fc.array(fc.nat(), { maxLength: 8 }), hostile, fc.option(sameKind))
  .map(([path, by, kind]) => replaceAt(golden, path, by, kind ?? undefined));

const request = fc.oneof(
  mutatedForm.map((evaluation) => ({ method: 'POST' as const, url: '/api/score', payload: { evaluation } })),
  fc
    .tuple(mutatedForm, fc.option(hostile))
    .map(([evaluation, schemeId]) => ({ method: 'POST' as const, url: '/api/score', payload: { evaluation, ...(schemeId === null ? {} : { schemeId }) } })),
  mutatedForm.map((evaluation) => ({ method: 'POST' as const, url: '/api/evaluations', payload: { departmentId, evaluation } })),
  fc
    .tuple(fc.array(fc.nat(), { maxLength: 2 }), hostile)
    .map(([path, by]) => ({ method: 'POST' as const, url: '/api/departments', payload: replaceAt({ code: 'x', name: '部门', parentId: null }, path, by) })),
  fc.tuple(fc.uuid(), fc.jsonValue({ maxDepth: 3 })).map(([token, payload]) => ({ method: 'POST' as const, url: `/api/import/${token}/commit`, payload })),
  fc.jsonValue({ maxDepth: 3 }).map((payload) => ({ method: 'POST' as const, url: '/api/score', payload })),
  fc.string({ maxLength: 200 }).map((raw) => ({ method: 'POST' as const, url: '/api/score', payload: raw, headers: { 'content-type': 'application/json' } })),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([y, d, g]) => ({
    method: 'GET' as const,
    url: `/api/evaluations?year=${encodeURIComponent(y)}&departmentId=${encodeURIComponent(d)}&grade=${encodeURIComponent(g)}`,
  })),
  fc.string({ maxLength: 30 }).map((id) => ({ method: 'GET' as const, url: `/api/evaluations/${encodeURIComponent(id)}` })),
  // the pages every user reads, after whatever the runs before stored
  fc.constantFrom('/api/departments/totals', '/api/grades').map((url) => ({ method: 'GET' as const, url })),
  fc.constant(null).map(() => ({ method: 'GET' as const, url: `/api/departments/${departmentId}/summary` })),
);

describe('fuzz: the API request schemas', () => {
  it('the schemas alone never throw, whatever JSON they are given', () => {
    const all = Object.values(schemas).filter((s): s is typeof schemas.IdParams => typeof (s as { safeParse?: unknown }).safeParse === 'function');
    expect(all.length).toBeGreaterThanOrEqual(8);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedForm), (body) => {
        for (const s of all) expect(typeof s.safeParse(body).success).toBe('boolean');
      }),
      params,
    );
  });

  it('every answer through the app is below 500, and every refusal is coded and in Chinese', { timeout }, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const t = performance.now();
        const res = await admin.inject(req);
        const key = `${req.method} ${req.url
          .replace(/\/api\/import\/[^/]+/, '/api/import/:token')
          .replace(/\/api\/evaluations\/.*/, '/api/evaluations/:id')
          .replace(/\?.*/, '')} ${res.statusCode}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(performance.now() - t).toBeLessThan(TIME_MS);
        expect(res.statusCode, `${req.method} ${req.url} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const body = res.json() as { code: unknown; message: unknown; details: unknown };
          expect(body.code).toMatch(/^[A-Z_]+(\.[A-Z_]+)*$/);
          expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
          expect(body).toHaveProperty('details');
        }
      }),
      params,
    );
    console.log(
      [...seen]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join('\n'),
    );
    // not only refusals: some mutated forms are still forms, and are scored or stored
    expect([...seen.keys()].some((k) => / 20\d$/.test(k))).toBe(true);
  });
});
