/**
 * The administration of accounts and departments (issue 23, item 6): who may change a user's role,
 * department, name and state, and the department tree. Passwords are hashed by the caller (the server
 * holds the hashing): a use case here sees only the hash. Only an administrator changes anything; the
 * department list is also what each person sees of it.
 */
import { ROLE_LABELS, type AccountStore, type Department, type NewUser, type Role, type Store, type User } from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';

export interface UserPatch {
  displayName?: string | undefined;
  role?: Role | undefined;
  departmentId?: number | null | undefined;
  assigned?: number[] | undefined;
  disabled?: boolean | undefined;
  /** a new password, already hashed (a reset by the administrator) */
  passwordHash?: string | undefined;
}

export class AccountUseCases {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountStore,
  ) {}

  private admin(actor: Actor, what: string): void {
    if (actor.role !== 'admin') throw new AppError('AUTH.FORBIDDEN', `只有管理员可以${what}（当前账号：${actor.displayName}，${ROLE_LABELS[actor.role]}）`);
  }

  /**
   * 填报人 and 单位审核 belong to one department; 财政审核 are assigned departments; every department named
   * must exist.
   */
  private async checkPlacement(role: Role, departmentId: number | null | undefined, assigned: readonly number[] | undefined): Promise<void> {
    if ((role === 'filler' || role === 'unit-reviewer') && !departmentId)
      throw new AppError('USER.NO_DEPARTMENT', `${ROLE_LABELS[role]}必须属于一个部门，请选择所属部门`);
    for (const id of [...(departmentId ? [departmentId] : []), ...(assigned ?? [])])
      if (!(await this.store.getDepartment(id))) throw new AppError('USER.NO_DEPARTMENT', `部门 ${id} 不存在`, { departmentId: id });
  }

  async listUsers(actor: Actor): Promise<User[]> {
    this.admin(actor, '管理用户');
    return this.accounts.listUsers();
  }

  async addUser(actor: Actor, u: NewUser): Promise<User> {
    this.admin(actor, '管理用户');
    await this.checkPlacement(u.role, u.departmentId, u.assigned);
    return this.accounts.addUser(u);
  }

  /**
   * Changes a user's name, role, department (or assigned departments), state or password. Returns the
   * user and whether their sessions must end: when disabled or given a new password, every session of
   * theirs ends (a disabled user's session is refused anyway; ending it frees the row at once).
   */
  async updateUser(actor: Actor & { userId: number }, id: number, patch: UserPatch): Promise<{ user: User; endSessions: boolean }> {
    this.admin(actor, '管理用户');
    const before = await this.accounts.getUser(id);
    if (!before) throw new AppError('STORE.NOT_FOUND', `用户 ${id} 不存在`, { id });
    if (before.id === actor.userId && (patch.disabled || (patch.role && patch.role !== 'admin')))
      throw new AppError('USER.SELF', '不能停用自己，也不能取消自己的管理员身份（请由另一位管理员操作）');
    const role = patch.role ?? before.role;
    const departmentId = patch.departmentId === undefined ? before.departmentId : patch.departmentId;
    // a role that has no department of its own keeps none: a 管理员 or 财政审核 with a stale unit would
    // see that unit's forms as a 填报人 would, if the role changed back without a department chosen
    const placement = {
      departmentId: role === 'filler' || role === 'unit-reviewer' ? departmentId : null,
      assigned: role === 'finance' ? (patch.assigned ?? before.assigned) : [],
    };
    await this.checkPlacement(role, placement.departmentId, placement.assigned);
    const user = await this.accounts.updateUser(before.id, {
      ...(patch.displayName !== undefined && { displayName: patch.displayName.trim() }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.passwordHash !== undefined && { passwordHash: patch.passwordHash }),
      departmentId: placement.departmentId,
      assigned: placement.assigned,
    });
    const endSessions = patch.disabled === true || patch.passwordHash !== undefined;
    if (endSessions) await this.accounts.deleteUserSessions(before.id);
    return { user, endSessions };
  }

  /** The departments the actor sees (an administrator: all), with their parents. */
  async departments(actor: Actor): Promise<Department[]> {
    return (await this.store.listDepartments()).filter((d) => actor.sees(d.id));
  }

  /** A new department; a code in use is `DEPARTMENT.DUPLICATE_CODE` (never the old department under a new name). */
  async createDepartment(actor: Actor, d: { code: string; name: string; parentId?: number | null | undefined }): Promise<Department> {
    this.admin(actor, '管理部门');
    const name = d.name.trim();
    const code = d.code.trim();
    if (!name || !code) throw new AppError('FORM.BAD_INPUT', '部门编码和部门名称都不能为空');
    return this.store.createDepartment({ code, name, parentId: d.parentId ?? null });
  }

  /** Renames a department or moves it under another; never under itself or one below it (`DEPARTMENT.CYCLE`). */
  async updateDepartment(actor: Actor, id: number, patch: { name?: string | undefined; parentId?: number | null | undefined }): Promise<Department> {
    this.admin(actor, '管理部门');
    const name = patch.name?.trim();
    if (name === '') throw new AppError('FORM.BAD_INPUT', '部门名称不能为空');
    return this.store.updateDepartment(id, { ...(name !== undefined && { name }), ...(patch.parentId !== undefined && { parentId: patch.parentId }) });
  }
}
