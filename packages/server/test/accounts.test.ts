/**
 * Accounts done properly (issue 23, item 6) and the finance review of the whole score (item 7), through
 * the API on a real SQLite file with the demo departments: an administrator edits a user's role,
 * department and name, disables and re-enables them; departments are renamed and moved, a taken code
 * is refused with its own code; the API documents answer administrators only; finance records the
 * budget-execution 复核得分 and a 复核意见.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_REVIEW_TARGET, type StoredEvaluation } from '@jixiao/core';
import { importBytes } from '@jixiao/office';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs, TEST_PASSWORD, type Client } from './session.ts';

let server: FastifyInstance;
let store: KyselyStore;
let accounts: KyselyAccountStore;
let admin: Client;
let deptA: number;
let deptB: number;
let formsB: StoredEvaluation[];

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-accounts-')), 'jixiao.sqlite')));
  accounts = new KyselyAccountStore(store.conn);
  await loadDemo(store);
  server = await buildApp({ store, accounts, database: 'sqlite', loginLimits: { perAccount: 50, perAddress: 1000 } });
  const depts = await store.listDepartments();
  deptA = depts.find((d) => d.name.includes('大厂'))!.id;
  deptB = depts.find((d) => d.name.includes('昌吉'))!.id;
  formsB = await store.listEvaluations({ departmentId: deptB });
  admin = await loginAs(server, accounts, { username: 'admin', role: 'admin' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

const login = (username: string, password = TEST_PASSWORD) => server.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
const put = (who: Client, url: string, payload: object) => who.inject({ method: 'PUT', url, payload });

describe('an administrator manages users', () => {
  it('edits a user’s name, role and department; the user sees the new department at once', async () => {
    const li = await loginAs(server, accounts, { username: 'lisi', role: 'filler', departmentId: deptA });
    const id = (await accounts.findUser('lisi'))!.id;
    expect((await li.inject(`/api/departments/${deptA}`)).statusCode).toBe(200);
    const res = await put(admin, `/api/users/${id}`, { displayName: ' 李四 ', role: 'unit-reviewer', departmentId: deptB });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual(
      expect.objectContaining({ id, username: 'lisi', displayName: '李四', role: 'unit-reviewer', departmentId: deptB, disabled: false }),
    );
    expect(res.json().user).not.toHaveProperty('passwordHash');
    // the same session, with the new role and department
    const session = (await li.inject('/api/session')).json() as { user: { role: string; departmentId: number } };
    expect(session.user).toMatchObject({ role: 'unit-reviewer', departmentId: deptB });
    expect((await li.inject(`/api/departments/${deptA}`)).statusCode).toBe(404);
    // made finance: the unit is dropped, the assigned departments are its scope
    const fin = await put(admin, `/api/users/${id}`, { role: 'finance', assigned: [deptA] });
    expect(fin.json().user).toMatchObject({ role: 'finance', departmentId: null, assigned: [deptA] });
    // a filler needs a department: refused with a code, in Chinese
    const none = await put(admin, `/api/users/${id}`, { role: 'filler' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'USER.NO_DEPARTMENT', message: expect.stringContaining('填报人必须属于一个部门') });
    expect((await put(admin, `/api/users/${id}`, { departmentId: 99_999, role: 'filler' })).json()).toMatchObject({ code: 'USER.NO_DEPARTMENT' });
    expect((await put(admin, '/api/users/99999', { displayName: 'x' })).statusCode).toBe(404);
  });

  it('disables a user: their sessions end, they cannot log in, told so in Chinese; re-enabled, they can', async () => {
    const zhao = await loginAs(server, accounts, { username: 'zhao', role: 'filler', departmentId: deptA });
    const id = (await accounts.findUser('zhao'))!.id;
    const off = await put(admin, `/api/users/${id}`, { disabled: true });
    expect(off.json().user.disabled).toBe(true);
    expect((await zhao.inject('/api/session')).statusCode).toBe(401);
    const refused = await login('zhao');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'AUTH.BAD_CREDENTIALS', message: '该账号已停用，请联系管理员' });
    expect((await put(admin, `/api/users/${id}`, { disabled: false })).json().user.disabled).toBe(false);
    expect((await login('zhao')).statusCode).toBe(200);
    // an administrator cannot disable or demote themself
    const self = (await accounts.findUser('admin'))!.id;
    expect((await put(admin, `/api/users/${self}`, { disabled: true })).json()).toMatchObject({ code: 'USER.SELF' });
    expect((await put(admin, `/api/users/${self}`, { role: 'finance', assigned: [deptA] })).json()).toMatchObject({ code: 'USER.SELF' });
  });

  it('no other role manages users or departments', async () => {
    const fin = await loginAs(server, accounts, { username: 'fin-a', role: 'finance', assigned: [deptA] });
    const unit = await loginAs(server, accounts, { username: 'unit-a', role: 'unit-reviewer', departmentId: deptA });
    const id = (await accounts.findUser('unit-a'))!.id;
    for (const who of [fin, unit]) {
      expect((await who.inject('/api/users')).json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect((await put(who, `/api/users/${id}`, { role: 'admin' })).statusCode).toBe(403);
      expect((await who.inject({ method: 'POST', url: '/api/departments', payload: { code: 'sneak', name: '偷建' } })).statusCode).toBe(403);
      expect((await put(who, `/api/departments/${deptA}`, { name: '偷改' })).statusCode).toBe(403);
    }
    expect((await accounts.getUser(id))!.role).toBe('unit-reviewer');
    expect((await store.getDepartment(deptA))!.name).toContain('大厂');
  });
});

describe('departments', () => {
  it('a code already used is refused, saying by which department; nothing is renamed', async () => {
    const code = (await store.getDepartment(deptA))!.code;
    const res = await admin.inject({ method: 'POST', url: '/api/departments', payload: { code, name: '新名字' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DEPARTMENT.DUPLICATE_CODE', details: { code } });
    expect(res.json().message).toMatch(/^部门编码“.+”已被“.*大厂.*”使用，请换一个编码$/);
    expect((await store.getDepartment(deptA))!.name).not.toBe('新名字');
  });

  it('renamed and moved under another, never under itself or below; the tree gives a 单位审核 the sub-unit', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/departments', payload: { code: 'sub-b', name: '下属单位' } });
    expect(created.statusCode).toBe(201);
    const sub = created.json() as { id: number };
    const unitB = await loginAs(server, accounts, { username: 'unit-b', role: 'unit-reviewer', departmentId: deptB });
    expect((await unitB.inject(`/api/departments/${sub.id}`)).statusCode).toBe(404);
    const moved = await put(admin, `/api/departments/${sub.id}`, { name: '下属单位（更名）', parentId: deptB });
    expect(moved.json()).toEqual({ id: sub.id, code: 'sub-b', name: '下属单位（更名）', parentId: deptB });
    // seen at once below the unit's department
    expect((await unitB.inject(`/api/departments/${sub.id}`)).statusCode).toBe(200);
    expect((await unitB.inject('/api/departments')).json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: sub.id, parentId: deptB })]));
    const cycle = await put(admin, `/api/departments/${deptB}`, { parentId: sub.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({ code: 'DEPARTMENT.CYCLE', message: '上级部门不能是本部门或它的下级部门' });
    expect((await put(admin, `/api/departments/${sub.id}`, { parentId: null })).json().parentId).toBeNull();
    expect((await put(admin, `/api/departments/${sub.id}`, { name: '  ' })).json()).toMatchObject({ code: 'FORM.BAD_INPUT' });
    expect((await put(admin, '/api/departments/99999', { name: 'x' })).statusCode).toBe(404);
  });
});

describe('the API documents', () => {
  it('answer administrators only', async () => {
    const filler = await loginAs(server, accounts, { username: 'wang-docs', role: 'filler', departmentId: deptA });
    for (const url of ['/docs', '/docs/', '/docs/json']) {
      expect((await server.inject(url)).statusCode, url).toBe(401);
      const refused = await filler.inject(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', message: '接口文档只对管理员开放' });
    }
    const doc = (await admin.inject('/docs/json')).json() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    // the routes of this work declare what they answer
    for (const [path, method, status] of [
      ['/api/users', 'get', '200'],
      ['/api/users/{id}', 'put', '200'],
      ['/api/departments', 'post', '201'],
      ['/api/departments/{id}', 'put', '200'],
      ['/api/evaluations/{id}/review-opinion', 'put', '200'],
    ] as const)
      expect(doc.paths[path]?.[method]?.responses?.[status], `${method} ${path}`).toBeDefined();
  });
});

describe('the finance review of the whole score', () => {
  it('finance scores the budget execution and writes a 复核意见: in the reviewed total, the form and its history', async () => {
    const form = formsB.find((s) => s.schemeId === 'national')!;
    const filler = await loginAs(server, accounts, { username: 'tian-b', role: 'filler', departmentId: deptB });
    const unit = await loginAs(server, accounts, { username: 'shen-b', role: 'unit-reviewer', departmentId: deptB });
    const finance = await loginAs(server, accounts, { username: 'cai-b', role: 'finance', assigned: [deptB] });
    let version = form.version;
    // the demo's form may have findings that block a submission: handed in as it is, through the store
    const submitted = await store.setStatus(form.id, 'submitted', version, 'tian-b', {});
    version = submitted.version;
    // before the unit approves: refused
    expect((await put(finance, `/api/evaluations/${form.id}/review-opinion`, { text: '太早' })).json()).toMatchObject({ code: 'WORKFLOW.NOT_ALLOWED' });
    const approved = await unit.inject({ method: 'POST', url: `/api/evaluations/${form.id}/actions/approve`, payload: { version } });
    expect(approved.statusCode).toBe(200);
    const read = (await finance.inject(`/api/evaluations/${form.id}`)).json() as { score: { total: string; budget: { score: string; points: string } } };
    const budget = read.score.budget;
    // above the block's 分值: refused, naming it in Chinese
    const over = await put(finance, `/api/evaluations/${form.id}/reviews`, { scores: [{ indicatorId: BUDGET_REVIEW_TARGET, score: '11', reason: '多' }] });
    expect(over.json()).toMatchObject({ code: 'REVIEW.BAD_SCORE', message: `预算执行率得分“11”应为 0 到 ${budget.points} 之间的数` });
    const saved = await put(finance, `/api/evaluations/${form.id}/reviews`, {
      scores: [{ indicatorId: BUDGET_REVIEW_TARGET, score: '5', reason: '执行进度慢' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual([expect.objectContaining({ indicatorId: BUDGET_REVIEW_TARGET, score: '5.00', reviewer: 'cai-b' })]);
    const opinion = await put(finance, `/api/evaluations/${form.id}/review-opinion`, { text: ' 资金使用规范，执行进度偏慢。 ' });
    expect(opinion.json()).toMatchObject({ text: '资金使用规范，执行进度偏慢。', reviewer: 'cai-b' });
    // the 填报人 sees both; the reviewed total has the budget's 复核得分 in place of its score
    const seen = (await filler.inject(`/api/evaluations/${form.id}`)).json() as {
      reviewedTotal: string;
      reviewOpinion: { text: string };
      score: { total: string };
    };
    expect(seen.reviewOpinion.text).toBe('资金使用规范，执行进度偏慢。');
    const expected = (Number(read.score.total) - Number(budget.score) + 5).toFixed(2);
    expect(seen.reviewedTotal).toBe(expected);
    // a 填报人 writes none
    expect((await put(filler, `/api/evaluations/${form.id}/review-opinion`, { text: 'x' })).statusCode).toBe(403);
    // the history names both in Chinese
    const history = (await filler.inject(`/api/evaluations/${form.id}/history`)).json() as Array<{ label: string; after: string | null }>;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '复核得分 · 预算执行率得分', after: '5（执行进度慢）' }),
        expect.objectContaining({ label: '复核意见', after: '资金使用规范，执行进度偏慢。' }),
      ]),
    );

    // printed on the form's document: .docx and .xlsx carry the 财政复核 table; the form still reads back
    const docx = await filler.inject(`/api/evaluations/${form.id}/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    const { strFromU8, unzipSync } = await import('fflate');
    const body = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!).replace(/<[^>]+>/g, '');
    for (const text of ['财政复核', '预算执行率得分', '执行进度慢', '5.00', '复核后总分', expected, '复核意见', '资金使用规范，执行进度偏慢。'])
      expect(body).toContain(text);
    const back = await importBytes(docx.rawPayload, 'x.docx');
    expect(back.evaluations[0]!.indicators).toHaveLength(form.evaluation.indicators.length);
    const xlsx = await filler.inject(`/api/evaluations/${form.id}/document?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['复核意见', '资金使用规范，执行进度偏慢。', '预算执行率得分']));

    // and in the department's .zip of all its forms: this form's file carries it, the others none
    const zip = await filler.inject(`/api/departments/${deptB}/documents/forms.zip?format=docx`);
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const texts = Object.values(files).map((bytes) => strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, ''));
    expect(texts.filter((t) => t.includes('资金使用规范，执行进度偏慢。'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('财政复核'))).toHaveLength(1);
  });
});
