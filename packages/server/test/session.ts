/**
 * Test helper: a user of a given role, logged in through the real /api/login, and an `inject` that
 * sends their session cookie and CSRF token like the web UI does. Tests only.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AccountStore, Role } from '@jixiao/core';
import { hashPassword } from '../src/index.ts';

export const TEST_PASSWORD = 'test-password-1';

export interface Client {
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

export async function loginAs(
  app: FastifyInstance,
  accounts: AccountStore,
  user: { username: string; role: Role; departmentId?: number | null; assigned?: number[] },
): Promise<Client> {
  if (!(await accounts.findUser(user.username)))
    await accounts.addUser({ displayName: user.username, ...user, passwordHash: await hashPassword(TEST_PASSWORD) });
  const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username: user.username, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const { csrf } = res.json() as { csrf: string };
  return {
    cookie,
    csrf,
    inject: (opts) => {
      const o: InjectOptions = typeof opts === 'string' ? { method: 'GET', url: opts } : opts;
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), cookie, 'x-csrf-token': csrf } });
    },
  };
}
