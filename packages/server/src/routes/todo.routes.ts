/**
 * 待办 and batch work (issue 23): the signed-in person's to-do list by role, the finance bureau's
 * deadlines, and one workflow action on many forms with each form's outcome. The use cases decide
 * everything; these routes translate HTTP to them.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BatchUseCases, TodoUseCases } from '@jixiao/app';
import { contract } from '@jixiao/core';
import { answers } from '../contract.ts';
import { actor } from '../auth/guard.ts';
import { BatchBody, DeadlineBody, FindingCountsQuery, TodoQuery, DeadlinesQuery } from '../schemas.ts';

export function todoRoutes(app: FastifyInstance, todo: TodoUseCases, batch: BatchUseCases): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/todo',
    {
      schema: {
        tags: ['待办'],
        summary: '我的待办：按角色分组（被退回、待提交、待审核、待复核）的数目和一页表，附截止日期与退回意见',
        querystring: TodoQuery,
        response: answers({ 200: contract.TodoList }),
      },
    },
    async (req) => todo.list(actor(req), req.query),
  );
  r.get(
    '/api/todo/findings',
    {
      schema: {
        tags: ['待办'],
        summary: '所列各表的错误数和警告数（按每张表本身的校验；列表先显示，问题数随后补上）',
        querystring: FindingCountsQuery,
        response: answers({ 200: contract.FindingCounts }),
      },
    },
    async (req) => todo.findings(actor(req), req.query.ids.split(',').map(Number)),
  );
  r.get(
    '/api/deadlines',
    {
      schema: {
        tags: ['待办'],
        summary: '财政设定的截止日期（本人可见的部门）',
        querystring: DeadlinesQuery,
        response: answers({ 200: z.array(contract.Deadline) }),
      },
    },
    async (req) => todo.deadlines(actor(req), req.query.year, req.query.departmentId),
  );
  r.put(
    '/api/deadlines',
    {
      schema: {
        tags: ['待办'],
        summary: '设定或取消某部门（或全部部门）某年度的截止日期（财政审核、管理员）',
        body: DeadlineBody,
        response: answers({ 200: z.array(contract.Deadline) }),
      },
    },
    async (req) => todo.setDeadline(actor(req), req.body),
  );
  r.post(
    '/api/forms/batch',
    {
      schema: {
        tags: ['审核流程'],
        summary: '批量提交、审核通过、复核完成或退回（退回意见对所选各表相同）；逐张报告结果，一张未通过不影响其他',
        body: BatchBody,
        response: answers({ 200: contract.BatchResult }),
      },
    },
    async (req) => {
      const outcomes = await batch.act(actor(req), req.body.action, req.body.items, req.body.comment);
      const done = outcomes.filter((o) => o.ok).length;
      return { outcomes, done, refused: outcomes.length - done };
    },
  );
}
