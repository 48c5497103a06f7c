/**
 * 待办, deadlines and batch work through the HTTP API (fastify.inject, a real SQLite file with the seeds):
 * a batch approval in which one form is refused with its reason and the others are approved, the
 * to-do list of each role, the response schemas in the OpenAPI document, and a .zip of chosen forms.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';

let server: FastifyInstance;
let store: KyselyStore;
let filler: Client;
let reviewer: Client;
let finance: Client;
let admin: Client;
let hebei: number;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-todo-api-')), 'jixiao.sqlite')));
  await loadDemo(store);
  const accounts = new KyselyAccountStore(store.conn);
  server = await buildApp({ store, accounts, database: 'sqlite' });
  hebei = (await store.listDepartments()).find((d) => d.code.startsWith('hebei'))!.id;
  filler = await loginAs(server, accounts, { username: 'tianbao', role: 'filler', departmentId: hebei });
  reviewer = await loginAs(server, accounts, { username: 'shenhe', role: 'unit-reviewer', departmentId: hebei });
  finance = await loginAs(server, accounts, { username: 'caizheng', role: 'finance', assigned: [hebei] });
  admin = await loginAs(server, accounts, { username: 'guanli', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

const todo = async (c: Client, qs = '') => {
  const res = await c.inject(`/api/todo${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    groups: Array<{ id: string; label: string; count: number }>;
    group: string | null;
    total: number | null;
    items: Array<{ evaluationId: number; version: number; project: string; deadline: string | null; returnNote: unknown; kindLabel: string }>;
  };
};
const batch = (c: Client, payload: object) => c.inject({ method: 'POST', url: '/api/forms/batch', payload });

describe('待办 and batch work over HTTP', () => {
  it('the 填报人 hands in a batch: the forms with errors are refused with the reason, the rest submitted', async () => {
    const list = await todo(filler);
    expect(list.groups).toEqual([
      { id: 'returned', label: '被退回', count: 0 },
      { id: 'to-submit', label: '待提交', count: 11 },
    ]);
    expect(list.items[0]!.kindLabel).toBe('自评表');
    const counts = await filler.inject(`/api/todo/findings?ids=${list.items.map((i) => i.evaluationId).join(',')}`);
    expect(counts.statusCode).toBe(200);
    expect((counts.json() as Array<{ errors: number }>).filter((c) => c.errors > 0)).toHaveLength(8);
    const res = await batch(filler, { action: 'submit', items: list.items.map((i) => ({ id: i.evaluationId, version: i.version })) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { outcomes: Array<{ ok: boolean; code?: string; message?: string }>; done: number; refused: number };
    expect([body.done, body.refused]).toEqual([3, 8]);
    expect(body.outcomes.filter((o) => !o.ok).every((o) => o.code === 'WORKFLOW.BLOCKED' && /不能提交/.test(o.message!))).toBe(true);
  });

  it('a batch approval with one form refused: its reason is reported, the others are approved', async () => {
    const waiting = (await todo(reviewer)).items;
    expect(waiting).toHaveLength(3);
    const items = waiting.map((i) => ({ id: i.evaluationId, version: i.version }));
    // the second form was read at a version that is no longer current (someone acted on it since)
    items[1] = { ...items[1]!, version: items[1]!.version - 1 };
    const res = await batch(reviewer, { action: 'approve', items });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      outcomes: Array<{ id: number; ok: boolean; status?: string; code?: string; message?: string }>;
      done: number;
      refused: number;
    };
    expect(body.outcomes.map((o) => [o.id, o.ok ? o.status : o.code])).toEqual([
      [items[0]!.id, 'unit-approved'],
      [items[1]!.id, 'STORE.VERSION_CONFLICT'],
      [items[2]!.id, 'unit-approved'],
    ]);
    expect(body.outcomes[1]!.message).toMatch(/已被他人修改/);
    expect([body.done, body.refused]).toEqual([2, 1]);
    expect((await todo(reviewer)).items.map((i) => i.evaluationId)).toEqual([items[1]!.id]);
    expect((await todo(finance)).items.map((i) => i.evaluationId)).toEqual([items[0]!.id, items[2]!.id]);
  });

  it('a batch is checked whole first: a return needs its comment, a role its actions', async () => {
    const [one] = (await todo(reviewer)).items;
    const item = { id: one!.evaluationId, version: one!.version };
    const noComment = await batch(reviewer, { action: 'return', items: [item] });
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json().code).toBe('WORKFLOW.COMMENT_REQUIRED');
    expect((await batch(reviewer, { action: 'submit', items: [] })).statusCode).toBe(400);
    // the filler may not approve: refused per form, nothing changed
    const refused = (await batch(filler, { action: 'approve', items: [item] })).json();
    expect(refused).toMatchObject({ done: 0, refused: 1, outcomes: [{ ok: false, code: 'WORKFLOW.NOT_ALLOWED' }] });
    const back = (await batch(reviewer, { action: 'return', items: [item], comment: '请补充偏差原因' })).json();
    expect(back).toMatchObject({ done: 1, outcomes: [{ ok: true, status: 'draft' }] });
    const returned = await todo(filler, '?group=returned');
    expect(returned.items).toMatchObject([{ evaluationId: item.id, returnNote: { by: 'shenhe', comment: '请补充偏差原因' } }]);
  });

  it('deadlines: finance sets its department’s, everyone in it sees it on their list', async () => {
    const set = await finance.inject({ method: 'PUT', url: '/api/deadlines', payload: { year: 2023, departmentId: hebei, due: '2024-03-31' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject([{ year: 2023, departmentId: hebei, due: '2024-03-31', setBy: 'caizheng' }]);
    expect((await filler.inject({ method: 'PUT', url: '/api/deadlines', payload: { year: 2023, departmentId: hebei, due: '2024-03-31' } })).statusCode).toBe(
      403,
    );
    const bad = await finance.inject({ method: 'PUT', url: '/api/deadlines', payload: { year: 2023, departmentId: hebei, due: '明天' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toMatch(/截止日期/);
    expect((await todo(filler, '?group=to-submit')).items.every((i) => i.deadline === '2024-03-31')).toBe(true);
    expect((await reviewer.inject('/api/deadlines?year=2023')).json()).toHaveLength(1);
  });

  it('filters reach the list: name, grade; a bad filter is a 400', async () => {
    expect((await todo(finance, `?search=${encodeURIComponent('扫黑')}`)).items.map((i) => i.project)).toEqual(['全县扫黑除恶斗争工作经费']);
    expect((await finance.inject('/api/todo?grade=A')).statusCode).toBe(400);
    expect((await finance.inject('/api/todo?group=to-submit')).statusCode).toBe(422);
  });

  it('the chosen forms of a department as one .zip, by their ids', async () => {
    const ids = (await todo(finance)).items.map((i) => i.evaluationId);
    const res = await finance.inject(`/api/departments/${hebei}/documents/forms.zip?year=2023&format=docx&ids=${ids.join(',')}`);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(res.rawPayload)))).toHaveLength(2);
    expect((await finance.inject(`/api/departments/${hebei}/documents/forms.zip?year=2023&format=docx&ids=99999`)).statusCode).toBe(422);
  });

  it('the routes declare their responses in the OpenAPI document (read by an administrator: the documents are theirs)', async () => {
    const doc = (await admin.inject('/docs/json')).json() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    expect(doc.paths['/api/todo']!.get!.responses!['200']).toBeDefined();
    expect(doc.paths['/api/forms/batch']!.post!.responses!['200']).toBeDefined();
    expect(doc.paths['/api/deadlines']!.put!.responses!['200']).toBeDefined();
  });
});
