/**
 * One contract, two databases: the same tests against SQLite (a real file) and PostgreSQL
 * (helpers/postgres.ts: JIXIAO_TEST_PG, DATABASE_URL or 127.0.0.1:5432/test; a schema of its own per run,
 * dropped at the end).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Evaluation, GoalForm, VersionConflict, withIndicatorIds, type Store } from '@jixiao/core';
import { prepareForm, preparedSelfEvaluations } from '@jixiao/app';
import { connect, KyselyAccountStore, KyselyStore, StoreError } from '../src/index.ts';
import { freshSchema } from './helpers/postgres.ts';

const golden = join(import.meta.dirname, '../../../fixtures/golden');
const hebei = readdirSync(golden)
  .filter((f) => f.startsWith('hebei') && f.includes('.form-'))
  .sort()
  .map((f) => Evaluation.parse(JSON.parse(readFileSync(join(golden, f), 'utf8'))));
/** A self-evaluation checked by its kind, as the application hands it to the store. */
const prep = (ev: Evaluation) => prepareForm('self-evaluation', ev).prepared;
// PostgreSQL through the one test helper: the url, or null when no server is there (then its cases are
// skipped with one line from helpers/postgres-setup.ts saying how to run them; under CI=true the run fails).
const PG_URL = inject('postgres');

interface Target {
  name: string;
  open: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

const sqlite: Target = {
  name: 'SQLite',
  open: async () => new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-store-')), 'jixiao.sqlite'))),
  cleanup: async () => {},
};
let dropSchema = async () => {};
const postgres: Target = {
  name: 'PostgreSQL',
  open: async () => {
    const { schema, drop } = await freshSchema(PG_URL!, 'jixiao_test');
    dropSchema = drop;
    return new KyselyStore(await connect(PG_URL!, { schema }));
  },
  cleanup: () => dropSchema(),
};

describe('store contract on SQLite', () => contract(sqlite));
describe.skipIf(PG_URL === null)('store contract on PostgreSQL', () => contract(postgres));

function contract(target: Target) {
  let store: Store;
  let dept: number;
  beforeAll(async () => {
    store = await target.open();
    dept = (await store.ensureDepartment({ code: 'hebei-dachang-zfw', name: '大厂县政法委' })).id;
  });
  afterAll(async () => {
    await store.close();
    await target.cleanup();
  });

  it('keeps departments; a code is created once', async () => {
    const again = await store.ensureDepartment({ code: 'hebei-dachang-zfw', name: '大厂县政法委' });
    expect(again.id).toBe(dept);
    const child = await store.ensureDepartment({ code: 'hebei-dachang-zfw-1', name: '下属单位', parentId: dept });
    expect(child.parentId).toBe(dept);
    await expect(store.ensureDepartment({ code: 'x', name: 'x', parentId: 9999 })).rejects.toThrow(StoreError);
  });

  it('imports 11 forms and their source file in one transaction; money in 分, scores in hundredths', async () => {
    const bytes = new Uint8Array(readFileSync(join(golden, '../seeds/hebei-dachang-zhengfawei-2023.txt')));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const saved = await store.importEvaluations({
      departmentId: dept,
      forms: preparedSelfEvaluations(hebei),
      source: { name: 'hebei.txt', sha256, bytes },
      actor: 'tester',
    });
    expect(saved).toHaveLength(11);
    expect(saved.map((s) => s.version)).toEqual(Array(11).fill(1));
    // stored with an id on every indicator (i1…in by row for a form read from a file)
    expect(saved[2]!.evaluation).toEqual(withIndicatorIds(hebei[2]!));
    expect(saved[2]!.evaluation.indicators.map((i) => i.id)).toEqual(hebei[2]!.indicators.map((_, k) => `i${k + 1}`));
    expect(saved[2]!.kind).toBe('self-evaluation');
    const src = await store.sourceFile(sha256);
    expect(src!.size).toBe(bytes.byteLength);
    expect(Buffer.from(src!.bytes).equals(Buffer.from(bytes))).toBe(true);
    const rows = await store.summaryRows(dept, 2023);
    expect(rows.map((r) => [r.project, r.budgetFen, r.executedFen, r.totalHundredths, r.grade]).slice(0, 3)).toEqual([
      ['社会治安综合治理工作经费', 17_000_000, 16_940_000, 10_000, '优'],
      ['2023年“雪亮安防工程”运行维护费', 344_830_000, 343_570_000, 10_000, '优'],
      ['见义勇为基金', 1_000_000, 500_000, 7_426, '中'],
    ]);
    expect(await store.gradeCounts(2023)).toEqual({ 优: 9, 中: 1, 差: 1 });
    // 各部门汇总: per department and grade, money summed in whole 分 (the 汇总表's 459.11 / 453.64 万元)
    const totals = (await store.departmentTotals(2023)).filter((t) => t.departmentId === dept);
    expect(Object.fromEntries(totals.map((t) => [t.grade, t.forms]))).toEqual({ 优: 9, 中: 1, 差: 1 });
    expect(totals.reduce((a, t) => a + t.budgetFen, 0n)).toBe(459_110_000n);
    expect(totals.reduce((a, t) => a + t.executedFen, 0n)).toBe(453_640_000n);
    expect(totals.find((t) => t.grade === '中')).toMatchObject({ budgetFen: 1_000_000n, executedFen: 500_000n });
    expect(await store.departmentTotals(1990)).toEqual([]);
  });

  it('lists with filters', async () => {
    expect(await store.listEvaluations({ year: 2023 })).toHaveLength(11);
    expect((await store.listEvaluations({ grade: '差' })).map((e) => e.evaluation.project.name.raw)).toEqual(['特困干警补贴']);
    expect(await store.listEvaluations({ status: 'submitted' })).toEqual([]);
    expect(await store.listEvaluations({ departmentId: dept + 1000 })).toEqual([]);
    expect((await store.listProjects(dept)).length).toBe(11);
  });

  it('a duplicate import is refused and stores nothing', async () => {
    const before = (await store.listEvaluations()).length;
    const fresh = structuredClone(hebei[0]!);
    fresh.project.name = { raw: '新项目' };
    await expect(store.importEvaluations({ departmentId: dept, forms: preparedSelfEvaluations([fresh, hebei[1]!]), actor: 't' })).rejects.toMatchObject({
      code: 'STORE.DUPLICATE',
    });
    expect((await store.listEvaluations()).length).toBe(before);
    expect((await store.listProjects(dept)).some((p) => p.name === '新项目')).toBe(false);
  });

  it('updates with the current version, records every changed field, refuses a stale version', async () => {
    const [first] = await store.listEvaluations({ grade: '中' });
    const changed = structuredClone(first!.evaluation);
    changed.indicators[0]!.actual = { raw: '＝5人次' };
    changed.indicators[0]!.deviation = { raw: '全年共认定5人次' };
    const v2 = await store.updateEvaluation(first!.id, prep(changed), first!.version, '张三');
    expect(v2.version).toBe(2);
    expect(v2.totalHundredths).toBe(9_026); // the 人次 row now has full marks: 74.26 − 4 + 20 = 90.26
    expect(v2.grade).toBe('优');
    const h = await store.history(first!.id);
    expect(h.filter((c) => c.version === 2).map((c) => [c.field, c.before, c.after, c.actor])).toEqual([
      ['indicators[i1].actual', '＝1人次', '＝5人次', '张三'],
      ['indicators[i1].deviation', null, '全年共认定5人次', '张三'],
    ]);
    // the stamp the API checks before answering from its cache follows every update (a query compiled once)
    expect(await store.evaluationStamp(first!.id)).toEqual({
      departmentId: v2.departmentId,
      projectId: v2.projectId,
      kind: 'self-evaluation',
      status: 'draft',
      version: 2,
      updatedAt: v2.updatedAt,
    });
    // what the update answered is what a read gives
    expect(await store.getEvaluation(first!.id)).toEqual(v2);
    expect(await store.evaluationStamp(999_999)).toBeNull();
    const stale = store.updateEvaluation(first!.id, prep(first!.evaluation), 1, '李四');
    await expect(stale).rejects.toBeInstanceOf(VersionConflict);
    await stale.catch((e: VersionConflict) => expect(e.current.version).toBe(2));
  });

  it("a department's versions without its documents: the same forms as listEvaluations, in its order", async () => {
    for (const year of [undefined, 2023, 1999]) {
      const full = await store.listEvaluations({ departmentId: dept, ...(year !== undefined && { year }) });
      const versions = await store.evaluationVersions({ departmentId: dept, year });
      expect(versions).toEqual(full.map((s) => ({ id: s.id, version: s.version, updatedAt: s.updatedAt })));
      if (year === undefined) expect(versions.length).toBe(11);
      if (year === 1999) expect(versions).toEqual([]);
    }
    // the form updated above is at version 2 here too
    expect((await store.evaluationVersions({ departmentId: dept })).map((v) => v.version)).toContain(2);
    expect(await store.evaluationVersions({ departmentId: 999_999 })).toEqual([]);
  });

  it('two concurrent writes of one form: one wins, the other gets a conflict, nothing is lost', async () => {
    const [form] = await store.listEvaluations({ grade: '差' });
    const a = structuredClone(form!.evaluation);
    a.goals.achieved = { raw: 'A 的修改' };
    const b = structuredClone(form!.evaluation);
    b.goals.achieved = { raw: 'B 的修改' };
    const results = await Promise.allSettled([
      store.updateEvaluation(form!.id, prep(a), form!.version, 'A'),
      store.updateEvaluation(form!.id, prep(b), form!.version, 'B'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(VersionConflict);
    const now = await store.getEvaluation(form!.id);
    expect(now!.version).toBe(form!.version + 1);
    expect(['A 的修改', 'B 的修改']).toContain(now!.evaluation.goals.achieved!.raw);
  });

  it('deletes with the current version; the history stays', async () => {
    const [form] = await store.listEvaluations({ grade: '差' });
    await expect(store.deleteEvaluation(form!.id, form!.version - 1, 'x')).rejects.toBeInstanceOf(VersionConflict);
    await store.deleteEvaluation(form!.id, form!.version, 'x');
    expect(await store.getEvaluation(form!.id)).toBeNull();
    expect((await store.history(form!.id)).at(-1)!.field).toBe('(删除)');
  });

  it('workflow: a status change is versioned, recorded with its comment, and freezes a copy that later edits do not touch', async () => {
    const [form] = await store.listEvaluations({ departmentId: dept, grade: '优' });
    const submitted = await store.setStatus(form!.id, 'submitted', form!.version, 'tianbao', { snapshot: true });
    expect(submitted).toMatchObject({ status: 'submitted', version: form!.version + 1 });
    await expect(store.setStatus(form!.id, 'unit-approved', form!.version, 'x', {})).rejects.toBeInstanceOf(VersionConflict);
    const back = await store.setStatus(form!.id, 'draft', submitted.version, 'shenhe', { comment: '请补充偏差原因' });
    const edited = structuredClone(back.evaluation);
    edited.goals.achieved = { raw: '退回后修改' };
    await store.updateEvaluation(form!.id, prep(edited), back.version, 'tianbao');
    const snaps = await store.snapshots(form!.id);
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ status: 'submitted', actor: 'tianbao', version: form!.version + 1 });
    expect(snaps[0]!.evaluation).toEqual(form!.evaluation);
    const status = (await store.history(form!.id)).filter((c) => c.field === '(状态)');
    expect(status.map((c) => [c.actor, c.before, c.after])).toEqual([
      ['tianbao', 'draft', 'submitted'],
      ['shenhe', 'submitted', 'draft（请补充偏差原因）'],
    ]);
  });

  it('复核得分 in hundredths, replaced per indicator, each change in the history', async () => {
    const [form] = await store.listEvaluations({ departmentId: dept, grade: '优' });
    await store.saveReviews(form!.id, [{ indicatorId: 'i1', score: '4.5', reason: '核减' }], 'caizheng');
    const after = await store.saveReviews(
      form!.id,
      [
        { indicatorId: 'i1', score: '4.25', reason: '再次核实' },
        { indicatorId: 'i3', score: '10', reason: '无误' },
      ],
      'caizheng',
    );
    expect(after.map((r) => [r.indicatorId, r.score, r.reason])).toEqual([
      ['i1', '4.25', '再次核实'],
      ['i3', '10.00', '无误'],
    ]);
    expect((await store.history(form!.id)).filter((c) => c.field.startsWith('复核得分')).map((c) => c.before)).toEqual([null, '4.50（核减）', null]);
    // many forms at once, as the 汇总表 reads them: the same reviews by id, forms without any absent,
    // and more ids than one query takes (1,000 a query)
    const others = (await store.listEvaluations({ departmentId: dept })).map((e) => e.id).filter((id) => id !== form!.id);
    const second = await store.saveReviews(others[0]!, [{ indicatorId: 'i2', score: '3', reason: '另一张表' }], 'caizheng');
    const many = await store.reviewsOf([...others, ...Array.from({ length: 1500 }, (_, i) => 100_000 + i), form!.id]);
    expect(new Set(many.keys())).toEqual(new Set([others[0]!, form!.id]));
    expect(many.get(form!.id)).toEqual(after);
    expect(many.get(others[0]!)).toEqual(second);
    expect((await store.reviewsOf([])).size).toBe(0);
    const sha = (await store.listEvaluations({ departmentId: dept }))[0]!.evaluation.source?.sha256;
    if (sha) expect(await store.sourceFileDepartments(sha)).toEqual([dept]);
  });

  it('复核得分 stay on their indicators when rows are reordered and deleted; a deleted one is kept in the history', async () => {
    const [form] = await store.listEvaluations({ departmentId: dept, grade: '优' });
    const ids = form!.evaluation.indicators.map((i) => i.id!);
    await store.saveReviews(
      form!.id,
      [
        { indicatorId: ids[1]!, score: '2', reason: '第二个指标核减' },
        { indicatorId: ids[3]!, score: '1', reason: '第四个指标核减' },
      ],
      'caizheng',
    );
    const current = (await store.getEvaluation(form!.id))!;
    // the draft returned: rows reversed, the second indicator deleted
    const edited = { ...current.evaluation, indicators: [...current.evaluation.indicators].reverse().filter((i) => i.id !== ids[1]) };
    const saved = await store.updateEvaluation(form!.id, prep(edited), current.version, 'tianbao');
    const reviews = await store.reviews(form!.id);
    expect(reviews.map((r) => [r.indicatorId, r.score])).toEqual(expect.arrayContaining([[ids[3], '1.00']]));
    expect(reviews.some((r) => r.indicatorId === ids[1])).toBe(false);
    // the reviewed indicator is where its row moved to, with its own name
    const row = saved.evaluation.indicators.findIndex((i) => i.id === ids[3]);
    expect(saved.evaluation.indicators[row]!.name.raw).toBe(form!.evaluation.indicators[3]!.name.raw);
    const gone = (await store.history(form!.id)).filter((c) => c.field === `复核得分 indicators[${ids[1]}]`);
    expect(gone.map((c) => [c.before, c.after])).toEqual([
      [null, '2（第二个指标核减）'],
      ['2.00（第二个指标核减）', null],
    ]);
    // moving a row records no change of its cells; the deleted indicator's cells are recorded as emptied under its id
    const v = (await store.history(form!.id)).filter((c) => c.version === saved.version);
    expect(v.every((c) => c.field.includes(ids[1]!) || c.field.startsWith('复核得分'))).toBe(true);
  });

  it('one form of each kind per project and year: a second is STORE.DUPLICATE, also when written at the same moment', async () => {
    const base = structuredClone(hebei[0]!);
    base.project.name = { raw: '同时新建的项目' };
    base.year = 2024;
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () => store.importEvaluations({ departmentId: dept, forms: [prep(base)], actor: 'race' })),
    );
    expect(attempts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of attempts.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'STORE.DUPLICATE' });
    // another kind for the same project-year is another form
    const other = await store.importEvaluations({ departmentId: dept, forms: [{ ...prep(base), kind: 'monitoring' }], actor: 't' });
    expect(other[0]!.kind).toBe('monitoring');
    const both = await store.listEvaluations({ departmentId: dept, year: 2024 });
    expect(both.map((s) => s.kind).sort()).toEqual(['monitoring', 'self-evaluation']);
    expect(await store.listEvaluations({ departmentId: dept, year: 2024, kind: 'monitoring' })).toHaveLength(1);
    // a form cannot be saved as another kind
    await expect(store.updateEvaluation(other[0]!.id, prep(base), other[0]!.version, 't')).rejects.toMatchObject({ code: 'STORE.KIND_CHANGED' });
    for (const s of both) await store.deleteEvaluation(s.id, s.version, 't');
  });

  it('a goal form beside the 自评表 of its project-year: stored whole, and the summaries count self-evaluations only (0006)', async () => {
    const goals = GoalForm.parse(JSON.parse(readFileSync(join(golden, '../goals/well-set.goal.json'), 'utf8')));
    const before = [await store.summaryRows(dept, 2023), await store.gradeCounts(2023), await store.gradeCounts(), await store.departmentTotals(2023)];
    const goal = { ...goals, year: 2023, project: { ...goals.project, name: { raw: '见义勇为基金' } } };
    const [saved] = await store.importEvaluations({ departmentId: dept, forms: [prepareForm('goal', goal).prepared], actor: 't' });
    expect(saved).toMatchObject({ kind: 'goal', year: 2023, totalHundredths: 0, grade: '' });
    expect(await store.getEvaluation(saved!.id)).toEqual(saved);
    expect(saved!.evaluation).toEqual(goal);
    // the same project as its 自评表, one form of each kind
    const kinds = await store.listEvaluations({ projectId: saved!.projectId, year: 2023 });
    expect(kinds.map((k) => k.kind).sort()).toEqual(['goal', 'self-evaluation']);
    expect([await store.summaryRows(dept, 2023), await store.gradeCounts(2023), await store.gradeCounts(), await store.departmentTotals(2023)]).toEqual(before);
    await store.deleteEvaluation(saved!.id, saved!.version, 't');
  });

  it('projects: created once per name in a department', async () => {
    const p = await store.createProject({ departmentId: dept, name: ' 新建的项目 ', code: 'X-1' });
    expect(p).toMatchObject({ departmentId: dept, name: '新建的项目', code: 'X-1' });
    expect(await store.getProject(p.id)).toEqual(p);
    await expect(store.createProject({ departmentId: dept, name: '新建的项目' })).rejects.toMatchObject({ code: 'STORE.DUPLICATE' });
    await expect(store.createProject({ departmentId: dept, name: '  ' })).rejects.toMatchObject({ code: 'STORE.NO_PROJECT_NAME' });
    expect(await store.getProject(999_999)).toBeNull();
  });

  it('accounts: users with their departments, sessions by token hash', async () => {
    const accounts = new KyselyAccountStore((store as KyselyStore).conn);
    const u = await accounts.addUser({ username: 'caizheng', displayName: '财政', role: 'finance', assigned: [dept], passwordHash: 'scrypt$x' });
    expect(u).toMatchObject({ role: 'finance', assigned: [dept], disabled: false });
    expect(u).not.toHaveProperty('passwordHash');
    await expect(accounts.addUser({ username: 'caizheng', displayName: 'x', role: 'admin', passwordHash: 'y' })).rejects.toThrow(/已存在/);
    const moved = await accounts.updateUser(u.id, { assigned: [], disabled: true });
    expect(moved).toMatchObject({ assigned: [], disabled: true });
    await accounts.createSession({ id: 'h1', userId: u.id, csrf: 'c', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T02:00:00.000Z' });
    await accounts.touchSession('h1', '2026-01-01T03:00:00.000Z');
    expect(await accounts.getSession('h1')).toMatchObject({ userId: u.id, expiresAt: '2026-01-01T03:00:00.000Z' });
    await accounts.deleteUserSessions(u.id);
    expect(await accounts.getSession('h1')).toBeNull();
    expect(await accounts.userCount()).toBe(1);
  });
}
