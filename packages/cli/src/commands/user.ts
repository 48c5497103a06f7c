/**
 * `jixiao user add|reset|list --db PATH|URL`: accounts from the command line, for the first setup and
 * for an administrator who lost their password. A new or reset password is printed once; only its
 * scrypt hash is stored.
 */
import { ROLE_LABELS, type Role } from '@jixiao/core';
import { hashPassword, randomPassword } from '@jixiao/server';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { CliError } from '../errors.ts';
import { renderTable } from '../text-table.ts';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

export interface UserOptions {
  db: string;
  name?: string;
  role?: string;
  department?: string;
  assign?: string;
}

async function open(db: string) {
  const conn = await connect(db);
  return { store: new KyselyStore(conn), accounts: new KyselyAccountStore(conn) };
}

/** A department by its code or its number. */
async function departmentId(store: KyselyStore, ref: string): Promise<number> {
  const d = (await store.listDepartments()).find((x) => x.code === ref || String(x.id) === ref);
  if (!d) throw new CliError('USER.NO_DEPARTMENT', `部门“${ref}”不存在（用部门编码或编号）`);
  return d.id;
}

export async function userCommand(action: string, username: string | undefined, opts: UserOptions, out: (s: string) => void): Promise<void> {
  const { store, accounts } = await open(opts.db);
  try {
    if (action === 'list') {
      const depts = new Map((await store.listDepartments()).map((d) => [d.id, d.name]));
      const users = await accounts.listUsers();
      out(
        renderTable(
          ['用户名', '姓名', '角色', '部门', '状态'],
          users.map((u) => [
            u.username,
            u.displayName,
            ROLE_LABELS[u.role],
            (u.role === 'finance' ? u.assigned : u.departmentId === null ? [] : [u.departmentId]).map((d) => depts.get(d) ?? d).join('、') || '—',
            u.disabled ? '停用' : '正常',
          ]),
        ),
      );
      return;
    }
    if (!username) throw new CliError('INPUT.MISSING', `jixiao user ${action} 需要用户名`);
    if (action === 'add') {
      const role = (opts.role ?? 'filler') as Role;
      if (!ROLES.includes(role)) throw new CliError('INPUT.BAD_ROLE', `角色应为 ${ROLES.join('、')} 之一`);
      const dept = opts.department ? await departmentId(store, opts.department) : null;
      if ((role === 'filler' || role === 'unit-reviewer') && dept === null) throw new CliError('USER.NO_DEPARTMENT', '填报人和单位审核需要 --department');
      const assigned = opts.assign ? await Promise.all(opts.assign.split(',').map((x) => departmentId(store, x.trim()))) : [];
      const password = randomPassword();
      await accounts.addUser({ username, displayName: opts.name ?? username, role, departmentId: dept, assigned, passwordHash: await hashPassword(password) });
      out(`已创建用户 ${username}（${ROLE_LABELS[role]}），初始密码：${password}`);
      out('密码只显示这一次，请转交本人并提醒登录后修改。');
      return;
    }
    if (action === 'reset') {
      const u = await accounts.findUser(username);
      if (!u) throw new CliError('USER.NOT_FOUND', `用户“${username}”不存在`);
      const password = randomPassword();
      await accounts.updateUser(u.id, { passwordHash: await hashPassword(password), disabled: false });
      await accounts.deleteUserSessions(u.id);
      out(`已重置 ${username} 的密码：${password}（已注销其所有登录）`);
      return;
    }
    throw new CliError('INPUT.BAD_ACTION', `未知操作“${action}”：可用 add、reset、list`);
  } finally {
    await store.close();
  }
}
