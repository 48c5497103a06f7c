/**
 * The department's 绩效目标申报表 of the year, beside its 自评表 summary: each project's goals with their
 * place in 填报 → 单位审核 → 财政批复, opened in the goal editor. Shown only when there are some.
 */
import { Card, Table, Tag } from 'antd';
import { api, type EvaluationBrief } from '../api.ts';
import { KIND_LABELS } from '../format.ts';
import { GOAL_WORKFLOW } from '../goal-editor/goal-workflow.ts';
import { href } from '../router.ts';
import { useAsync } from '../use-async.ts';

export function GoalFormsCard({ departmentId, year }: { departmentId: number; year: number | undefined }) {
  const goals = useAsync(() => api.evaluations({ departmentId, kind: 'goal', ...(year !== undefined && { year }) }), [departmentId, year]);
  const rows = goals.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={`绩效目标申报表（${rows.length} 张）`} style={{ marginBottom: 16 }} data-testid="goal-forms">
      <Table<EvaluationBrief>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: '项目', dataIndex: 'project', render: (v: string, r) => <a href={href({ page: 'editor', id: r.id })}>{v || '未命名项目'}</a> },
          { title: '表', dataIndex: 'kind', width: 140, render: (k: string) => KIND_LABELS[k] ?? k },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '状态', dataIndex: 'status', width: 200, render: (s: EvaluationBrief['status']) => <Tag>{GOAL_WORKFLOW.statuses[s] ?? s}</Tag> },
          { title: '版本', dataIndex: 'version', width: 64 },
        ]}
      />
    </Card>
  );
}
