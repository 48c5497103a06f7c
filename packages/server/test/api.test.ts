/** Every route through fastify.inject on a real SQLite file, bad input included. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, hashPassword, loadDemo, tokenId } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';
import { multipart } from './multipart.ts';

const root = join(import.meta.dirname, '../../../fixtures');
let server: FastifyInstance;
/** the administrator's session: every route below is reached as a logged-in user */
let app: Client;
let accounts: KyselyAccountStore;
let store: KyselyStore;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-api-')), 'jixiao.sqlite')));
  await loadDemo(store);
  accounts = new KyselyAccountStore(store.conn);
  server = await buildApp({ store, accounts, database: 'sqlite', maxUploadBytes: 2 * 1024 * 1024 });
  app = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const expectError = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { code: string; message: string; details: unknown };
  expect(body.code).toBe(code);
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(body).toHaveProperty('details');
};

describe('system and departments', () => {
  it('health, schemes, OpenAPI', async () => {
    expect((await get('/api/health')).json()).toEqual({ ok: true, database: 'sqlite' });
    expect((await get('/api/schemes')).json().map((s: { id: string }) => s.id)).toEqual(['national', 'hebei', 'ningxia']);
    const doc = (await get('/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/evaluations', '/api/evaluations/{id}', '/api/import', '/api/import/{token}/commit', '/api/departments/{id}/summary']),
    );
    expect((await get('/docs/')).statusCode).toBe(200);
  });

  it('departments: list, create, read, 404, bad body', async () => {
    expect((await get('/api/departments')).json()).toHaveLength(4);
    const created = await app.inject({ method: 'POST', url: '/api/departments', payload: { code: 'test-dept', name: '测试部门', parentId: 1 } });
    expect(created.statusCode).toBe(201);
    expect((await get(`/api/departments/${created.json().id}`)).json().name).toBe('测试部门');
    expectError(await get('/api/departments/999'), 404, 'STORE.NOT_FOUND');
    expectError(await app.inject({ method: 'POST', url: '/api/departments', payload: { name: '' } }), 400, 'REQUEST.INVALID');
    expectError(await app.inject({ method: 'POST', url: '/api/departments', payload: { code: 'x', name: 'x', parentId: 999 } }), 422, 'STORE.NO_PARENT');
    expectError(await get('/api/departments/abc'), 400, 'REQUEST.INVALID');
  });

  it('projects, the 汇总表, department findings, grade counts', async () => {
    expect((await get('/api/projects?departmentId=1')).json()).toHaveLength(11);
    const s = (await get('/api/departments/1/summary?year=2023')).json();
    expect(s.summary.total).toEqual({ budget: '459.11', executed: '453.64', rate: '98.81' });
    expect(s.summary.rows[2]).toMatchObject({ project: '见义勇为基金', score: '74.26', grade: '中', fundType: '县级专项项目', status: 'draft' });
    const f = (await get('/api/departments/1/findings')).json() as Array<{ rule: string; evaluationId: number }>;
    expect(f.some((x) => x.rule === 'A9')).toBe(true);
    expect(f.every((x) => typeof x.evaluationId === 'number')).toBe(true);
    // filtered and paged: the same findings, in the same order, the total in x-total-count
    type F = { rule: string; severity: string; evaluationId: number; code: string };
    const all = f as F[];
    const errors = await get('/api/departments/1/findings?severity=error');
    expect(errors.json()).toEqual(all.filter((x) => x.severity === 'error'));
    expect(errors.headers['x-total-count']).toBe(String(all.filter((x) => x.severity === 'error').length));
    const a4 = all.filter((x) => x.rule === 'A4');
    expect(a4.length).toBeGreaterThan(2);
    const page = await get('/api/departments/1/findings?rule=A4&offset=1&limit=2');
    expect(page.json()).toEqual(a4.slice(1, 3));
    expect(page.headers['x-total-count']).toBe(String(a4.length));
    const one = all[0]!.evaluationId;
    expect((await get(`/api/departments/1/findings?evaluationId=${one}`)).json()).toEqual(all.filter((x) => x.evaluationId === one));
    expectError(await get('/api/departments/1/findings?rule=A13'), 400, 'REQUEST.INVALID');
    expectError(await get('/api/departments/1/findings?limit=0'), 400, 'REQUEST.INVALID');
    expect((await get('/api/grades?year=2023')).json()).toEqual({ 优: 9, 中: 1, 差: 1 });
    // 各部门汇总: every department the user sees, the same money as the department's 汇总表
    const totals = (await get('/api/departments/totals?year=2023')).json();
    expect(totals.rows.find((r: { departmentId: number }) => r.departmentId === 1)).toMatchObject({
      forms: 11,
      budget: '459.11',
      executed: '453.64',
      rate: '98.81',
      gradeCounts: { 优: 9, 中: 1, 差: 1 },
    });
    expect(totals.rows).toHaveLength((await get('/api/departments')).json().length);
    expect(totals.total).toMatchObject({ forms: 11, gradeCounts: { 优: 9, 中: 1, 差: 1 } });
    expect((await get('/api/departments/totals')).json().total.forms).toBe(19);
    expectError(await get('/api/departments/999/summary'), 404, 'STORE.NOT_FOUND');
  });
});

describe('evaluations', () => {
  it('list with filters; bad filters', async () => {
    expect((await get('/api/evaluations')).json()).toHaveLength(19);
    expect((await get(`/api/evaluations?grade=${encodeURIComponent('差')}`)).json().map((e: { project: string }) => e.project)).toEqual(['特困干警补贴']);
    expect((await get('/api/evaluations?year=2022&departmentId=4')).json()).toHaveLength(3);
    expectError(await get('/api/evaluations?grade=A'), 400, 'REQUEST.INVALID');
    expectError(await get('/api/evaluations?status=lost'), 400, 'REQUEST.INVALID');
  });

  it('read: the form, its score and its findings; 404', async () => {
    const list = (await get('/api/evaluations?departmentId=1')).json();
    const one = (await get(`/api/evaluations/${list[2].id}`)).json();
    expect(one.score.total).toBe('74.26');
    expect(one.findings.some((f: { code: string }) => f.code === 'A4.SCORE')).toBe(true);
    expect((await get(`/api/evaluations/${list[2].id}/score`)).json().total).toBe('74.26');
    expect((await get(`/api/evaluations/${list[2].id}/findings`)).json().length).toBeGreaterThan(3);
    expectError(await get('/api/evaluations/99999'), 404, 'STORE.NOT_FOUND');
    expectError(await get('/api/evaluations/99999/score'), 404, 'STORE.NOT_FOUND');
  });

  it('update with the version read; 409 with the current form for a stale one; history', async () => {
    const [e] = (await get(`/api/evaluations?grade=${encodeURIComponent('中')}`)).json();
    const current = (await get(`/api/evaluations/${e.id}`)).json();
    const doc = current.evaluation;
    doc.indicators[0].actual = { raw: '＝5人次' };
    const ok = await app.inject({ method: 'PUT', url: `/api/evaluations/${e.id}`, payload: { version: current.version, evaluation: doc } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: current.version + 1, total: '90.26', grade: '优' });
    const stale = await app.inject({ method: 'PUT', url: `/api/evaluations/${e.id}`, payload: { version: current.version, evaluation: doc } });
    expectError(stale, 409, 'STORE.VERSION_CONFLICT');
    expect(stale.json().details.current.version).toBe(current.version + 1);
    expectError(
      await app.inject({ method: 'PUT', url: `/api/evaluations/${e.id}`, payload: { version: 1, evaluation: { bad: true } } }),
      400,
      'REQUEST.INVALID',
    );
    const h = (await get(`/api/evaluations/${e.id}/history`)).json();
    expect(h.map((c: { field: string }) => c.field)).toContain('indicators[i1].actual');
  });

  it('create (201), duplicate (409), score without saving, delete (204, 409 stale)', async () => {
    const src = (await get('/api/evaluations?departmentId=3')).json()[0];
    const doc = (await get(`/api/evaluations/${src.id}`)).json().evaluation;
    doc.project.name = { raw: '新建测试项目' };
    const created = await app.inject({ method: 'POST', url: '/api/evaluations', payload: { departmentId: 3, evaluation: doc } });
    expect(created.statusCode).toBe(201);
    expectError(await app.inject({ method: 'POST', url: '/api/evaluations', payload: { departmentId: 3, evaluation: doc } }), 409, 'STORE.DUPLICATE');
    expectError(await app.inject({ method: 'POST', url: '/api/evaluations', payload: { departmentId: 999, evaluation: doc } }), 404, 'STORE.NOT_FOUND');
    const scored = (await app.inject({ method: 'POST', url: '/api/score', payload: { evaluation: doc } })).json();
    expect(scored.score.total).toBe('100.00');
    expectError(await app.inject({ method: 'POST', url: '/api/score', payload: { evaluation: 1 } }), 400, 'REQUEST.INVALID');
    expectError(await app.inject({ method: 'POST', url: '/api/score', payload: { evaluation: { ...doc, schemeId: 'atlantis' } } }), 422, 'SCHEME.INVALID');
    const id = created.json().id;
    expectError(await app.inject({ method: 'DELETE', url: `/api/evaluations/${id}?version=7` }), 409, 'STORE.VERSION_CONFLICT');
    expect((await app.inject({ method: 'DELETE', url: `/api/evaluations/${id}?version=1` })).statusCode).toBe(204);
    expectError(await get(`/api/evaluations/${id}`), 404, 'STORE.NOT_FOUND');
    expect((await get(`/api/evaluations/${id}/history`)).json().at(-1).field).toBe('(删除)');
  });
});

describe('import: upload → preview → commit', () => {
  it('previews a .docx and a broken file, commits the good one, keeps the original', async () => {
    const docx = new Uint8Array(readFileSync(join(root, 'office', 'xinjiang-changji-zhengfawei-2021.docx')));
    const up = await app.inject({
      method: 'POST',
      url: '/api/import',
      ...multipart([
        { name: '昌吉.docx', bytes: docx },
        { name: 'broken.docx', bytes: new TextEncoder().encode('not a zip') },
      ]),
    });
    expect(up.statusCode).toBe(200);
    const preview = up.json();
    expect(preview.files[0].evaluations.map((e: { project: string; total: string }) => [e.project, e.total])).toEqual([
      ['综治工作经费', '100.00'],
      ['访惠聚工作经费', '98.00'],
    ]);
    expect(preview.rejected).toEqual([{ name: 'broken.docx', error: expect.objectContaining({ code: 'IMPORT.NOT_A_ZIP' }) }]);
    // issue 21, item 8: per form, the tables read and the role of each header column
    expect(
      preview.files[0].reports[0].tables.map((t: { kind: string; columns: Array<{ role: string | null }> }) => [
        t.kind,
        t.columns.every((c) => c.role !== null),
      ]),
    ).toEqual([
      ['budget', true],
      ['indicators', true],
    ]);
    const commit = await app.inject({
      method: 'POST',
      url: `/api/import/${preview.token}/commit`,
      payload: { department: { code: 'import-test', name: '导入测试' } },
    });
    expect(commit.statusCode).toBe(201);
    expect(commit.json().evaluations).toHaveLength(2);
    const sha = createHash('sha256').update(docx).digest('hex');
    const file = await get(`/api/source-files/${sha}`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, Buffer.from(docx))).toBe(0);
    // one preview commits once (issue 24): a second commit is told so
    expectError(
      await app.inject({ method: 'POST', url: `/api/import/${preview.token}/commit`, payload: { departmentId: 1 } }),
      409,
      'IMPORT.ALREADY_COMMITTED',
    );
  });

  it('a PDF with a text layer is read; a scan (no text) is refused with IMPORT.PDF_NO_TEXT', async () => {
    const pdf = new Uint8Array(readFileSync(join(root, 'provinces', 'anhui-guichi-tangxizhen-2022.pdf')));
    const scan = new Uint8Array(readFileSync(join(root, 'office', 'no-text-layer.pdf')));
    const up = await app.inject({
      method: 'POST',
      url: '/api/import',
      ...multipart([
        { name: 'tangxi.pdf', bytes: pdf },
        { name: 'scan.pdf', bytes: scan },
      ]),
    });
    expect(up.statusCode).toBe(200);
    const preview = up.json();
    expect(preview.files[0].evaluations.map((e: { project: string }) => e.project)).toEqual(['委托业务项目']);
    expect(preview.rejected).toEqual([
      { name: 'scan.pdf', error: expect.objectContaining({ code: 'IMPORT.PDF_NO_TEXT', message: expect.stringContaining('请使用带文字层的PDF') }) },
    ]);
  });

  it('a second commit of the same forms is refused and changes nothing', async () => {
    const docx = new Uint8Array(readFileSync(join(root, 'office', 'xinjiang-changji-zhengfawei-2021.docx')));
    const before = (await get('/api/evaluations')).json().length;
    const preview = (await app.inject({ method: 'POST', url: '/api/import', ...multipart([{ name: 'again.docx', bytes: docx }]) })).json();
    expectError(
      await app.inject({ method: 'POST', url: `/api/import/${preview.token}/commit`, payload: { department: { code: 'import-test', name: '导入测试' } } }),
      409,
      'STORE.DUPLICATE',
    );
    expect((await get('/api/evaluations')).json().length).toBe(before);
  });

  it('uploads over the limit are refused while streaming (413); no multipart (415); nothing sent (400)', async () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    expectError(await app.inject({ method: 'POST', url: '/api/import', ...multipart([{ name: 'big.docx', bytes: big }]) }), 413, 'UPLOAD.TOO_LARGE');
    expectError(await app.inject({ method: 'POST', url: '/api/import', payload: { a: 1 } }), 415, 'REQUEST.MEDIA_TYPE');
    expectError(await app.inject({ method: 'POST', url: '/api/import', ...multipart([]) }), 400, 'IMPORT.NO_FILE');
    expectError(await app.inject({ method: 'POST', url: '/api/import/not-a-uuid/commit', payload: { departmentId: 1 } }), 400, 'REQUEST.INVALID');
    expectError(await get('/api/source-files/abc'), 400, 'REQUEST.INVALID');
    expectError(await get(`/api/source-files/${'0'.repeat(64)}`), 404, 'STORE.NOT_FOUND');
  });
});

describe('storage failures reach the user as clear errors', () => {
  it('a read-only database: 503 STORE.READ_ONLY, in Chinese', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jixiao-ro-')), 'jixiao.sqlite');
    const seed = new KyselyStore(await connect(path));
    await loadDemo(seed);
    // The session is made while the file is still writable: a read-only database cannot log anyone in.
    const seedAccounts = new KyselyAccountStore(seed.conn);
    const admin = await seedAccounts.addUser({ username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword('x-password-1') });
    await seedAccounts.createSession({
      id: tokenId('ro-token'),
      userId: admin.id,
      csrf: 'ro-csrf',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await seed.close();
    const ro = new KyselyStore(await connect(path, { sqlitePragmas: ['query_only = ON'] }));
    const built = await buildApp({ store: ro, accounts: new KyselyAccountStore(ro.conn) });
    const headers = { cookie: 'jixiao_session=ro-token', 'x-csrf-token': 'ro-csrf' };
    const roApp = {
      inject: (o: { method: 'GET' | 'POST'; url: string; payload?: unknown }) => built.inject({ ...o, headers } as never),
      close: () => built.close(),
    };
    const res = await roApp.inject({ method: 'POST', url: '/api/departments', payload: { code: 'new', name: '新部门' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'STORE.READ_ONLY' });
    expect(res.json().message).toContain('只读');
    expect((await roApp.inject({ method: 'GET', url: '/api/departments' })).json()).toHaveLength(4);
    await roApp.close();
    await ro.close();
  });
});
