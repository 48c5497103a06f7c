/**
 * 待办 (issue 23): what waits for the person signed in, grouped by what they are to do with it — the
 * 填报人's drafts to hand in (待提交) and those a reviewer sent back (被退回, with the return's comment and
 * who wrote it), the unit's 待审核, the finance bureau's 待复核 — with the deadline the finance bureau set
 * for the form's department and year. Which groups a role has follows from the kinds' workflow tables: a
 * status is in a role's list when the role may take it a step forward from there.
 */
import {
  availableActions,
  FORM_KINDS,
  format,
  getFormKind,
  type AccountStore,
  type Deadline,
  type EvaluationStatus,
  type Store,
  type WorkflowAction,
  type WorkItem,
  type WorkQuery,
} from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import type { FormUseCases } from './forms.ts';

export type TodoGroup = 'to-submit' | 'returned' | 'to-approve' | 'to-review';

/** The groups of a to-do list, in the order a form passes through them. */
export const TODO_GROUPS: ReadonlyArray<{ id: TodoGroup; label: string; status: EvaluationStatus; returned?: boolean }> = [
  { id: 'returned', label: '被退回', status: 'draft', returned: true },
  { id: 'to-submit', label: '待提交', status: 'draft', returned: false },
  { id: 'to-approve', label: '待审核', status: 'submitted' },
  { id: 'to-review', label: '待复核', status: 'unit-approved' },
];

export type FindingsFilter = 'errors' | 'warnings' | 'none';

export interface TodoQuery {
  group?: TodoGroup | undefined;
  departmentId?: number | undefined;
  year?: number | undefined;
  grade?: string | undefined;
  search?: string | undefined;
  /** forms with errors, with warnings (and no errors), or with neither — by each form's own check */
  findings?: FindingsFilter | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** With a findings filter each candidate is read and checked: at most this many per request. */
export const FINDINGS_SCAN_LIMIT = 2000;

export interface TodoItem extends Omit<WorkItem, 'totalHundredths' | 'grade'> {
  /** 分, the total the form's kind computed (null for a kind not scored: the goal form) */
  total: string | null;
  grade: string | null;
  kindLabel: string;
  statusLabel: string;
  /** YYYY-MM-DD, the finance bureau's deadline for the form's department and year (or the year's for all) */
  deadline: string | null;
  /** the 退回 that made it a draft again */
  returnNote: { by: string; byName: string; at: string; comment: string } | null;
  /** each form's own check (the editor's findings): with a findings filter, else null (see `findings`) */
  errors: number | null;
  warnings: number | null;
  /** what the reader may do with it now (the batch buttons) */
  actions: WorkflowAction[];
}

export interface TodoList {
  groups: Array<{ id: TodoGroup; label: string; count: number }>;
  group: TodoGroup | null;
  /** forms of the group matching the filters but the findings one; null when a findings filter was given */
  total: number | null;
  items: TodoItem[];
  /** with a findings filter: whether every candidate was checked (otherwise narrow the search) */
  complete: boolean;
}

/** The statuses a role takes a step forward from, in any kind's workflow. */
export function statusesToAct(role: Actor['role']): Set<EvaluationStatus> {
  const out = new Set<EvaluationStatus>();
  for (const kind of FORM_KINDS)
    for (const [action, steps] of Object.entries(kind.workflow)) if (action !== 'return') for (const s of steps) if (s.roles.includes(role)) out.add(s.from);
  return out;
}

export class TodoUseCases {
  constructor(
    private readonly store: Store,
    private readonly forms: FormUseCases,
    /** display names for the people named in a list (who returned a form) */
    private readonly accounts?: Pick<AccountStore, 'listUsers'>,
  ) {}

  /** The departments the actor sees, or null for all of them. */
  private async scope(actor: Actor): Promise<number[] | null> {
    const all = await this.store.listDepartments();
    const seen = all.filter((d) => actor.sees(d.id)).map((d) => d.id);
    return seen.length === all.length ? null : seen;
  }

  async list(actor: Actor, q: TodoQuery = {}): Promise<TodoList> {
    const acts = statusesToAct(actor.role);
    const mine = TODO_GROUPS.filter((g) => acts.has(g.status));
    if (q.group !== undefined && !mine.some((g) => g.id === q.group))
      throw new AppError('FORM.BAD_INPUT', `当前账号的待办中没有“${TODO_GROUPS.find((g) => g.id === q.group)!.label}”一项`);
    if (q.departmentId !== undefined && !actor.sees(q.departmentId)) throw new AppError('STORE.NOT_FOUND', `部门 ${q.departmentId} 不存在`);
    const base: WorkQuery = {
      departments: await this.scope(actor),
      statuses: [...new Set(mine.map((g) => g.status))],
      departmentId: q.departmentId,
      year: q.year,
      grade: q.grade,
      search: q.search,
    };
    const counts = await this.store.workCounts(base);
    const groups = mine.map((g) => ({
      id: g.id,
      label: g.label,
      count: counts.filter((c) => c.status === g.status && (g.returned === undefined || c.returned === g.returned)).reduce((n, c) => n + c.forms, 0),
    }));
    // the group asked for, else the first with something in it
    const chosen = mine.find((g) => g.id === q.group) ?? mine.find((g) => groups.find((x) => x.id === g.id)!.count > 0) ?? mine[0];
    if (!chosen) return { groups, group: null, total: 0, items: [], complete: true };
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 50, 500);
    const query = { ...base, statuses: [chosen.status], returned: chosen.returned };
    let rows: WorkItem[];
    let findings: Map<number, { errors: number; warnings: number }>;
    let complete = true;
    if (!q.findings) {
      // the findings of the page come by a second request (`findings`): reading and checking 50 forms
      // would take longer than the whole list, which is shown at once (bench/README.md, todo)
      rows = await this.store.workItems({ ...query, offset, limit });
      findings = new Map();
    } else {
      // Findings are not figures the store keeps (a stored import is scored, not audited): the candidates
      // are read in order and checked (each check kept per version) until the page is full.
      rows = [];
      findings = new Map();
      let matched = 0;
      let scanned = 0;
      for (;;) {
        const part = await this.store.workItems({ ...query, offset: scanned, limit: 200 });
        const counted = await this.forms.findingCounts(part.map((r) => ({ id: r.evaluationId, version: r.version })));
        for (const r of part) {
          const c = counted.get(r.evaluationId) ?? { errors: 0, warnings: 0 };
          const keep = q.findings === 'errors' ? c.errors > 0 : q.findings === 'warnings' ? c.errors === 0 && c.warnings > 0 : c.errors + c.warnings === 0;
          if (!keep) continue;
          if (matched >= offset && rows.length < limit) {
            rows.push(r);
            findings.set(r.evaluationId, c);
          }
          matched += 1;
        }
        scanned += part.length;
        if (part.length < 200 || rows.length >= limit) break;
        if (scanned >= FINDINGS_SCAN_LIMIT) {
          complete = false;
          break;
        }
      }
    }
    const total = q.findings ? null : groups.find((g) => g.id === chosen.id)!.count;
    return { groups, group: chosen.id, total, items: await this.items(actor, rows, findings), complete };
  }

  private async items(actor: Actor, rows: readonly WorkItem[], findings: Map<number, { errors: number; warnings: number }>): Promise<TodoItem[]> {
    const returned = rows.filter((r) => r.returned).map((r) => r.evaluationId);
    const [notes, deadlines, users] = await Promise.all([
      returned.length ? this.store.returnNotes(returned) : Promise.resolve(new Map()),
      this.store.deadlines(),
      returned.length && this.accounts ? this.accounts.listUsers() : Promise.resolve([]),
    ]);
    const due = deadlineOf(deadlines);
    const names = new Map(users.map((u) => [u.username, u.displayName]));
    return rows.map(({ totalHundredths, ...r }) => {
      const note = notes.get(r.evaluationId);
      const kind = getFormKind(r.kind);
      return {
        ...r,
        total: kind.scored ? format(BigInt(totalHundredths), 2) : null,
        grade: kind.scored ? r.grade : null,
        kindLabel: kind.label,
        statusLabel: r.returned ? '被退回' : kind.statusLabels[r.status],
        deadline: r.year === null ? null : due(r.departmentId, r.year),
        returnNote: note ? { by: note.actor, byName: names.get(note.actor) ?? note.actor, at: note.at, comment: note.comment } : null,
        ...(findings.get(r.evaluationId) ?? { errors: null, warnings: null }),
        actions: availableActions(r.status, actor.role, kind.workflow),
      };
    });
  }

  /**
   * The errors and warnings of each form's own check, for the forms of a list already shown: the forms
   * the actor does not see are left out, as if they did not exist.
   */
  async findings(actor: Actor, ids: readonly number[]): Promise<Array<{ id: number; errors: number; warnings: number }>> {
    if (ids.length > 500) throw new AppError('FORM.BAD_INPUT', '一次最多查看 500 张表的问题');
    const stamps = await Promise.all(ids.map(async (id) => ({ id, s: await this.store.evaluationStamp(id) })));
    const seen = stamps.filter((x) => x.s !== null && actor.sees(x.s.departmentId)).map((x) => ({ id: x.id, version: x.s!.version }));
    const counts = await this.forms.findingCounts(seen);
    return seen.flatMap(({ id }) => {
      const c = counts.get(id);
      return c ? [{ id, ...c }] : [];
    });
  }

  /** The deadlines of a year (or all; of one department), for the people who see them: a department's only to those who see it. */
  async deadlines(actor: Actor, year?: number, departmentId?: number): Promise<Deadline[]> {
    if (departmentId !== undefined && !actor.sees(departmentId)) throw new AppError('STORE.NOT_FOUND', `部门 ${departmentId} 不存在`);
    return (await this.store.deadlines(year)).filter(
      (d) =>
        (d.departmentId === null || actor.sees(d.departmentId)) && (departmentId === undefined || d.departmentId === null || d.departmentId === departmentId),
    );
  }

  /** Sets or (with `due` null) removes a deadline: the finance bureau's (or an administrator's) to set. */
  async setDeadline(actor: Actor, d: { year: number; departmentId: number | null; due: string | null }): Promise<Deadline[]> {
    if (actor.role !== 'finance' && actor.role !== 'admin')
      throw new AppError('AUTH.FORBIDDEN', `截止日期由财政审核设定，当前账号（${actor.displayName}）不能设定`);
    if (d.departmentId !== null && !actor.sees(d.departmentId)) throw new AppError('STORE.NOT_FOUND', `部门 ${d.departmentId} 不存在`);
    // a deadline for everyone is the bureau's as a whole: a reviewer assigned some departments sets theirs
    if (d.departmentId === null && actor.role !== 'admin' && (await this.scope(actor)) !== null)
      throw new AppError('AUTH.FORBIDDEN', '全部部门的截止日期由管理员设定；请选择您负责的部门');
    if (d.due !== null && !validDate(d.due)) throw new AppError('FORM.BAD_INPUT', `截止日期“${d.due}”不是有效的日期（应为 年-月-日）`);
    await this.store.setDeadline({ ...d, actor: actor.username });
    return this.deadlines(actor, d.year);
  }
}

/** The deadline of a department's year: its own, else the year's for all departments. */
function deadlineOf(deadlines: readonly Deadline[]): (departmentId: number, year: number) => string | null {
  const by = new Map(deadlines.map((d) => [`${d.year}:${d.departmentId ?? 0}`, d.due]));
  return (departmentId, year) => by.get(`${year}:${departmentId}`) ?? by.get(`${year}:0`) ?? null;
}

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
