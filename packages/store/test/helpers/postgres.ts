/**
 * The one way tests and benchmarks reach PostgreSQL. Which server: `JIXIAO_TEST_PG`, else `DATABASE_URL`,
 * else the local default (127.0.0.1:5432, database `test`, user postgres). Whether it is there is asked
 * once per test run (postgres-setup.ts, vitest's globalSetup): without a server the PostgreSQL cases are
 * skipped with one line saying how to run them — unless `CI=true`, where they are required and the run
 * fails. Each user works in a schema of its own and drops it at the end.
 */
import pg from 'pg';

export const LOCAL_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';

/** The server the PostgreSQL cases use, and the setting it came from. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): { url: string; from: string } {
  if (env.JIXIAO_TEST_PG) return { url: env.JIXIAO_TEST_PG, from: 'JIXIAO_TEST_PG' };
  if (env.DATABASE_URL?.startsWith('postgres')) return { url: env.DATABASE_URL, from: 'DATABASE_URL' };
  return { url: LOCAL_TEST_PG, from: 'default' };
}

/** Null when the server answers a query; otherwise why not (connection refused, timeout, auth…). */
export async function probePostgres(url: string, timeoutMs = 3000): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

/** The line printed when the PostgreSQL cases are skipped: what was tried, and how to run them. */
export function skipLine(url: string, why: string): string {
  return (
    `PostgreSQL 测试已跳过：${redact(url)} 无法连接（${why}）。` +
    `要运行它们，请启动 PostgreSQL 并设置 JIXIAO_TEST_PG（或 DATABASE_URL）=postgres://用户@主机:端口/库；CI=true 时这些测试是必须的。`
  );
}

/**
 * What the test run does about PostgreSQL: the url to use, or null to skip (with the line to print).
 * Under CI (`CI=true`) an absent server is an error, so that a green CI always includes them.
 */
export async function decidePostgres(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string | null; line: string }> {
  const { url, from } = testPostgresUrl(env);
  const why = await probePostgres(url);
  if (why === null) return { url, line: `PostgreSQL 测试使用 ${redact(url)}（${from}）` };
  if (env.CI === 'true')
    throw new Error(`CI=true 要求 PostgreSQL 测试，但 ${redact(url)}（${from}）无法连接：${why}。.ci/run 会启动本机服务；或设置 JIXIAO_TEST_PG。`);
  return { url: null, line: skipLine(url, why) };
}

/** A schema of its own on `url` (created now), and a function that drops it. */
export async function freshSchema(url: string, prefix: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Date.now()}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create schema if not exists ${schema}`);
  return { schema, drop: () => run(`drop schema if exists ${schema} cascade`) };
}

/** The url without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
