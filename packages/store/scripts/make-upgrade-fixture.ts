/**
 * Made the upgrade fixtures (fixtures/upgrade/) with the release of commit e8e5826: a small database
 * with forms, edits, a submission, approvals, a finance review with 复核得分, snapshots, a deleted draft
 * and accounts. Kept for the record; it runs only against that release's store API.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { importBytes } from '@jixiao/office';
import { connect, KyselyAccountStore, KyselyStore } from '../src/index.ts';
import type { Store } from '@jixiao/core';

const root = join(import.meta.dirname, '../../..');
async function fill(store: Store, accounts: KyselyAccountStore) {
  for (const [file, code, name] of [
    ['hebei-dachang-zhengfawei-2023.txt', 'hebei-dachang-zfw', '大厂县政法委（河北）'],
    ['shanxi-yunzhou-zhengfawei-2022.txt', 'shanxi-yunzhou-zfw', '云州区政法委（山西）'],
  ] as const) {
    const bytes = new Uint8Array(readFileSync(join(root, 'fixtures/seeds', file)));
    const r = await importBytes(bytes, file);
    const d = await store.ensureDepartment({ code, name });
    await store.importEvaluations({ departmentId: d.id, evaluations: r.evaluations, source: { name: file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes }, actor: 'demo' });
  }
  await accounts.addUser({ username: 'admin', displayName: '管理员', role: 'admin', departmentId: null, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', assigned: [] } as never);
  await accounts.addUser({ username: 'tianbao', displayName: '张会计', role: 'filler', departmentId: 1, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', assigned: [] } as never);
  await accounts.addUser({ username: 'caizheng', displayName: '李复核', role: 'finance', departmentId: null, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', assigned: [1, 2] } as never);
  // form 1: edited (an actual and a 偏差原因), submitted, approved, reviewed (two 复核得分), returned
  let s = (await store.getEvaluation(1))!;
  const ev = structuredClone(s.evaluation);
  ev.indicators[0]!.actual = { raw: '6个' };
  ev.indicators[2]!.deviation = { raw: '因疫情推迟' };
  s = await store.updateEvaluation(1, ev, s.version, 'tianbao');
  s = await store.setStatus(1, 'submitted', s.version, 'tianbao', { snapshot: true });
  s = await store.setStatus(1, 'unit-approved', s.version, 'shenhe', { snapshot: true });
  await store.saveReviews(1, [ { indicator: 1, score: '7.5', reason: '佐证材料不全' }, { indicator: 4, score: '10', reason: '核实无误' } ], 'caizheng');
  s = await store.setStatus(1, 'draft', s.version, 'caizheng', { comment: '请补充佐证材料' });
  // form 2: finance-reviewed with one 复核得分
  let t = (await store.getEvaluation(2))!;
  t = await store.setStatus(2, 'submitted', t.version, 'tianbao', { snapshot: true });
  t = await store.setStatus(2, 'unit-approved', t.version, 'shenhe', { snapshot: true });
  await store.saveReviews(2, [{ indicator: 0, score: '2', reason: '扣分' }], 'caizheng');
  await store.setStatus(2, 'finance-reviewed', t.version, 'caizheng', { snapshot: true });
  // form 11 deleted as a draft (its history stays)
  const u = (await store.getEvaluation(11))!;
  await store.deleteEvaluation(11, u.version, 'tianbao');
}

const sqlitePath = join(root, 'fixtures/upgrade/jixiao-e8e5826.sqlite');
rmSync(sqlitePath, { force: true });
{
  const conn = await connect(sqlitePath);
  await fill(new KyselyStore(conn, () => '2026-12-04T12:00:00.000Z'), new KyselyAccountStore(conn));
  await conn.db.destroy();
  execFileSync('sqlite3', [sqlitePath, 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM;']);
  rmSync(sqlitePath + '-wal', { force: true });
  rmSync(sqlitePath + '-shm', { force: true });
}
{
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  const schema = 'jixiao_upgrade_fixture';
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await c.end();
  const conn = await connect(url, { schema });
  await fill(new KyselyStore(conn, () => '2026-12-04T12:00:00.000Z'), new KyselyAccountStore(conn));
  await conn.db.destroy();
  const dump = execFileSync('pg_dump', ['-h', '127.0.0.1', '-U', 'postgres', '--schema', schema, '--inserts', '--no-owner', '--no-privileges', 'test'], { maxBuffer: 1 << 28 }).toString();
  writeFileSync(join(root, 'fixtures/upgrade/jixiao-e8e5826.postgres.sql'), dump);
  const c2 = new pg.Client({ connectionString: url });
  await c2.connect();
  await c2.query(`DROP SCHEMA ${schema} CASCADE`);
  await c2.end();
}
console.log('done');
