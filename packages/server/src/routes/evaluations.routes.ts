/** Evaluations: list, create, read (with score and findings), update (versioned), delete, history, scoring. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditForm, format, getScheme, NotFound, scoreEvaluation, type Store, type StoredEvaluation } from '@jixiao/core';
import { EvaluationQuery, EvaluationUpdate, IdParams, NewEvaluation, ScoreRequest, VersionQuery } from '../schemas.ts';

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

export function full(s: StoredEvaluation) {
  const { score, findings } = auditForm(s.evaluation, getScheme(s.schemeId));
  return { ...brief(s), evaluation: s.evaluation, score, findings };
}

async function mustGet(store: Store, id: number): Promise<StoredEvaluation> {
  const s = await store.getEvaluation(id);
  if (!s) throw new NotFound(`自评表 ${id} 不存在`);
  return s;
}

export function evaluationRoutes(app: FastifyInstance, store: Store, actor: () => string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/evaluations', { schema: { tags: ['自评表'], summary: '自评表列表（按年度、部门、等级、状态筛选）', querystring: EvaluationQuery } }, async (req) => (await store.listEvaluations(req.query)).map(brief));
  r.post('/api/evaluations', { schema: { tags: ['自评表'], summary: '新建自评表', body: NewEvaluation } }, async (req, reply) => {
    const [saved] = await store.importEvaluations({ departmentId: req.body.departmentId, evaluations: [req.body.evaluation], actor: actor() });
    return reply.code(201).send(full(saved!));
  });
  r.get('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '读取自评表（含计算得分与校验结果）', params: IdParams } }, async (req) => full(await mustGet(store, req.params.id)));
  r.put('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '保存自评表（需带读取时的版本号；版本过期返回 409 与当前内容）', params: IdParams, body: EvaluationUpdate } }, async (req) =>
    full(await store.updateEvaluation(req.params.id, req.body.evaluation, req.body.version, actor())),
  );
  r.delete('/api/evaluations/:id', { schema: { tags: ['自评表'], summary: '删除自评表（需带版本号）', params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    await store.deleteEvaluation(req.params.id, req.query.version, actor());
    return reply.code(204).send();
  });
  r.get('/api/evaluations/:id/score', { schema: { tags: ['自评表'], summary: '按评分规则计算得分', params: IdParams } }, async (req) => {
    const s = await mustGet(store, req.params.id);
    return scoreEvaluation(s.evaluation, getScheme(s.schemeId));
  });
  r.get('/api/evaluations/:id/findings', { schema: { tags: ['自评表'], summary: '逻辑校验结果（A1–A12，单表）', params: IdParams } }, async (req) => {
    const s = await mustGet(store, req.params.id);
    return auditForm(s.evaluation, getScheme(s.schemeId)).findings;
  });
  r.get('/api/evaluations/:id/history', { schema: { tags: ['自评表'], summary: '修改记录（表被删除后仍保留）', params: IdParams } }, async (req) => {
    const changes = await store.history(req.params.id);
    if (changes.length === 0) throw new NotFound(`自评表 ${req.params.id} 没有修改记录`);
    return changes;
  });
  r.post('/api/score', { schema: { tags: ['计算'], summary: '不保存，直接计算一张自评表的得分与校验结果', body: ScoreRequest } }, async (req) => {
    const scheme = getScheme(req.body.schemeId ?? req.body.evaluation.schemeId);
    return auditForm(req.body.evaluation, scheme);
  });
  r.get('/api/schemes', { schema: { tags: ['计算'], summary: '评分方案' } }, async () => ['national', 'hebei', 'ningxia'].map(getScheme));
}
