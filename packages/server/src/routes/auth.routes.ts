/** Login, logout, the current session; and the administration of users (管理员 only). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contract, type AccountStore } from '@jixiao/core';
import { answers } from '../contract.ts';
import type { AccountUseCases } from '@jixiao/app';
import { HttpError } from '../errors.ts';
import { ABSOLUTE_MS, actor, auth, IDLE_MS, newToken, requireRole, setSessionCookie, tokenId } from '../auth/guard.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import { hashPassword, randomPassword, verifyPassword, weakPassword } from '../auth/password.ts';
import { IdParams, RoleEnum } from '../schemas.ts';

const Login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const NewUserBody = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, '用户名为 2–32 个字母、数字、汉字或 _ . -'),
  displayName: z.string().trim().min(1).max(64),
  role: RoleEnum,
  departmentId: z.number().int().positive().nullable().optional(),
  assigned: z.array(z.number().int().positive()).max(1000).optional(),
});
const UserPatch = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: RoleEnum.optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  assigned: z.array(z.number().int().positive()).max(1000).optional(),
  disabled: z.boolean().optional().describe('true 停用（其所有会话随即结束），false 重新启用'),
  resetPassword: z.boolean().optional().describe('生成新的随机密码（只在本次响应中出现一次），并注销该用户的所有会话'),
});

export function authRoutes(app: FastifyInstance, accounts: AccountStore, users: AccountUseCases, limiter: LoginLimiter): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/login',
    { schema: { tags: ['账号'], summary: '登录（失败过多时按账号和地址限制）', body: Login, response: answers({ 200: contract.SessionView }) } },
    async (req, reply) => {
      const { username, password } = req.body;
      const wait = limiter.retryAfter(username, req.ip);
      if (wait > 0) {
        void reply.header('retry-after', String(wait));
        throw new HttpError(429, 'AUTH.RATE_LIMITED', `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, { retryAfter: wait });
      }
      const user = await accounts.findUser(username);
      // The same answer, and the same hashing work, for an unknown name as for a wrong password.
      const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      if (!user || !ok || user.disabled) {
        limiter.fail(username, req.ip);
        throw new HttpError(401, 'AUTH.BAD_CREDENTIALS', user?.disabled && ok ? '该账号已停用，请联系管理员' : '用户名或密码不正确');
      }
      limiter.succeed(username, req.ip);
      const token = newToken();
      const now = Date.now();
      const csrf = newToken();
      await accounts.createSession({
        id: tokenId(token),
        userId: user.id,
        csrf,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(Math.min(now + IDLE_MS, now + ABSOLUTE_MS)).toISOString(),
      });
      setSessionCookie(req, reply, token);
      const { passwordHash: _, ...pub } = user;
      return { user: pub, csrf };
    },
  );

  r.post('/api/logout', { schema: { tags: ['账号'], summary: '退出登录', response: answers({ 204: z.null().describe('已退出') }) } }, async (req, reply) => {
    if (req.auth) await accounts.deleteSession(req.auth.session.id);
    setSessionCookie(req, reply, null);
    return reply.code(204).send(null);
  });

  r.get(
    '/api/session',
    { schema: { tags: ['账号'], summary: '当前登录的用户和 CSRF 令牌', response: answers({ 200: contract.SessionView }) } },
    async (req) => {
      if (!req.auth) throw new HttpError(401, 'AUTH.REQUIRED', '尚未登录');
      return { user: req.auth.user, csrf: req.auth.session.csrf };
    },
  );

  r.get('/api/users', { schema: { tags: ['账号'], summary: '用户列表（管理员）', response: answers({ 200: z.array(contract.User) }) } }, async (req) =>
    users.listUsers(actor(req)),
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['账号'],
        summary: '新建用户（管理员）；返回只出现一次的初始密码',
        body: NewUserBody,
        response: answers({ 201: contract.UserCreated }),
      },
    },
    async (req, reply) => {
      const password = randomPassword();
      const user = await users.addUser(actor(req), { ...req.body, passwordHash: await hashPassword(password) });
      return reply.code(201).send({ user, password });
    },
  );

  r.put(
    '/api/users/:id',
    {
      schema: {
        tags: ['账号'],
        summary: '修改用户的姓名、角色、部门，停用或重新启用，或重置密码（管理员）；停用或重置后该用户的所有会话结束',
        params: IdParams,
        body: UserPatch,
        response: answers({ 200: contract.UserUpdated }),
      },
    },
    async (req) => {
      const a = auth(req);
      const { resetPassword, ...patch } = req.body;
      const password = resetPassword ? randomPassword() : null;
      const { user } = await users.updateUser({ ...actor(req), userId: a.user.id }, req.params.id, {
        ...patch,
        ...(password && { passwordHash: await hashPassword(password) }),
      });
      return { user, ...(password && { password }) };
    },
  );

  r.put(
    '/api/session/password',
    {
      schema: {
        tags: ['账号'],
        summary: '修改自己的密码（当前密码错误次数与登录共用限制；成功后该用户的其他会话全部失效）',
        body: z.object({ current: z.string().min(1).max(256), next: z.string().min(1).max(256) }),
        response: answers({ 200: contract.Ok }),
      },
    },
    async (req, reply) => {
      const a = requireRole(req, ['admin', 'filler', 'unit-reviewer', 'finance'], '修改密码');
      // The current-password check is a login by another door: the same counters (issue 24), so a stolen
      // session gives no more guesses than the login form.
      const wait = limiter.retryAfter(a.user.username, req.ip);
      if (wait > 0) {
        void reply.header('retry-after', String(wait));
        throw new HttpError(429, 'AUTH.RATE_LIMITED', `当前密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, { retryAfter: wait });
      }
      const me = (await accounts.getUser(a.user.id))!;
      if (!(await verifyPassword(req.body.current, me.passwordHash))) {
        limiter.fail(a.user.username, req.ip);
        throw new HttpError(422, 'AUTH.BAD_CREDENTIALS', '当前密码不正确');
      }
      const weak = weakPassword(req.body.next, me.username);
      if (weak) throw new HttpError(422, 'AUTH.WEAK_PASSWORD', weak, { field: 'next' });
      await accounts.updateUser(me.id, { passwordHash: await hashPassword(req.body.next) });
      // Whoever else held a session of this account (a forgotten browser, a thief) is logged out; this one goes on.
      await accounts.deleteUserSessions(me.id, a.session.id);
      return { ok: true as const };
    },
  );
}

/** First start: an administrator with a random password, printed once by the caller. */
export async function ensureAdmin(accounts: AccountStore): Promise<{ username: string; password: string } | null> {
  if ((await accounts.userCount()) > 0) return null;
  const password = randomPassword();
  await accounts.addUser({ username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(password) });
  return { username: 'admin', password };
}
