/**
 * What the browser tests stand on: the real server on a fresh SQLite file with the built UI, listening
 * on a free loopback port, and Debian's chromium driven by playwright-core.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, hashPassword, loadDemo } from '@jixiao/server';
import { ensureWebBuild, WEB_DIST } from '../packages/web/scripts/ensure-build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without chromium the browser tests are skipped on a developer's machine, and fail in CI. */
export const haveBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';

export async function startApp(opts: { demo?: boolean } = {}) {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const store = new KyselyStore(await connect(join(dir, 'jixiao.sqlite')));
  const accounts = new KyselyAccountStore(store.conn);
  if (opts.demo) await loadDemo(store);
  const app = await buildApp({ store, accounts, database: 'sqlite', webRoot: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    accounts,
    dir,
    /** a user with the test password; the department by id */
    addUser: async (username: string, role: Role, departmentId: number | null = null, assigned: number[] = []) =>
      accounts.addUser({ username, displayName: username, role, departmentId, assigned, passwordHash: await hashPassword(PASSWORD) }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export const PASSWORD = 'e2e-password-1';

/** Logs in through the login page (the way a person does). */
export async function login(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByTestId('current-user').waitFor();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--lang=zh-CN'],
  });
}
