/**
 * `npm start` runs this first: builds the web UI when dist/ is missing or older than its sources (the
 * UI, and the core it scores with), so a fresh clone needs no extra command and a restart costs nothing.
 * The browser tests call it too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const WEB_DIR = resolve(import.meta.dirname, '..');
export const WEB_DIST = join(WEB_DIR, 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds when needed; says whether it did. */
export function ensureWebBuild(log: (s: string) => void = () => {}): boolean {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newest(join(WEB_DIR, 'src')),
    newest(resolve(WEB_DIR, '../core/src')),
    statSync(join(WEB_DIR, 'index.html')).mtimeMs,
    statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  log('正在构建网页界面（首次启动约需半分钟）…\n');
  // A child process with NODE_ENV=production: inside vitest (NODE_ENV=test) Vite would make React's
  // and antd's development builds, and that bundle would then be what `npm start` serves.
  const vite = join(createRequire(join(WEB_DIR, 'package.json')).resolve('vite/package.json'), '../bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureWebBuild((s) => process.stdout.write(s));
