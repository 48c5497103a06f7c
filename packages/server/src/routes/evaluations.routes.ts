/** Evaluations: list, create, read (with score and findings), update (versioned), delete, history, scoring. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditForm, availableActions, canEditContent, canReview, format, getScheme, reviewedTotal, scoreEvaluation, STATUS_LABELS, type ReviewScore, type Store, type StoredEvaluation } from '@jixiao/core';
import { EvaluationQuery, EvaluationUpdate, IdParams, NewEvaluation, ScoreRequest, VersionQuery } from '../schemas.ts';
import { actorOf, auth, requireDepartment, requireEvaluation, requireRecords, requireRole } from '../auth/guard.ts';
import { inScope } from '../auth/scope.ts';
import { HttpError } from '../errors.ts';
import type { FastifyRequest } from 'fastify';

export function brief(s: StoredEvaluation) {
  return {
    id: s.id,
    departmentId: s.departmentId,
    projectId: s.projectId,
    project: s.evaluation.project.name.raw,
    year: s.year,
    schemeId: s.schemeId,
    status: s.status,
    version: s.version,
    /** recomputed total, 分 */
    total: format(BigInt(s.totalHundredths), 2),
    grade: s.grade,
    claimedTotal: s.evaluation.claimed.total?.value ?? null,
    updatedAt: s.updatedAt,
  };
}

export function full(s: StoredEvaluation, reviews: ReviewScore[]) {
  const { score, findings } = auditForm(s.evaluation, getScheme(s.schemeId));
  return { ...brief(s), evaluation: s.evaluation, score, findings, reviews, reviewedTotal: reviewedTotal(score, reviews) };
}

/** The form, and what this user may do with it now (the UI shows only the buttons that will work). */
export async function forUser(req: FastifyRequest, store: Store, s: StoredEvaluation) {
  const { role } = auth(req).user;
  const [lastStatusChange, reviews] = await Promise.all([store.lastStatusChange(s.id), store.reviews(s.id)]);
  return { ...full(s, reviews), permissions: { edit: canEditContent(s.status, role), review: canReview(s.status, role), actions: availableActions(s.status, role) }, lastStatusChange };
}

function mustEdit(req: FastifyRequest, s: StoredEvaluation) {
  const { user } = auth(req);
  if (!canEditContent(s.status, user.role))
    throw new HttpError(user.role === 'filler' || user.role === 'admin' ? 409 : 403, 'WORKFLOW.READ_ONLY', `自评表处于“${STATUS_LABELS[s.status]}”状态，${user.role === 'filler' ? '退回后才能修改' : '当前账号不能修改内容'}`, { status: s.status });
}

export function evaluationRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/evaluations', { schema: { tags: ['自评表'], summary: '自评表列表（按年度、部门、等级、状态筛选；只含本人可见的部门）', querystring: EvaluationQuery } }, async (req) => {
    const a = req.query.departmentId !== undefined ? requireDepartment(req, req.query.departmentId) : auth(req);
    return (await store.listEvaluations(req.query)).filter((s) => inScope(a.scope, s.departmentId)).map(brief);
  });
  r.post('/api/evaluations', { schema: { tags: ['自评表'], summary: '新建自评表（填报人、管理员）', body: NewEvaluation } }, async (req, reply) => {
    requireRole(req, ['filler', 'admin'], '新建自评表');
    requireDepartment(req, req.body.departmentId);
    const [saved] = await store.importEvaluations({ departmentId: req.body.departmentId, evaluations: [req.body.evaluation], actor: actorOf(req) });
    return reply.code(201).send(await forUser(req, store, saved!));
  });
  // The scored form as JSON, kept per (form, version, stamp, role): re-reading an unchanged form costs the
  // permission check and one small query, not a parse, a full audit and a serialisation each time.
  const rendered = new Map<string, Buffer>();
  r.get('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '读取自评表（含计算得分、校验结果、复核得分和本人可做的操作）', params: IdParams } }, async (req, reply) => {
    const a = auth(req);
    const stamp = await store.evaluationStamp(req.params.id);
    if (!stamp || !inScope(a.scope, stamp.departmentId)) throw new HttpError(404, 'STORE.NOT_FOUND', `自评表 ${req.params.id} 不存在`);
    const key = `${req.params.id}:${stamp.version}:${stamp.updatedAt}:${a.user.role}`;
    let body = rendered.get(key);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(await forUser(req, store, await requireEvaluation(req, store, req.params.id))));
      if (rendered.size >= 500) rendered.delete(rendered.keys().next().value!);
      rendered.set(key, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });
  r.put('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '保存自评表（草稿，填报人；需带读取时的版本号；版本过期返回 409 与当前内容）', params: IdParams, body: EvaluationUpdate } }, async (req) => {
    mustEdit(req, await requireEvaluation(req, store, req.params.id));
    return forUser(req, store, await store.updateEvaluation(req.params.id, req.body.evaluation, req.body.version, actorOf(req)));
  });
  r.delete('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '删除自评表（草稿；需带版本号）', params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    mustEdit(req, await requireEvaluation(req, store, req.params.id));
    await store.deleteEvaluation(req.params.id, req.query.version, actorOf(req));
    return reply.code(204).send();
  });
  r.get('/api/evaluations/:id/score', { schema: { tags: ['自评表'], summary: '按评分规则计算得分', params: IdParams } }, async (req) => {
    const s = await requireEvaluation(req, store, req.params.id);
    return scoreEvaluation(s.evaluation, getScheme(s.schemeId));
  });
  r.get('/api/evaluations/:id/findings', { schema: { tags: ['自评表'], summary: '逻辑校验结果（A1–A12，单表）', params: IdParams } }, async (req) => {
    const s = await requireEvaluation(req, store, req.params.id);
    return auditForm(s.evaluation, getScheme(s.schemeId)).findings;
  });
  r.get('/api/evaluations/:id/history', { schema: { tags: ['自评表'], summary: '修改记录：谁、何时、哪个字段、修改前后（永久保存；表删除后仍可由原部门查看）', params: IdParams } }, async (req) => {
    // The history outlives a deleted form: readable by whoever could read the form (its department's users).
    await requireRecords(req, store, req.params.id);
    const changes = await store.history(req.params.id);
    if (changes.length === 0) throw new HttpError(404, 'STORE.NOT_FOUND', `自评表 ${req.params.id} 没有修改记录`);
    return changes;
  });
  r.post('/api/score', { schema: { tags: ['计算'], summary: '不保存，直接计算一张自评表的得分与校验结果', body: ScoreRequest } }, async (req) => {
    const scheme = getScheme(req.body.schemeId ?? req.body.evaluation.schemeId);
    return auditForm(req.body.evaluation, scheme);
  });
  r.get('/api/schemes', { schema: { tags: ['计算'], summary: '评分方案' } }, async () => ['national', 'hebei', 'ningxia'].map(getScheme));
}
