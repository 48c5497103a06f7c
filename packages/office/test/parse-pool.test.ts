/**
 * The parse pool on its own: a real form read in a worker equals the one read in-process; a
 * refusal keeps its code and details across the thread; a .doc is converted by LibreOffice on the
 * calling side and then read in the worker; a closed pool refuses; the heap setting is checked
 * against the unpacked cap; no worker outlives close().
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importBytes, ImportError, importGoalBytes, ParsePool } from '../src/index.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const docx = new Uint8Array(readFileSync(join(root, 'office/xinjiang-changji-zhengfawei-2021.docx')));
const pool = new ParsePool({ workers: 1 });
afterAll(() => pool.close());

describe('ParsePool', () => {
  it('reads a real form in a worker exactly as in-process, and leaves the caller its bytes', async () => {
    const copy = docx.slice();
    const inWorker = await pool.parse(copy, 'changji.docx');
    // a self-evaluation by its title: read as in-process, with no goal forms
    expect(inWorker).toEqual({ ...(await importBytes(docx, 'changji.docx')), goals: [] });
    expect(copy).toEqual(docx);
    expect(pool.threads).toBe(1);
  });

  it('a goal form is read as one by its title (issue 20), exactly as `importGoalBytes`; a 自评表 asked for as goals is refused', async () => {
    const goal = new Uint8Array(readFileSync(join(root, 'goals/well-set.goal.docx')));
    const r = await pool.parse(goal.slice(), 'well-set.goal.docx');
    expect(r.evaluations).toEqual([]);
    expect(r.goals).toEqual(await importGoalBytes(goal, 'well-set.goal.docx'));
    await expect(pool.parse(docx.slice(), 'changji.docx', 'goal')).rejects.toMatchObject({ code: 'IMPORT.NOT_A_GOAL_FORM' });
  });

  it('a refusal crosses the thread with its code, message and details', async () => {
    const e = await pool.parse(docx.slice(0, 100), 'cut.docx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('IMPORT.BROKEN_FILE');
    expect((e as ImportError).message).toMatch(/“cut\.docx”已损坏/);
    expect((e as ImportError).details.file).toBe('cut.docx');
    await expect(pool.parse(docx, 'a.png')).rejects.toMatchObject({ code: 'IMPORT.UNSUPPORTED_FORMAT' });
    await expect(pool.parse(new Uint8Array(60 * 1048576), 'big.docx')).rejects.toMatchObject({ code: 'IMPORT.TOO_LARGE' });
  });

  it('a heap too small for the unpacked cap is refused when the pool is made', () => {
    expect(() => new ParsePool({ heapMb: 64 })).toThrow(/至少需要 160 MB/);
  });

  it('a closed pool refuses, and its workers are gone', async () => {
    const p = new ParsePool({ workers: 2 });
    await Promise.all([p.parse(docx, 'a.docx'), p.parse(docx, 'b.docx')]);
    expect(p.threads).toBe(2);
    await p.close();
    expect(p.threads).toBe(0);
    await expect(p.parse(docx, 'c.docx')).rejects.toMatchObject({ code: 'IMPORT.UNAVAILABLE' });
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!soffice)('ParsePool and LibreOffice', () => {
  it('a .doc is converted outside the worker, then read in it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pool-'));
    const from = join(root, 'office/xinjiang-changji-zhengfawei-2021.docx');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc', '--outdir', dir, from], {
      stdio: 'ignore',
    });
    const doc = new Uint8Array(readFileSync(join(dir, 'xinjiang-changji-zhengfawei-2021.doc')));
    const r = await pool.parse(doc, 'changji.doc');
    expect(r.evaluations.map((e) => e.project.name.raw)).toEqual((await importBytes(docx, 'x.docx')).evaluations.map((e) => e.project.name.raw));
    expect(r.file).toBe('changji.doc');
  });
});
