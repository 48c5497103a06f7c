/** Departments, projects, the 汇总表 and department-wide findings, all computed from the stored forms. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotFound, provinceOverview, type Finding, type Store } from '@jixiao/core';
import { auth, requireDepartment, requireRole } from '../auth/guard.ts';
import { inScope } from '../auth/scope.ts';
import { reviewedTotals, type DepartmentAudits } from './department-data.ts';
import { IdParams, NewDepartment, YearQuery } from '../schemas.ts';
import { z } from 'zod';

const FindingsQuery = YearQuery.extend({
  rule: z.enum(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12']).optional().describe('只看这条规则'),
  severity: z.enum(['error', 'warning', 'info']).optional().describe('只看这一严重程度'),
  evaluationId: z.coerce.number().int().positive().optional().describe('只看这张自评表'),
  offset: z.coerce.number().int().min(0).default(0).describe('跳过前面这么多条'),
  limit: z.coerce.number().int().min(1).max(100_000).optional().describe('最多返回这么多条'),
});

export function departmentRoutes(app: FastifyInstance, store: Store, audits: DepartmentAudits): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/departments', { schema: { tags: ['部门'], summary: '部门列表（本人可见的）' } }, async (req) => {
    const a = auth(req);
    return (await store.listDepartments()).filter((d) => inScope(a.scope, d.id));
  });
  r.post('/api/departments', { schema: { tags: ['部门'], summary: '新建部门（管理员；编码已存在时返回原部门）', body: NewDepartment } }, async (req, reply) => {
    requireRole(req, ['admin'], '管理部门');
    return reply.code(201).send(await store.ensureDepartment(req.body));
  });
  r.get('/api/departments/totals', { schema: { tags: ['部门'], summary: '各部门汇总：每个部门的自评表数、全年预算数、全年执行数、执行率、等级分布（本人可见的部门）及合计', querystring: YearQuery } }, async (req) => {
    const a = auth(req);
    const departments = (await store.listDepartments()).filter((d) => inScope(a.scope, d.id));
    return provinceOverview(departments, await store.departmentTotals(req.query.year), req.query.year ?? null);
  });
  r.get('/api/departments/:id', { schema: { tags: ['部门'], summary: '部门', params: IdParams } }, async (req) => {
    requireDepartment(req, req.params.id);
    const d = await store.getDepartment(req.params.id);
    if (!d) throw new NotFound(`部门 ${req.params.id} 不存在`);
    return d;
  });
  r.get('/api/projects', { schema: { tags: ['部门'], summary: '项目列表（本人可见的部门）', querystring: z.object({ departmentId: z.coerce.number().int().positive().optional() }) } }, async (req) => {
    const a = req.query.departmentId !== undefined ? requireDepartment(req, req.query.departmentId) : auth(req);
    return (await store.listProjects(req.query.departmentId)).filter((p) => inScope(a.scope, p.departmentId));
  });

  r.get('/api/departments/:id/summary', { schema: { tags: ['部门'], summary: '绩效自评情况汇总表（由自评表计算；含复核得分）', params: IdParams, querystring: YearQuery } }, async (req) => {
    requireDepartment(req, req.params.id);
    const { d, stored, summary, findings, scores } = await audits.load(req.params.id, req.query.year);
    const reviewed = await reviewedTotals(store, stored, scores);
    // Findings per form, so a list can put the worst first without a second request.
    const counts = stored.map(() => ({ errors: 0, warnings: 0, infos: 0 }));
    for (const f of findings) {
      const c = f.location.form ? counts[f.location.form.index] : undefined;
      if (c) c[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos'] += 1;
    }
    return { department: d, summary: { ...summary, rows: summary.rows.map((row, i) => ({ ...row, evaluationId: stored[i]!.id, status: stored[i]!.status, version: stored[i]!.version, reviewedScore: reviewed[i] ?? null, ...counts[i]! })) } };
  });
  r.get('/api/departments/:id/years', { schema: { tags: ['部门'], summary: '部门有自评表的年度（从新到旧）', params: IdParams } }, async (req) => {
    requireDepartment(req, req.params.id);
    if (!(await store.getDepartment(req.params.id))) throw new NotFound(`部门 ${req.params.id} 不存在`);
    const years = new Set((await store.summaryRows(req.params.id)).map((r) => r.year).filter((y): y is number => y !== null));
    return [...years].sort((a, b) => b - a);
  });
  r.get(
    '/api/departments/:id/findings',
    {
      schema: {
        tags: ['部门'],
        summary: '部门全部自评表的逻辑校验结果（含跨表复制检测 A9）；可按规则、严重程度、自评表筛选，分页（总数在 x-total-count）',
        params: IdParams,
        querystring: FindingsQuery,
      },
    },
    async (req, reply) => {
      requireDepartment(req, req.params.id);
      const { stored, findings } = await audits.load(req.params.id, req.query.year);
      // A province department's 1,000 forms have ≈ 12,000 findings (5 MB of JSON): a caller after the
      // errors of one rule, or one page of them, gets just those.
      const { rule, severity, evaluationId, offset, limit } = req.query;
      const idOf = (f: Finding) => (f.location.form ? stored[f.location.form.index]!.id : null);
      const chosen = findings.filter((f) => (!rule || f.rule === rule) && (!severity || f.severity === severity) && (evaluationId === undefined || idOf(f) === evaluationId));
      void reply.header('x-total-count', String(chosen.length));
      return chosen.slice(offset, limit === undefined ? undefined : offset + limit).map((f) => ({ ...f, evaluationId: idOf(f) }));
    },
  );
  r.get('/api/grades', { schema: { tags: ['部门'], summary: '全部自评表按等级计数（管理员）', querystring: YearQuery } }, async (req) => {
    requireRole(req, ['admin'], '查看全部门的等级统计');
    return store.gradeCounts(req.query.year);
  });
}
