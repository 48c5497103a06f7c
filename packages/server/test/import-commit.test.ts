/**
 * Import commits through the API on SQLite and PostgreSQL (issue 24): one preview token commits once,
 * also when four commits race; a two-file commit whose second file duplicates the first stores nothing
 * and names the second file; a 409 with a code, never a 500.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';
import { multipart } from './multipart.ts';

const office = join(import.meta.dirname, '../../../fixtures/office');
const read = (f: string) => new Uint8Array(readFileSync(join(office, f)));
const PG_URL = process.env.JIXIAO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `jixiao_api_commit_${process.pid}_${Date.now()}`;

const targets = [
  { name: 'SQLite', url: () => join(mkdtempSync(join(tmpdir(), 'jixiao-api-commit-')), 'jixiao.sqlite'), opts: {}, cleanup: async () => {} },
  {
    name: 'PostgreSQL',
    url: () => PG_URL,
    opts: { schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  },
];

describe.each(targets)('import commit on $name', { timeout: 60_000 }, (target) => {
  let store: KyselyStore;
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    if (target.name === 'PostgreSQL') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.end();
    }
    store = new KyselyStore(await connect(target.url(), target.opts));
    const accounts = new KyselyAccountStore(store.conn);
    app = await buildApp({ store, accounts });
    admin = await loginAs(app, accounts, { username: 'admin', role: 'admin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await target.cleanup();
  });

  const upload = async (files: Array<{ name: string; bytes: Uint8Array }>) => {
    const res = await admin.inject({ method: 'POST', url: '/api/import', ...multipart(files) });
    expect(res.statusCode).toBe(200);
    return res.json() as { token: string };
  };

  it('four concurrent commits of one preview: one 201, three 409 IMPORT.ALREADY_COMMITTED; stored once', async () => {
    const { token } = await upload([{ name: 'changji.docx', bytes: read('xinjiang-changji-zhengfawei-2021.docx') }]);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        admin.inject({ method: 'POST', url: `/api/import/${token}/commit`, payload: { department: { code: 'changji', name: '昌吉州政法委' } } }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json()).toMatchObject({ code: 'IMPORT.ALREADY_COMMITTED', message: expect.stringMatching(/已经保存过/) });
    expect(await store.listEvaluations()).toHaveLength(2);
    expect((await store.listDepartments()).filter((d) => d.code === 'changji')).toHaveLength(1);
    // and later
    const again = await admin.inject({
      method: 'POST',
      url: `/api/import/${token}/commit`,
      payload: { department: { code: 'changji', name: '昌吉州政法委' } },
    });
    expect(again.statusCode).toBe(409);
  });

  it('two files, the second holding the first’s forms again: 409 naming the second file, nothing stored; retry works', async () => {
    const before = (await store.listEvaluations()).length;
    const { token } = await upload([
      { name: 'dachang.docx', bytes: read('hebei-dachang-zhengfawei-2023.docx') },
      { name: 'dachang.xlsx', bytes: read('hebei-dachang-zhengfawei-2023.xlsx') },
    ]);
    const res = await admin.inject({ method: 'POST', url: `/api/import/${token}/commit`, payload: { department: { code: 'dachang', name: '大厂县政法委' } } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'STORE.DUPLICATE', details: { file: 'dachang.xlsx' }, message: expect.stringContaining('dachang.xlsx') });
    expect(await store.listEvaluations()).toHaveLength(before);
    expect((await store.listDepartments()).some((d) => d.code === 'dachang')).toBe(false);
    // the preview was not spent by the refusal: still there, and the same answer again (not a 404)
    const retry = await admin.inject({
      method: 'POST',
      url: `/api/import/${token}/commit`,
      payload: { department: { code: 'dachang', name: '大厂县政法委' } },
    });
    expect(retry.json()).toMatchObject({ code: 'STORE.DUPLICATE' });
  });

  it('ten concurrent creates of one new form: one 201, nine 409 with a code', async () => {
    const dept = await store.ensureDepartment({ code: 'creates', name: '新建' });
    const ev = (await store.listEvaluations())[0]!.evaluation;
    const form = { ...ev, project: { ...ev.project, name: { raw: '并发新建' } } };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => admin.inject({ method: 'POST', url: '/api/evaluations', payload: { departmentId: dept.id, evaluation: form } })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().code).toBe('STORE.DUPLICATE');
  });
});
