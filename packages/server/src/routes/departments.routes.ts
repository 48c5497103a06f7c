/** Departments, projects, the 汇总表 and department-wide findings, all computed from the stored forms. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contract, NotFound, provinceOverview, type Store } from '@jixiao/core';
import { answers } from '../contract.ts';
import { actor, auth, requireDepartment, requireRole } from '../auth/guard.ts';
import { inScope } from '../auth/scope.ts';
import type { AccountUseCases, DepartmentUseCases } from '@jixiao/app';
import { DepartmentPatch, IdParams, NewDepartment, YearQuery } from '../schemas.ts';
import { z } from 'zod';

const FindingsQuery = YearQuery.extend({
  rule: z.enum(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12']).optional().describe('只看这条规则'),
  severity: z.enum(['error', 'warning', 'info']).optional().describe('只看这一严重程度'),
  evaluationId: z.coerce.number().int().positive().optional().describe('只看这张自评表'),
  offset: z.coerce.number().int().min(0).default(0).describe('跳过前面这么多条'),
  limit: z.coerce.number().int().min(1).max(100_000).optional().describe('最多返回这么多条'),
});

export function departmentRoutes(app: FastifyInstance, store: Store, departments: DepartmentUseCases, accounts: AccountUseCases): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/departments',
    { schema: { tags: ['部门'], summary: '部门列表（本人可见的），含上级部门', response: answers({ 200: z.array(contract.Department) }) } },
    async (req) => accounts.departments(actor(req)),
  );
  r.post(
    '/api/departments',
    {
      schema: {
        tags: ['部门'],
        summary: '新建部门（管理员）；编码已被使用时拒绝（409 DEPARTMENT.DUPLICATE_CODE，并说明被哪个部门使用）',
        body: NewDepartment,
        response: answers({ 201: contract.Department }),
      },
    },
    async (req, reply) => reply.code(201).send(await accounts.createDepartment(actor(req), req.body)),
  );
  r.put(
    '/api/departments/:id',
    {
      schema: {
        tags: ['部门'],
        summary: '修改部门名称或上级部门（管理员）；上级不能是本部门或其下级（422 DEPARTMENT.CYCLE）',
        params: IdParams,
        body: DepartmentPatch,
        response: answers({ 200: contract.Department }),
      },
    },
    async (req) => accounts.updateDepartment(actor(req), req.params.id, req.body),
  );
  r.get(
    '/api/departments/totals',
    {
      schema: {
        tags: ['部门'],
        summary: '各部门汇总：每个部门的自评表数、全年预算数、全年执行数、执行率、等级分布（本人可见的部门）及合计',
        querystring: YearQuery,
        response: answers({ 200: contract.ProvinceOverview }),
      },
    },
    async (req) => {
      const a = auth(req);
      const departments = (await store.listDepartments()).filter((d) => inScope(a.scope, d.id));
      return provinceOverview(departments, await store.departmentTotals(req.query.year), req.query.year ?? null);
    },
  );
  r.get(
    '/api/departments/:id',
    { schema: { tags: ['部门'], summary: '部门', params: IdParams, response: answers({ 200: contract.Department }) } },
    async (req) => {
      requireDepartment(req, req.params.id);
      const d = await store.getDepartment(req.params.id);
      if (!d) throw new NotFound(`部门 ${req.params.id} 不存在`);
      return d;
    },
  );
  r.get(
    '/api/projects',
    {
      schema: {
        tags: ['部门'],
        summary: '项目列表（本人可见的部门）',
        querystring: z.object({ departmentId: z.coerce.number().int().positive().optional() }),
        response: answers({ 200: z.array(contract.Project) }),
      },
    },
    async (req) => {
      const a = req.query.departmentId !== undefined ? requireDepartment(req, req.query.departmentId) : auth(req);
      return (await store.listProjects(req.query.departmentId)).filter((p) => inScope(a.scope, p.departmentId));
    },
  );

  r.get(
    '/api/departments/:id/summary',
    {
      schema: {
        tags: ['部门'],
        summary: '绩效自评情况汇总表（由自评表计算；含复核得分）',
        params: IdParams,
        querystring: YearQuery,
        response: answers({ 200: contract.DepartmentSummaryView }),
      },
    },
    async (req) => departments.summary(actor(req), req.params.id, req.query.year),
  );
  r.get(
    '/api/departments/:id/years',
    { schema: { tags: ['部门'], summary: '部门有自评表的年度（从新到旧）', params: IdParams, response: answers({ 200: z.array(z.number().int()) }) } },
    async (req) => departments.years(actor(req), req.params.id),
  );
  r.get(
    '/api/departments/:id/findings',
    {
      schema: {
        tags: ['部门'],
        summary: '部门全部自评表的逻辑校验结果（含跨表复制检测 A9）；可按规则、严重程度、自评表筛选，分页（总数在 x-total-count）',
        params: IdParams,
        querystring: FindingsQuery,
        response: answers({ 200: z.array(contract.DepartmentFinding) }),
      },
    },
    async (req, reply) => {
      const { total, findings } = await departments.findings(actor(req), req.params.id, req.query);
      void reply.header('x-total-count', String(total));
      return findings;
    },
  );
  r.get(
    '/api/evaluations/:id/department-findings',
    {
      schema: {
        tags: ['自评表'],
        summary: '此表在部门汇总核对中的校验结果（跨表比较 A9 等，单表校验之外的；与汇总表所计相同）',
        params: IdParams,
        response: answers({ 200: z.array(contract.Finding) }),
      },
    },
    async (req) => departments.acrossForms(actor(req), req.params.id),
  );
  r.get(
    '/api/grades',
    { schema: { tags: ['部门'], summary: '全部自评表按等级计数（管理员）', querystring: YearQuery, response: answers({ 200: contract.GradeCounts }) } },
    async (req) => {
      requireRole(req, ['admin'], '查看全部门的等级统计');
      return store.gradeCounts(req.query.year);
    },
  );
}
