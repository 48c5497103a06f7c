/**
 * The review workflow of a form: submit, approve, finalize and return (with a comment), the frozen
 * copies handed in, the finance reviewer's 复核得分, and the history as CSV. Who may do what is the core's
 * workflow table; the server enforces it here.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditForm, canReview, cmp, getScheme, parseNumberCell, submissionBlockers, transition, ACTION_LABELS, STATUS_LABELS, type Store } from '@jixiao/core';
import { spreadsheetText } from '@jixiao/office';
import { HttpError } from '../errors.ts';
import { actorOf, auth, requireEvaluation, requireRecords } from '../auth/guard.ts';
import { IdParams } from '../schemas.ts';
import { forUser } from './evaluations.routes.ts';

const ActionParams = IdParams.extend({ action: z.enum(['submit', 'approve', 'finalize', 'return']).describe('submit 提交、approve 单位审核通过、finalize 财政复核完成、return 退回') });
const ActionBody = z.object({ version: z.number().int().positive().describe('读取时的版本号'), comment: z.string().max(2000).optional().describe('意见；退回时必填') });
const ReviewBody = z.object({
  scores: z
    .array(z.object({ indicator: z.number().int().min(0), score: z.string().min(1).max(20).describe('复核得分，分'), reason: z.string().min(1).max(2000).describe('理由') }))
    .min(1)
    .max(500),
});

/** A CSV field for Excel: quoted when needed, and never a formula (spreadsheetText; issue 24). */
const csvCell = (v: string | number | null) => {
  const t = v === null ? '' : spreadsheetText(String(v));
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function workflowRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/evaluations/:id/actions/:action', { schema: { tags: ['审核流程'], summary: '提交、审核通过、复核完成或退回（需带版本号；退回须写意见）', params: ActionParams, body: ActionBody } }, async (req) => {
    const a = auth(req);
    const s = await requireEvaluation(req, store, req.params.id);
    const { action } = req.params;
    const to = transition(action, s.status, a.user.role);
    if (!to) throw new HttpError(409, 'WORKFLOW.NOT_ALLOWED', `“${STATUS_LABELS[s.status]}”状态下，${a.user.displayName}不能执行“${ACTION_LABELS[action]}”`, { status: s.status, action });
    const comment = req.body.comment?.trim();
    if (action === 'return' && !comment) throw new HttpError(422, 'WORKFLOW.COMMENT_REQUIRED', '退回时须写明退回意见');
    if (action === 'submit') {
      const blockers = submissionBlockers(auditForm(s.evaluation, getScheme(s.schemeId)).findings);
      if (blockers.length)
        throw new HttpError(422, 'WORKFLOW.BLOCKED', `还有 ${blockers.length} 个问题未解决（错误或缺少偏差原因），不能提交`, {
          findings: blockers.map((f) => ({ rule: f.rule, code: f.code, message: f.message, indicator: f.location.indicator ?? null, field: f.location.field ?? null })),
        });
    }
    const saved = await store.setStatus(s.id, to, req.body.version, actorOf(req), { ...(comment && { comment }), snapshot: action !== 'return' });
    return forUser(req, store, saved);
  });

  r.get('/api/evaluations/:id/snapshots', { schema: { tags: ['审核流程'], summary: '每次提交、审核、复核时冻结的自评表副本', params: IdParams } }, async (req) => {
    await requireRecords(req, store, req.params.id);
    return store.snapshots(req.params.id);
  });

  r.get('/api/evaluations/:id/reviews', { schema: { tags: ['审核流程'], summary: '财政复核得分', params: IdParams } }, async (req) => {
    await requireEvaluation(req, store, req.params.id);
    return store.reviews(req.params.id);
  });

  r.put('/api/evaluations/:id/reviews', { schema: { tags: ['审核流程'], summary: '记录复核得分（财政审核，单位已审核之后）', params: IdParams, body: ReviewBody } }, async (req) => {
    const a = auth(req);
    const s = await requireEvaluation(req, store, req.params.id);
    if (!canReview(s.status, a.user.role)) throw new HttpError(a.user.role === 'finance' || a.user.role === 'admin' ? 409 : 403, 'WORKFLOW.NOT_ALLOWED', `只有财政审核可在“单位已审核”状态下记录复核得分（当前：${STATUS_LABELS[s.status]}）`);
    const scores = req.body.scores.map((x) => {
      const ind = s.evaluation.indicators[x.indicator];
      if (!ind) throw new HttpError(422, 'REVIEW.BAD_INDICATOR', `没有第 ${x.indicator + 1} 个指标`, { indicator: x.indicator });
      const v = parseNumberCell(x.score);
      const max = ind.points.value;
      if (v === null || cmp(v, '0') < 0 || (max !== null && cmp(v, max) > 0))
        throw new HttpError(422, 'REVIEW.BAD_SCORE', `“${ind.name.raw}”的复核得分“${x.score}”应为 0 到 ${max ?? '分值'} 之间的数`, { indicator: x.indicator, score: x.score });
      return { indicator: x.indicator, score: v, reason: x.reason.trim() };
    });
    return store.saveReviews(s.id, scores, actorOf(req));
  });

  r.get('/api/evaluations/:id/history.csv', { schema: { tags: ['自评表'], summary: '修改记录导出为 CSV（UTF-8，Excel 可直接打开）', params: IdParams } }, async (req, reply) => {
    await requireRecords(req, store, req.params.id);
    const rows = await store.history(req.params.id);
    const lines = [['版本', '时间', '修改人', '字段', '修改前', '修改后'], ...rows.map((c) => [c.version, c.at, c.actor, c.field, c.before, c.after])].map((row) => row.map(csvCell).join(','));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="history-${req.params.id}.csv"`)
      .send(`\ufeff${lines.join('\r\n')}\r\n`);
  });
}
