/** `npm start`: the server with settings from the environment (PORT, JIXIAO_DATA_DIR, DATABASE_URL, JIXIAO_DEMO=off). */
import { serve } from './serve.ts';

try {
  await serve({
    port: Number(process.env.PORT ?? 3000),
    ...(process.env.JIXIAO_DATA_DIR && { dataDir: process.env.JIXIAO_DATA_DIR }),
    ...(process.env.DATABASE_URL && { databaseUrl: process.env.DATABASE_URL }),
    demo: process.env.JIXIAO_DEMO !== 'off',
    ...(process.env.JIXIAO_MAX_UPLOAD_MB && { maxUploadBytes: Number(process.env.JIXIAO_MAX_UPLOAD_MB) * 1024 * 1024 }),
    ...(process.env.JIXIAO_PDF_WORKERS && { pdfWorkers: Number(process.env.JIXIAO_PDF_WORKERS) }),
    ...(process.env.JIXIAO_KEPT_FORMS && { keptForms: Number(process.env.JIXIAO_KEPT_FORMS) }),
    trustProxy: process.env.JIXIAO_TRUST_PROXY === '1',
  });
} catch (e) {
  const err = e as Error & { code?: string };
  process.stderr.write(`启动失败 [${err.code ?? 'STARTUP'}]：${err.message}\n`);
  process.exit(1);
}
