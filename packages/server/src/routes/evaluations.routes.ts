/**
 * Forms: list, create (blank, from last year's, or given whole), read (with score and findings), save
 * (versioned), change a draft's year, delete a draft, history, and scoring without saving. Each route
 * translates HTTP to a use case of packages/app and back.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { brief, type FormUseCases } from '@jixiao/app';
import { FORM_KINDS, getScheme, selfEvaluationKind, type Store } from '@jixiao/core';
import { CarryOver, EvaluationQuery, EvaluationUpdate, IdParams, NewEvaluation, NewForm, ScoreRequest, VersionQuery, YearChange } from '../schemas.ts';
import { actor, auth, requireDepartment } from '../auth/guard.ts';
import { inScope } from '../auth/scope.ts';

export function evaluationRoutes(app: FastifyInstance, store: Store, forms: FormUseCases): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/evaluations',
    { schema: { tags: ['自评表'], summary: '表的列表（按种类、项目、年度、部门、等级、状态筛选；只含本人可见的部门）', querystring: EvaluationQuery } },
    async (req) => {
      const a = req.query.departmentId !== undefined ? requireDepartment(req, req.query.departmentId) : auth(req);
      return (await store.listEvaluations(req.query)).filter((s) => inScope(a.scope, s.departmentId)).map(brief);
    },
  );
  r.get('/api/form-kinds', { schema: { tags: ['自评表'], summary: '表的种类' } }, async () =>
    FORM_KINDS.map((k) => ({
      id: k.id,
      title: k.title,
      label: k.label,
      layouts: k.exportLayouts,
      scored: k.scored,
      // the kind's names of statuses and actions (a goal form's last step is 财政已批复), and the forms it starts from
      statusLabels: k.statusLabels,
      actionLabels: k.actionLabels,
      startsFrom: k.startsFrom.map((f) => ({ from: f.from, kind: f.kind, status: f.status })),
    })),
  );
  r.post(
    '/api/forms',
    {
      schema: {
        tags: ['自评表'],
        summary:
          '新建表：空白（按本部门表式）、从上年复制（指标与目标带入，实际值留空）、自评表从本年度已批复的绩效目标生成（goals）或整表提交；可同时新建项目（填报人、管理员）',
        body: NewForm,
      },
    },
    async (req, reply) => {
      return reply.code(201).send(await forms.create(actor(req), req.body));
    },
  );
  r.post(
    '/api/departments/:id/carry-over',
    {
      schema: { tags: ['自评表'], summary: '为本部门上年有表的全部项目从上年生成本年度的表（一个事务；本年度已有的不动）', params: IdParams, body: CarryOver },
    },
    async (req, reply) => {
      const { created, existing } = await forms.carryOverDepartment(actor(req), req.params.id, req.body.year, req.body.kind);
      return reply.code(201).send({ created: created.length, existing, evaluations: created.map(brief) });
    },
  );
  r.post('/api/evaluations', { schema: { tags: ['自评表'], summary: '新建自评表（整表提交，填报人、管理员）', body: NewEvaluation } }, async (req, reply) => {
    const ev = req.body.evaluation;
    const view = await forms.create(actor(req), {
      kind: selfEvaluationKind.id,
      newProject: { departmentId: req.body.departmentId, name: ev.project.name.raw },
      year: ev.year ?? 0,
      from: { evaluation: ev },
    });
    return reply.code(201).send(view);
  });
  r.get(
    '/api/evaluations/:id',
    { schema: { tags: ['自评表'], summary: '读取表（含计算得分、校验结果、复核得分、上年实际值和本人可做的操作）', params: IdParams } },
    async (req) => forms.read(actor(req), req.params.id),
  );
  r.put(
    '/api/evaluations/:id',
    {
      schema: {
        tags: ['自评表'],
        summary: '保存表（草稿，填报人；已批复的绩效目标只可填写调整后指标值及调整原因；需带读取时的版本号；版本过期返回 409 与当前内容）',
        params: IdParams,
        body: EvaluationUpdate,
      },
    },
    async (req) => forms.save(actor(req), req.params.id, req.body.evaluation, req.body.version),
  );
  r.put(
    '/api/evaluations/:id/year',
    { schema: { tags: ['自评表'], summary: '修改草稿的年度（需带版本号）', params: IdParams, body: YearChange } },
    async (req) => forms.changeYear(actor(req), req.params.id, req.body.year, req.body.version),
  );
  r.delete(
    '/api/evaluations/:id',
    { schema: { tags: ['自评表'], summary: '删除草稿（需带版本号；修改记录和冻结副本保留）', params: IdParams, querystring: VersionQuery } },
    async (req, reply) => {
      await forms.remove(actor(req), req.params.id, req.query.version);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/evaluations/:id/score',
    { schema: { tags: ['自评表'], summary: '按评分规则计算得分', params: IdParams } },
    async (req) => (await forms.read(actor(req), req.params.id)).score,
  );
  r.get(
    '/api/evaluations/:id/findings',
    { schema: { tags: ['自评表'], summary: '逻辑校验结果（A1–A12，单表）', params: IdParams } },
    async (req) => (await forms.read(actor(req), req.params.id)).findings,
  );
  r.get(
    '/api/evaluations/:id/history',
    { schema: { tags: ['自评表'], summary: '修改记录：谁、何时、哪个字段、修改前后（永久保存；已删除的表由管理员查看）', params: IdParams } },
    async (req) => forms.history(actor(req), req.params.id),
  );
  r.post('/api/score', { schema: { tags: ['计算'], summary: '不保存，直接计算一张自评表的得分与校验结果', body: ScoreRequest } }, async (req) => {
    const ev = req.body.schemeId ? { ...req.body.evaluation, schemeId: req.body.schemeId } : req.body.evaluation;
    return forms.check(selfEvaluationKind.id, ev);
  });
  r.get('/api/schemes', { schema: { tags: ['计算'], summary: '评分方案' } }, async () => ['national', 'hebei', 'ningxia'].map(getScheme));
}
