/**
 * The administration of accounts and departments, and the finance review of the whole score, as use
 * cases on a real SQLite file with the seed departments (issue 23, items 6 and 7): who may do what, each
 * refusal a coded Chinese error that stores nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_REVIEW_TARGET, type Store, type StoredEvaluation } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { AccountUseCases, FormUseCases, operator, type Actor } from '../src/index.ts';

let store: KyselyStore;
let accounts: KyselyAccountStore;
let uc: AccountUseCases;
let forms: FormUseCases;
const dept: Record<string, number> = {};
const admin = { ...operator('admin'), userId: 0 };
const finance = (departments: number[]): Actor => ({ username: 'caizheng', displayName: '财政局', role: 'finance', sees: (d) => departments.includes(d) });

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-accounts-')), 'jixiao.sqlite')));
  accounts = new KyselyAccountStore(store.conn);
  await loadDemo(store);
  uc = new AccountUseCases(store as Store, accounts);
  forms = new FormUseCases(store);
  for (const d of await store.listDepartments()) dept[d.code.split('-')[0]!] = d.id;
});
afterAll(() => store.close());

describe('users', () => {
  it('an administrator changes role, department and name; a role keeps only the placement it has', async () => {
    const u = await uc.addUser(admin, { username: 'lisi', displayName: '李四', role: 'filler', departmentId: dept.hebei!, passwordHash: 'scrypt$x' });
    const { user } = await uc.updateUser(admin, u.id, { role: 'finance', assigned: [dept.hebei!, dept.ningxia!], displayName: ' 李四（财政） ' });
    expect(user).toMatchObject({ role: 'finance', departmentId: null, assigned: [dept.hebei, dept.ningxia], displayName: '李四（财政）' });
    const back = await uc.updateUser(admin, u.id, { role: 'unit-reviewer', departmentId: dept.shanxi! });
    expect(back.user).toMatchObject({ role: 'unit-reviewer', departmentId: dept.shanxi, assigned: [] });
    await expect(uc.updateUser(admin, u.id, { role: 'filler', departmentId: null })).rejects.toMatchObject({ code: 'USER.NO_DEPARTMENT' });
    await expect(uc.updateUser(admin, u.id, { departmentId: 99_999 })).rejects.toMatchObject({ code: 'USER.NO_DEPARTMENT' });
    await expect(uc.updateUser(admin, 99_999, { displayName: 'x' })).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
    // nothing of the refusals was stored
    expect(await accounts.getUser(u.id)).toMatchObject({ role: 'unit-reviewer', departmentId: dept.shanxi });
  });

  it('disabling or a new password ends every session of the user; re-enabling does not need one', async () => {
    const u = await uc.addUser(admin, { username: 'zhao', displayName: '赵', role: 'filler', departmentId: dept.hebei!, passwordHash: 'scrypt$x' });
    const session = { userId: u.id, csrf: 'c', createdAt: '2026-12-04T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' };
    await accounts.createSession({ id: 's1', ...session });
    expect((await uc.updateUser(admin, u.id, { displayName: '赵六' })).endSessions).toBe(false);
    expect(await accounts.getSession('s1')).not.toBeNull();
    const off = await uc.updateUser(admin, u.id, { disabled: true });
    expect(off).toMatchObject({ endSessions: true, user: { disabled: true } });
    expect(await accounts.getSession('s1')).toBeNull();
    expect((await uc.updateUser(admin, u.id, { disabled: false })).user.disabled).toBe(false);
    await accounts.createSession({ id: 's2', ...session });
    expect((await uc.updateUser(admin, u.id, { passwordHash: 'scrypt$y' })).endSessions).toBe(true);
    expect(await accounts.getSession('s2')).toBeNull();
  });

  it('an administrator neither disables nor demotes themself; nobody else manages users', async () => {
    const me = await uc.addUser(admin, { username: 'guanli', displayName: '管理员', role: 'admin', passwordHash: 'scrypt$x' });
    const self = { ...operator('guanli'), userId: me.id };
    await expect(uc.updateUser(self, me.id, { disabled: true })).rejects.toMatchObject({ code: 'USER.SELF' });
    await expect(uc.updateUser(self, me.id, { role: 'finance' })).rejects.toMatchObject({ code: 'USER.SELF' });
    const notAdmin = { ...finance([dept.hebei!]), userId: me.id };
    await expect(uc.listUsers(notAdmin)).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN', message: expect.stringContaining('只有管理员可以管理用户') });
    await expect(uc.updateUser(notAdmin, me.id, { displayName: 'x' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(uc.createDepartment(notAdmin, { code: 'x', name: 'x' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(uc.updateDepartment(notAdmin, dept.hebei!, { name: 'x' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});

describe('departments', () => {
  it('each person sees their own; a taken code and a parent below itself are refused', async () => {
    expect((await uc.departments(finance([dept.hebei!]))).map((d) => d.id)).toEqual([dept.hebei]);
    expect(await uc.departments(admin)).toHaveLength(4);
    await expect(uc.createDepartment(admin, { code: 'hebei-dachang-zfw', name: '别的名字' })).rejects.toMatchObject({ code: 'DEPARTMENT.DUPLICATE_CODE' });
    await expect(uc.createDepartment(admin, { code: ' ', name: 'x' })).rejects.toMatchObject({ code: 'FORM.BAD_INPUT' });
    const sub = await uc.createDepartment(admin, { code: ' hebei-sub ', name: ' 下属单位 ', parentId: dept.hebei! });
    expect(sub).toMatchObject({ code: 'hebei-sub', name: '下属单位', parentId: dept.hebei });
    await expect(uc.updateDepartment(admin, dept.hebei!, { parentId: sub.id })).rejects.toMatchObject({ code: 'DEPARTMENT.CYCLE' });
    expect(await uc.updateDepartment(admin, sub.id, { name: '下属单位（更名）', parentId: dept.shanxi! })).toMatchObject({ parentId: dept.shanxi });
  });
});

describe('the finance review of the whole score', () => {
  /** a form of the department moved to 单位已审核, as the workflow would */
  const approved = async (d: number): Promise<StoredEvaluation> => {
    const [s] = await store.listEvaluations({ departmentId: d });
    const sub = await store.setStatus(s!.id, 'submitted', s!.version, 't', {});
    return store.setStatus(s!.id, 'unit-approved', sub.version, 'u', {});
  };

  it('the budget-execution score is reviewed where its block counts (national), within its 分值', async () => {
    const s = await approved(dept.xinjiang!);
    const fin = finance([dept.xinjiang!]);
    await expect(forms.review(fin, s.id, [{ indicatorId: BUDGET_REVIEW_TARGET, score: '10.5', reason: '多' }])).rejects.toMatchObject({
      code: 'REVIEW.BAD_SCORE',
      message: '预算执行率得分“10.5”应为 0 到 10 之间的数',
    });
    await forms.review(fin, s.id, [{ indicatorId: BUDGET_REVIEW_TARGET, score: '9', reason: '核减' }]);
    const view = await forms.read(fin, s.id);
    const budget = view.score.budget.score!;
    expect(Number(view.reviewedTotal)).toBeCloseTo(Number(view.score.total) - Number(budget) + 9, 6);
    expect(await forms.reviewOpinion(fin, s.id, '  较好  ')).toMatchObject({ text: '较好', reviewer: 'caizheng' });
    expect((await forms.read(fin, s.id)).reviewOpinion?.text).toBe('较好');
    expect(await forms.printedReview(s)).toMatchObject({
      opinion: '较好',
      total: view.reviewedTotal,
      scores: [{ indicatorId: BUDGET_REVIEW_TARGET, score: '9.00' }],
    });
  });

  it('not where the budget is an indicator row (河北) or outside the total (宁夏); nor before the unit approves', async () => {
    for (const d of [dept.hebei!, dept.ningxia!]) {
      const s = await approved(d);
      await expect(forms.review(finance([d]), s.id, [{ indicatorId: BUDGET_REVIEW_TARGET, score: '1', reason: 'x' }])).rejects.toMatchObject({
        code: 'REVIEW.BAD_INDICATOR',
      });
    }
    const [draft] = await store.listEvaluations({ departmentId: dept.shanxi!, status: 'draft' });
    await expect(forms.reviewOpinion(finance([dept.shanxi!]), draft!.id, 'x')).rejects.toMatchObject({ code: 'WORKFLOW.NOT_ALLOWED' });
    const filler: Actor = { username: 't', displayName: '填报人', role: 'filler', sees: () => true };
    await expect(forms.reviewOpinion(filler, draft!.id, 'x')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(await store.reviewOpinion(draft!.id)).toBeNull();
  });
});
