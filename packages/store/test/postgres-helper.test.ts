/**
 * The PostgreSQL test helper's decision (helpers/postgres.ts), on a real closed port: without a server
 * the cases are skipped with one line saying how to run them; under CI=true the run fails instead.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { decidePostgres, LOCAL_TEST_PG, testPostgresUrl } from './helpers/postgres.ts';

/** A port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('PostgreSQL for tests', () => {
  it('takes JIXIAO_TEST_PG first, then a postgres DATABASE_URL, then the local default', () => {
    expect(testPostgresUrl({ JIXIAO_TEST_PG: 'postgres://a@h/x', DATABASE_URL: 'postgres://b@h/y' })).toEqual({
      url: 'postgres://a@h/x',
      from: 'JIXIAO_TEST_PG',
    });
    expect(testPostgresUrl({ DATABASE_URL: 'postgres://b@h/y' })).toEqual({ url: 'postgres://b@h/y', from: 'DATABASE_URL' });
    expect(testPostgresUrl({ DATABASE_URL: '/srv/jixiao.sqlite' })).toEqual({ url: LOCAL_TEST_PG, from: 'default' });
    expect(testPostgresUrl({})).toEqual({ url: LOCAL_TEST_PG, from: 'default' });
  });

  it('skips with one line saying how to run them when nothing listens', async () => {
    const url = `postgres://postgres:secret@127.0.0.1:${await closedPort()}/test`;
    const d = await decidePostgres({ JIXIAO_TEST_PG: url });
    expect(d.url).toBeNull();
    expect(d.line).not.toContain('\n');
    expect(d.line).toMatch(/^PostgreSQL 测试已跳过/);
    expect(d.line).toContain('JIXIAO_TEST_PG');
    expect(d.line).toContain('DATABASE_URL');
    expect(d.line).not.toContain('secret'); // the password is not printed
  });

  it('fails under CI=true when nothing listens', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    await expect(decidePostgres({ JIXIAO_TEST_PG: url, CI: 'true' })).rejects.toThrow(/CI=true 要求 PostgreSQL 测试/);
  });
});
