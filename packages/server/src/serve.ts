/**
 * Starts the server: SQLite file under the data directory (default ./data/jixiao.sqlite) or the
 * PostgreSQL of DATABASE_URL, migrations, demo data on first start unless turned off.
 */
import { join, resolve } from 'node:path';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { ensureAdmin } from './routes/auth.routes.ts';
import { PdfConverter } from '@jixiao/office';
import { buildApp, type TrustProxy } from './app.ts';
import { loadDemo } from './demo.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  maxUploadBytes?: number;
  /** LibreOffice conversions side by side for PDF downloads (default 2) */
  pdfWorkers?: number;
  /** keep a LibreOffice waiting per PDF worker (default true; ≈ 90 MB each) */
  pdfWarm?: boolean;
  /** forms whose audit the department pages keep between requests (default 2,000 ≈ 95 MB) */
  keptForms?: number;
  /** the built web UI; default packages/web/dist */
  webRoot?: string;
  /** behind an https reverse proxy: its hop count or addresses (settings.ts, trustProxyOf) */
  trustProxy?: TrustProxy;
}

export async function serve(opts: ServeOptions = {}) {
  const target = opts.databaseUrl || join(resolve(opts.dataDir ?? 'data'), 'jixiao.sqlite');
  const conn = await connect(target);
  const store = new KyselyStore(conn);
  const accounts = new KyselyAccountStore(conn);
  const admin = await ensureAdmin(accounts);
  const loaded = opts.demo === false ? 0 : await loadDemo(store);
  // keepWarm: a LibreOffice waits for each worker's next PDF, so a download does not wait ≈ 1 s for one to start
  const pdf = new PdfConverter({ workers: opts.pdfWorkers ?? 2, keepWarm: opts.pdfWarm !== false });
  const webRoot = opts.webRoot ?? resolve(import.meta.dirname, '../../web/dist');
  const app = await buildApp({
    store,
    accounts,
    pdf,
    webRoot,
    ...(opts.trustProxy && { trustProxy: opts.trustProxy }),
    database: conn.dialect,
    logger: true,
    ...(opts.maxUploadBytes && { maxUploadBytes: opts.maxUploadBytes }),
    ...(opts.keptForms !== undefined && { keptForms: opts.keptForms }),
  });
  app.addHook('onClose', () => pdf.close());
  // Stopped by a signal (Ctrl-C, systemd, docker stop): close the app — the database, and the
  // LibreOffices waiting for PDF work, which would otherwise outlive the server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().finally(() => process.exit(0)));
  const port = opts.port ?? 3000;
  // This machine only unless HOST / --host opens it (issue 24): a server started to try it out is not
  // on the network by accident.
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  app.log.info(
    `jixiao 已启动：http://${shown}:${port}  （数据库：${conn.dialect === 'sqlite' ? target : 'PostgreSQL'}；网页 /；接口文档 /docs${loaded ? `；已载入演示数据 ${loaded} 张自评表` : ''}）`,
  );
  // Printed once, on the terminal of whoever started the server the first time; stored only as a hash.
  if (admin)
    process.stdout.write(
      `\n首次启动：已创建管理员账号 ${admin.username}，初始密码 ${admin.password}\n（只显示这一次；登录后请在“用户管理”中为各部门建立账号，或用 jixiao user add）\n\n`,
    );
  return { app, store, accounts };
}
