/**
 * The use cases of one form: read, create (blank, from last year's, or as given), save, change its
 * year, delete a draft, move it through the workflow, record 复核得分. The HTTP routes and the CLI call
 * these and add nothing; access (which departments the actor sees, what the role may do) is checked here.
 */
import {
  BUDGET_REVIEW_TARGET,
  budgetReviewMax,
  describeField,
  canEditContent,
  canReview,
  cmp,
  FORM_KINDS,
  getFormKind,
  getScheme,
  indicatorRows,
  parseNumberCell,
  randomIndicatorId,
  reviewedTotal,
  withFreshIndicatorIds,
  withIndicatorIds,
  VersionConflict,
  workflowStep,
  type EvaluationStamp,
  type FormCheck,
  type FormDocument,
  type FormHistory,
  type ReviewOpinion,
  type ReviewScore,
  type Store,
  type StoredEvaluation,
  type WorkflowAction,
  STATUS_LABELS,
} from '@jixiao/core';
import type { Actor } from './actor.ts';
import { AppError, type AppErrorCode } from './app-error.ts';
import { formView, type FormView, type PreviousYear } from './form-view.ts';
import { preparedForStorage, prepareForm } from './prepare-form.ts';

export interface NewForm {
  kind: string;
  /** an existing project, or a new one in `departmentId` */
  projectId?: number | undefined;
  newProject?: { departmentId: number; name: string; code?: string | undefined; fundType?: string | undefined } | undefined;
  year: number;
  /**
   * blank from the region's template, this project's form of the year before, a form of another kind of
   * the same project-year the kind starts from (`goals`: the self-evaluation from the approved goals), or a
   * form given whole
   */
  from: 'blank' | 'previous-year' | (string & {}) | { evaluation: FormDocument };
  /** blank only: the 评分方案 and layout (default: those of the department's latest form, else national) */
  schemeId?: string | undefined;
  layout?: string | undefined;
}

/** A form started from the one saved, and what the save did to it (issue 20: the goals' adjustments reaching the 自评表). */
export interface FollowUp {
  evaluationId: number;
  kind: string;
  status: StoredEvaluation['status'];
  /** the indicators the change concerns, by id */
  indicatorIds: string[];
  /** written into it in the same transaction (it was still editable); false: it was handed in, left as it is */
  written: boolean;
  /** what a person reads */
  message: string;
}

interface Follow {
  writes: Array<{ id: number; form: ReturnType<typeof preparedForStorage>; expectedVersion: number }>;
  followUps: FollowUp[];
}

export class FormUseCases {
  /** the check of each form version read, so that reading an unchanged form does not score it again */
  private readonly checks = new Map<string, FormCheck>();

  /**
   * `people`: how a login id is shown to a person — their display name (issue 23: people appeared as
   * login ids). Without it (the CLI) the login id is shown.
   */
  constructor(
    private readonly store: Store,
    private readonly people: { findUser(username: string): Promise<{ displayName: string } | null> } | null = null,
  ) {}

  /** The display names of these login ids (the login id itself where there is no account). */
  private async namesOf(usernames: Iterable<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const u of new Set(usernames)) names.set(u, (this.people && (await this.people.findUser(u))?.displayName) || u);
    return names;
  }

  /** The form if the actor may see it; another department's form is reported as not there at all. */
  async find(actor: Actor, id: number): Promise<StoredEvaluation> {
    const s = await this.store.getEvaluation(id);
    if (!s || !actor.sees(s.departmentId)) throw new AppError('STORE.NOT_FOUND', `表 ${id} 不存在`, { id });
    return s;
  }

  private async checkOf(s: StoredEvaluation, previous?: PreviousYear | null): Promise<FormCheck> {
    const history = await this.checkedHistory(s, previous);
    const key = checkKey(s, history);
    let check = this.checks.get(key);
    if (!check) {
      check = prepareForm(s.kind, s.evaluation, history).check;
      this.remember(key, check);
    }
    return check;
  }

  /** Last year's record for the kind's check, where its rules read history (the goal linter's G10). */
  private async checkedHistory(s: { kind: string; projectId: number; year: number | null; evaluation: FormDocument }, previous?: PreviousYear | null) {
    if (!getFormKind(s.kind).history.checked) return undefined;
    const p = previous === undefined ? await this.previousYear(s) : previous;
    return p ? ({ year: p.year, actuals: p.actuals } satisfies FormHistory) : undefined;
  }

  private remember(key: string, check: FormCheck): void {
    if (this.checks.size >= 500) this.checks.delete(this.checks.keys().next().value!);
    this.checks.set(key, check);
  }

  /**
   * The errors and warnings of each form's own check (what the editor shows, without the department-wide
   * A9), kept per version: a list's forms are read and scored only the first time they are shown.
   */
  async findingCounts(items: ReadonlyArray<{ id: number; version: number }>): Promise<Map<number, { errors: number; warnings: number }>> {
    const out = new Map<number, { errors: number; warnings: number }>();
    const count = (id: number, check: FormCheck) => {
      let errors = 0;
      let warnings = 0;
      for (const f of check.findings)
        if (f.severity === 'error') errors += 1;
        else if (f.severity === 'warning') warnings += 1;
      out.set(id, { errors, warnings });
    };
    const missing: number[] = [];
    for (const i of items) {
      const kept = this.checks.get(`${i.id}:${i.version}`);
      if (kept) count(i.id, kept);
      else missing.push(i.id);
    }
    for (const s of await Promise.all(missing.map((id) => this.store.getEvaluation(id)))) if (s) count(s.id, await this.checkOf(s));
    return out;
  }

  private async view(actor: Actor, s: StoredEvaluation, check?: FormCheck): Promise<FormView> {
    const [reviews, reviewOpinion, last, previousYear] = await Promise.all([
      this.store.reviews(s.id),
      this.store.reviewOpinion(s.id),
      this.store.lastStatusChange(s.id),
      this.previousYear(s),
    ]);
    // people are shown by their names; the login ids stay beside them for support (issue 23)
    const names = await this.namesOf([...(last ? [last.actor] : []), ...reviews.map((r) => r.reviewer), ...(reviewOpinion ? [reviewOpinion.reviewer] : [])]);
    const lastStatusChange = last && { ...last, actorName: names.get(last.actor)! };
    return formView(s, check ?? (await this.checkOf(s, previousYear)), actor.role, {
      reviews: reviews.map((r) => ({ ...r, reviewerName: names.get(r.reviewer)! })),
      reviewOpinion: reviewOpinion && { ...reviewOpinion, reviewerName: names.get(reviewOpinion.reviewer)! },
      lastStatusChange,
      previousYear,
    });
  }

  /**
   * Last year's actuals of the project, from the form the kind names as its history (the 自评表, for the
   * self-evaluation and for the goals alike).
   */
  private async previousYear(s: { kind: string; projectId: number; year: number | null; evaluation: FormDocument }): Promise<PreviousYear | null> {
    if (s.year === null) return null;
    const historyKind = getFormKind(getFormKind(s.kind).history.kind);
    const [prev] = await this.store.listEvaluations({ projectId: s.projectId, kind: historyKind.id, year: s.year - 1 });
    if (!prev) return null;
    // by id and by name: a form started from last year's shares its ids; a blank or imported one has
    // row-position ids that may name other indicators last year, whose actuals must not be shown here
    const now = new Map(s.evaluation.indicators.map((ind) => [ind.id, ind.name.raw.trim()]));
    const actuals: Record<string, string> = {};
    for (const ind of historyKind.actuals(prev.evaluation))
      if (ind.id !== undefined && ind.actual.trim() && now.get(ind.id) === ind.name.trim() && ind.name.trim()) actuals[ind.id] = ind.actual;
    if (Object.keys(actuals).length === 0) return null;
    return { evaluationId: prev.id, kind: historyKind.id, year: s.year - 1, actuals };
  }

  async read(actor: Actor, id: number): Promise<FormView> {
    return this.view(actor, await this.find(actor, id));
  }

  async create(actor: Actor, input: NewForm): Promise<FormView> {
    if (actor.role !== 'filler' && actor.role !== 'admin') throw new AppError('AUTH.FORBIDDEN', `当前账号（${actor.displayName}）不能新建表，新建由填报人进行`);
    const kind = getFormKind(input.kind);
    const given = input.projectId !== undefined ? await this.store.getProject(input.projectId) : null;
    if (input.projectId !== undefined && (!given || !actor.sees(given.departmentId))) throw new AppError('STORE.NOT_FOUND', `项目 ${input.projectId} 不存在`);
    const departmentId = given?.departmentId ?? input.newProject?.departmentId;
    if (departmentId === undefined) throw new AppError('FORM.BAD_INPUT', '请选择项目，或填写新项目的名称和所属部门');
    if (!actor.sees(departmentId) || !(await this.store.getDepartment(departmentId))) throw new AppError('STORE.NOT_FOUND', `部门 ${departmentId} 不存在`);
    // a project named as one the department has is that project (as an import of its form would find it)
    const project = given ?? (await this.store.listProjects(departmentId)).find((p) => p.name === input.newProject?.name.trim()) ?? null;
    const name = project?.name ?? input.newProject!.name.trim();
    if (!name) throw new AppError('FORM.BAD_INPUT', '项目名称不能为空');
    let evaluation: FormDocument;
    const source = typeof input.from === 'string' ? kind.startsFrom.find((f) => f.from === input.from) : undefined;
    if (source) {
      // the same project-year's form of the source kind, once it has reached the status it must have
      const sourceKind = getFormKind(source.kind);
      const [from] = project ? await this.store.listEvaluations({ projectId: project.id, kind: sourceKind.id, year: input.year }) : [];
      if (!from)
        throw new AppError('FORM.NO_SOURCE', `“${name}”没有 ${input.year} 年度的${sourceKind.label}，无法据此生成${kind.label}`, {
          kind: sourceKind.id,
          year: input.year,
        });
      if (from.status !== source.status)
        throw new AppError(
          'FORM.SOURCE_NOT_READY',
          `“${name}”${input.year} 年度的${sourceKind.label}尚未${sourceKind.statusLabels[source.status]}（当前：${sourceKind.statusLabels[from.status]}），不能据此生成${kind.label}`,
          { kind: sourceKind.id, evaluationId: from.id, status: from.status, required: source.status },
        );
      const made = source.make(from.evaluation, input.year);
      evaluation = { ...made, project: { ...made.project, name: { raw: name } } } as FormDocument;
    } else if (input.from === 'previous-year') {
      const [prev] = project ? await this.store.listEvaluations({ projectId: project.id, kind: kind.id, year: input.year - 1 }) : [];
      if (!prev)
        throw new AppError('FORM.NO_PREVIOUS_YEAR', `“${name}”没有 ${input.year - 1} 年度的${kind.label}，无法从上年复制；可以新建空白表`, {
          year: input.year - 1,
        });
      // filed under the project chosen, whatever last year's document calls it
      const carried = kind.carryOver(prev.evaluation, input.year);
      evaluation = { ...carried, project: { ...carried.project, name: { raw: name } } } as FormDocument;
    } else if (input.from === 'blank') {
      // the department's latest form of the kind is its template: found by the light version list, read
      // alone (reading all of a province department's forms to keep one cost a parse of each)
      const latest = (await this.store.evaluationVersions({ departmentId, kind: kind.id })).at(-1);
      const template = latest ? await this.store.getEvaluation(latest.id) : null;
      const schemeId = input.schemeId ?? template?.schemeId ?? 'national';
      const layout = input.layout ?? (input.schemeId === undefined ? template?.evaluation.layout : undefined) ?? 'national';
      const department = (await this.store.getDepartment(departmentId))!.name;
      const useTemplate = template && template.schemeId === schemeId && template.evaluation.layout === layout ? template.evaluation : null;
      evaluation = kind.blank({ project: name, year: input.year, schemeId, layout, department }, getScheme(schemeId), useTemplate);
    } else if (typeof input.from === 'object') {
      // a form given whole keeps a year it does not state (null), as an imported one does
      evaluation = {
        ...input.from.evaluation,
        year: input.from.evaluation.year === null ? null : input.year,
        project: { ...input.from.evaluation.project, name: { raw: name } },
      } as FormDocument;
    } else {
      const ways = ['blank（空白）', 'previous-year（从上年复制）', ...kind.startsFrom.map((f) => `${f.from}（从${getFormKind(f.kind).label}生成）`)];
      throw new AppError('FORM.BAD_INPUT', `${kind.label}不能从“${input.from}”新建：可用的有 ${ways.join('、')}`, { from: input.from });
    }
    // a new project has no year before
    const history = project ? await this.checkedHistory({ kind: kind.id, projectId: project.id, year: evaluation.year, evaluation }) : undefined;
    const { prepared, check } = prepareForm(kind.id, evaluation, history);
    // A new project and its first form are one step: the store creates the project in the form's transaction.
    if (!project) {
      const { code, fundType } = input.newProject!;
      if (code) prepared.evaluation = { ...prepared.evaluation, project: { ...prepared.evaluation.project, code: { raw: code } } } as FormDocument;
      // the project's 资金类型 goes to the store with the document (a goal form carries it for that alone)
      if (fundType) prepared.evaluation = { ...prepared.evaluation, project: { ...prepared.evaluation.project, fundType: { raw: fundType } } } as FormDocument;
    }
    const [saved] = await this.store.importEvaluations({ departmentId, forms: [prepared], actor: actor.username });
    this.remember(checkKey(saved!, history), check);
    return this.view(actor, saved!, check);
  }

  /**
   * This year's forms of every project of a department that had one last year and has none yet, each
   * started from last year's (tree, ids and targets carried, actuals empty), in one transaction.
   */
  async carryOverDepartment(
    actor: Actor,
    departmentId: number,
    year: number,
    kindId = 'self-evaluation',
  ): Promise<{ created: StoredEvaluation[]; existing: number }> {
    if (actor.role !== 'filler' && actor.role !== 'admin') throw new AppError('AUTH.FORBIDDEN', `当前账号（${actor.displayName}）不能新建表，新建由填报人进行`);
    if (!actor.sees(departmentId) || !(await this.store.getDepartment(departmentId))) throw new AppError('STORE.NOT_FOUND', `部门 ${departmentId} 不存在`);
    const kind = getFormKind(kindId);
    const [previous, current] = await Promise.all([
      this.store.listEvaluations({ departmentId, kind: kind.id, year: year - 1 }),
      this.store.listEvaluations({ departmentId, kind: kind.id, year }),
    ]);
    if (previous.length === 0) throw new AppError('FORM.NO_PREVIOUS_YEAR', `本部门没有 ${year - 1} 年度的${kind.label}，无法从上年生成`, { year: year - 1 });
    const have = new Set(current.map((s) => s.projectId));
    // each filed under its own project, whatever last year's document calls it
    const names = new Map((await this.store.listProjects(departmentId)).map((p) => [p.id, p.name]));
    const forms = previous
      .filter((p) => !have.has(p.projectId))
      .map((p) => {
        const carried = kind.carryOver(p.evaluation, year);
        return preparedForStorage(kind.id, { ...carried, project: { ...carried.project, name: { raw: names.get(p.projectId)! } } } as FormDocument);
      });
    const created = forms.length ? await this.store.importEvaluations({ departmentId, forms, actor: actor.username }) : [];
    return { created, existing: have.size };
  }

  /** Where a form is and what state it is in, if the actor may see it — without reading the document. */
  private async stamp(actor: Actor, id: number): Promise<EvaluationStamp> {
    const s = await this.store.evaluationStamp(id);
    if (!s || !actor.sees(s.departmentId)) throw new AppError('STORE.NOT_FOUND', `表 ${id} 不存在`, { id });
    return s;
  }

  /**
   * The status that was checked is the status of the version written: a version the caller names that is
   * not the one whose status was read (a submit in between) is a conflict, as the store would say.
   */
  private async mustBeVersion(id: number, s: EvaluationStamp, version: number): Promise<void> {
    if (s.version === version) return;
    const current = await this.store.getEvaluation(id);
    if (current) throw new VersionConflict(current);
  }

  private mustEdit(actor: Actor, s: { status: StoredEvaluation['status']; kind: string }): void {
    if (canEditContent(s.status, actor.role)) return;
    const kind = getFormKind(s.kind);
    throw new AppError(
      actor.role === 'filler' || actor.role === 'admin' ? 'WORKFLOW.READ_ONLY' : 'WORKFLOW.NOT_YOURS',
      `该${kind.label}处于“${kind.statusLabels[s.status]}”状态，${actor.role === 'filler' ? '退回后才能修改' : '当前账号不能修改内容'}`,
      {
        status: s.status,
      },
    );
  }

  /**
   * Saves a draft: checked once, stored with that check's figures, shown with the same check. A form of a
   * kind whose approved version is frozen (goals, 财政已批复) takes only the edits the kind allows there —
   * a 调整后指标值 with its reason — compared with the stored version; both values stay in the document and
   * the change in the history.
   */
  async save(actor: Actor, id: number, evaluation: FormDocument, version: number, retried = false): Promise<FormView & { followUps?: FollowUp[] }> {
    const s = await this.stamp(actor, id);
    await this.mustBeVersion(id, s, version);
    const kind = getFormKind(s.kind);
    const frozen = kind.frozen !== undefined && kind.frozen.status === s.status && (actor.role === 'filler' || actor.role === 'admin') ? kind.frozen : null;
    if (!frozen) this.mustEdit(actor, s);
    // indicators sent without an id (an API client, a page of an older release) are new ones: fresh ids
    const edited = withFreshIndicatorIds(evaluation, randomIndicatorId);
    let follow: Follow = { writes: [], followUps: [] };
    // (a document of another kind is refused by prepareForm, with its code)
    if (frozen && kind.isOwn(edited)) {
      const approved = await this.store.getEvaluation(id);
      const problems = approved ? frozen.problems(approved.evaluation, edited) : [];
      if (problems.length)
        throw new AppError(
          frozen.code as AppErrorCode,
          problems.length === 1 ? problems[0]!.message : `${problems[0]!.message}（共 ${problems.length} 处不能修改）`,
          { problems },
        );
      if (approved) follow = await this.followers(approved, edited);
    }
    const history = await this.checkedHistory({ kind: s.kind, projectId: s.projectId, year: edited.year, evaluation: edited });
    const { prepared, check } = prepareForm(s.kind, edited, history);
    let saved: StoredEvaluation;
    try {
      // the adjustment and the forms it reaches in one transaction: all written or none
      saved = follow.writes.length
        ? (await this.store.updateEvaluations([{ id, form: prepared, expectedVersion: version }, ...follow.writes], actor.username))[0]!
        : await this.store.updateEvaluation(id, prepared, version, actor.username);
    } catch (e) {
      // a form it reaches changed since it was read (saved, or submitted): nothing was stored; once more, read afresh
      if (e instanceof VersionConflict && e.current.id !== id && !retried) return this.save(actor, id, evaluation, version, true);
      throw e;
    }
    this.remember(checkKey(saved, history), check);
    const view = await this.view(actor, saved, check);
    return follow.followUps.length ? { ...view, followUps: follow.followUps } : view;
  }

  /**
   * The forms started from this one that take a change saved on it now (the year's 自评表 started from the
   * approved goals takes their adjustments, `FormSource.follow`): each still editable is written in the
   * same transaction and its history records it; one already handed in is not changed — said instead.
   */
  private async followers(before: StoredEvaluation, after: FormDocument): Promise<Follow> {
    const out: Follow = { writes: [], followUps: [] };
    for (const kind of FORM_KINDS)
      for (const source of kind.startsFrom) {
        if (source.kind !== before.kind || !source.follow) continue;
        for (const t of await this.store.listEvaluations({ projectId: before.projectId, kind: kind.id, year: before.year ?? undefined })) {
          if (t.year !== before.year) continue;
          const { form, indicatorIds } = source.follow(before.evaluation, after, t.evaluation);
          if (indicatorIds.length === 0) continue;
          const written = canEditContent(t.status, 'filler');
          if (written) out.writes.push({ id: t.id, form: preparedForStorage(kind.id, form), expectedVersion: t.version });
          const label = `${t.year ?? ''} 年度的${kind.label}`;
          const names = form.indicators
            .filter((i) => i.id !== undefined && indicatorIds.includes(i.id))
            .map((i) => `“${i.name.raw.trim() || i.id}”`)
            .join('、');
          out.followUps.push({
            evaluationId: t.id,
            kind: kind.id,
            status: t.status,
            indicatorIds,
            written,
            message: written
              ? `调整后指标值已同时写入${label}：${names}`
              : `${label}已处于“${kind.statusLabels[t.status]}”状态，调整后指标值未写入（${names}）；退回后请在${kind.label}中填写`,
          });
        }
      }
    return out;
  }

  /** The same draft for another year (a form filed under the wrong year). */
  async changeYear(actor: Actor, id: number, year: number, version: number): Promise<FormView> {
    const s = await this.find(actor, id);
    return this.save(actor, id, { ...s.evaluation, year }, version);
  }

  /** Deletes a draft; its history and snapshots stay. */
  async remove(actor: Actor, id: number, version: number): Promise<void> {
    const s = await this.stamp(actor, id);
    await this.mustBeVersion(id, s, version);
    this.mustEdit(actor, s);
    await this.store.deleteEvaluation(id, version, actor.username);
  }

  async act(actor: Actor, id: number, action: WorkflowAction, version: number, comment?: string): Promise<FormView> {
    const s = await this.find(actor, id);
    const kind = getFormKind(s.kind);
    const step = workflowStep(action, s.status, actor.role, kind.workflow);
    if (!step)
      throw new AppError('WORKFLOW.NOT_ALLOWED', `“${kind.statusLabels[s.status]}”状态下，${actor.displayName}不能执行“${kind.actionLabels[action]}”`, {
        status: s.status,
        action,
      });
    const text = comment?.trim();
    if (action === 'return' && !text) throw new AppError('WORKFLOW.COMMENT_REQUIRED', '退回时须写明退回意见');
    if (action === 'submit') {
      const blockers = kind.submissionBlockers(await this.checkOf(s));
      if (blockers.length)
        throw new AppError('WORKFLOW.BLOCKED', `还有 ${blockers.length} 个问题未解决（错误或缺少偏差原因），不能提交`, {
          findings: blockers.map((f) => ({
            rule: f.rule,
            code: f.code,
            message: f.message,
            indicator: f.location.indicator ?? null,
            indicatorId: f.location.indicatorId ?? null,
            field: f.location.field ?? null,
          })),
        });
    }
    const saved = await this.store.setStatus(s.id, step.to, version, actor.username, { ...(text && { comment: text }), snapshot: step.snapshot });
    return this.view(actor, saved);
  }

  /**
   * 复核得分 by indicator id, each between 0 and the indicator's 分值, with a reason; the budget-execution
   * score under `BUDGET_REVIEW_TARGET`, between 0 and the budget block's 分值 where the block counts (R7).
   */
  async review(actor: Actor, id: number, scores: ReadonlyArray<{ indicatorId: string; score: string; reason: string }>): Promise<ReviewScore[]> {
    const s = await this.find(actor, id);
    this.mayReview(actor, s, '复核得分');
    const rows = indicatorRows(s.evaluation);
    const budgetMax = budgetReviewMax((await this.checkOf(s)).score);
    const checked = scores.map((x) => {
      const budget = x.indicatorId === BUDGET_REVIEW_TARGET;
      const row = rows.get(x.indicatorId);
      const ind = row === undefined ? undefined : s.evaluation.indicators[row];
      const max = budget ? budgetMax : (ind?.points?.value ?? null);
      if (budget && max === null)
        throw new AppError('REVIEW.BAD_INDICATOR', '本表的预算执行率得分不单独计入总分（按指标计分或单独列示），无需单独复核；请复核相应的指标', {
          indicatorId: x.indicatorId,
        });
      if (!budget && !ind)
        throw new AppError('REVIEW.BAD_INDICATOR', `表中没有编号为“${x.indicatorId}”的指标（可能已被删除），请刷新后重试`, { indicatorId: x.indicatorId });
      const name = budget ? '预算执行率得分' : `“${ind!.name.raw}”的复核得分`;
      const v = parseNumberCell(x.score);
      if (v === null || cmp(v, '0') < 0 || (max !== null && cmp(v, max) > 0))
        throw new AppError('REVIEW.BAD_SCORE', `${name}“${x.score}”应为 0 到 ${max ?? '分值'} 之间的数`, {
          indicatorId: x.indicatorId,
          score: x.score,
        });
      return { indicatorId: x.indicatorId, score: v, reason: x.reason.trim() };
    });
    // stored only if the form is still the version read: a return and an edit in between would have
    // changed which indicators there are
    return this.store.saveReviews(s.id, checked, actor.username, s.version);
  }

  /** 复核意见: one text for the whole form, by finance at the same step as the 复核得分; empty removes it. */
  async reviewOpinion(actor: Actor, id: number, text: string): Promise<ReviewOpinion | null> {
    const s = await this.find(actor, id);
    this.mayReview(actor, s, '复核意见');
    return this.store.saveReviewOpinion(s.id, text.trim(), actor.username, s.version);
  }

  /**
   * The finance review of a form found by `find`, for its printed document: 复核得分 (with the budget's),
   * the reviewed total and the 复核意见.
   */
  async printedReview(s: StoredEvaluation): Promise<{ scores: ReviewScore[]; total: string | null; opinion: string | null }> {
    const [scores, opinion] = await Promise.all([this.store.reviews(s.id), this.store.reviewOpinion(s.id)]);
    return { scores, total: reviewedTotal(s.evaluation, (await this.checkOf(s)).score, scores), opinion: opinion?.text ?? null };
  }

  private mayReview(actor: Actor, s: StoredEvaluation, what: string): void {
    // a finance review is of a kind that is scored: a goal form has no points to review
    if (!getFormKind(s.kind).scored) throw new AppError('FORM.BAD_INPUT', `${getFormKind(s.kind).label}不计分，没有${what}`);
    if (!canReview(s.status, actor.role))
      throw new AppError(
        actor.role === 'finance' || actor.role === 'admin' ? 'WORKFLOW.NOT_ALLOWED' : 'AUTH.FORBIDDEN',
        `只有财政审核可在“单位已审核”状态下记录${what}（当前：${getFormKind(s.kind).statusLabels[s.status]}）`,
      );
  }

  async reviews(actor: Actor, id: number): Promise<ReviewScore[]> {
    await this.find(actor, id);
    return this.store.reviews(id);
  }

  /**
   * A form's records — history and frozen copies — outlive it: readable by whoever could read the form
   * (its department's users), deleted or not; a form deleted before its department was recorded
   * (before migration 0005) by an administrator only.
   */
  private async records(actor: Actor, id: number): Promise<void> {
    const d = await this.store.evaluationDepartment(id);
    if (d ? !actor.sees(d.departmentId) : actor.role !== 'admin') throw new AppError('STORE.NOT_FOUND', `表 ${id} 不存在`, { id });
  }

  async snapshots(actor: Actor, id: number) {
    await this.records(actor, id);
    return this.store.snapshots(id);
  }

  /** The history, each field also in Chinese (`label`), named as the form now has it (or had, if deleted). */
  async history(actor: Actor, id: number) {
    await this.records(actor, id);
    const [changes, current] = await Promise.all([this.store.history(id), this.store.getEvaluation(id)]);
    if (changes.length === 0) throw new AppError('STORE.NOT_FOUND', `表 ${id} 没有修改记录`);
    // a deleted form is named as it was when deleted: its last document is kept in the (删除) entry
    const form = current?.evaluation ?? lastDocument(changes);
    const names = await this.namesOf(changes.map((c) => c.actor));
    return changes.map((c) => ({ ...c, label: describeField(c.field, form), actorName: names.get(c.actor)!, ...shownValues(c) }));
  }

  /** Scores and checks a form without storing it. */
  check(kindId: string, evaluation: FormDocument): FormCheck {
    return prepareForm(kindId, evaluation).check;
  }
}

/**
 * The key of a form version's kept check: its id and version and, for a kind whose check reads last year's
 * record (goals, G10), that record too — last year's 自评表 changes without this form's version changing.
 */
function checkKey(s: { id: number; version: number }, history: FormHistory | undefined): string {
  return history ? `${s.id}:${s.version}:${history.year}:${JSON.stringify(history.actuals)}` : `${s.id}:${s.version}`;
}

/**
 * A change's before and after as a person reads them (issue 23): a status by its Chinese name (with the
 * comment of a return), a deletion without the whole document it keeps, a new form as 新建. The stored
 * values stay in `before`/`after` for programs.
 */
function shownValues(c: { field: string; before: string | null; after: string | null }): { shownBefore: string | null; shownAfter: string | null } {
  const status = (v: string | null) => {
    if (v === null) return null;
    const m = /^([a-z-]+)(（[\s\S]*）)?$/.exec(v);
    const label = m ? STATUS_LABELS[m[1] as keyof typeof STATUS_LABELS] : undefined;
    return label ? `${label}${m![2] ?? ''}` : v;
  };
  if (c.field === '(状态)') return { shownBefore: status(c.before), shownAfter: status(c.after) };
  if (c.field === '(删除)') return { shownBefore: c.before === null ? null : '删除前的表（已保留）', shownAfter: '已删除' };
  if (c.field === '(导入)' || c.field === '(新建)') return { shownBefore: c.before, shownAfter: c.after === '(新建)' ? '新建' : c.after };
  return { shownBefore: c.before, shownAfter: c.after };
}

/** The document a deleted form had, from its (删除) history entry; null when it is not readable. */
function lastDocument(changes: ReadonlyArray<{ field: string; before: string | null }>): FormDocument | null {
  const before = changes.findLast((c) => c.field === '(删除)')?.before;
  if (!before) return null;
  try {
    return withIndicatorIds(JSON.parse(before) as FormDocument);
  } catch {
    return null; // a history entry written by hand or by an older tool: the fields are then named without it
  }
}
