/**
 * `npm run dev`: the API server (port 3000) and Vite's dev server with hot reload (port 5173, /api
 * proxied), one command for developers. Stops both on Ctrl-C.
 */
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { serve } from '../packages/server/src/serve.ts';

const port = Number(process.env.PORT ?? 3000);
const { app } = await serve({ port, host: '127.0.0.1', demo: process.env.JIXIAO_DEMO !== 'off' });
const vite = await createServer({ configFile: resolve(import.meta.dirname, '../packages/web/vite.config.ts') });
await vite.listen();
vite.printUrls();
const stop = async () => {
  await vite.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
