/**
 * 待办 and batch work (issue 23) on the four seed departments, on SQLite and on PostgreSQL: each role's
 * to-do list, a batch submission where the forms with errors are refused and the others go through, a
 * return whose comment and author the 填报人 then sees, the finance bureau's deadlines, and the filters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role, Store } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { BatchUseCases, FormUseCases, operator, TodoUseCases, type Actor } from '../src/index.ts';
import { freshSchema } from '../../store/test/helpers/postgres.ts';

const PG_URL = inject('postgres');

describe('待办 on SQLite', () => todo(async () => ({ store: new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-todo-')), 'j.sqlite'))) })));
describe.skipIf(PG_URL === null)('待办 on PostgreSQL', () =>
  todo(async () => {
    const { schema, drop } = await freshSchema(PG_URL!, 'jixiao_todo');
    return { store: new KyselyStore(await connect(PG_URL!, { schema })), drop };
  }),
);

function todo(open: () => Promise<{ store: KyselyStore; drop?: () => Promise<void> }>) {
  let store: Store;
  let drop: (() => Promise<void>) | undefined;
  let todos: TodoUseCases;
  let batch: BatchUseCases;
  let hebei: number;
  let xinjiang: number;
  let ningxia: number;
  const who = (username: string, role: Role, sees: number[] | 'all'): Actor => ({
    username,
    displayName: username,
    role,
    sees: (d) => sees === 'all' || sees.includes(d),
  });
  let filler: Actor;
  let reviewer: Actor;
  let finance: Actor;
  const admin = operator('admin');
  const versions = async (ids: number[]) => Promise.all(ids.map(async (id) => ({ id, version: (await store.evaluationStamp(id))!.version })));

  beforeAll(async () => {
    const opened = await open();
    store = opened.store;
    drop = opened.drop;
    await loadDemo(store);
    const accounts = new KyselyAccountStore(opened.store.conn);
    await accounts.addUser({ username: 'shenhe', displayName: '李审核', role: 'unit-reviewer', passwordHash: 'x' });
    const forms = new FormUseCases(store);
    todos = new TodoUseCases(store, forms, accounts);
    batch = new BatchUseCases(forms);
    const ds = await store.listDepartments();
    hebei = ds.find((d) => d.code.startsWith('hebei'))!.id;
    xinjiang = ds.find((d) => d.code.startsWith('xinjiang'))!.id;
    ningxia = ds.find((d) => d.code.startsWith('ningxia'))!.id;
    filler = who('tianbao', 'filler', [hebei]);
    reviewer = who('shenhe', 'unit-reviewer', [hebei]);
    finance = who('caizheng', 'finance', [hebei, xinjiang]);
  });
  afterAll(async () => {
    await store.close();
    await drop?.();
  });

  it('the 填报人 has their drafts to hand in, with each form’s kind, status and findings', async () => {
    const list = await todos.list(filler);
    expect(list.groups).toEqual([
      { id: 'returned', label: '被退回', count: 0 },
      { id: 'to-submit', label: '待提交', count: 11 },
    ]);
    expect(list.group).toBe('to-submit');
    expect(list.total).toBe(11);
    expect(list.items).toHaveLength(11);
    expect(list.items[0]).toMatchObject({
      project: '社会治安综合治理工作经费',
      department: '大厂县政法委（河北）',
      year: 2023,
      kind: 'self-evaluation',
      kindLabel: '自评表',
      status: 'draft',
      statusLabel: '草稿',
      returned: false,
      deadline: null,
      returnNote: null,
      actions: ['submit'],
    });
    // the findings come by a second request: each form's own check, as the editor shows it
    expect(list.items[0]!.errors).toBeNull();
    const counts = await todos.findings(
      filler,
      list.items.map((i) => i.evaluationId),
    );
    expect(counts).toHaveLength(11);
    expect(counts.find((c) => c.id === list.items.find((i) => i.project === '见义勇为基金')!.evaluationId)!.errors).toBeGreaterThan(0);
    // a form of a department not seen is left out
    const theirs = (await todos.list(who('x', 'filler', [ningxia]))).items[0]!.evaluationId;
    expect(await todos.findings(filler, [theirs, 99999])).toEqual([]);
  });

  it('each role sees only its own groups; a reviewer of another department sees nothing of this one', async () => {
    expect((await todos.list(reviewer)).groups.map((g) => g.id)).toEqual(['to-approve']);
    expect((await todos.list(finance)).groups.map((g) => g.id)).toEqual(['to-review']);
    expect((await todos.list(admin)).groups.map((g) => [g.id, g.count])).toEqual([
      ['returned', 0],
      ['to-submit', 19],
      ['to-approve', 0],
      ['to-review', 0],
    ]);
    const other = await todos.list(who('x', 'filler', [ningxia]));
    expect(other.items.map((i) => i.departmentId)).toEqual([ningxia, ningxia, ningxia]);
    await expect(todos.list(filler, { group: 'to-review' })).rejects.toMatchObject({ code: 'FORM.BAD_INPUT' });
    await expect(todos.list(filler, { departmentId: ningxia })).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
  });

  it('a batch submission: the forms with errors are refused with their reason, the others handed in', async () => {
    const items = (await todos.list(filler)).items.map((i) => ({ id: i.evaluationId, version: i.version }));
    const out = await batch.act(filler, 'submit', items);
    expect(out).toHaveLength(11);
    const ok = out.filter((o) => o.ok);
    expect(ok.map((o) => o.ok && o.project)).toEqual(['社会治安综合治理工作经费', '2023年“雪亮安防工程”运行维护费', '全县扫黑除恶斗争工作经费']);
    for (const o of out.filter((x) => !x.ok)) expect(o).toMatchObject({ ok: false, code: 'WORKFLOW.BLOCKED', message: expect.stringMatching(/不能提交/) });
    expect((await todos.list(filler)).groups).toEqual([
      { id: 'returned', label: '被退回', count: 0 },
      { id: 'to-submit', label: '待提交', count: 8 },
    ]);
    expect((await todos.list(reviewer)).items.map((i) => i.project)).toEqual(ok.map((o) => o.ok && o.project));
  });

  it('a return (one comment for all) reaches the 填报人 as 被退回, with the comment and who wrote it', async () => {
    const waiting = (await todos.list(reviewer)).items;
    await expect(batch.act(reviewer, 'return', [{ id: waiting[0]!.evaluationId, version: waiting[0]!.version }], '  ')).rejects.toMatchObject({
      code: 'WORKFLOW.COMMENT_REQUIRED',
    });
    const back = await batch.act(reviewer, 'return', [{ id: waiting[0]!.evaluationId, version: waiting[0]!.version }], '请补充第1个指标的偏差原因');
    expect(back).toMatchObject([{ ok: true, status: 'draft' }]);
    // a stale version, and an action the role may not take, are refused per form
    const approved = await batch.act(reviewer, 'approve', [
      { id: waiting[1]!.evaluationId, version: waiting[1]!.version },
      { id: waiting[2]!.evaluationId, version: waiting[2]!.version + 5 },
      { id: waiting[0]!.evaluationId, version: waiting[0]!.version + 1 },
    ]);
    expect(approved.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'STORE.VERSION_CONFLICT', 'WORKFLOW.NOT_ALLOWED']);
    expect(approved[2]).toMatchObject({ message: '“草稿”状态下，shenhe不能执行“单位审核通过”' });
    await batch.act(reviewer, 'approve', await versions([waiting[2]!.evaluationId]));

    const list = await todos.list(filler);
    expect(list.groups).toEqual([
      { id: 'returned', label: '被退回', count: 1 },
      { id: 'to-submit', label: '待提交', count: 8 },
    ]);
    expect(list.group).toBe('returned');
    expect(list.items).toMatchObject([
      {
        project: '社会治安综合治理工作经费',
        status: 'draft',
        statusLabel: '被退回',
        returned: true,
        returnNote: { by: 'shenhe', byName: '李审核', comment: '请补充第1个指标的偏差原因' },
      },
    ]);
    expect((await todos.list(filler, { group: 'to-submit' })).items.every((i) => i.returnNote === null && !i.returned)).toBe(true);
  });

  it('finance sees the unit-approved forms of its departments, and narrows them by grade and name', async () => {
    const list = await todos.list(finance);
    expect(list.items.map((i) => i.project)).toEqual(['2023年“雪亮安防工程”运行维护费', '全县扫黑除恶斗争工作经费']);
    expect(list.items.every((i) => i.actions.includes('finalize') && i.actions.includes('return'))).toBe(true);
    expect((await todos.list(finance, { search: '雪亮' })).items.map((i) => i.project)).toEqual(['2023年“雪亮安防工程”运行维护费']);
    expect((await todos.list(finance, { search: '%' })).items).toEqual([]);
    const grade = list.items[0]!.grade;
    expect((await todos.list(finance, { grade })).items.every((i) => i.grade === grade)).toBe(true);
    expect((await todos.list(finance, { year: 2021 })).total).toBe(0);
    // a reviewer who sees most departments has them counted as all the forms less the others'
    const most = who('f3', 'finance', [hebei, xinjiang, ningxia]);
    expect((await todos.list(most)).groups).toEqual([{ id: 'to-review', label: '待复核', count: 2 }]);
    const filler3 = who('t3', 'filler', [hebei, xinjiang, ningxia]);
    const everyone = await todos.list(operator('admin'), { group: 'to-submit' });
    const shanxiDrafts = everyone.items.filter((i) => ![hebei, xinjiang, ningxia].includes(i.departmentId)).length;
    expect((await todos.list(filler3, { group: 'to-submit' })).total).toBe(everyone.total! - shanxiDrafts);
  });

  it('the findings filter keeps the forms with errors, with warnings only, or with neither', async () => {
    const listed = (await todos.list(filler, { group: 'to-submit' })).items;
    const counts = new Map(
      (
        await todos.findings(
          filler,
          listed.map((i) => i.evaluationId),
        )
      ).map((c) => [c.id, c]),
    );
    const all = listed.map((i) => ({ ...i, ...counts.get(i.evaluationId)! }));
    const errors = await todos.list(filler, { group: 'to-submit', findings: 'errors' });
    expect(errors.total).toBeNull();
    expect(errors.complete).toBe(true);
    expect(errors.items.map((i) => i.evaluationId)).toEqual(all.filter((i) => i.errors > 0).map((i) => i.evaluationId));
    expect(errors.items.length).toBeGreaterThan(0);
    const warnings = await todos.list(filler, { group: 'to-submit', findings: 'warnings' });
    expect(warnings.items.map((i) => i.evaluationId)).toEqual(all.filter((i) => i.errors === 0 && i.warnings > 0).map((i) => i.evaluationId));
    const page = await todos.list(filler, { group: 'to-submit', findings: 'errors', offset: 1, limit: 2 });
    expect(page.items.map((i) => i.evaluationId)).toEqual(errors.items.slice(1, 3).map((i) => i.evaluationId));
  });

  it('deadlines: finance sets its departments’, an administrator everyone’s; a department’s own comes first', async () => {
    await expect(todos.setDeadline(filler, { year: 2023, departmentId: hebei, due: '2024-03-31' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(todos.setDeadline(finance, { year: 2023, departmentId: null, due: '2024-03-31' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(todos.setDeadline(finance, { year: 2023, departmentId: ningxia, due: '2024-03-31' })).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
    await expect(todos.setDeadline(finance, { year: 2023, departmentId: hebei, due: '2024-02-30' })).rejects.toMatchObject({ code: 'FORM.BAD_INPUT' });
    await todos.setDeadline(admin, { year: 2022, departmentId: null, due: '2023-04-30' });
    await todos.setDeadline(admin, { year: 2023, departmentId: null, due: '2024-04-30' });
    expect((await todos.list(filler)).items[0]!.deadline).toBe('2024-04-30');
    const set = await todos.setDeadline(finance, { year: 2023, departmentId: hebei, due: '2024-03-31' });
    expect(set.map((d) => [d.departmentId, d.due, d.setBy])).toEqual([
      [null, '2024-04-30', 'admin'],
      [hebei, '2024-03-31', 'caizheng'],
    ]);
    await todos.setDeadline(finance, { year: 2023, departmentId: hebei, due: '2024-03-25' });
    expect((await todos.list(filler)).items[0]!.deadline).toBe('2024-03-25');
    expect((await todos.list(who('x', 'filler', [ningxia]))).items[0]).toMatchObject({ year: 2022, deadline: '2023-04-30' });
    // a department's deadline is for those who see it
    expect((await todos.deadlines(who('x', 'filler', [ningxia]))).map((d) => d.departmentId)).toEqual([null, null]);
    await todos.setDeadline(finance, { year: 2023, departmentId: hebei, due: null });
    expect((await todos.list(filler)).items[0]!.deadline).toBe('2024-04-30');
  });
}
