/**
 * 财政复核: the finance reviewer's 复核得分 per indicator — and of the budget-execution score where it
 * counts in the total (R7) — with a reason, beside the self-evaluated (computed) score; and the 复核意见
 * of the whole form. Editable by finance once the unit has approved; shown to everyone afterwards.
 */
import { App as AntApp, Button, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { BUDGET_REVIEW_TARGET, budgetReviewMax, type EvaluationScore, type Indicator } from '@jixiao/core';
import { api, ApiError, type EvaluationFull } from '../api.ts';
import { fixed } from '../format.ts';

export function ReviewCard({
  saved,
  indicators,
  score,
  decimals,
  onSaved,
}: {
  saved: EvaluationFull;
  indicators: readonly Indicator[];
  score: EvaluationScore;
  decimals: number;
  onSaved: () => void;
}) {
  const { message } = AntApp.useApp();
  const editable = saved.permissions.review;
  // by indicator id: a 复核得分 stays with its indicator wherever its row is
  const [draft, setDraft] = useState<Record<string, { score: string; reason: string }>>({});
  const [busy, setBusy] = useState(false);
  const existing = new Map(saved.reviews.map((r) => [r.indicatorId, r]));
  const changed = Object.entries(draft).filter(([, v]) => v.score.trim() !== '');
  const [opinion, setOpinion] = useState<string | null>(null);
  const opinionText = opinion ?? saved.reviewOpinion?.text ?? '';
  const saveOpinion = async () => {
    setBusy(true);
    try {
      await api.saveReviewOpinion(saved.id, opinionText);
      setOpinion(null);
      message.success('复核意见已保存');
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? `${e.message}（${e.code}）` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // the budget-execution score, first, where it counts in the total on its own (R7)
  const budgetMax = budgetReviewMax(score);
  const rows = [
    ...(budgetMax === null ? [] : [{ i: -1, id: BUDGET_REVIEW_TARGET, name: '预算执行率得分', points: budgetMax, self: score.budget.score ?? undefined }]),
    ...indicators.map((ind, i) => ({
      i,
      id: ind.id ?? `i${i + 1}`,
      name: ind.name.raw,
      points: ind.points.raw,
      self: score.indicators[i]?.score ?? undefined,
    })),
  ];

  const save = async () => {
    const missing = changed.filter(([, v]) => !v.reason.trim());
    if (missing.length) return void message.warning('每个复核得分都需要写明理由');
    setBusy(true);
    try {
      await api.saveReviews(
        saved.id,
        changed.map(([id, v]) => ({ indicatorId: id, score: v.score.trim(), reason: v.reason.trim() })),
      );
      setDraft({});
      message.success('复核得分已保存');
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const cell = (i: number, id: string, key: 'score' | 'reason') => {
    const v = draft[id]?.[key] ?? (key === 'score' ? existing.get(id)?.score : existing.get(id)?.reason) ?? '';
    if (!editable) return key === 'score' ? (v ? fixed(v, decimals) : '—') : v || '—';
    return (
      <Input
        size="small"
        value={v}
        style={key === 'score' ? { textAlign: 'right' } : undefined}
        aria-label={`${key === 'score' ? '复核得分' : '复核理由'}（${i < 0 ? '预算执行率' : `第 ${i + 1} 个指标`}）`}
        onChange={(e) =>
          setDraft((d) => ({
            ...d,
            [id]: { score: d[id]?.score ?? existing.get(id)?.score ?? '', reason: d[id]?.reason ?? existing.get(id)?.reason ?? '', [key]: e.target.value },
          }))
        }
      />
    );
  };

  return (
    <div data-testid="review-card">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '复核项目', key: 'name', render: (_: unknown, r) => (r.i < 0 ? <b>{r.name}</b> : r.name), ellipsis: true },
          { title: '分值', key: 'points', width: 70, align: 'right', render: (_: unknown, r) => r.points },
          { title: '自评得分（计算）', key: 'self', width: 120, align: 'right', render: (_: unknown, r) => fixed(r.self, decimals) },
          { title: '复核得分', key: 'review', width: 110, align: 'right', render: (_: unknown, r) => cell(r.i, r.id, 'score') },
          { title: '复核理由', key: 'reason', render: (_: unknown, r) => cell(r.i, r.id, 'reason') },
          {
            title: '复核人',
            key: 'who',
            width: 90,
            render: (_: unknown, r) => {
              const x = existing.get(r.id);
              return x ? (x.reviewerName ?? x.reviewer) : '';
            },
          },
        ]}
      />
      <div style={{ marginTop: 8, display: 'flex', gap: 12, alignItems: 'center' }}>
        <Typography.Text>
          自评总分 {fixed(score.total, decimals)} 分；复核后总分{' '}
          <b data-testid="reviewed-total">{saved.reviewedTotal === null ? '—' : fixed(saved.reviewedTotal, decimals)}</b> 分
        </Typography.Text>
        {editable && (
          <Button type="primary" disabled={changed.length === 0} loading={busy} onClick={() => void save()} data-testid="save-reviews">
            保存复核得分
          </Button>
        )}
      </div>
      <div style={{ marginTop: 12 }} data-testid="review-opinion">
        <Typography.Text strong>复核意见</Typography.Text>
        {editable ? (
          <>
            <Input.TextArea
              value={opinionText}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder="对整张表的复核意见（打印在导出的自评表上）"
              aria-label="复核意见"
              onChange={(e) => setOpinion(e.target.value)}
              style={{ marginTop: 4 }}
            />
            <Button style={{ marginTop: 8 }} disabled={opinion === null} loading={busy} onClick={() => void saveOpinion()} data-testid="save-opinion">
              保存复核意见
            </Button>
          </>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{saved.reviewOpinion?.text || '—'}</Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
