/** The HTTP application: Fastify with zod schemas, OpenAPI at /docs, uploads, one error mapper. */
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { contract, type AccountStore, type Store } from '@jixiao/core';
import { answers, checkResponsesByDefault, contractDocument, recordRoutes, requireDeclaredStatus, responseSerializer } from './contract.ts';
import { registerGuard } from './auth/guard.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { workflowRoutes } from './routes/workflow.routes.ts';
import { todoRoutes } from './routes/todo.routes.ts';
import { toApiError } from './errors.ts';
import { registerSecurityHeaders, SECURITY_HEADERS } from './security-headers.ts';
import { departmentRoutes } from './routes/departments.routes.ts';
import { AccountUseCases, BatchUseCases, DepartmentUseCases, FormUseCases, TodoUseCases } from '@jixiao/app';
import { evaluationRoutes } from './routes/evaluations.routes.ts';
import { DEFAULT_PREVIEW_CAPS, importRoutes, type PreviewCaps } from './routes/import.routes.ts';
import { documentRoutes } from './routes/documents.routes.ts';
import { ParsePool, type ParsePoolOptions, type PdfConverter } from '@jixiao/office';

/**
 * Which proxies' X-Forwarded-* headers to believe: how many hops, or their addresses/networks; never
 * every hop, where a client's own header would choose its address for the login limiter.
 */
export type TrustProxy = false | number | readonly string[];

export interface AppOptions {
  store: Store;
  /** users and sessions: every /api route but the login needs one */
  accounts: AccountStore;
  /** behind a reverse proxy that terminates https: trust its X-Forwarded-* (cookies then get Secure) */
  trustProxy?: TrustProxy;
  /** login failures allowed per account from one address / per address / per account from all addresses, in 15 minutes (default 5 / 20 / 50) */
  loginLimits?: { perAccount: number; perAddress: number; perAccountAll?: number };
  /** uploads larger than this are refused while they stream in; default 20 MB */
  maxUploadBytes?: number;
  /** true: pino to stdout (serve.ts); or where its lines go (tests read the levels) */
  logger?: boolean | { level?: string; stream: { write(line: string): void } };
  /** database kind, shown by /api/health */
  database?: string;
  /** LibreOffice queue for PDF downloads; without it a PDF request is a 503 */
  pdf?: PdfConverter;
  /** forms whose audit is kept between requests for the department pages (default 2,000 ≈ 95 MB) */
  keptForms?: number;
  /** the built web UI (packages/web/dist), served at / */
  webRoot?: string;
  /**
   * reading of uploaded files: worker threads, their heap and time, the caps on one file (its bytes
   * are `maxUploadBytes`), and what one user may hold in previews
   */
  imports?: ParsePoolOptions & { previews?: Partial<PreviewCaps> };
  /**
   * check every answer against its route's response schema (a mismatch is a 500 RESPONSE.CONTRACT);
   * default: under the tests or with JIXIAO_CHECK_RESPONSES=1 (contract.ts says why not always)
   */
  checkResponses?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const maxUploadBytes = opts.maxUploadBytes ?? 20 * 1024 * 1024;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: maxUploadBytes,
    // a hop count as proxy-addr understands it: the nearest `hops` addresses are proxies
    trustProxy:
      typeof opts.trustProxy === 'number' ? (_addr: string, i: number) => i < (opts.trustProxy as number) : opts.trustProxy ? [...opts.trustProxy] : false,
    // malformed URLs and the like, before any route: the same {code, message, details} shape
    frameworkErrors: (e, _req, reply) => {
      const { status, body } = toApiError(e);
      // an address that cannot even be decoded (`/%`, overlong UTF-8) names nothing here: 404, as any unknown path
      const out =
        (e as { code?: string }).code === 'FST_ERR_BAD_URL'
          ? { status: 404, body: { code: 'NOT_FOUND', message: '没有这个地址（地址编码无效）', details: {} } }
          : status === 500
            ? { status: 400, body: { code: 'REQUEST.INVALID', message: '请求无法解析，请刷新页面后重试', details: { detail: e.message } } }
            : { status, body };
      // answered before the hooks run: the security headers are set here
      void (reply as unknown as { headers(h: object): { code(n: number): { send(b: unknown): void } } })
        .headers(SECURITY_HEADERS)
        .code(out.status)
        .send(out.body);
    },
  });
  // Request bodies, queries and parameters are checked by zod's own parse (its compiled object parsing);
  // no check of our own reads zod's internals (issue 25: public APIs only). Measured without the former
  // hand-compiled fast path: bench/README.md, api.
  app.setValidatorCompiler(validatorCompiler);
  const checkResponses = opts.checkResponses ?? checkResponsesByDefault(process.env);
  app.setSerializerCompiler(responseSerializer(checkResponses));
  if (checkResponses) requireDeclaredStatus(app);
  recordRoutes(app);
  registerSecurityHeaders(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'jixiao 绩效 API', description: '项目支出绩效自评：导入、评分、审核、汇总', version: '0.1.0' } },
    transform: jsonSchemaTransform,
    transformObject: contractDocument,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 50 } });
  await app.register(fastifyCookie);

  app.setErrorHandler((e, req, reply) => {
    const { status, body } = toApiError(e);
    // error level for faults of the server only; a refused request is the client's, worth an info line
    if (status >= 500) req.log.error(e);
    else req.log.info({ code: body.code, status }, body.message);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: `没有这个地址：${req.method} ${req.url}`, details: {} }));

  registerGuard(app, opts.accounts, opts.store);
  const limiter = new LoginLimiter({
    perAccount: opts.loginLimits?.perAccount ?? 5,
    perAddress: opts.loginLimits?.perAddress ?? 20,
    ...(opts.loginLimits?.perAccountAll && { perAccountAll: opts.loginLimits.perAccountAll }),
    windowMs: 15 * 60 * 1000,
  });
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/health', { schema: { tags: ['系统'], summary: '健康检查', response: answers({ 200: contract.Health }) } }, async () => ({
      ok: true as const,
      database: opts.database ?? 'unknown',
    }));
  // the use cases (packages/app): the routes translate HTTP to them and back
  const users = new AccountUseCases(opts.store, opts.accounts);
  authRoutes(app, opts.accounts, users, limiter);
  const forms = new FormUseCases(opts.store, opts.accounts);
  const departments = new DepartmentUseCases(opts.store, opts.keptForms);
  departmentRoutes(app, opts.store, departments, users);
  evaluationRoutes(app, opts.store, forms);
  workflowRoutes(app, opts.store, forms);
  todoRoutes(app, new TodoUseCases(opts.store, forms, opts.accounts), new BatchUseCases(forms));
  // uploaded files are parsed in worker threads with a heap and a time limit (office/src/parse-pool.ts)
  const pool = new ParsePool({ ...opts.imports, limits: { ...opts.imports?.limits, maxBytes: maxUploadBytes } });
  pool.onFault = (file, error) => app.log.error({ file, error }, 'a reader failed on an uploaded file');
  app.addHook('onClose', () => pool.close());
  importRoutes(app, opts.store, maxUploadBytes, pool, { ...DEFAULT_PREVIEW_CAPS, ...opts.imports?.previews });
  documentRoutes(app, forms, departments, opts.pdf);
  if (opts.webRoot && existsSync(opts.webRoot)) {
    // Hashed asset names never change content, so they may be cached for good; index.html never is.
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      setHeaders: (reply, path) => void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else if (opts.webRoot) {
    app.get('/', (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>jixiao</title><p>网页界面尚未构建：请运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。接口文档见 <a href="/docs">/docs</a>。</p>',
        ),
    );
  }
  return app;
}
