/** `jixiao serve`: the HTTP server (the same as `npm start`, the same environment settings; options win). */
import { serve, settingsFromEnv } from '@jixiao/server';
import { CliError } from '../errors.ts';

export async function serveCommand(opts: { port?: string; dataDir?: string; databaseUrl?: string; demo?: boolean }): Promise<void> {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new CliError('USAGE.BAD_OPTION', `--port 应为 0 到 65535 之间的整数，收到“${opts.port}”`);
  const env = settingsFromEnv();
  await serve({
    ...env,
    ...(port !== undefined && { port }),
    ...(opts.dataDir && { dataDir: opts.dataDir }),
    ...(opts.databaseUrl && { databaseUrl: opts.databaseUrl }),
    demo: opts.demo !== false && env.demo !== false,
  });
}
