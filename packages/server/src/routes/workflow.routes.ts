/**
 * The review workflow of a form: submit, approve, finalize and return (with a comment), the frozen
 * copies handed in, the finance reviewer's 复核得分, and the history as CSV. Who may do what is the core's
 * workflow table; the server enforces it here.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FormUseCases } from '@jixiao/app';
import { contract, type Store } from '@jixiao/core';
import { answers } from '../contract.ts';
import { actor } from '../auth/guard.ts';
import { spreadsheetText } from '@jixiao/office';
import { IdParams } from '../schemas.ts';

const ActionParams = IdParams.extend({
  action: z.enum(['submit', 'approve', 'finalize', 'return']).describe('submit 提交、approve 单位审核通过、finalize 财政复核完成、return 退回'),
});
const ActionBody = z.object({
  version: z.number().int().positive().describe('读取时的版本号'),
  comment: z.string().max(2000).optional().describe('意见；退回时必填'),
});
const ReviewBody = z.object({
  scores: z
    .array(
      z.object({
        indicatorId: z.string().min(1).max(40).describe('指标编号（表中每个指标的 id）；#budget 为预算执行率得分'),
        score: z.string().min(1).max(20).describe('复核得分，分'),
        reason: z.string().min(1).max(2000).describe('理由'),
      }),
    )
    .min(1)
    .max(500),
});

/** A CSV field for Excel: quoted when needed, and never a formula (spreadsheetText; issue 24). */
const csvCell = (v: string | number | null) => {
  const t = v === null ? '' : spreadsheetText(String(v));
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function workflowRoutes(app: FastifyInstance, store: Store, forms: FormUseCases): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/evaluations/:id/actions/:action',
    {
      schema: {
        tags: ['审核流程'],
        summary: '提交、审核通过、复核完成或退回（需带版本号；退回须写意见）',
        params: ActionParams,
        body: ActionBody,
        response: answers({ 200: contract.FormView }),
      },
    },
    async (req) => forms.act(actor(req), req.params.id, req.params.action, req.body.version, req.body.comment),
  );
  r.get(
    '/api/evaluations/:id/snapshots',
    { schema: { tags: ['审核流程'], summary: '每次提交、审核、复核时冻结的表副本', params: IdParams, response: answers({ 200: z.array(contract.Snapshot) }) } },
    async (req) => forms.snapshots(actor(req), req.params.id),
  );
  r.get(
    '/api/evaluations/:id/reviews',
    {
      schema: {
        tags: ['审核流程'],
        summary: '财政复核得分（按指标编号；#budget 为预算执行率得分）',
        params: IdParams,
        response: answers({ 200: z.array(contract.ReviewScore) }),
      },
    },
    async (req) => forms.reviews(actor(req), req.params.id),
  );
  r.put(
    '/api/evaluations/:id/reviews',
    {
      schema: {
        tags: ['审核流程'],
        summary: '记录复核得分（财政审核，单位已审核之后；按指标编号，预算执行率得分用 #budget）',
        params: IdParams,
        body: ReviewBody,
        response: answers({ 200: z.array(contract.ReviewScore) }),
      },
    },
    async (req) => forms.review(actor(req), req.params.id, req.body.scores),
  );
  r.put(
    '/api/evaluations/:id/review-opinion',
    {
      schema: {
        tags: ['审核流程'],
        summary: '记录复核意见（财政审核，单位已审核之后；整张表一段文字，空文字为删除；记入修改记录，并打印在表上）',
        params: IdParams,
        body: z.object({ text: z.string().max(2000).describe('复核意见') }),
        response: answers({ 200: contract.ReviewOpinion.nullable() }),
      },
    },
    async (req) => forms.reviewOpinion(actor(req), req.params.id, req.body.text),
  );

  r.get(
    '/api/evaluations/:id/history.csv',
    {
      schema: {
        tags: ['自评表'],
        summary: '修改记录导出为 CSV（UTF-8，Excel 可直接打开）',
        params: IdParams,
        produces: ['text/csv'],
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      const rows = await forms.history(actor(req), req.params.id);
      // the field as a person reads it; its path last, as a support detail
      const lines = [
        ['版本', '时间', '修改人', '字段', '修改前', '修改后', '字段路径', '登录名'],
        ...rows.map((c) => [c.version, c.at, c.actorName, c.label, c.before, c.after, c.field, c.actor]),
      ].map((row) => row.map(csvCell).join(','));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="history-${req.params.id}.csv"`)
        .send(`\ufeff${lines.join('\r\n')}\r\n`);
    },
  );
}
