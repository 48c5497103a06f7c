/**
 * Accounts and sessions on Kysely (ports/accounts.ts of the core), beside the form store on the same
 * connection. Passwords arrive hashed; sessions are stored by the SHA-256 of their token.
 */
import type { AccountStore, NewUser, Role, Session, User } from '@jixiao/core';
import type { Selectable } from 'kysely';
import type { Connection } from './connect.ts';
import { StoreError } from './connect.ts';
import type { UsersTable } from './schema.ts';

export class KyselyAccountStore implements AccountStore {
  constructor(
    readonly conn: Connection,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private get db() {
    return this.conn.db;
  }

  private async assigned(userIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (userIds.length === 0) return out;
    const rows = await this.db.selectFrom('user_departments').selectAll().where('user_id', 'in', userIds).orderBy('department_id').execute();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.department_id]);
    return out;
  }

  private toUser(r: Selectable<UsersTable>, assigned: number[]): User & { passwordHash: string } {
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as Role,
      departmentId: r.department_id,
      assigned,
      disabled: Number(r.disabled) === 1,
      createdAt: r.created_at,
      passwordHash: r.password_hash,
    };
  }

  private async one(where: { id?: number; username?: string }) {
    let q = this.db.selectFrom('users').selectAll();
    if (where.id !== undefined) q = q.where('id', '=', where.id);
    if (where.username !== undefined) q = q.where('username', '=', where.username);
    const r = await q.executeTakeFirst();
    return r ? this.toUser(r, (await this.assigned([r.id])).get(r.id) ?? []) : null;
  }

  async userCount(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async addUser(u: NewUser): Promise<User> {
    if (await this.findUser(u.username)) throw new StoreError('STORE.DUPLICATE', `用户名“${u.username}”已存在`);
    const id = await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          department_id: u.departmentId ?? null,
          password_hash: u.passwordHash,
          disabled: 0,
          created_at: this.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (u.assigned?.length)
        await trx
          .insertInto('user_departments')
          .values(u.assigned.map((d) => ({ user_id: r.id, department_id: d })))
          .execute();
      return r.id;
    });
    return this.public((await this.one({ id }))!);
  }

  private public(u: User & { passwordHash: string }): User {
    const { passwordHash: _, ...rest } = u;
    return rest;
  }

  getUser(id: number) {
    return this.one({ id });
  }

  findUser(username: string) {
    return this.one({ username });
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('id').execute();
    const assigned = await this.assigned(rows.map((r) => r.id));
    return rows.map((r) => this.public(this.toUser(r, assigned.get(r.id) ?? [])));
  }

  async updateUser(
    id: number,
    patch: Partial<Pick<User, 'displayName' | 'role' | 'departmentId' | 'assigned' | 'disabled'>> & { passwordHash?: string },
  ): Promise<User> {
    await this.db.transaction().execute(async (trx) => {
      const set = {
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      };
      if (Object.keys(set).length) await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (patch.assigned) {
        await trx.deleteFrom('user_departments').where('user_id', '=', id).execute();
        if (patch.assigned.length)
          await trx
            .insertInto('user_departments')
            .values(patch.assigned.map((d) => ({ user_id: id, department_id: d })))
            .execute();
      }
    });
    const u = await this.one({ id });
    if (!u) throw new StoreError('STORE.NOT_FOUND', `用户 ${id} 不存在`);
    return this.public(u);
  }

  async createSession(s: Session): Promise<void> {
    await this.db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf: s.csrf, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
  }

  async getSession(id: string): Promise<Session | null> {
    const r = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, userId: r.user_id, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at } : null;
  }

  async touchSession(id: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteUserSessions(userId: number, exceptSessionId?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptSessionId !== undefined) q = q.where('id', '<>', exceptSessionId);
    await q.execute();
  }
}
