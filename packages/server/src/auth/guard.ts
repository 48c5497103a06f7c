/**
 * Who is asking, and what they may touch. Every /api route except the login, the session probe and the
 * health check needs a session; every state-changing request needs the session's CSRF token in the
 * `x-csrf-token` header. Routes then check roles and departments with the helpers below.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountStore, Role, Session, Store, StoredEvaluation, User } from '@jixiao/core';
import type { Actor } from '@jixiao/app';
import { HttpError } from '../errors.ts';
import { inScope, scopeOf, type Scope } from './scope.ts';

export interface AuthContext {
  user: User;
  session: Session;
  scope: Scope;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export const COOKIE = 'jixiao_session';
/** A session ends after this long without a request… */
export const IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after the login. */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const PUBLIC = new Set(['/api/health', '/api/login', '/api/session', '/api/logout']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string | null): void {
  // Secure whenever the request came over https (directly, or through a proxy the app trusts).
  void reply.setCookie(COOKIE, token ?? '', {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    ...(token === null ? { maxAge: 0 } : {}),
  });
}

/**
 * Sessions resolved in the last few seconds, so that a page's burst of requests reads the session,
 * the user and the department tree once. Cleared by this server on every change of sessions, users or
 * departments (logout, user administration, a new department); a change made by another process (the
 * CLI's `user reset`) takes effect within CACHE_MS.
 */
export const CACHE_MS = 5000;
/**
 * Keyed by the cookie's token itself, so that a hit costs no SHA-256 (the hash is what the database
 * stores; the token is in this process's memory for the request anyway). `until` is the earlier of the
 * cache's limit and the session's own expiry, as a number: a hit compares two numbers.
 */
type SessionCache = Map<string, { ctx: AuthContext; until: number }>;

/** Loads the session of the cookie, if any and still valid; renews its idle expiry. */
export async function loadAuth(req: FastifyRequest, accounts: AccountStore, store: Store, now = Date.now(), cache?: SessionCache): Promise<AuthContext | null> {
  const token = req.cookies[COOKIE];
  if (!token) return null;
  const hit = cache?.get(token);
  if (hit && hit.until > now) return hit.ctx;
  const ctx = await resolve(tokenId(token), accounts, store, now);
  if (ctx && cache) {
    if (cache.size >= 10_000) cache.clear();
    cache.set(token, { ctx, until: Math.min(now + CACHE_MS, Date.parse(ctx.session.expiresAt)) });
  }
  return ctx;
}

async function resolve(id: string, accounts: AccountStore, store: Store, now: number): Promise<AuthContext | null> {
  const session = await accounts.getSession(id);
  if (!session) return null;
  const expires = Date.parse(session.expiresAt);
  if (expires <= now || Date.parse(session.createdAt) + ABSOLUTE_MS <= now) {
    await accounts.deleteSession(session.id);
    return null;
  }
  const user = await accounts.getUser(session.userId);
  if (!user || user.disabled) return null;
  // Renewed at most once a minute: a page of requests does not write the database each time.
  // A failed renewal (a read-only or full database) must not lock the user out of reading.
  if (expires - now < IDLE_MS - 60_000)
    await accounts
      .touchSession(session.id, new Date(Math.min(now + IDLE_MS, Date.parse(session.createdAt) + ABSOLUTE_MS)).toISOString())
      .catch(() => undefined);
  const { passwordHash: _, ...pub } = user;
  // An administrator's scope is everything: no need to read the department tree on each request.
  return { user: pub, session, scope: pub.role === 'admin' ? { all: true } : scopeOf(pub, await store.listDepartments()) };
}

/** Requests after which who-may-see-what may have changed. */
const CHANGES_ACCESS = /^\/api\/(logout|login|users(\/|$)|session\/password|departments(\/\d+)?$)/;

export function registerGuard(app: FastifyInstance, accounts: AccountStore, store: Store): void {
  const cache: SessionCache = new Map();
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const path = pathOf(req.url);
    // The API documents (/docs, its JSON and its files) are for administrators only (issue 23): the list
    // of every route and field is no business of the other roles.
    if ((path === '/docs' || path.startsWith('/docs/')) && req.routeOptions.url?.startsWith('/docs')) {
      req.auth = await loadAuth(req, accounts, store, Date.now(), cache);
      if (!req.auth) throw new HttpError(401, 'AUTH.REQUIRED', '请先登录（接口文档只对管理员开放）');
      if (req.auth.user.role !== 'admin') throw new HttpError(403, 'AUTH.FORBIDDEN', '接口文档只对管理员开放');
      return;
    }
    // Routing is done: a path that matched no API route (`/api/../../etc/passwd`, a typo) goes on to
    // its 404 — nothing there to protect, and a 404 for everyone (issue 24).
    if (!path.startsWith('/api/') || !req.routeOptions.url?.startsWith('/api/')) return;
    // Cleared before the change as well as after it, so that no request in between sees the old state.
    if (!SAFE.has(req.method) && CHANGES_ACCESS.test(path)) cache.clear();
    req.auth = await loadAuth(req, accounts, store, Date.now(), cache);
    if (PUBLIC.has(path)) return;
    if (!req.auth) throw new HttpError(401, 'AUTH.REQUIRED', '请先登录（登录已过期或尚未登录）');
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== req.auth.session.csrf)
      throw new HttpError(403, 'AUTH.CSRF', '请求缺少有效的安全令牌（CSRF），请刷新页面后重试');
  });
  app.addHook('onResponse', async (req) => {
    if (!SAFE.has(req.method) && CHANGES_ACCESS.test(pathOf(req.url))) cache.clear();
  });
}

/** The path without its query, without splitting the whole URL into an array on every request. */
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

export function auth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new HttpError(401, 'AUTH.REQUIRED', '请先登录');
  return req.auth;
}

export function requireRole(req: FastifyRequest, roles: readonly Role[], what: string): AuthContext {
  const a = auth(req);
  if (!roles.includes(a.user.role)) throw new HttpError(403, 'AUTH.FORBIDDEN', `当前账号（${a.user.displayName}）无权${what}`);
  return a;
}

/** A department outside the user's scope is reported as not found: its existence is not theirs to know. */
export function requireDepartment(req: FastifyRequest, departmentId: number): AuthContext {
  const a = auth(req);
  if (!inScope(a.scope, departmentId)) throw new HttpError(404, 'STORE.NOT_FOUND', `部门 ${departmentId} 不存在`);
  return a;
}

export async function requireEvaluation(req: FastifyRequest, store: Store, id: number): Promise<StoredEvaluation> {
  const a = auth(req);
  const s = await store.getEvaluation(id);
  if (!s || !inScope(a.scope, s.departmentId)) throw new HttpError(404, 'STORE.NOT_FOUND', `自评表 ${id} 不存在`);
  return s;
}

/**
 * A form's records — history, snapshots — for whoever may read the form, and still after the form was
 * deleted, by the department it belonged to (issue 24: they became unreadable but to an administrator).
 */
export async function requireRecords(req: FastifyRequest, store: Store, id: number): Promise<void> {
  const a = auth(req);
  const d = await store.evaluationDepartment(id);
  // a form deleted before its department was recorded (before migration 0004): an administrator's, as it was
  if (d ? !inScope(a.scope, d.departmentId) : !a.scope.all) throw new HttpError(404, 'STORE.NOT_FOUND', `自评表 ${id} 不存在`);
}

export const actorOf = (req: FastifyRequest): string => auth(req).user.username;

/** The signed-in user as the use cases see them: name, role, and the departments in their scope. */
export function actor(req: FastifyRequest): Actor {
  const a = auth(req);
  return { username: a.user.username, displayName: a.user.displayName, role: a.user.role, sees: (d) => inScope(a.scope, d) };
}
