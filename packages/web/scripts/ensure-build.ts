/**
 * `npm start` runs this first: builds the web UI when dist/ is missing or older than its sources (the
 * UI, and the core it scores with), so a fresh clone needs no extra command and a restart costs nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const web = resolve(import.meta.dirname, '..');
const dist = join(web, 'dist', 'index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(web, 'src')), newest(resolve(web, '../core/src')), statSync(join(web, 'index.html')).mtimeMs, statSync(join(web, 'vite.config.ts')).mtimeMs);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  process.stdout.write('正在构建网页界面（首次启动约需半分钟）…\n');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
}
