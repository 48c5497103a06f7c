/**
 * What the browser tests stand on: the real server on a fresh SQLite file with the built UI, listening
 * on a free loopback port, and Debian's chromium driven by playwright-core.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { connect, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '@jixiao/server';
import { ensureWebBuild, WEB_DIST } from '../packages/web/scripts/ensure-build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without chromium the browser tests are skipped on a developer's machine, and fail in CI. */
export const haveBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';

export async function startApp(opts: { demo?: boolean } = {}) {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const store = new KyselyStore(await connect(join(dir, 'jixiao.sqlite')));
  if (opts.demo) await loadDemo(store);
  const app = await buildApp({ store, database: 'sqlite', webRoot: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dir,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--lang=zh-CN'],
  });
}
