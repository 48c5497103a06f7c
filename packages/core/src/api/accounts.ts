/** Accounts and sessions as the API sends them (ports/accounts.ts): never a password hash. */
import { z } from 'zod';
import { Role } from './forms.ts';

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    departmentId: z.number().int().nullable().describe('填报人和单位审核所属部门'),
    assigned: z.array(z.number().int()).describe('财政审核负责的部门'),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User', description: '用户' });
export type User = z.infer<typeof User>;

export const SessionView = z
  .object({ user: User, csrf: z.string().describe('CSRF 令牌：改变状态的请求放在 x-csrf-token 头中') })
  .meta({ id: 'SessionView', description: '当前会话' });
export type SessionView = z.infer<typeof SessionView>;

/** A new user with its first password: the password appears in this answer only. */
export const UserCreated = z
  .object({ user: User, password: z.string().describe('初始密码（只出现这一次）') })
  .meta({ id: 'UserCreated', description: '新建的用户' });
export type UserCreated = z.infer<typeof UserCreated>;

/** A changed user; with the new password when it was reset (in this answer only). */
export const UserUpdated = z
  .object({ user: User, password: z.string().optional().describe('重置的密码（只出现这一次）') })
  .meta({ id: 'UserUpdated', description: '修改后的用户' });
export type UserUpdated = z.infer<typeof UserUpdated>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

export const Health = z.object({ ok: z.literal(true), database: z.string().describe('数据库种类') }).meta({ id: 'Health', description: '健康状态' });
export type Health = z.infer<typeof Health>;
