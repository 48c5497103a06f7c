/**
 * The form's place in the review workflow and the buttons of the steps this user may take, each
 * confirmed first; a return asks for its comment. A submission is refused in the browser already while
 * errors or missing 偏差原因 remain (the server refuses it too), and why is written beside the button.
 * A kind names its own steps (the goal form's last step is 批复, not 复核).
 */
import { Alert, App as AntApp, Button, Input, Space, Tag } from 'antd';
import { Fragment, useState } from 'react';
import { ACTION_LABELS, STATUS_LABELS, submissionBlockers, type Finding, type WorkflowAction } from '@jixiao/core';
import type { ApiError } from '../api.ts';
import { api, type EvaluationFull, type FormFull, type Status } from '../api.ts';

const STATUS_COLORS = { draft: 'default', submitted: 'blue', 'unit-approved': 'cyan', 'finance-reviewed': 'green' } as const;

/** What a kind calls its statuses and steps, and what each step's confirmation says. */
export interface WorkflowTexts {
  statuses: Record<Status, string>;
  actions: Record<WorkflowAction, string>;
  confirm: Record<WorkflowAction, string>;
}

export const SELF_EVALUATION_WORKFLOW: WorkflowTexts = {
  statuses: STATUS_LABELS,
  actions: ACTION_LABELS,
  confirm: {
    submit: '提交后本表只读，直到审核人退回。确定提交？',
    approve: '确认本表内容无误，提交财政复核？',
    finalize: '确认复核完成？复核得分将与自评得分一并保存。',
    return: '',
  },
};

export function WorkflowBar<F extends FormFull = EvaluationFull>({
  saved,
  findings,
  dirty,
  onDone,
  texts = SELF_EVALUATION_WORKFLOW,
}: {
  saved: F;
  findings: readonly Finding[];
  dirty: boolean;
  onDone: (s: F) => void;
  texts?: WorkflowTexts;
}) {
  const { modal, message } = AntApp.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const blockers = submissionBlockers(findings);
  const last = saved.lastStatusChange;
  const returned = saved.status === 'draft' && last?.after?.startsWith('draft（') ? last : null;

  const run = async (action: WorkflowAction, comment?: string) => {
    setBusy(action);
    try {
      onDone(await api.act<F>(saved.id, action, saved.version, comment));
      message.success(`已${texts.actions[action]}`);
    } catch (e) {
      const err = e as ApiError;
      message.error(err.message);
    } finally {
      setBusy(null);
    }
  };

  const ask = (action: WorkflowAction) => {
    if (action === 'return') {
      let comment = '';
      modal.confirm({
        title: '退回给填报人',
        content: (
          <Input.TextArea autoFocus rows={4} placeholder="退回意见（必填）：需要修改什么" aria-label="退回意见" onChange={(e) => (comment = e.target.value)} />
        ),
        okText: '退回',
        cancelText: '取消',
        onOk: () => {
          if (!comment.trim()) {
            message.warning('请填写退回意见');
            return Promise.reject(new Error('empty'));
          }
          return run('return', comment.trim());
        },
      });
      return;
    }
    modal.confirm({
      title: texts.actions[action],
      content: texts.confirm[action],
      okText: texts.actions[action],
      cancelText: '取消',
      onOk: () => run(action),
    });
  };

  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      <Space wrap>
        <span>状态</span>
        <Tag color={STATUS_COLORS[saved.status]} data-testid="status">
          {texts.statuses[saved.status]}
        </Tag>
        {saved.permissions.actions.map((a) => {
          const blocked = a === 'submit' && (blockers.length > 0 || dirty);
          const why = dirty ? '请先保存修改' : `还有 ${blockers.length} 个问题（错误或缺少偏差原因）未解决`;
          const button = (
            <Button
              type={a === 'return' ? 'default' : 'primary'}
              danger={a === 'return'}
              disabled={blocked}
              loading={busy === a}
              onClick={() => ask(a)}
              data-testid={`action-${a}`}
            >
              {texts.actions[a]}
            </Button>
          );
          // the reason written beside the button, not only on hover (issue 23 item 5)
          return blocked ? (
            <span key={a} className="disabled-with-reason">
              {button}
              <span className="disabled-reason" data-testid={`why-disabled-${a}`}>
                不能{texts.actions[a]}：{why}
              </span>
            </span>
          ) : (
            <Fragment key={a}>{button}</Fragment>
          );
        })}
        {!saved.permissions.edit && saved.status !== 'draft' && <span className="muted">本表状态为“{texts.statuses[saved.status]}”，内容只读</span>}
      </Space>
      {returned && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={`${returned.actorName ?? returned.actor} 于 ${new Date(returned.at).toLocaleString('zh-CN')} 退回`}
          description={returned.after!.replace(/^draft（/, '').replace(/）$/, '')}
          data-testid="return-comment"
        />
      )}
    </div>
  );
}
