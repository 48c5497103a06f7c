/** `jixiao serve`: the HTTP server (the same as `npm start`, the same environment settings; options win). */
import { isIP } from 'node:net';
import { serve, settingsFromEnv } from '@jixiao/server';
import { CliError } from '../errors.ts';

export async function serveCommand(opts: { port?: string; host?: string; dataDir?: string; databaseUrl?: string; demo?: boolean }): Promise<void> {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    throw new CliError('USAGE.BAD_OPTION', `--port 应为 0 到 65535 之间的整数，收到“${opts.port}”`);
  if (opts.host !== undefined && !isIP(opts.host) && opts.host !== 'localhost')
    throw new CliError('USAGE.BAD_OPTION', `--host 应为本机的 IP 地址（如 127.0.0.1 或 0.0.0.0），收到“${opts.host}”`);
  const env = settingsFromEnv();
  await serve({
    ...env,
    ...(port !== undefined && { port }),
    ...(opts.host !== undefined && { host: opts.host }),
    ...(opts.dataDir && { dataDir: opts.dataDir }),
    ...(opts.databaseUrl && { databaseUrl: opts.databaseUrl }),
    demo: opts.demo !== false && env.demo !== false,
  });
}
