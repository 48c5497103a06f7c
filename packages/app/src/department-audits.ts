/**
 * A department's stored forms and what is computed from them — scores, findings, the 汇总表 — in one
 * place, so the summary on screen and the documents downloaded are the same computation.
 */
import {
  auditDepartment,
  documentOf,
  NotFound,
  reauditDepartment,
  reviewedTotal,
  selfEvaluationKind,
  SUMMARY_KIND,
  type Department,
  type DepartmentAudit,
  type Evaluation,
  type EvaluationScore,
  type Store,
  type StoredEvaluation,
} from '@jixiao/core';

/** The kind a department's 汇总表 sums: its self-evaluations (other kinds have pages of their own), as the store's sums. */
const SUMMED_KIND = SUMMARY_KIND;

/** A stored self-evaluation's document; the department's pages are given its self-evaluations alone (SUMMED_KIND). */
function summed(s: StoredEvaluation): Evaluation {
  const ev = documentOf(selfEvaluationKind, s);
  if (ev === null) throw new Error(`form ${s.id} is a ${s.kind}, not a ${SUMMED_KIND}: the department's pages sum self-evaluations only`);
  return ev;
}

/** The department's stored forms audited together (core auditDepartment): what the pages and documents show. */
export function computeDepartment(stored: readonly StoredEvaluation[]): DepartmentAudit {
  return auditDepartment(stored.map(summed));
}

/** The same as `computeDepartment(stored)`, given that computed when only the forms at `changed` differed. */
export function recomputeDepartment(stored: readonly StoredEvaluation[], before: DepartmentAudit, changed: ReadonlySet<number>): DepartmentAudit {
  return reauditDepartment(stored.map(summed), before, changed);
}

export type ComputedDepartment = DepartmentAudit;

interface Kept extends ComputedDepartment {
  stored: StoredEvaluation[];
}

export interface AuditedDepartment extends Kept {
  d: Department;
}

/**
 * The department's forms and their audit, kept between requests while none of the forms changes. At
 * province scale a department holds ≈ 1,000 forms: reading and parsing them and auditing them (A9
 * compares them all) took 320–560 ms a request, for a page the finance bureau opens again and again.
 * A form's document and status never change without its version changing, so one light query of the
 * forms' (id, version) says whether what is kept is still exact — whichever process wrote to the
 * database. The 复核得分 are not kept (a review changes no version): callers read them each time.
 * What is kept is shared between requests and must not be changed by them.
 */
export class DepartmentAudits {
  /** by department and year, least recently used first */
  private readonly kept = new Map<string, Kept>();
  private keptForms = 0;
  /** computations under way, by department and year, with the versions they started from */
  private readonly loading = new Map<string, { versions: FormVersion[]; done: Promise<Kept> }>();

  /** `maxForms`: at most this many forms kept over all departments (≈ 47 KB of heap each with their audit) */
  constructor(
    private readonly store: Store,
    private readonly maxForms = 2_000,
  ) {}

  async load(id: number, year?: number): Promise<AuditedDepartment> {
    const d = await this.store.getDepartment(id);
    if (!d) throw new NotFound(`部门 ${id} 不存在`);
    const key = `${id}/${year ?? ''}`;
    const versions = await this.store.evaluationVersions({ departmentId: id, kind: SUMMED_KIND, year });
    const kept = this.kept.get(key);
    if (kept && sameForms(kept.stored, versions)) {
      this.kept.delete(key); // to the most recently used end
      this.kept.set(key, kept);
      // a review moves a form's stamp, not its version: the stamp shown is the current one
      const stored = kept.stored.map((s, i) => (s.updatedAt === versions[i]!.updatedAt ? s : { ...s, updatedAt: versions[i]!.updatedAt }));
      return { ...kept, d, stored };
    }
    // Requests that arrive while the same forms are being audited wait for that audit instead of each
    // running their own: an audit of 1,000 forms holds the event loop for ≈ 0.3 s.
    const under = this.loading.get(key);
    if (under && sameForms(under.versions, versions)) return { ...(await under.done), d };
    const done = (async () => {
      const k = (kept && (await this.updated(kept, versions))) ?? (await this.computed(id, year));
      this.keep(key, k);
      return k;
    })();
    this.loading.set(key, { versions, done });
    try {
      return { ...(await done), d };
    } finally {
      if (this.loading.get(key)?.done === done) this.loading.delete(key);
    }
  }

  private async computed(id: number, year: number | undefined): Promise<Kept> {
    const stored = await this.store.listEvaluations({ departmentId: id, kind: SUMMED_KIND, ...(year !== undefined && { year }) });
    return { ...computeDepartment(stored), stored };
  }

  /**
   * What is kept, brought up to date by reading and auditing again only the forms whose version moved
   * — the usual case of a form edited, submitted or returned since the page was last opened: 34–49 ms
   * instead of ≈ 350 ms for 1,000 forms (bench/api.ts). Null, for a full read, when the forms are not
   * the same ones in the same order (added, deleted, moved), when many changed (reading them one by
   * one would cost more than reading all), or when a form changed again while being read.
   */
  private async updated(kept: Kept, versions: readonly FormVersion[]): Promise<Kept | null> {
    if (kept.stored.length !== versions.length || kept.stored.some((s, i) => s.id !== versions[i]!.id)) return null;
    const changed = new Set<number>();
    versions.forEach((v, i) => v.version !== kept.stored[i]!.version && changed.add(i));
    if (changed.size > Math.max(10, versions.length / 20)) return null;
    const stored = kept.stored.map((s, i) => (s.updatedAt === versions[i]!.updatedAt ? s : { ...s, updatedAt: versions[i]!.updatedAt }));
    // side by side: on PostgreSQL each is a round trip of its own
    const at = [...changed];
    const read = await Promise.all(at.map((i) => this.store.getEvaluation(versions[i]!.id)));
    for (let k = 0; k < at.length; k++) {
      const s = read[k];
      if (!s || s.version !== versions[at[k]!]!.version) return null;
      stored[at[k]!] = s;
    }
    return { ...recomputeDepartment(stored, kept, changed), stored };
  }

  private keep(key: string, k: Kept): void {
    const old = this.kept.get(key);
    if (old) {
      this.kept.delete(key);
      this.keptForms -= old.stored.length;
    }
    if (k.stored.length > this.maxForms) return;
    this.kept.set(key, k);
    this.keptForms += k.stored.length;
    for (const [oldest, v] of this.kept) {
      if (this.keptForms <= this.maxForms) break;
      this.kept.delete(oldest);
      this.keptForms -= v.stored.length;
    }
  }
}

interface FormVersion {
  id: number;
  version: number;
  updatedAt: string;
}

/** The same forms at the same versions, in the same order. */
function sameForms(a: readonly FormVersion[], b: readonly FormVersion[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.version === b[i]!.version);
}

/** The 复核得分 total of each form (null where the finance review scored nothing), beside its self-score. */
export async function reviewedTotals(store: Store, stored: readonly StoredEvaluation[], scores: readonly EvaluationScore[]): Promise<Array<string | null>> {
  const reviews = await store.reviewsOf(stored.map((s) => s.id));
  return stored.map((s, i) => reviewedTotal(s.evaluation, scores[i]!, reviews.get(s.id) ?? []));
}
