/** Departments, projects, the 汇总表 and department-wide findings, all computed from the stored forms. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditForms, getScheme, NotFound, summarizeDepartment, type Store } from '@jixiao/core';
import { IdParams, NewDepartment, YearQuery } from '../schemas.ts';
import { z } from 'zod';

export function departmentRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/departments', { schema: { tags: ['部门'], summary: '部门列表' } }, async () => store.listDepartments());
  r.post('/api/departments', { schema: { tags: ['部门'], summary: '新建部门（编码已存在时返回原部门）', body: NewDepartment } }, async (req, reply) => reply.code(201).send(await store.ensureDepartment(req.body)));
  r.get('/api/departments/:id', { schema: { tags: ['部门'], summary: '部门', params: IdParams } }, async (req) => {
    const d = await store.getDepartment(req.params.id);
    if (!d) throw new NotFound(`部门 ${req.params.id} 不存在`);
    return d;
  });
  r.get('/api/projects', { schema: { tags: ['部门'], summary: '项目列表', querystring: z.object({ departmentId: z.coerce.number().int().positive().optional() }) } }, async (req) =>
    store.listProjects(req.query.departmentId),
  );

  const departmentForms = async (id: number, year?: number) => {
    const d = await store.getDepartment(id);
    if (!d) throw new NotFound(`部门 ${id} 不存在`);
    const stored = await store.listEvaluations({ departmentId: id, ...(year !== undefined && { year }) });
    return { d, stored, forms: stored.map((s) => s.evaluation) };
  };

  r.get('/api/departments/:id/summary', { schema: { tags: ['部门'], summary: '绩效自评情况汇总表（由自评表计算）', params: IdParams, querystring: YearQuery } }, async (req) => {
    const { d, stored, forms } = await departmentForms(req.params.id, req.query.year);
    const { scores } = auditForms(forms);
    const scheme = getScheme(forms[0]?.schemeId ?? 'national');
    const summary = summarizeDepartment(forms, scores, scheme);
    return { department: d, summary: { ...summary, rows: summary.rows.map((row, i) => ({ ...row, evaluationId: stored[i]!.id, status: stored[i]!.status })) } };
  });
  r.get('/api/departments/:id/findings', { schema: { tags: ['部门'], summary: '部门全部自评表的逻辑校验结果（含跨表复制检测 A9）', params: IdParams, querystring: YearQuery } }, async (req) => {
    const { stored, forms } = await departmentForms(req.params.id, req.query.year);
    return auditForms(forms).findings.map((f) => ({ ...f, evaluationId: f.location.form ? stored[f.location.form.index]!.id : null }));
  });
  r.get('/api/grades', { schema: { tags: ['部门'], summary: '全部自评表按等级计数', querystring: YearQuery } }, async (req) => store.gradeCounts(req.query.year));
}
