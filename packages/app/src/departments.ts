/**
 * The use cases of a department: its 汇总表 (with each form's 复核得分 and findings counted), its
 * findings filtered and paged, and the data its documents are made from — all from one audit of its
 * stored forms (DepartmentAudits), so that the page and the documents can never disagree.
 */
import { NotFound, selfEvaluationKind, type Finding, type ReviewScore, type RuleId, type Store, type StoredEvaluation } from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import { DepartmentAudits, reviewedTotals, type AuditedDepartment } from './department-audits.ts';

export interface FindingsQuery {
  year?: number | undefined;
  rule?: string | undefined;
  severity?: Finding['severity'] | undefined;
  evaluationId?: number | undefined;
  offset: number;
  limit?: number | undefined;
}

/** The rules that look at a department's forms together: their findings are not in a form's own check. */
const ACROSS_FORMS = new Set<RuleId>(['A9', 'A10']);

export class DepartmentUseCases {
  readonly audits: DepartmentAudits;

  constructor(
    private readonly store: Store,
    keptForms?: number,
  ) {
    this.audits = new DepartmentAudits(store, keptForms);
  }

  private mustSee(actor: Actor, id: number): void {
    if (!actor.sees(id)) throw new AppError('STORE.NOT_FOUND', `部门 ${id} 不存在`);
  }

  /** The department's forms and their audit, with each form's 复核得分 total beside its self-score. */
  async load(actor: Actor, id: number, year?: number): Promise<AuditedDepartment & { reviewed: Array<string | null> }> {
    this.mustSee(actor, id);
    const data = await this.audits.load(id, year);
    return { ...data, reviewed: await reviewedTotals(this.store, data.stored, data.scores) };
  }

  /**
   * The finance review of some of a department's forms (indices into `data.stored`, as `load` gave it),
   * for their printed documents: 复核得分, 复核后总分 and 复核意见, in two queries for all of them.
   */
  async printedReviews(
    data: { stored: readonly StoredEvaluation[]; reviewed: ReadonlyArray<string | null> },
    chosen: readonly number[],
  ): Promise<Array<{ scores: ReviewScore[]; total: string | null; opinion: string | null }>> {
    const ids = chosen.map((i) => data.stored[i]!.id);
    const [reviews, opinions] = await Promise.all([this.store.reviewsOf(ids), this.store.reviewOpinionsOf(ids)]);
    return chosen.map((i) => {
      const id = data.stored[i]!.id;
      return { scores: reviews.get(id) ?? [], total: data.reviewed[i] ?? null, opinion: opinions.get(id)?.text ?? null };
    });
  }

  /** The 汇总表 with, per row, the form's id, status, version, 复核得分 and its findings counted. */
  async summary(actor: Actor, id: number, year?: number) {
    const { d, stored, summary, findings, reviewed } = await this.load(actor, id, year);
    // Findings per form, so a list can put the worst first without a second request.
    const counts = stored.map(() => ({ errors: 0, warnings: 0, infos: 0 }));
    for (const f of findings) {
      const c = f.location.form ? counts[f.location.form.index] : undefined;
      if (c) c[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos'] += 1;
    }
    return {
      department: d,
      summary: {
        ...summary,
        rows: summary.rows.map((row, i) => ({
          ...row,
          evaluationId: stored[i]!.id,
          status: stored[i]!.status,
          version: stored[i]!.version,
          reviewedScore: reviewed[i] ?? null,
          ...counts[i]!,
        })),
      },
    };
  }

  /**
   * The findings the 汇总表 counts for one form that the form's own check cannot make — A9 compares it
   * with the other forms of its department (and year). The editor shows them beside its own, so that the
   * editor and the 汇总表 say the same of the same form (issue 23: the editor said 校验通过 while the
   * 汇总表 warned). Read from the department's kept audit: the same computation as the 汇总表's.
   */
  async acrossForms(actor: Actor, evaluationId: number): Promise<Finding[]> {
    const s = await this.store.getEvaluation(evaluationId);
    if (!s || !actor.sees(s.departmentId)) throw new AppError('STORE.NOT_FOUND', `表 ${evaluationId} 不存在`, { id: evaluationId });
    if (s.kind !== selfEvaluationKind.id) return [];
    const { stored, findings } = await this.audits.load(s.departmentId, s.year ?? undefined);
    const i = stored.findIndex((x) => x.id === s.id);
    return i < 0 ? [] : findings.filter((f) => f.location.form?.index === i && ACROSS_FORMS.has(f.rule));
  }

  /**
   * A province department's 1,000 forms have ≈ 12,000 findings (5 MB of JSON): a caller after the
   * errors of one rule, or one page of them, gets just those, with the total before paging.
   */
  async findings(actor: Actor, id: number, q: FindingsQuery): Promise<{ total: number; findings: Array<Finding & { evaluationId: number | null }> }> {
    this.mustSee(actor, id);
    const { stored, findings } = await this.audits.load(id, q.year);
    const idOf = (f: Finding) => (f.location.form ? stored[f.location.form.index]!.id : null);
    const chosen = findings.filter(
      (f) => (!q.rule || f.rule === q.rule) && (!q.severity || f.severity === q.severity) && (q.evaluationId === undefined || idOf(f) === q.evaluationId),
    );
    return {
      total: chosen.length,
      findings: chosen.slice(q.offset, q.limit === undefined ? undefined : q.offset + q.limit).map((f) => ({ ...f, evaluationId: idOf(f) })),
    };
  }

  /** The years in which the department has forms, newest first. */
  async years(actor: Actor, id: number): Promise<number[]> {
    this.mustSee(actor, id);
    if (!(await this.store.getDepartment(id))) throw new NotFound(`部门 ${id} 不存在`);
    const years = new Set((await this.store.summaryRows(id)).map((r) => r.year).filter((y): y is number => y !== null));
    return [...years].sort((a, b) => b - a);
  }
}
