/**
 * Hostile users (issue 24) against the real app on a real SQLite file: the security headers and the
 * CSP on every kind of response, paths that are no route, the password policy, a password change
 * ending the other sessions, the current-password check limited, logins limited per address before per
 * account, and X-Forwarded-For believed only from the named proxies.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 200, 200, 200, 404]);
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
    // over a real socket: inject() would normalise `..` before the server sees it
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    const errors: unknown[] = [];
    const original = server.log.error.bind(server.log);
    server.log.error = ((...args: unknown[]) => void errors.push(args)) as typeof server.log.error;
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
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/a%00b', '/..\\..\\etc\\passwd', '//etc/passwd', '/index.html/..', '/assets/', '/%c0%ae%c0%ae/etc/passwd', '/api/../../etc/passwd', '/docs/static/..%2f..%2fpackage.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body), path).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.body).not.toContain('root:');
    }
    expect(errors).toEqual([]);
    server.log.error = original;
  });
});

describe('passwords', () => {
  it('the policy: 10 characters, letters and digits, not a common one nor a common word dressed up, not the user name', () => {
    for (const p of ['short1a', 'onlyletterss', '12345678901', 'password12', 'Password123', 'P@ssw0rd12', 'admin12345', 'Admin@2024!', 'woaini1314', 'qwertyuiop1', '1q2w3e4r5t', 'jixiao2023!', 'aaaaaaaaaa1'])
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
    for (let i = 0; i < 5; i++) expect((await c.inject({ method: 'PUT', url: '/api/session/password', payload: { current: `guess-${i}-xx`, next: 'another-pass-88' } })).statusCode).toBe(422);
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
      for (let i = 0; i < 40; i++) codes.push((await attempt(app, `nobody${i}`, 'x', '127.0.0.1', { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.50` })).statusCode);
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
