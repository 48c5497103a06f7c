/**
 * The Store of the core (ports/store.ts) on Kysely: the same queries on SQLite and PostgreSQL.
 * A form is kept whole as JSON (lossless), beside the figures its kind computed when it was saved
 * (money in 分, scores in hundredths) for lists and sums. The store stores: it never scores.
 */
import {
  BUDGET_REVIEW_TARGET,
  format,
  indicatorRows,
  pointsToHundredths,
  withIndicatorIds,
  NotFound,
  VersionConflict,
  type Change,
  type Deadline,
  type Department,
  type DepartmentGradeTotals,
  type EvaluationStamp,
  type FormDocument,
  SUMMARY_KIND,
  type PreparedForm,
  type EvaluationFilter,
  type EvaluationStatus,
  type Project,
  type ReviewOpinion,
  type ReviewScore,
  type Snapshot,
  type SourceFile,
  type Store,
  type StoredEvaluation,
  type SummaryRowData,
  type ReturnNote,
  type WorkItem,
  type WorkQuery,
} from '@jixiao/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Connection } from './connect.ts';
import { isUniqueViolation, StoreError } from './connect.ts';
import type { Database, EvaluationsTable, ReviewsTable } from './schema.ts';
import { diffDocuments } from './diff.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The value of f, computed on first use. */
function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}

export class KyselyStore implements Store {
  constructor(
    readonly conn: Connection,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private get db() {
    return this.conn.db;
  }

  /**
   * A transaction that reports its cause: when SQLite has already rolled back by itself (a full
   * disk), Kysely's ROLLBACK fails with "no transaction is active" and would hide the real error. A
   * unique key that another writer took between our check and our insert is `STORE.DUPLICATE`.
   */
  private async tx<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    let cause: unknown = null;
    try {
      return await this.db.transaction().execute(async (trx) => {
        try {
          return await fn(trx);
        } catch (e) {
          cause = e;
          throw e;
        }
      });
    } catch (e) {
      const err = cause ?? e;
      // A concurrent writer got the unique key first (two creates of one form, one department code):
      // the same answer as when it came second, never a bare database error (issue 24).
      if (isUniqueViolation(err)) throw new StoreError('STORE.DUPLICATE', '同一内容刚刚已被另一请求保存，本次未保存任何内容；请刷新后查看');
      throw err;
    }
  }

  /**
   * Serialises the imports into one department on PostgreSQL (SQLite runs one transaction at a time
   * anyway): two concurrent imports of one new project would each see it missing and create it twice,
   * and each pass the duplicate check before the other commits.
   */
  private async lockDepartment(trx: Db, departmentId: number): Promise<void> {
    if (this.conn.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${0x6a69}, ${departmentId})`.execute(trx);
  }

  async listDepartments(): Promise<Department[]> {
    const rows = await this.db.selectFrom('departments').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }));
  }

  async getDepartment(id: number): Promise<Department | null> {
    const r = await this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, code: r.code, name: r.name, parentId: r.parent_id } : null;
  }

  async ensureDepartment(d: { code: string; name: string; parentId?: number | null }): Promise<Department> {
    return this.tx((trx) => this.ensureDepartmentIn(trx, d));
  }

  /**
   * The department an import names by code: created when new, the same one when the code and the name are
   * those of a department already there; a code taken by a department of another name is
   * `DEPARTMENT.DUPLICATE_CODE` — the forms are not put silently into a department the person did not name.
   */
  private async namedDepartment(trx: Db, d: { code: string; name: string }): Promise<Department> {
    const dep = await this.ensureDepartmentIn(trx, d);
    if (dep.name !== d.name) throw duplicateCode(d.code, dep);
    return dep;
  }

  private async ensureDepartmentIn(trx: Db, d: { code: string; name: string; parentId?: number | null }): Promise<Department> {
    const find = () => trx.selectFrom('departments').selectAll().where('code', '=', d.code).executeTakeFirst();
    const found = await find();
    if (found) return { id: found.id, code: found.code, name: found.name, parentId: found.parent_id };
    if (d.parentId !== null && d.parentId !== undefined && !(await trx.selectFrom('departments').select('id').where('id', '=', d.parentId).executeTakeFirst()))
      throw new StoreError('STORE.NO_PARENT', `上级部门 ${d.parentId} 不存在`);
    // a concurrent request may create the same code between our read and this insert: then it is theirs
    await trx
      .insertInto('departments')
      .values({ code: d.code, name: d.name, parent_id: d.parentId ?? null })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const r = (await find())!;
    return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
  }

  async createDepartment(d: { code: string; name: string; parentId?: number | null }): Promise<Department> {
    try {
      return await this.tx(async (trx) => {
        const taken = await trx.selectFrom('departments').select('name').where('code', '=', d.code).executeTakeFirst();
        if (taken) throw duplicateCode(d.code, taken);
        if (
          d.parentId !== null &&
          d.parentId !== undefined &&
          !(await trx.selectFrom('departments').select('id').where('id', '=', d.parentId).executeTakeFirst())
        )
          throw new StoreError('STORE.NO_PARENT', `上级部门 ${d.parentId} 不存在`);
        const r = await trx
          .insertInto('departments')
          .values({ code: d.code, name: d.name, parent_id: d.parentId ?? null })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
      });
    } catch (e) {
      // another writer took the code between our read and the insert (tx() says STORE.DUPLICATE)
      if ((e as StoreError).code === 'STORE.DUPLICATE') throw duplicateCode(d.code, null);
      throw e;
    }
  }

  async updateDepartment(id: number, patch: { name?: string; parentId?: number | null }): Promise<Department> {
    return this.tx(async (trx) => {
      const all = await trx.selectFrom('departments').select(['id', 'parent_id']).execute();
      const parentOf = new Map(all.map((r) => [r.id, r.parent_id]));
      if (!parentOf.has(id)) throw new StoreError('STORE.NOT_FOUND', `部门 ${id} 不存在`);
      if (patch.parentId !== undefined && patch.parentId !== null) {
        if (!parentOf.has(patch.parentId)) throw new StoreError('STORE.NO_PARENT', `上级部门 ${patch.parentId} 不存在`);
        // up from the new parent: meeting the department itself means it would sit below itself
        for (
          let at: number | null | undefined = patch.parentId, steps = 0;
          at !== null && at !== undefined && steps <= all.length;
          at = parentOf.get(at), steps++
        )
          if (at === id) throw new StoreError('DEPARTMENT.CYCLE', '上级部门不能是本部门或它的下级部门', { parentId: patch.parentId });
      }
      const set = { ...(patch.name !== undefined && { name: patch.name }), ...(patch.parentId !== undefined && { parent_id: patch.parentId }) };
      if (Object.keys(set).length) await trx.updateTable('departments').set(set).where('id', '=', id).execute();
      const r = await trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
    });
  }

  async listProjects(departmentId?: number): Promise<Project[]> {
    let q = this.db.selectFrom('projects').selectAll().orderBy('id');
    if (departmentId !== undefined) q = q.where('department_id', '=', departmentId);
    return (await q.execute()).map((r) => ({ id: r.id, departmentId: r.department_id, name: r.name, code: r.code, fundType: r.fund_type }));
  }

  async createProject(p: { departmentId: number; name: string; code?: string | null; fundType?: string | null }): Promise<Project> {
    const name = p.name.trim();
    if (name === '') throw new StoreError('STORE.NO_PROJECT_NAME', '项目名称不能为空');
    return this.tx(async (trx) => {
      if (!(await trx.selectFrom('departments').select('id').where('id', '=', p.departmentId).executeTakeFirst()))
        throw new NotFound(`部门 ${p.departmentId} 不存在`);
      if (await trx.selectFrom('projects').select('id').where('department_id', '=', p.departmentId).where('name', '=', name).executeTakeFirst())
        throw new StoreError('STORE.DUPLICATE', `本部门已有名为“${name}”的项目`);
      const r = await trx
        .insertInto('projects')
        .values({ department_id: p.departmentId, name, code: p.code ?? null, fund_type: p.fundType ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: r.id, departmentId: r.department_id, name: r.name, code: r.code, fundType: r.fund_type };
    });
  }

  async getProject(id: number): Promise<Project | null> {
    const r = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, departmentId: r.department_id, name: r.name, code: r.code, fundType: r.fund_type } : null;
  }

  private evaluationQuery(db: Db) {
    return db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .selectAll('evaluations')
      .select('projects.department_id');
  }

  async listEvaluations(filter: EvaluationFilter = {}): Promise<StoredEvaluation[]> {
    let q = this.evaluationQuery(this.db).orderBy('evaluations.id');
    if (filter.year !== undefined) q = q.where('evaluations.year', '=', filter.year);
    if (filter.kind !== undefined) q = q.where('evaluations.kind', '=', filter.kind);
    if (filter.projectId !== undefined) q = q.where('evaluations.project_id', '=', filter.projectId);
    if (filter.departmentId !== undefined) q = q.where(inDepartment(filter.departmentId));
    if (filter.grade !== undefined) q = q.where('evaluations.grade', '=', filter.grade);
    if (filter.status !== undefined) q = q.where('evaluations.status', '=', filter.status);
    return (await q.execute()).map(toStored);
  }

  async getEvaluation(id: number): Promise<StoredEvaluation | null> {
    const r = await this.evaluationQuery(this.db).where('evaluations.id', '=', id).executeTakeFirst();
    return r ? toStored(r) : null;
  }

  async importEvaluations(input: { departmentId: number; forms: readonly PreparedForm[]; source?: SourceFile; actor: string }): Promise<StoredEvaluation[]> {
    const saved = await this.insertEvaluations(input);
    // After a large load PostgreSQL's planner statistics are stale: without them it reads a whole
    // year's index range for one department's 汇总表. Refresh them (ANALYZE samples), and VACUUM the new
    // pages so that the province's grade count is an index-only scan of (year, grade) — 26 ms instead of
    // a 122 ms sequential scan at 100,000 (bench/README.md). SQLite's query needs no statistics.
    if (saved.length >= 500 && this.conn.dialect === 'postgres') await sql`vacuum (analyze) evaluations, projects`.execute(this.db);
    return saved;
  }

  async importFiles(input: {
    department: { id: number } | { code: string; name: string };
    files: ReadonlyArray<{ source?: SourceFile; forms: readonly PreparedForm[] }>;
    actor: string;
    commitKey?: string;
  }): Promise<{ departmentId: number; evaluations: StoredEvaluation[] }> {
    // Checked before the transaction, file by file, so that a form that cannot be stored names its file.
    const files = input.files.map((f) => {
      try {
        return { source: f.source, prepared: this.prepare(f.forms) };
      } catch (e) {
        throw inFile(e, f.source?.name);
      }
    });
    const out = await this.tx(async (trx) => {
      const departmentId = 'id' in input.department ? input.department.id : (await this.namedDepartment(trx, input.department)).id;
      if (input.commitKey !== undefined) {
        // first of all: a second commit of the key waits here for the first (PostgreSQL) and then fails on the key
        const taken = await trx
          .insertInto('import_commits')
          .values({ key: input.commitKey, department_id: departmentId, at: this.now(), actor: input.actor })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        if (Number(taken.numInsertedOrUpdatedRows ?? 0n) !== 1)
          throw new StoreError('IMPORT.ALREADY_COMMITTED', '这次导入已经保存过，不会重复保存', { key: input.commitKey });
      }
      const evaluations: StoredEvaluation[] = [];
      for (const f of files) {
        if (f.prepared.length === 0) continue;
        try {
          evaluations.push(...(await this.insertIn(trx, { departmentId, prepared: f.prepared, actor: input.actor, ...(f.source && { source: f.source }) })));
        } catch (e) {
          throw inFile(e, f.source?.name);
        }
      }
      return { departmentId, evaluations };
    });
    if (out.evaluations.length >= 500 && this.conn.dialect === 'postgres') await sql`vacuum (analyze) evaluations, projects`.execute(this.db);
    return out;
  }

  /** Ids given and names checked outside the transaction: the transaction holds only the writes. */
  private prepare(forms: readonly PreparedForm[]) {
    const prepared = forms.map((f) => ({ ev: withIndicatorIds(f.evaluation), kind: f.kind, figures: f.figures }));
    for (const { ev } of prepared) if (ev.project.name.raw.trim() === '') throw new StoreError('STORE.NO_PROJECT_NAME', '表中缺少项目名称，无法保存');
    return prepared;
  }

  private async insertEvaluations(input: {
    departmentId: number;
    forms: readonly PreparedForm[];
    source?: SourceFile;
    actor: string;
  }): Promise<StoredEvaluation[]> {
    const prepared = this.prepare(input.forms);
    return this.tx((trx) =>
      this.insertIn(trx, { departmentId: input.departmentId, prepared, actor: input.actor, ...(input.source && { source: input.source }) }),
    );
  }

  private async insertIn(
    trx: Transaction<Database>,
    input: { departmentId: number; prepared: Array<{ ev: FormDocument; kind: string; figures: PreparedForm['figures'] }>; source?: SourceFile; actor: string },
  ): Promise<StoredEvaluation[]> {
    const { prepared } = input;
    {
      if (!(await trx.selectFrom('departments').select('id').where('id', '=', input.departmentId).executeTakeFirst()))
        throw new NotFound(`部门 ${input.departmentId} 不存在`);
      await this.lockDepartment(trx, input.departmentId);
      let sourceId: number | null = null;
      if (input.source) {
        const s = input.source;
        const found = await trx.selectFrom('source_files').select('id').where('sha256', '=', s.sha256).executeTakeFirst();
        sourceId = found
          ? found.id
          : (
              await trx
                .insertInto('source_files')
                .values({ sha256: s.sha256, name: s.name, size: s.bytes.byteLength, content: s.bytes, created_at: this.now() })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id;
      }
      const projectIds = await this.ensureProjects(
        trx,
        input.departmentId,
        prepared.map((p) => p.ev),
      );
      const keys = prepared.map(({ ev, kind }, i) => ({ project: projectIds[i]!, year: ev.year ?? 0, kind }));
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        const key = `${k.project}/${k.year}/${k.kind}`;
        if (seen.has(key))
          throw new StoreError('STORE.DUPLICATE', `“${prepared[i]!.ev.project.name.raw}”${k.year || ''}年度的自评表在本次导入中出现了两次，未导入任何内容`);
        seen.add(key);
      });
      for (const part of chunks(keys, 500)) {
        const dup = await trx
          .selectFrom('evaluations')
          .innerJoin('projects', 'projects.id', 'evaluations.project_id')
          .select(['projects.name', 'evaluations.year', 'evaluations.project_id', 'evaluations.kind'])
          .where('evaluations.project_id', 'in', [...new Set(part.map((k) => k.project))])
          .execute();
        const hit = dup.find((d) => part.some((k) => k.project === d.project_id && k.year === d.year && k.kind === d.kind));
        if (hit) throw new StoreError('STORE.DUPLICATE', `“${hit.name}”${hit.year || ''}年度的自评表已存在，未导入任何内容（可在原表上修改）`);
      }
      const at = this.now();
      const ids: number[] = [];
      for (const part of chunks(
        prepared.map((p, i) => ({ ...p, key: keys[i]! })),
        500,
      )) {
        const rows = await trx
          .insertInto('evaluations')
          .values(
            part.map(({ ev, kind, figures, key }) => ({
              project_id: key.project,
              year: key.year,
              kind,
              status: 'draft',
              version: 1,
              source_file_id: sourceId,
              created_at: at,
              ...figureColumns(ev, figures, at),
            })),
          )
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => r.id));
      }
      for (const part of chunks(ids, 1000))
        await trx
          .insertInto('changes')
          .values(
            part.map((id) => ({ evaluation_id: id, version: 1, at, actor: input.actor, field: '(导入)', before: null, after: input.source?.name ?? '(新建)' })),
          )
          .execute();
      // What was written is in hand: no need to read 100,000 documents back.
      return prepared.map(({ ev, kind, figures }, i) => ({
        id: ids[i]!,
        kind,
        projectId: keys[i]!.project,
        departmentId: input.departmentId,
        year: ev.year,
        schemeId: ev.schemeId,
        status: 'draft' as const,
        version: 1,
        evaluation: ev,
        totalHundredths: figures.totalHundredths,
        grade: figures.grade,
        updatedAt: at,
      }));
    }
  }

  /** The project id of every form (same order), creating the projects that do not exist yet. */
  private async ensureProjects(trx: Db, departmentId: number, evs: readonly FormDocument[]): Promise<number[]> {
    const names = [...new Set(evs.map((ev) => ev.project.name.raw.trim()))];
    const byName = new Map<string, number>();
    for (const part of chunks(names, 1000))
      for (const r of await trx.selectFrom('projects').select(['id', 'name']).where('department_id', '=', departmentId).where('name', 'in', part).execute())
        byName.set(r.name, r.id);
    const missing = names.filter((n) => !byName.has(n));
    const first = new Map(evs.map((ev) => [ev.project.name.raw.trim(), ev] as const));
    for (const part of chunks(missing, 1000)) {
      const rows = await trx
        .insertInto('projects')
        .values(
          part.map((name) => ({
            department_id: departmentId,
            name,
            code: first.get(name)!.project.code?.raw || null,
            fund_type: fundTypeOf(first.get(name)!) || null,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      for (const r of rows) byName.set(r.name, r.id);
    }
    return evs.map((ev) => byName.get(ev.project.name.raw.trim())!);
  }

  async updateEvaluation(id: number, form: PreparedForm, expectedVersion: number, actor: string): Promise<StoredEvaluation> {
    return this.tx((trx) => this.writeUpdate(trx, id, form, expectedVersion, actor));
  }

  async updateEvaluations(updates: ReadonlyArray<{ id: number; form: PreparedForm; expectedVersion: number }>, actor: string): Promise<StoredEvaluation[]> {
    return this.tx(async (trx) => {
      const out: StoredEvaluation[] = [];
      // one after another in the one transaction: a conflict on any leaves every form as it was
      for (const u of updates) out.push(await this.writeUpdate(trx, u.id, u.form, u.expectedVersion, actor));
      return out;
    });
  }

  private async writeUpdate(trx: Transaction<Database>, id: number, form: PreparedForm, expectedVersion: number, actor: string): Promise<StoredEvaluation> {
    const evaluation = withIndicatorIds(form.evaluation);
    const current = await this.evaluationQuery(trx).where('evaluations.id', '=', id).executeTakeFirst();
    if (!current) throw new NotFound(`自评表 ${id} 不存在`);
    if (current.kind !== form.kind) throw new StoreError('STORE.KIND_CHANGED', '不能把一种表改存为另一种表');
    const at = this.now();
    // Optimistic concurrency: the row changes only if nobody wrote since `expectedVersion` was read.
    const res = await trx
      .updateTable('evaluations')
      .set({ ...figureColumns(evaluation, form.figures, at), year: evaluation.year ?? 0, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new VersionConflict(toStored(current));
    const version = expectedVersion + 1;
    const before = withIndicatorIds(JSON.parse(current.document) as FormDocument);
    const changes = diffDocuments(before, evaluation).map((c) => ({
      evaluation_id: id,
      version,
      at,
      actor,
      field: c.field,
      before: c.before,
      after: c.after,
    }));
    // A 复核得分 belongs to its indicator: with the indicator gone it goes too, and the history keeps it.
    const rows = indicatorRows(evaluation);
    // (the budget-execution score's 复核得分 has no row: it stays)
    const orphaned = (await trx.selectFrom('reviews').selectAll().where('evaluation_id', '=', id).execute()).filter(
      (r) => r.indicator_id !== BUDGET_REVIEW_TARGET && !rows.has(r.indicator_id),
    );
    if (orphaned.length) {
      await trx
        .deleteFrom('reviews')
        .where('evaluation_id', '=', id)
        .where(
          'indicator_id',
          'in',
          orphaned.map((r) => r.indicator_id),
        )
        .execute();
      for (const r of orphaned)
        changes.push({ evaluation_id: id, version, at, actor, field: `复核得分 indicators[${r.indicator_id}]`, before: reviewText(r), after: null });
    }
    for (const part of chunks(changes, 500)) await trx.insertInto('changes').values(part).execute();
    // what was written is in hand: the row is not read back (its document would be parsed again)
    return {
      id,
      kind: current.kind,
      projectId: current.project_id,
      departmentId: current.department_id,
      year: evaluation.year,
      schemeId: evaluation.schemeId,
      status: current.status as EvaluationStatus,
      version,
      evaluation,
      totalHundredths: form.figures.totalHundredths,
      grade: form.figures.grade,
      updatedAt: at,
    };
  }

  async deleteEvaluation(id: number, expectedVersion: number, actor: string): Promise<void> {
    await this.tx(async (trx) => {
      const current = await this.evaluationQuery(trx).where('evaluations.id', '=', id).executeTakeFirst();
      if (!current) throw new NotFound(`自评表 ${id} 不存在`);
      if (current.version !== expectedVersion) throw new VersionConflict(toStored(current));
      const res = await trx.deleteFrom('evaluations').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      // a writer between our read and this delete: refuse
      if (Number(res.numDeletedRows) !== 1) throw new VersionConflict(toStored(current));
      const at = this.now();
      await trx
        .insertInto('changes')
        .values({ evaluation_id: id, version: expectedVersion + 1, at, actor, field: '(删除)', before: current.document, after: null })
        .execute();
      await trx.insertInto('deleted_evaluations').values({ evaluation_id: id, department_id: current.department_id, at, actor }).execute();
    });
  }

  async setStatus(
    id: number,
    to: EvaluationStatus,
    expectedVersion: number,
    actor: string,
    opts: { comment?: string; snapshot?: boolean },
  ): Promise<StoredEvaluation> {
    return this.tx(async (trx) => {
      const current = await this.evaluationQuery(trx).where('evaluations.id', '=', id).executeTakeFirst();
      if (!current) throw new NotFound(`自评表 ${id} 不存在`);
      const at = this.now();
      const res = await trx
        .updateTable('evaluations')
        .set({ status: to, version: expectedVersion + 1, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new VersionConflict(toStored(current));
      const after = opts.comment ? `${to}（${opts.comment}）` : to;
      await trx
        .insertInto('changes')
        .values({ evaluation_id: id, version: expectedVersion + 1, at, actor, field: '(状态)', before: current.status, after })
        .execute();
      // The copy handed in: later edits (after a return) change the form, never this.
      if (opts.snapshot)
        await trx
          .insertInto('snapshots')
          .values({ evaluation_id: id, version: expectedVersion + 1, status: to, at, actor, comment: opts.comment ?? null, document: current.document })
          .execute();
      return toStored(await this.evaluationQuery(trx).where('evaluations.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /**
   * Compiled once: this runs before every save (what the use cases decide on, without the document),
   * and building and compiling the query cost more than running it.
   */
  private readonly stampQuery = lazy(() =>
    this.db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select(['projects.department_id', 'evaluations.project_id', 'evaluations.version', 'evaluations.updated_at', 'evaluations.kind', 'evaluations.status'])
      .where('evaluations.id', '=', 0)
      .compile(),
  );

  async evaluationStamp(id: number): Promise<EvaluationStamp | null> {
    const q = this.stampQuery();
    const r = (
      await this.db.executeQuery<{ department_id: number; project_id: number; version: number; updated_at: string; kind: string; status: string }>({
        ...q,
        parameters: [id],
      })
    ).rows[0];
    return r
      ? {
          departmentId: r.department_id,
          projectId: r.project_id,
          version: r.version,
          updatedAt: r.updated_at,
          kind: r.kind,
          status: r.status as EvaluationStatus,
        }
      : null;
  }

  async evaluationVersions(filter: {
    departmentId: number;
    kind?: string | undefined;
    year?: number | undefined;
  }): Promise<Array<{ id: number; version: number; updatedAt: string }>> {
    // the same rows as listEvaluations' (the same department condition, maybe a year), the same order
    let q = this.db
      .selectFrom('evaluations')
      .select(['evaluations.id', 'evaluations.version', 'evaluations.updated_at'])
      .where(inDepartment(filter.departmentId))
      .orderBy('evaluations.id');
    if (filter.year !== undefined) q = q.where('evaluations.year', '=', filter.year);
    if (filter.kind !== undefined) q = q.where('evaluations.kind', '=', filter.kind);
    return (await q.execute()).map((r) => ({ id: r.id, version: r.version, updatedAt: r.updated_at }));
  }

  async lastStatusChange(evaluationId: number): Promise<Change | null> {
    const r = await this.db
      .selectFrom('changes')
      .selectAll()
      .where('evaluation_id', '=', evaluationId)
      .where('field', '=', '(状态)')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r
      ? { id: r.id, evaluationId: r.evaluation_id, version: r.version, at: r.at, actor: r.actor, field: r.field, before: r.before, after: r.after }
      : null;
  }

  async evaluationDepartment(id: number): Promise<{ departmentId: number; deleted: boolean } | null> {
    const live = await this.evaluationStamp(id);
    if (live) return { departmentId: live.departmentId, deleted: false };
    const gone = await this.db.selectFrom('deleted_evaluations').select('department_id').where('evaluation_id', '=', id).executeTakeFirst();
    return gone ? { departmentId: gone.department_id, deleted: true } : null;
  }

  async snapshots(evaluationId: number): Promise<Snapshot[]> {
    const rows = await this.db.selectFrom('snapshots').selectAll().where('evaluation_id', '=', evaluationId).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      evaluationId: r.evaluation_id,
      version: r.version,
      status: r.status as EvaluationStatus,
      at: r.at,
      actor: r.actor,
      comment: r.comment,
      evaluation: withIndicatorIds(JSON.parse(r.document) as FormDocument),
    }));
  }

  async reviews(evaluationId: number): Promise<ReviewScore[]> {
    const rows = await this.db.selectFrom('reviews').selectAll().where('evaluation_id', '=', evaluationId).orderBy('at').orderBy('indicator_id').execute();
    return rows.map(reviewScore);
  }

  async reviewsOf(evaluationIds: readonly number[]): Promise<Map<number, ReviewScore[]>> {
    const out = new Map<number, ReviewScore[]>();
    // 1,000 ids a query: far below either database's limit on bound parameters
    for (const ids of chunks(evaluationIds, 1000)) {
      const rows = await this.db
        .selectFrom('reviews')
        .selectAll()
        .where('evaluation_id', 'in', ids)
        .orderBy('evaluation_id')
        .orderBy('at')
        .orderBy('indicator_id')
        .execute();
      for (const r of rows) {
        let list = out.get(r.evaluation_id);
        if (list === undefined) out.set(r.evaluation_id, (list = []));
        list.push(reviewScore(r));
      }
    }
    return out;
  }

  async saveReviews(
    evaluationId: number,
    scores: ReadonlyArray<Omit<ReviewScore, 'reviewer' | 'at'>>,
    actor: string,
    expectedVersion?: number,
  ): Promise<ReviewScore[]> {
    await this.tx(async (trx) => {
      const ev = await trx.selectFrom('evaluations').select(['id', 'version']).where('id', '=', evaluationId).executeTakeFirst();
      if (!ev) throw new NotFound(`自评表 ${evaluationId} 不存在`);
      if (expectedVersion !== undefined && ev.version !== expectedVersion)
        throw new VersionConflict(toStored(await this.evaluationQuery(trx).where('evaluations.id', '=', evaluationId).executeTakeFirstOrThrow()));
      const at = this.now();
      // A review changes what a reader of the form sees: its stamp moves (not its version — the content is
      // the 填报人's). Written only on the version read, as a condition of the write itself: a check by a
      // read alone lets a 退回 committed in between through (PostgreSQL's READ COMMITTED).
      let stamp = trx.updateTable('evaluations').set({ updated_at: at }).where('id', '=', evaluationId);
      if (expectedVersion !== undefined) stamp = stamp.where('version', '=', expectedVersion);
      const moved = await stamp.executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1)
        throw new VersionConflict(toStored(await this.evaluationQuery(trx).where('evaluations.id', '=', evaluationId).executeTakeFirstOrThrow()));
      for (const s of scores) {
        const before = await trx
          .selectFrom('reviews')
          .selectAll()
          .where('evaluation_id', '=', evaluationId)
          .where('indicator_id', '=', s.indicatorId)
          .executeTakeFirst();
        await trx.deleteFrom('reviews').where('evaluation_id', '=', evaluationId).where('indicator_id', '=', s.indicatorId).execute();
        await trx
          .insertInto('reviews')
          .values({
            evaluation_id: evaluationId,
            indicator_id: s.indicatorId,
            score_hundredths: exact(pointsToHundredths(s.score)!, '复核得分'),
            reason: s.reason,
            reviewer: actor,
            at,
          })
          .execute();
        await trx
          .insertInto('changes')
          .values({
            evaluation_id: evaluationId,
            version: ev.version,
            at,
            actor,
            field: `复核得分 indicators[${s.indicatorId}]`,
            before: before ? reviewText(before) : null,
            after: `${s.score}（${s.reason}）`,
          })
          .execute();
      }
    });
    return this.reviews(evaluationId);
  }

  async reviewOpinion(evaluationId: number): Promise<ReviewOpinion | null> {
    const r = await this.db.selectFrom('review_opinions').select(['text', 'reviewer', 'at']).where('evaluation_id', '=', evaluationId).executeTakeFirst();
    return r ?? null;
  }

  async reviewOpinionsOf(evaluationIds: readonly number[]): Promise<Map<number, ReviewOpinion>> {
    const out = new Map<number, ReviewOpinion>();
    for (const ids of chunks(evaluationIds, 1000)) {
      const rows = await this.db.selectFrom('review_opinions').selectAll().where('evaluation_id', 'in', ids).execute();
      for (const r of rows) out.set(r.evaluation_id, { text: r.text, reviewer: r.reviewer, at: r.at });
    }
    return out;
  }

  /** The forms of a to-do query, joined to their projects (index evaluations_status, then projects by id). */
  private workBase(q: WorkQuery) {
    let b = this.db.selectFrom('evaluations').innerJoin('projects', 'projects.id', 'evaluations.project_id').where(oneOf(q.statuses));
    // With no condition on the project, the join adds nothing (every form has its project): left to the
    // planner, which drops it on neither database — so it is not written.
    if (q.departments === null && q.departmentId === undefined && !q.search?.trim()) {
      let plain = this.db.selectFrom('evaluations').where(oneOf(q.statuses));
      if (q.year !== undefined) plain = plain.where('evaluations.year', '=', q.year);
      if (q.grade !== undefined) plain = plain.where('evaluations.grade', '=', q.grade);
      return plain as unknown as typeof b;
    }
    if (q.departments !== null) b = b.where('projects.department_id', 'in', [...q.departments]);
    if (q.departmentId !== undefined) b = b.where('projects.department_id', '=', q.departmentId);
    if (q.year !== undefined) b = b.where('evaluations.year', '=', q.year);
    if (q.grade !== undefined) b = b.where('evaluations.grade', '=', q.grade);
    const search = q.search?.trim();
    // a piece of the name, as typed: no LIKE, so that % and _ are letters like any other
    if (search) b = b.where(sql<number>`${sql.raw(this.conn.dialect === 'postgres' ? 'strpos' : 'instr')}(projects.name, ${search})`, '>', 0);
    return b;
  }

  /**
   * How many forms of the query in each state. A reviewer who sees most of the departments has them
   * counted as all the forms (from the index alone, no join) less those of the departments they do not
   * see: joining every candidate to its project cost PostgreSQL a scan of all projects (141 of 150 ms at
   * 100,000 forms, bench/README.md, todo).
   */
  async workCounts(q: WorkQuery): Promise<Array<{ status: EvaluationStatus; returned: boolean; forms: number }>> {
    if (q.statuses.length === 0 || q.departments?.length === 0) return [];
    const all =
      q.departments === null || q.departmentId !== undefined ? null : (await this.db.selectFrom('departments').select('id').execute()).map((d) => d.id);
    if (all !== null && q.departments !== null && q.departments.length * 2 > all.length) {
      const seen = new Set(q.departments);
      const others = all.filter((id) => !seen.has(id));
      const [total, unseen] = await Promise.all([this.countIn({ ...q, departments: null }), others.length ? this.countIn({ ...q, departments: others }) : []]);
      return total.map((t) => ({ ...t, forms: t.forms - (unseen.find((u) => u.status === t.status && u.returned === t.returned)?.forms ?? 0) }));
    }
    return this.countIn(q);
  }

  private async countIn(q: WorkQuery): Promise<Array<{ status: EvaluationStatus; returned: boolean; forms: number }>> {
    // One count per status: a count of one key of the index is the cheapest there is (a GROUP BY over the
    // same rows took SQLite four times as long); the drafts that came back by a 退回 in a count of their own.
    const count = async (status: EvaluationStatus, returned?: boolean) => {
      let b = this.workBase({ ...q, statuses: [status] });
      if (returned) b = b.where(returnedFlag(), '=', 1);
      return Number((await b.select((eb) => eb.fn.countAll<number>().as('forms')).executeTakeFirstOrThrow()).forms);
    };
    return Promise.all(
      q.statuses.map(async (status) => {
        if (status !== 'draft') return [{ status, returned: false, forms: await count(status) }];
        const [all, back] = await Promise.all([count(status), count(status, true)]);
        return [
          { status, returned: false, forms: all - back },
          { status, returned: true, forms: back },
        ];
      }),
    ).then((xs) => xs.flat());
  }

  async workItems(q: WorkQuery & { returned?: boolean | undefined; offset: number; limit: number }): Promise<WorkItem[]> {
    if (q.statuses.length === 0 || q.departments?.length === 0 || q.limit <= 0) return [];
    let b = this.workBase(q);
    if (q.returned !== undefined) b = b.where(returnedFlag(), '=', q.returned ? 1 : 0);
    // The page's ids first, from the index alone (evaluations_status holds the rowid): selecting the
    // columns in the same query made SQLite read every candidate row — past its document — before sorting.
    // By project (so by department), then id: the order of the index, so the first page is found without
    // sorting every candidate.
    const page = b.select('evaluations.id').orderBy('evaluations.project_id').orderBy('evaluations.id').limit(q.limit).offset(q.offset);
    const rows = await this.db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .innerJoin('departments', 'departments.id', 'projects.department_id')
      .where('evaluations.id', 'in', page)
      .orderBy('evaluations.project_id')
      .select([
        'evaluations.id',
        'evaluations.kind',
        'evaluations.project_id',
        'projects.name as project',
        'projects.department_id',
        'departments.name as department',
        'evaluations.year',
        'evaluations.status',
        returnedFlag().as('returned'),
        'evaluations.version',
        'evaluations.total_hundredths',
        'evaluations.grade',
        'evaluations.updated_at',
      ])
      .orderBy('evaluations.id')
      .execute();
    return rows.map((r) => ({
      evaluationId: r.id,
      kind: r.kind,
      projectId: r.project_id,
      project: r.project,
      departmentId: r.department_id,
      department: r.department,
      year: r.year === 0 ? null : Number(r.year),
      status: r.status as EvaluationStatus,
      returned: Number(r.returned) === 1,
      version: r.version,
      totalHundredths: Number(r.total_hundredths),
      grade: r.grade,
      updatedAt: r.updated_at,
    }));
  }

  async returnNotes(evaluationIds: readonly number[]): Promise<Map<number, ReturnNote>> {
    const out = new Map<number, ReturnNote>();
    for (const ids of chunks(evaluationIds, 1000)) {
      const rows = await this.db
        .selectFrom('changes')
        .select(['evaluation_id', 'actor', 'at', 'before', 'after'])
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('changes as c')
            .select((e) => e.fn.max('c.id').as('id'))
            .where('c.field', '=', '(状态)')
            .where('c.evaluation_id', 'in', ids)
            .groupBy('c.evaluation_id'),
        )
        .execute();
      for (const r of rows) {
        // a change of status to draft is a 退回; its comment is written as `draft（…）` (setStatus)
        if (r.before === 'draft' || !r.after?.startsWith('draft')) continue;
        const comment = r.after.startsWith('draft（') && r.after.endsWith('）') ? r.after.slice('draft（'.length, -1) : '';
        out.set(r.evaluation_id, { evaluationId: r.evaluation_id, actor: r.actor, at: r.at, comment });
      }
    }
    return out;
  }

  async saveReviewOpinion(evaluationId: number, text: string, actor: string, expectedVersion?: number): Promise<ReviewOpinion | null> {
    await this.tx(async (trx) => {
      const at = this.now();
      // as saveReviews: the stamp moves, on the version read only, as the write's own condition
      let stamp = trx.updateTable('evaluations').set({ updated_at: at }).where('id', '=', evaluationId);
      if (expectedVersion !== undefined) stamp = stamp.where('version', '=', expectedVersion);
      const moved = await stamp.executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) {
        const current = await this.evaluationQuery(trx).where('evaluations.id', '=', evaluationId).executeTakeFirst();
        if (!current) throw new NotFound(`自评表 ${evaluationId} 不存在`);
        throw new VersionConflict(toStored(current));
      }
      const ev = await trx.selectFrom('evaluations').select('version').where('id', '=', evaluationId).executeTakeFirstOrThrow();
      const before = await trx.selectFrom('review_opinions').select('text').where('evaluation_id', '=', evaluationId).executeTakeFirst();
      if ((before?.text ?? '') === text) return;
      await trx.deleteFrom('review_opinions').where('evaluation_id', '=', evaluationId).execute();
      if (text !== '') await trx.insertInto('review_opinions').values({ evaluation_id: evaluationId, text, reviewer: actor, at }).execute();
      await trx
        .insertInto('changes')
        .values({
          evaluation_id: evaluationId,
          version: ev.version,
          at,
          actor,
          field: '复核意见',
          before: before?.text ?? null,
          after: text === '' ? null : text,
        })
        .execute();
    });
    return this.reviewOpinion(evaluationId);
  }

  async deadlines(year?: number): Promise<Deadline[]> {
    let q = this.db.selectFrom('deadlines').selectAll().orderBy('year').orderBy('department_id');
    if (year !== undefined) q = q.where('year', '=', year);
    return (await q.execute()).map((r) => ({
      year: Number(r.year),
      departmentId: r.department_id === 0 ? null : r.department_id,
      due: r.due,
      setBy: r.set_by,
      at: r.at,
    }));
  }

  async setDeadline(d: { year: number; departmentId: number | null; due: string | null; actor: string }): Promise<void> {
    const department = d.departmentId ?? 0;
    await this.tx(async (trx) => {
      if (department !== 0 && !(await trx.selectFrom('departments').select('id').where('id', '=', department).executeTakeFirst()))
        throw new NotFound(`部门 ${department} 不存在`);
      await trx.deleteFrom('deadlines').where('year', '=', d.year).where('department_id', '=', department).execute();
      if (d.due !== null)
        await trx.insertInto('deadlines').values({ year: d.year, department_id: department, due: d.due, set_by: d.actor, at: this.now() }).execute();
    });
  }

  async sourceFileDepartments(sha256: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('source_files')
      .innerJoin('evaluations', 'evaluations.source_file_id', 'source_files.id')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select('projects.department_id')
      .distinct()
      .where('source_files.sha256', '=', sha256)
      .execute();
    return rows.map((r) => r.department_id);
  }

  async history(evaluationId: number): Promise<Change[]> {
    const rows = await this.db.selectFrom('changes').selectAll().where('evaluation_id', '=', evaluationId).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      evaluationId: r.evaluation_id,
      version: r.version,
      at: r.at,
      actor: r.actor,
      field: r.field,
      before: r.before,
      after: r.after,
    }));
  }

  async sourceFile(sha256: string): Promise<(SourceFile & { size: number }) | null> {
    const r = await this.db.selectFrom('source_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return r ? { name: r.name, sha256: r.sha256, bytes: new Uint8Array(r.content), size: Number(r.size) } : null;
  }

  async summaryRows(departmentId: number, year?: number): Promise<SummaryRowData[]> {
    let q = this.db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select([
        'evaluations.id',
        'projects.name',
        'evaluations.year',
        'projects.fund_type',
        'evaluations.budget_fen',
        'evaluations.executed_fen',
        'evaluations.total_hundredths',
        'evaluations.grade',
        'evaluations.status',
      ])
      // Driven from the department's projects (index projects_department, then the unique
      // (project_id, year) index): a plain join lets SQLite start from the year index and read
      // every evaluation of the province.
      .where(inDepartment(departmentId))
      .where('evaluations.kind', '=', SUMMARY_KIND)
      .orderBy('evaluations.id');
    // Redundant for the result, but it lets PostgreSQL reach the joined projects by their department
    // index too, instead of hashing all of them (70 → 14 ms at 100,000, bench/README.md). SQLite, given
    // the same, starts from the projects and slows down (13 → 65 ms): PostgreSQL only.
    if (this.conn.dialect === 'postgres') q = q.where('projects.department_id', '=', departmentId);
    if (year !== undefined) q = q.where('evaluations.year', '=', year);
    return (await q.execute()).map((r) => ({
      evaluationId: r.id,
      project: r.name,
      year: r.year === null ? null : Number(r.year),
      fundType: r.fund_type,
      budgetFen: r.budget_fen === null ? null : Number(r.budget_fen),
      executedFen: r.executed_fen === null ? null : Number(r.executed_fen),
      totalHundredths: Number(r.total_hundredths),
      grade: r.grade,
      status: r.status as EvaluationStatus,
    }));
  }

  async gradeCounts(year?: number): Promise<Record<string, number>> {
    let q = this.db
      .selectFrom('evaluations')
      .select(['grade', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', SUMMARY_KIND)
      .groupBy('grade');
    if (year !== undefined) q = q.where('year', '=', year);
    return Object.fromEntries((await q.execute()).map((r) => [r.grade, Number(r.n)]));
  }

  async departmentTotals(year?: number): Promise<DepartmentGradeTotals[]> {
    let q = this.db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select([
        'projects.department_id',
        'evaluations.grade',
        (eb) => eb.fn.countAll<number>().as('forms'),
        // sums of whole 分 are exact in both databases; read as text, so that no driver rounds them through a double
        (eb) => eb.cast<string>(eb.fn.coalesce(eb.fn.sum<number>('evaluations.budget_fen'), eb.lit(0)), 'text').as('budget'),
        (eb) => eb.cast<string>(eb.fn.coalesce(eb.fn.sum<number>('evaluations.executed_fen'), eb.lit(0)), 'text').as('executed'),
      ])
      .where('evaluations.kind', '=', SUMMARY_KIND)
      .groupBy(['projects.department_id', 'evaluations.grade'])
      .orderBy('projects.department_id')
      .orderBy('evaluations.grade');
    if (year !== undefined) q = q.where('evaluations.year', '=', year);
    return (await q.execute()).map((r) => ({
      departmentId: Number(r.department_id),
      grade: r.grade,
      forms: Number(r.forms),
      budgetFen: BigInt(r.budget),
      executedFen: BigInt(r.executed),
    }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** An import's error with the file it happened in, named in the message and in `details.file`. */
function inFile(e: unknown, file: string | undefined): unknown {
  if (file === undefined) return e;
  if (e instanceof StoreError) return new StoreError(e.code, `文件“${file}”：${e.message}`, { ...e.details, file });
  if (e instanceof NotFound) return e;
  if (isUniqueViolation(e)) return new StoreError('STORE.DUPLICATE', `文件“${file}”：同一内容刚刚已被另一请求保存，本次未保存任何内容`, { file });
  return e;
}

/**
 * The last guard before a column (issue 24): a figure that would not be an exact integer in a double
 * (and so a float in SQLite, an overflow in PostgreSQL) is refused. The model's bounds keep every form
 * far below this; a caller that skipped them gets an error with a code, never a rounded amount.
 */
function exact<T extends number | null>(n: T, what: string): T {
  if (n !== null && !Number.isSafeInteger(n)) throw new StoreError('STORE.VALUE_OUT_OF_RANGE', `${what}超出可精确保存的范围，未保存`);
  return n;
}

/** 资金类型, where the kind's document states it (the 自评表's project block). */
function fundTypeOf(ev: FormDocument): string | undefined {
  return 'fundType' in ev.project ? ev.project.fundType?.raw : undefined;
}

function figureColumns(ev: FormDocument, f: PreparedForm['figures'], at: string) {
  return {
    scheme_id: ev.schemeId,
    layout: ev.layout,
    document: JSON.stringify(ev),
    budget_fen: exact(f.budgetFen, '金额'),
    executed_fen: exact(f.executedFen, '金额'),
    claimed_total_hundredths: exact(f.claimedTotalHundredths, '总分'),
    total_hundredths: exact(f.totalHundredths, '总分'),
    grade: f.grade,
    updated_at: at,
  };
}

function duplicateCode(code: string, holder: { name: string } | null): StoreError {
  return new StoreError('DEPARTMENT.DUPLICATE_CODE', `部门编码“${code}”已被${holder ? `“${holder.name}”` : '另一个部门'}使用，请换一个编码`, { code });
}

function reviewText(r: Selectable<ReviewsTable>): string {
  return `${format(BigInt(r.score_hundredths), 2)}（${r.reason}）`;
}

function* chunks<T>(xs: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/**
 * 1 for a draft that has had a change of status — which can only have been a 退回 — else 0. Evaluated for
 * drafts only: the forms waiting for a reviewer never read the history.
 */
function returnedFlag() {
  return sql<number>`case when evaluations.status = 'draft' and exists (select 1 from changes c where c.evaluation_id = evaluations.id and c.field = '(状态)') then 1 else 0 end`;
}

/** The status is one of these: `=` for one (SQLite counts one key of an index faster than an `in` of one). */
function oneOf(statuses: readonly EvaluationStatus[]) {
  return (eb: ExpressionBuilder<Database, 'evaluations'>) =>
    statuses.length === 1 ? eb('evaluations.status', '=', statuses[0]!) : eb('evaluations.status', 'in', [...statuses]);
}

/** A department's forms, reached from its projects (index projects_department). */
function inDepartment(departmentId: number) {
  return (eb: ExpressionBuilder<Database, 'evaluations'>) =>
    eb('evaluations.project_id', 'in', eb.selectFrom('projects as p').select('p.id').where('p.department_id', '=', departmentId));
}

function reviewScore(r: Selectable<ReviewsTable>): ReviewScore {
  return { indicatorId: r.indicator_id, score: format(BigInt(r.score_hundredths), 2), reason: r.reason, reviewer: r.reviewer, at: r.at };
}

function toStored(r: Selectable<EvaluationsTable> & { department_id: number }): StoredEvaluation {
  return {
    id: r.id,
    kind: r.kind,
    projectId: r.project_id,
    departmentId: r.department_id,
    year: r.year === 0 ? null : r.year,
    schemeId: r.scheme_id,
    status: r.status as EvaluationStatus,
    version: r.version,
    evaluation: withIndicatorIds(JSON.parse(r.document) as FormDocument),
    totalHundredths: Number(r.total_hundredths),
    grade: r.grade,
    updatedAt: r.updated_at,
  };
}
