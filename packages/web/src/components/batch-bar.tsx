/**
 * The batch buttons over a list's selection (issue 23): 提交, 审核通过, 复核完成, 退回 (one comment for
 * all) and 下载. Each form goes through the workflow on the server on its own; what happened to each is
 * listed afterwards — the ones refused with their reason, the others done.
 */
import { App, Alert, Button, Input, List, Modal, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ACTION_LABELS, type WorkflowAction } from '@jixiao/core';
import { api, ApiError, downloadChosenForms, type BatchOutcome } from '../api.ts';

export interface Chosen {
  id: number;
  version: number;
  project: string;
  departmentId: number;
  year: number | null;
  /** what the reader may do with it now */
  actions: readonly WorkflowAction[];
}

const ORDER: WorkflowAction[] = ['submit', 'approve', 'finalize', 'return'];

export function BatchBar({ chosen, onDone }: { chosen: readonly Chosen[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [comment, setComment] = useState('');
  // the names are kept with the outcomes: the list reloads (and the selection goes) as soon as it is done
  const [result, setResult] = useState<{ action: WorkflowAction; outcomes: BatchOutcome[]; names: Map<number, string> } | null>(null);
  const actions = ORDER.filter((a) => chosen.some((c) => c.actions.includes(a)));

  const run = async (action: WorkflowAction, text?: string) => {
    // only the forms the action applies to: the others would each be refused for nothing
    const items = chosen.filter((c) => c.actions.includes(action)).map((c) => ({ id: c.id, version: c.version }));
    const names = new Map(chosen.map((c) => [c.id, c.project]));
    setBusy(action);
    try {
      const r = await api.batch(action, items, text);
      setResult({ action, outcomes: r.outcomes, names });
      setAsking(null);
      setComment('');
      onDone();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    setBusy('download');
    try {
      // one .zip per department and year: the server packs a department's forms of a year
      const groups = new Map<string, Chosen[]>();
      for (const c of chosen) groups.set(`${c.departmentId}:${c.year ?? ''}`, [...(groups.get(`${c.departmentId}:${c.year ?? ''}`) ?? []), c]);
      for (const g of groups.values())
        await downloadChosenForms(
          g[0]!.departmentId,
          g[0]!.year,
          g.map((c) => c.id),
        );
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const count = (a: WorkflowAction) => chosen.filter((c) => c.actions.includes(a)).length;
  return (
    <>
      <Space wrap data-testid="batch-bar">
        <Typography.Text>已选 {chosen.length} 张</Typography.Text>
        {actions.map((a) => (
          <Button
            key={a}
            danger={a === 'return'}
            type={a === 'return' ? 'default' : 'primary'}
            disabled={chosen.length === 0 || busy !== null}
            loading={busy === a}
            data-testid={`batch-${a}`}
            onClick={() => (a === 'return' ? setAsking('return') : void run(a))}
          >
            批量{ACTION_LABELS[a]}（{count(a)}）
          </Button>
        ))}
        <Button icon={<DownloadOutlined />} disabled={chosen.length === 0 || busy !== null} loading={busy === 'download'} onClick={() => void download()}>
          下载所选
        </Button>
      </Space>
      <Modal
        open={asking === 'return'}
        title={`退回所选的 ${count('return')} 张表`}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy === 'return' }}
        cancelText="取消"
        onOk={() => void run('return', comment.trim())}
        onCancel={() => setAsking(null)}
      >
        <label htmlFor="batch-comment">退回意见（对所选各表相同）</label>
        <Input.TextArea id="batch-comment" aria-label="退回意见" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      </Modal>
      <Modal
        open={result !== null}
        title={result ? `批量${ACTION_LABELS[result.action]}的结果` : ''}
        footer={<Button onClick={() => setResult(null)}>关闭</Button>}
        onCancel={() => setResult(null)}
      >
        {result && (
          <div data-testid="batch-result">
            <Alert
              type={result.outcomes.every((o) => o.ok) ? 'success' : 'warning'}
              showIcon
              title={`完成 ${result.outcomes.filter((o) => o.ok).length} 张，未通过 ${result.outcomes.filter((o) => !o.ok).length} 张`}
              style={{ marginBottom: 8 }}
            />
            <List
              size="small"
              dataSource={result.outcomes}
              renderItem={(o) => (
                <List.Item data-testid={`batch-outcome-${o.id}`}>
                  {o.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />}{' '}
                  <b>{result.names.get(o.id) ?? `表 ${o.id}`}</b>：{o.ok ? '已完成' : o.message}
                </List.Item>
              )}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
