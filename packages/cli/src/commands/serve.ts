/** `jixiao serve`: the HTTP server (the same as `npm start`). */
import { serve } from '@jixiao/server';

export async function serveCommand(opts: { port?: string; dataDir?: string; databaseUrl?: string; demo?: boolean }): Promise<void> {
  await serve({
    port: Number(opts.port ?? process.env.PORT ?? 3000),
    ...((opts.dataDir ?? process.env.JIXIAO_DATA_DIR) && { dataDir: opts.dataDir ?? process.env.JIXIAO_DATA_DIR }),
    ...((opts.databaseUrl ?? process.env.DATABASE_URL) && { databaseUrl: opts.databaseUrl ?? process.env.DATABASE_URL }),
    demo: opts.demo !== false && process.env.JIXIAO_DEMO !== 'off',
  });
}
