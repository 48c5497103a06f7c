/**
 * Opens the database named by a path (SQLite, the embedded default) or a `postgres://` URL, and brings
 * its schema up to date. SQLite runs in WAL mode with foreign keys on.
 */
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrationProvider, type Dialect } from './migrations.ts';
import type { Database } from './schema.ts';

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
}

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** what the caller may show beside the message, e.g. `{ file }` for the file of an import that failed */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A unique key's violation (PostgreSQL 23505, SQLite's UNIQUE/PRIMARY KEY): someone else wrote it first. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// PostgreSQL returns bigint (int8) as text so as not to lose precision; our 分 values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Kysely prepares every query anew, and for better-sqlite3 preparing costs more than running a small
 * query (a third of an API read, measured). Our queries are few and their SQL repeats with parameters,
 * so each distinct SQL text is prepared once and its statement reused (bounded, oldest dropped first).
 * Safe because Kysely runs statements with `all`/`run`, never leaving one mid-iteration.
 */
function withStatementCache(database: Sqlite.Database, max = 500) {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): Sqlite.Statement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = database.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** `sqlitePragmas` are applied after the defaults (tests use them to make a database read-only or full). */
export async function connect(target: string, opts: { schema?: string; sqlitePragmas?: string[] } = {}): Promise<Connection> {
  let conn: Connection;
  if (/^postgres(ql)?:\/\//.test(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 10, ...(opts.schema && { options: `-c search_path=${opts.schema}` }) });
    conn = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  } else {
    let database: Sqlite.Database;
    try {
      if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
      database = new Sqlite(target);
      database.pragma('journal_mode = WAL');
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 5000');
      for (const p of opts.sqlitePragmas ?? []) database.pragma(p);
    } catch (e) {
      throw new StoreError('STORE.OPEN_FAILED', `无法打开数据库文件“${target}”：${(e as Error).message}`);
    }
    conn = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), dialect: 'sqlite' };
  }
  // With a schema, the migration bookkeeping lives in it too: Kysely otherwise finds another schema's tables.
  const migrator = new Migrator({ db: conn.db, provider: migrationProvider(conn.dialect), ...(opts.schema && { migrationTableSchema: opts.schema }) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await conn.db.destroy();
    throw new StoreError('STORE.MIGRATION_FAILED', `数据库结构升级失败：${(error as Error).message}`);
  }
  return conn;
}
