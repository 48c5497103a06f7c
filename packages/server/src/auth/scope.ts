/**
 * Which departments a user may see: 填报人 and 单位审核 their own unit and its sub-units; 财政审核 the
 * departments assigned to them and theirs; 管理员 everything.
 */
import type { Department, User } from '@jixiao/core';

export type Scope = { all: true } | { all: false; departments: ReadonlySet<number> };

export function scopeOf(user: User, departments: readonly Department[]): Scope {
  if (user.role === 'admin') return { all: true };
  const roots = user.role === 'finance' ? user.assigned : user.departmentId === null ? [] : [user.departmentId];
  const children = new Map<number, number[]>();
  for (const d of departments) if (d.parentId !== null) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return { all: false, departments: seen };
}

export function inScope(scope: Scope, departmentId: number): boolean {
  return scope.all || scope.departments.has(departmentId);
}
