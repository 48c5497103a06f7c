/**
 * Which pages each role may use (issue 23): the menu shows only these, and a page's own buttons to
 * another page follow the same table. 导入 stores forms, which only a 填报人 or an administrator may do
 * (the server refuses the others after an upload); 用户与部门 is the administrator's.
 */
import type { Role } from '@jixiao/core';
import type { Route } from './router.ts';

type MenuPage = Exclude<Route['page'], 'editor' | 'not-found'>;

export const MENU: ReadonlyArray<{ page: MenuPage; label: string; roles: readonly Role[] }> = [
  { page: 'todo', label: '待办', roles: ['admin', 'filler', 'unit-reviewer', 'finance'] },
  { page: 'overview', label: '部门总览', roles: ['admin', 'filler', 'unit-reviewer', 'finance'] },
  { page: 'import', label: '导入', roles: ['admin', 'filler'] },
  { page: 'documents', label: '文档', roles: ['admin', 'filler', 'unit-reviewer', 'finance'] },
  { page: 'users', label: '用户与部门', roles: ['admin'] },
];

export function mayUse(role: Role, page: MenuPage): boolean {
  return MENU.some((m) => m.page === page && m.roles.includes(role));
}
