/**
 * The server's settings from the environment (README, "settings"), shared by `npm start` and `jixiao
 * serve`, checked before anything starts: a mistyped number used to become NaN and reach Fastify,
 * the PDF queue or the department cache as such, to fail later or not at all, far from its cause.
 */
import { isIP } from 'node:net';
import type { ServeOptions } from './serve.ts';
import type { TrustProxy } from './app.ts';

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

/**
 * JIXIAO_TRUST_PROXY: which X-Forwarded-* to believe. A number is the count of proxies in front of the
 * server (`1`: only the address the nearest proxy appended); otherwise the proxies' addresses or
 * networks, comma-separated. Never "every hop": a client's own X-Forwarded-For would then choose the
 * address the login limiter counts (issue 24: 40 attempts, no 429).
 */
export function trustProxyOf(raw: string | undefined): TrustProxy {
  const v = raw?.trim() ?? '';
  if (v === '' || v === 'off' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) throw new SettingError(`环境变量 JIXIAO_TRUST_PROXY=“${raw}”无效：代理层数应为 1 到 10 之间的整数`);
    return hops;
  }
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const a of list) {
    const [ip, prefix, extra] = a.split('/');
    const kind = isIP(ip ?? '');
    const okPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (kind === 6 ? 128 : 32));
    if (!kind || !okPrefix || extra !== undefined)
      throw new SettingError(`环境变量 JIXIAO_TRUST_PROXY=“${raw}”无效：应为代理层数（如 1），或反向代理的地址/网段，以逗号分隔（如 127.0.0.1,10.0.0.0/8）`);
  }
  return list;
}

/** HOST: the address to listen on. 127.0.0.1 unless opened on purpose (0.0.0.0, ::, or one interface's address). */
function hostOf(raw: string | undefined): string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  if (!isIP(v) && v !== 'localhost') throw new SettingError(`环境变量 HOST=“${raw}”无效：应为本机的 IP 地址，如 127.0.0.1（仅本机）或 0.0.0.0（所有网卡）`);
  return v;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): ServeOptions {
  const port = whole(env, 'PORT', 0, 65_535);
  const uploadMb = whole(env, 'JIXIAO_MAX_UPLOAD_MB', 1, 1024);
  const pdfWorkers = whole(env, 'JIXIAO_PDF_WORKERS', 1, 64);
  const keptForms = whole(env, 'JIXIAO_KEPT_FORMS', 0, 1_000_000);
  return {
    port: port ?? 3000,
    host: hostOf(env.HOST) ?? '127.0.0.1',
    ...(env.JIXIAO_DATA_DIR && { dataDir: env.JIXIAO_DATA_DIR }),
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    demo: env.JIXIAO_DEMO !== 'off',
    ...(uploadMb !== undefined && { maxUploadBytes: uploadMb * 1024 * 1024 }),
    ...(pdfWorkers !== undefined && { pdfWorkers }),
    pdfWarm: env.JIXIAO_PDF_WARM !== 'off',
    ...(keptForms !== undefined && { keptForms }),
    trustProxy: trustProxyOf(env.JIXIAO_TRUST_PROXY),
  };
}
