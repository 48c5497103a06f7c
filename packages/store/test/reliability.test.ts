/**
 * Data is never lost or half-written: a process killed with SIGKILL in the middle of an import leaves
 * the database exactly as before; a read-only or full database gives a clear error and changes nothing.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { syntheticForms } from '@jixiao/core';
import { connect, KyselyStore } from '../src/index.ts';

async function seeded(): Promise<{ path: string; before: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'jixiao-rel-')), 'jixiao.sqlite');
  const store = new KyselyStore(await connect(path));
  const d = await store.ensureDepartment({ code: 'base', name: '基础' });
  await store.importEvaluations({ departmentId: d.id, forms: preparedSelfEvaluations(syntheticForms(20, 1)), actor: 't' });
  await store.close();
  return { path, before: 20 };
}

/** Forms with project names of their own, so that only the database can refuse them. */
function fresh(n: number) {
  return syntheticForms(n, 9).map((f, i) => ({ ...f, project: { ...f.project, name: { raw: `新项目${i}` } } }));
}

const count = (path: string, table: string) => {
  const db = new Sqlite(path, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('SIGKILL in the middle of an import', () => {
  it('leaves the database exactly as it was', async () => {
    const { path, before } = await seeded();
    // node itself, with tsx as a loader: the process killed is the one writing (the tsx CLI would be a parent)
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers/import-child.ts'), path, '20000'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('begin')) setTimeout(resolve, 1500);
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(out).not.toContain('done'); // it really was killed mid-import
    expect(count(path, 'evaluations')).toBe(before);
    expect(count(path, 'changes')).toBe(before); // one (导入) entry per form stored before
    expect(count(path, 'departments')).toBe(2); // the department was committed before the import began
    const db = new Sqlite(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});

describe('SIGKILL in the middle of a 40-file import commit (issue 24: 12–14 of 40 files were kept)', () => {
  it('keeps no file, no form, not the new department, not the commit key', async () => {
    const { path, before } = await seeded();
    const departments = count(path, 'departments');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers/import-child.ts'), path, '20000', 'files'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // killed once the transaction is writing: its pages fill the write-ahead log (the seeding left none)
    const wal = () => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    for (let t = 0; t < 600 && wal() < 4 * 1024 * 1024 && !out.includes('done'); t++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(out).not.toContain('done');
    expect(wal()).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(count(path, 'evaluations')).toBe(before);
    expect(count(path, 'source_files')).toBe(0);
    expect(count(path, 'departments')).toBe(departments);
    expect(count(path, 'import_commits')).toBe(0);
  }, 60_000);
});

describe('a database that cannot be written', () => {
  it('read-only: a clear error, nothing changed', async () => {
    const { path, before } = await seeded();
    const store = new KyselyStore(await connect(path, { sqlitePragmas: ['query_only = ON'] }));
    const [d] = await store.listDepartments();
    const err = await store.importEvaluations({ departmentId: d!.id, forms: preparedSelfEvaluations(fresh(5)), actor: 't' }).catch((e) => e);
    expect((err as { code: string }).code).toBe('SQLITE_READONLY');
    await store.close();
    expect(count(path, 'evaluations')).toBe(before);
  });

  it('full: a clear error, nothing half-written', async () => {
    const { path, before } = await seeded();
    const pages = (() => {
      const db = new Sqlite(path);
      const n = db.pragma('page_count', { simple: true }) as number;
      db.close();
      return n;
    })();
    // the file may not grow by more than a few pages: the import of 500 forms cannot fit
    const store = new KyselyStore(await connect(path, { sqlitePragmas: [`max_page_count = ${pages + 5}`] }));
    const [d] = await store.listDepartments();
    const err = await store.importEvaluations({ departmentId: d!.id, forms: preparedSelfEvaluations(fresh(500)), actor: 't' }).catch((e) => e);
    expect([(err as { code: string }).code, (err as Error).message]).toEqual(['SQLITE_FULL', 'database or disk is full']);
    await store.close();
    expect(count(path, 'evaluations')).toBe(before);
  });
});
