/**
 * The editor and the 汇总表 show the same findings for the same form (issue 23 item 4): the form's own
 * check (GET /api/evaluations/:id) and its findings across the department's forms (A9, GET
 * /api/evaluations/:id/department-findings) are together what the department's findings list for it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';

let server: FastifyInstance;
let store: KyselyStore;
let admin: Client;
let other: Client;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-dfind-')), 'jixiao.sqlite')));
  await loadDemo(store);
  const accounts = new KyselyAccountStore(store.conn);
  server = await buildApp({ store, accounts, database: 'sqlite' });
  admin = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
  other = await loginAs(server, accounts, { username: 'filler-other', role: 'filler', departmentId: 2 });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

interface F {
  code: string;
  message: string;
  evaluationId?: number;
}
const key = (f: F) => `${f.code} ${f.message}`;

describe('a form’s findings in the editor and in the 汇总表', () => {
  it('are the same on every form of the Hebei department, A9 across its forms included', async () => {
    const all = (await admin.inject('/api/departments/1/findings?year=2023')).json() as F[];
    const ids = [...new Set(all.map((f) => f.evaluationId!))];
    expect(all.some((f) => f.code.startsWith('A9.'))).toBe(true);
    let across = 0;
    for (const id of ids) {
      const own = ((await admin.inject(`/api/evaluations/${id}`)).json() as { findings: F[] }).findings;
      const res = await admin.inject(`/api/evaluations/${id}/department-findings`);
      expect(res.statusCode).toBe(200);
      const dept = res.json() as F[];
      across += dept.length;
      expect(dept.every((f) => f.code.startsWith('A9.') || f.code.startsWith('A10.'))).toBe(true);
      expect([...own, ...dept].map(key).sort(), `form ${id}`).toEqual(
        all
          .filter((f) => f.evaluationId === id)
          .map(key)
          .sort(),
      );
    }
    expect(across).toBeGreaterThan(0);
  });

  it('another department’s form is not there at all', async () => {
    const [form] = (await admin.inject('/api/evaluations?departmentId=1')).json() as Array<{ id: number }>;
    const res = await other.inject(`/api/evaluations/${form!.id}/department-findings`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('STORE.NOT_FOUND');
  });
});
