/**
 * Nothing lost on upgrade: a database written by release e8e5826 (fixtures/upgrade/, made before form
 * kinds and indicator ids) opens with this release on SQLite and on PostgreSQL and keeps every form,
 * score, review, snapshot, history entry and account — and each 复核得分, stored then by row position,
 * is on the same indicator now that it is stored by id.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { getScheme, reviewedTotal, scoreEvaluation, type Store } from '@jixiao/core';
import { preparedSelfEvaluations } from '@jixiao/app';
import { connect, KyselyAccountStore, KyselyStore, type Connection } from '../src/index.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/upgrade');
// PostgreSQL through the tests' one helper (helpers/postgres.ts): null when no server is there and not CI
const PG_URL = inject('postgres');
const schema = `jixiao_upgrade_${process.pid}_${Date.now()}`;

async function openSqlite(): Promise<Connection> {
  const path = join(mkdtempSync(join(tmpdir(), 'jixiao-upgrade-')), 'old.sqlite');
  copyFileSync(join(fixtures, 'jixiao-e8e5826.sqlite'), path);
  return connect(path);
}

async function openPostgres(): Promise<Connection> {
  // the dump as pg_dump wrote it, into a schema of this run's own; psql's meta-commands (\restrict) dropped
  const dump = readFileSync(join(fixtures, 'jixiao-e8e5826.postgres.sql'), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('\\'))
    .join('\n')
    .replaceAll('jixiao_upgrade_fixture', schema);
  const c = new pg.Client({ connectionString: PG_URL! });
  await c.connect();
  await c.query(dump);
  await c.end();
  return connect(PG_URL!, { schema });
}

afterAll(async () => {
  if (PG_URL === null) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
});

describe.each([{ name: 'SQLite', open: openSqlite }, ...(PG_URL === null ? [] : [{ name: 'PostgreSQL', open: openPostgres }])])(
  'a database of release e8e5826 on $name',
  ({ open }) => {
    it('opens with every form, score, review, snapshot, history entry and account', async () => {
      const conn = await open();
      const store: Store = new KyselyStore(conn);
      try {
        const forms = await store.listEvaluations();
        expect(forms.map((f) => [f.id, f.year, f.status, f.version, f.totalHundredths, f.kind])).toEqual([
          [1, 2023, 'draft', 5, 8000, 'self-evaluation'],
          [2, 2023, 'finance-reviewed', 4, 10000, 'self-evaluation'],
          ...[3, 4, 5, 6, 7, 8, 9, 10].map((id) => [id, 2023, 'draft', 1, expect.any(Number), 'self-evaluation']),
          [12, 2022, 'draft', 1, 9584, 'self-evaluation'],
          [13, 2022, 'draft', 1, 9800, 'self-evaluation'],
          [14, 2022, 'draft', 1, 9956, 'self-evaluation'],
        ]);
        // the edits made then are in the documents, and every indicator now has an id, i1…in by row
        const one = forms[0]!;
        expect(one.evaluation.indicators[0]!.actual.raw).toBe('6个');
        expect(one.evaluation.indicators[2]!.deviation!.raw).toBe('因疫情推迟');
        expect(one.evaluation.indicators.map((i) => i.id)).toEqual(one.evaluation.indicators.map((_, k) => `i${k + 1}`));
        // 复核得分 of rows 1 and 4 then (宣传品合格率, 对治安综合治理宣传的知晓率) are on those indicators now
        const reviews = await store.reviews(1);
        const named = (id: string) => one.evaluation.indicators.find((i) => i.id === id)!.name.raw;
        expect(reviews.map((r) => [named(r.indicatorId), r.score, r.reason, r.reviewer])).toEqual([
          ['宣传品合格率', '7.50', '佐证材料不全', 'caizheng'],
          ['对治安综合治理宣传的知晓率', '10.00', '核实无误', 'caizheng'],
        ]);
        const two = forms[1]!;
        expect((await store.reviews(2)).map((r) => [named2(two.evaluation, r.indicatorId), r.score])).toEqual([['网格系统维护', '2.00']]);
        // the reviewed total is computed from them as before: 100 − 10 + 2 (网格系统维护: 10 分 → 复核 2 分) = 92
        const score = scoreEvaluation(two.evaluation, getScheme(two.schemeId));
        expect(reviewedTotal(two.evaluation, score, await store.reviews(2))).toBe('92.00');
        // snapshots, with the documents frozen then, and ids given the same way
        expect((await store.snapshots(1)).map((s) => s.status)).toEqual(['submitted', 'unit-approved']);
        expect((await store.snapshots(2)).map((s) => s.status)).toEqual(['submitted', 'unit-approved', 'finance-reviewed']);
        expect((await store.snapshots(1))[0]!.evaluation.indicators[1]!.id).toBe('i2');
        // the history of every form, the deleted one's too
        const h1 = await store.history(1);
        expect(h1.map((c) => c.field)).toEqual([
          '(导入)',
          'indicators[0].actual',
          'indicators[2].deviation',
          '(状态)',
          '(状态)',
          '复核得分 indicators[1]',
          '复核得分 indicators[4]',
          '(状态)',
        ]);
        expect(h1.at(-1)!.after).toBe('draft（请补充佐证材料）');
        expect((await store.history(11)).map((c) => c.field)).toEqual(['(导入)', '(删除)']);
        expect(await store.getEvaluation(11)).toBeNull();
        // the source files and the accounts
        expect((await store.listDepartments()).map((d) => d.code)).toEqual(['hebei-dachang-zfw', 'shanxi-yunzhou-zfw']);
        const files = await conn.db.selectFrom('source_files').select(['sha256', 'name']).orderBy('id').execute();
        expect(files.map((f) => f.name)).toEqual(['hebei-dachang-zhengfawei-2023.txt', 'shanxi-yunzhou-zhengfawei-2022.txt']);
        expect((await store.sourceFile(files[0]!.sha256))!.size).toBeGreaterThan(1000);
        expect(await store.sourceFileDepartments(files[1]!.sha256)).toEqual([2]);
        const users = await new KyselyAccountStore(conn).listUsers();
        expect(users.map((u) => [u.username, u.role, u.assigned])).toEqual([
          ['admin', 'admin', []],
          ['tianbao', 'filler', []],
          ['caizheng', 'finance', [1, 2]],
        ]);
      } finally {
        await store.close();
      }
    });
  },
);

describe('a database of release e8e5826 whose newest form was deleted, on SQLite', () => {
  it("never gives that form's id to a new form (its history would become the new form's)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jixiao-upgrade-')), 'old.sqlite');
    copyFileSync(join(fixtures, 'jixiao-e8e5826.sqlite'), path);
    // deleted the way release e8e5826 deleted a draft: the row and its derived rows gone, the history kept
    const old = new Sqlite(path);
    old.pragma('foreign_keys = ON');
    old.exec(`delete from reviews where evaluation_id = 14; delete from budget_lines where evaluation_id = 14; delete from goals where evaluation_id = 14;
      delete from indicators where evaluation_id = 14; delete from narratives where evaluation_id = 14; delete from evaluations where id = 14;
      insert into changes (evaluation_id, version, at, actor, field, before, after) values (14, 2, 'then', 'old', '(删除)', '{}', null);`);
    old.close();
    const store = new KyselyStore(await connect(path));
    try {
      const [made] = await store.importEvaluations({
        departmentId: 2,
        forms: preparedSelfEvaluations([{ ...(await store.getEvaluation(13))!.evaluation, project: { name: { raw: '升级后新建的项目' } } }]),
        actor: 'new',
      });
      expect(made!.id).toBeGreaterThan(14);
      expect((await store.history(14)).map((c) => c.field)).toEqual(['(导入)', '(删除)']);
      expect((await store.history(made!.id)).map((c) => c.actor)).toEqual(['new']);
    } finally {
      await store.close();
    }
  });
});

function named2(ev: { indicators: ReadonlyArray<{ id?: string | undefined; name: { raw: string } }> }, id: string): string {
  return ev.indicators.find((i) => i.id === id)!.name.raw;
}
