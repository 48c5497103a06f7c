/**
 * The server's settings from the environment (README, "settings"), shared by `npm start` and `jixiao
 * serve`, checked before anything starts: a mistyped number used to become NaN and reach Fastify,
 * the PDF queue or the department cache as such, to fail later or not at all, far from its cause.
 */
import type { ServeOptions } from './serve.ts';

/** A setting that cannot be used; the code is stable, the message says which and why. */
export class SettingError extends Error {
  readonly code = 'CONFIG.BAD_SETTING';
}

function whole(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new SettingError(`环境变量 ${name}=“${raw}”无效：应为 ${min} 到 ${max} 之间的整数`);
  return n;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): ServeOptions {
  const port = whole(env, 'PORT', 0, 65_535);
  const uploadMb = whole(env, 'JIXIAO_MAX_UPLOAD_MB', 1, 1024);
  const pdfWorkers = whole(env, 'JIXIAO_PDF_WORKERS', 1, 64);
  const keptForms = whole(env, 'JIXIAO_KEPT_FORMS', 0, 1_000_000);
  return {
    port: port ?? 3000,
    ...(env.JIXIAO_DATA_DIR && { dataDir: env.JIXIAO_DATA_DIR }),
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    demo: env.JIXIAO_DEMO !== 'off',
    ...(uploadMb !== undefined && { maxUploadBytes: uploadMb * 1024 * 1024 }),
    ...(pdfWorkers !== undefined && { pdfWorkers }),
    pdfWarm: env.JIXIAO_PDF_WARM !== 'off',
    ...(keptForms !== undefined && { keptForms }),
    trustProxy: env.JIXIAO_TRUST_PROXY === '1',
  };
}
