/**
 * Hostile files through the real app (issue 24, item 1): each bomb is built here, uploaded beside a
 * real form in one request, and must be refused alone with its own code and a Chinese message naming
 * it, while the real form is still read; /api/health answers within a second while the upload is
 * being parsed, and the server's heap is where it was afterwards. The caps are those of
 * packages/office/src/limits.ts; parsing runs in the parse pool's worker threads.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp } from '../src/index.ts';
import { brokenZip, deepDocx, documentBomb, entry, manyEntries, rowsXlsx, zip } from '../../office/test/bombs.ts';
import { loginAs, type Client } from './session.ts';
import { multipart } from './multipart.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const realDocx = new Uint8Array(readFileSync(join(root, 'office/xinjiang-changji-zhengfawei-2021.docx')));
const realSeed = new Uint8Array(readFileSync(join(root, 'seeds', 'xinjiang-changji-zhengfawei-2021.txt')));

let store: KyselyStore;
let accounts: KyselyAccountStore;
let server: FastifyInstance;
let filler: Client;
let departmentId: number;

interface Preview {
  token: string;
  files: Array<{ name: string; evaluations: unknown[] }>;
  rejected: Array<{ name: string; error: { code: string; message: string; details: Record<string, unknown> } }>;
}

/** Uploads while asking /api/health every 50 ms; returns the preview and the slowest health answer. */
async function uploadWatched(app: FastifyInstance, client: Client, files: Array<{ name: string; bytes: Uint8Array }>) {
  let done = false;
  const upload = client.inject({ method: 'POST', url: '/api/import', ...multipart(files) }).finally(() => (done = true));
  const waits: number[] = [];
  while (!done) {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    waits.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  const res = await upload;
  return { status: res.statusCode, preview: res.json() as Preview, slowestHealthMs: Math.max(...waits), healthChecks: waits.length };
}

// a full collection before each reading of the heap, so that it measures what is kept, not what is garbage
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-hostile-')), 'jixiao.sqlite')));
  accounts = new KyselyAccountStore(store.conn);
  departmentId = (await store.ensureDepartment({ code: 'hostile', name: '恶意文件测试单位' })).id;
  server = await buildApp({ store, accounts, database: 'sqlite' });
  filler = await loginAs(server, accounts, { username: 'filler', role: 'filler', departmentId });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('each bomb is refused alone, with its code, while the server keeps answering', () => {
  let heapBefore = 0;

  it('a real form reads through the parse worker (and warms it)', async () => {
    const { status, preview } = await uploadWatched(server, filler, [{ name: 'changji.docx', bytes: realDocx }]);
    expect(status).toBe(200);
    expect(preview.files[0]!.evaluations).toHaveLength(2);
    heapBefore = heapUsed();
  });

  const cases: Array<[string, string, () => Uint8Array, string, RegExp]> = [
    ['a 200 MB document.xml zipped to ≈ 200 kB', 'bomb-200mb.docx', () => documentBomb(200), 'IMPORT.ZIP_BOMB', /解压后超过 40\.0 MB/],
    ['a 1 GB document.xml', 'bomb-1gb.docx', () => documentBomb(1024), 'IMPORT.ZIP_BOMB', /疑似压缩炸弹/],
    ['a workbook of 1,000,000 rows', 'rows.xlsx', () => rowsXlsx(1_000_000), 'IMPORT.TOO_MANY_ROWS', /超过上限 50000 行/],
    ['XML nested 100,000 deep', 'deep.docx', () => deepDocx(100_000), 'IMPORT.TOO_DEEP', /嵌套超过 96 层/],
    ['a zip whose data is broken', 'broken.docx', brokenZip, 'IMPORT.BROKEN_FILE', /已损坏/],
    ['a zip cut in half', 'half.docx', () => realDocx.slice(0, realDocx.length >> 1), 'IMPORT.BROKEN_FILE', /已损坏/],
    ['a zip of 5,000 entries', 'many.docx', () => manyEntries(5000), 'IMPORT.TOO_MANY_ENTRIES', /超过 1000 个/],
    ['a text of 60,000 lines', 'lines.txt', () => new TextEncoder().encode('\t甲\n'.repeat(60_000)), 'IMPORT.TOO_MANY_ROWS', /行/],
  ];

  for (const [what, name, build, code, message] of cases) {
    it(`${what}: ${code}, and the real form beside it is read`, async () => {
      const bytes = build();
      const { status, preview, slowestHealthMs, healthChecks } = await uploadWatched(server, filler, [
        { name, bytes },
        { name: 'changji.docx', bytes: realDocx },
      ]);
      console.log(`${name}: ${bytes.length} bytes → ${code}; /api/health ${healthChecks}× during the upload, slowest ${slowestHealthMs.toFixed(0)} ms`);
      expect(status).toBe(200);
      expect(preview.rejected).toHaveLength(1);
      const { error } = preview.rejected[0]!;
      expect(preview.rejected[0]!.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.message).toContain(`“${name}”`);
      expect(error.message).toMatch(message);
      expect(error.details.file).toBe(name);
      // the other file of the same request was still read
      expect(preview.files.map((f) => f.name)).toEqual(['changji.docx']);
      expect(preview.files[0]!.evaluations).toHaveLength(2);
      expect(slowestHealthMs).toBeLessThan(1000);
    });
  }

  it('a file over the upload limit is refused alone too', async () => {
    const small = await buildApp({ store, accounts, database: 'sqlite', maxUploadBytes: 1024 * 1024 });
    try {
      const client = await loginAs(small, accounts, { username: 'filler', role: 'filler', departmentId });
      const { status, preview } = await uploadWatched(small, client, [
        { name: 'big.docx', bytes: new Uint8Array(3 * 1024 * 1024) },
        { name: 'changji.docx', bytes: realDocx },
      ]);
      expect(status).toBe(200);
      expect(preview.rejected.map((r) => [r.name, r.error.code])).toEqual([['big.docx', 'UPLOAD.TOO_LARGE']]);
      expect(preview.files.map((f) => f.name)).toEqual(['changji.docx']);
    } finally {
      await small.close();
    }
  });

  it('the server heap afterwards is where it was before the bombs', async () => {
    const after = heapUsed();
    console.log(`heap before the bombs ${mb(heapBefore)} MB, after ${mb(after)} MB; rss ${mb(process.memoryUsage().rss)} MB`);
    // the 1,000,000-row workbook alone left 2.2 GB; what follows the bombs here is the previews
    // of the real form kept beside them (5 at most, the per-user cap), a few MB
    expect(after - heapBefore).toBeLessThan(32 * 1048576);
  });
});

describe('what the caps do not foresee, the worker limits stop (time)', () => {
  it('a workbook within the caps that takes longer than the time limit: IMPORT.TIMEOUT, and the next file is read', { timeout: 90_000 }, async () => {
    const slow = await buildApp({ store, accounts, database: 'sqlite', imports: { workers: 1, timeMs: 1000 } });
    try {
      const client = await loginAs(slow, accounts, { username: 'filler', role: 'filler', departmentId });
      // 45,000 rows × 10 columns is inside every cap (50,000 rows, 500,000 cells) and takes exceljs seconds
      const { status, preview, slowestHealthMs } = await uploadWatched(slow, client, [
        { name: 'slow.xlsx', bytes: rowsXlsx(45_000, 10) },
        { name: 'changji.txt', bytes: realSeed },
      ]);
      expect(status).toBe(200);
      expect(preview.rejected.map((r) => [r.name, r.error.code])).toEqual([['slow.xlsx', 'IMPORT.TIMEOUT']]);
      expect(preview.rejected[0]!.error.message).toMatch(/“slow\.xlsx”超过 1 秒仍未完成/);
      // the worker that ran out of time was replaced and read the next file
      expect(preview.files.map((f) => [f.name, f.evaluations.length])).toEqual([['changji.txt', 2]]);
      expect(slowestHealthMs).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });
});

describe('what the caps do not foresee, the worker limits stop (heap)', () => {
  it('a document within the caps whose parse outgrows the worker heap: IMPORT.MEMORY_LIMIT, and the server goes on', { timeout: 90_000 }, async () => {
    // a small heap and a cap to match (the pool wants 4 × the unpacked cap), and 15 MB of empty
    // paragraphs: 2.6 million elements, a parse tree far larger than 64 MB, built a little at a time
    const tight = await buildApp({
      store,
      accounts,
      database: 'sqlite',
      imports: { workers: 1, heapMb: 64, timeMs: 60_000, limits: { maxUnpackedBytes: 16 * 1048576 } },
    });
    try {
      const client = await loginAs(tight, accounts, { username: 'filler', role: 'filler', departmentId });
      const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
      const bytes = zip([
        entry('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${'<w:p/>'.repeat((15 * 1048576) / 6)}</w:body></w:document>`),
      ]);
      const { status, preview, slowestHealthMs } = await uploadWatched(tight, client, [
        { name: 'heavy.docx', bytes },
        { name: 'changji.txt', bytes: realSeed },
      ]);
      expect(status).toBe(200);
      expect(preview.rejected.map((r) => [r.name, r.error.code])).toEqual([['heavy.docx', 'IMPORT.MEMORY_LIMIT']]);
      expect(preview.rejected[0]!.error.message).toMatch(/“heavy\.docx”所需内存超过上限 64 MB/);
      expect(preview.files.map((f) => [f.name, f.evaluations.length])).toEqual([['changji.txt', 2]]);
      expect(slowestHealthMs).toBeLessThan(1000);
    } finally {
      await tight.close();
    }
  });
});

describe('what one user holds is capped', () => {
  it('past the count, their oldest preview goes; past the bytes, a file is refused alone with IMPORT.PREVIEW_LIMIT', async () => {
    const capped = await buildApp({ store, accounts, database: 'sqlite', imports: { previews: { perUser: 2, bytesPerUser: 2.5 * realDocx.length } } });
    try {
      const client = await loginAs(capped, accounts, { username: 'filler', role: 'filler', departmentId });
      const up = async (n: number) =>
        (
          await client.inject({
            method: 'POST',
            url: '/api/import',
            ...multipart(Array.from({ length: n }, (_, i) => ({ name: `f${i}.docx`, bytes: realDocx }))),
          })
        ).json() as Preview;
      const first = await up(1);
      await up(1);
      await up(1);
      // three previews made, two kept: the first is gone
      const commit = await client.inject({ method: 'POST', url: `/api/import/${first.token}/commit`, payload: { departmentId } });
      expect(commit.statusCode).toBe(404);
      expect(commit.json().code).toBe('IMPORT.PREVIEW_EXPIRED');
      // three files in one request where two fit: the older previews make room, the third file is refused alone
      const three = await up(3);
      expect(three.files.map((f) => f.name)).toEqual(['f0.docx', 'f1.docx']);
      expect(three.rejected.map((r) => [r.name, r.error.code])).toEqual([['f2.docx', 'IMPORT.PREVIEW_LIMIT']]);
      expect(three.rejected[0]!.error.message).toMatch(/“f2\.docx”未读取/);
      // an upload of nothing readable makes an empty preview, which goes first: the real one stays
      const broken = (
        await client.inject({ method: 'POST', url: '/api/import', ...multipart([{ name: 'broken.docx', bytes: new Uint8Array(10) }]) })
      ).json() as Preview;
      expect(broken.rejected.map((r) => r.error.code)).toEqual(['IMPORT.NOT_A_ZIP']);
      const kept = await client.inject({ method: 'POST', url: `/api/import/${three.token}/commit`, payload: { departmentId } });
      // found and committed (f1 holds the same forms as f0, so the store may refuse it as a duplicate), not expired
      expect(kept.statusCode === 404 ? kept.json().code : 'found').toBe('found');
    } finally {
      await capped.close();
    }
  });
});
