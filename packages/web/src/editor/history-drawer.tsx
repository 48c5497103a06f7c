/** 修改记录: every saved change of a form, with who and when, and the same as CSV; any kind's editor shows it. */
import { Drawer, Table, Tag } from 'antd';
import { api } from '../api.ts';
import { Loaded } from '../components/state-views.tsx';
import { useAsync } from '../use-async.ts';

export function HistoryDrawer({ id, version, open, onClose }: { id: number; version: number; open: boolean; onClose: () => void }) {
  return (
    <Drawer
      title="修改记录"
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        <a href={`/api/evaluations/${id}/history.csv`} data-testid="history-csv">
          导出 CSV
        </a>
      }
    >
      <History id={id} version={version} />
    </Drawer>
  );
}

function History({ id, version }: { id: number; version: number }) {
  const h = useAsync(() => api.history(id), [id, version]);
  return (
    <Loaded state={h}>
      {(rows) => (
        <Table
          size="small"
          rowKey="id"
          dataSource={[...rows].reverse()}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '版本', dataIndex: 'version', width: 56 },
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            { title: '修改人', dataIndex: 'actor', width: 84, render: (v: string, c: { actorName?: string }) => c.actorName ?? v },
            { title: '字段', dataIndex: 'label', ellipsis: true },
            { title: '修改前', dataIndex: 'shownBefore', ellipsis: true, render: (v: string | null) => v ?? <Tag>无</Tag> },
            { title: '修改后', dataIndex: 'shownAfter', ellipsis: true, render: (v: string | null) => v ?? <Tag>无</Tag> },
          ]}
        />
      )}
    </Loaded>
  );
}
