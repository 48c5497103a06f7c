/**
 * 待办 (issue 23): the first page after login. What waits for this person, grouped by what they are to do
 * — 被退回 and 待提交 for the 填报人, 待审核 for the unit's reviewer, 待复核 for the finance bureau — with
 * counts, the deadline the finance bureau set, the comment of a return and who wrote it; filters by
 * grade, findings and the project's name; the batch buttons over a selection. The finance bureau (and an
 * administrator) set the deadlines here too.
 */
import { Badge, Button, Card, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Department, type FindingsFilter, type TodoGroup, type TodoItem, type User } from '../api.ts';
import { BatchBar } from '../components/batch-bar.tsx';
import { EmptyView, Loaded } from '../components/state-views.tsx';
import { fixed, GRADE_COLORS, GRADES } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useAsync } from '../use-async.ts';

const PAGE = 50;

export const FINDINGS_OPTIONS: Array<{ value: FindingsFilter; label: string }> = [
  { value: 'errors', label: '有错误' },
  { value: 'warnings', label: '有警告（无错误）' },
  { value: 'none', label: '无问题' },
];

/** Today as YYYY-MM-DD in the browser's time zone: a deadline passed is shown in red. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function FindingsCell({ r }: { r: TodoItem }) {
  if (r.errors === null || r.warnings === null) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <Space size={4}>
      {r.errors > 0 && <Badge count={r.errors} color="red" title={`${r.errors} 个错误`} />}
      {r.warnings > 0 && <Badge count={r.warnings} color="orange" title={`${r.warnings} 个警告`} />}
      {r.errors + r.warnings === 0 && <Typography.Text type="success">无</Typography.Text>}
    </Space>
  );
}

function columns(group: TodoGroup | null): ColumnsType<TodoItem> {
  const now = today();
  return [
    { title: '项目名称', dataIndex: 'project', ellipsis: true, render: (v: string, r) => <a href={href({ page: 'editor', id: r.evaluationId })}>{v}</a> },
    { title: '部门', dataIndex: 'department', width: 180, ellipsis: true },
    { title: '年度', dataIndex: 'year', width: 70, render: (y: number | null) => y ?? '—' },
    { title: '种类', dataIndex: 'kindLabel', width: 80 },
    { title: '状态', dataIndex: 'statusLabel', width: 96, render: (s: string, r) => (r.returned ? <Tag color="volcano">{s}</Tag> : s) },
    {
      title: '截止日期',
      dataIndex: 'deadline',
      width: 110,
      render: (d: string | null) =>
        d === null ? (
          <Typography.Text type="secondary">未设定</Typography.Text>
        ) : d < now ? (
          <Typography.Text type="danger" title="已过截止日期">
            {d}（已过）
          </Typography.Text>
        ) : (
          d
        ),
    },
    { title: '得分', dataIndex: 'total', width: 72, align: 'right', render: (v: string) => fixed(v) },
    { title: '等级', dataIndex: 'grade', width: 60, align: 'center', render: (g: string) => (g ? <Tag color={GRADE_COLORS[g]}>{g}</Tag> : '') },
    { title: '问题', key: 'findings', width: 96, render: (_: unknown, r) => <FindingsCell r={r} /> },
    ...(group === 'returned'
      ? [
          {
            title: '退回意见',
            key: 'returnNote',
            render: (_: unknown, r: TodoItem) =>
              r.returnNote && (
                <span data-testid={`return-note-${r.evaluationId}`}>
                  {r.returnNote.comment || '（未写意见）'}
                  <Typography.Text type="secondary">
                    {' '}
                    —— {r.returnNote.byName}，{r.returnNote.at.slice(0, 10)}
                  </Typography.Text>
                </span>
              ),
          },
        ]
      : []),
  ];
}

/** The finance bureau's deadlines: per department and year, or for all departments of a year. */
function DeadlinesCard({ me, departments, onChange }: { me: User; departments: Department[]; onChange: () => void }) {
  const list = useAsync(() => api.deadlines(), []);
  const [year, setYear] = useState<number | null>(new Date().getFullYear() - 1);
  const [dept, setDept] = useState<number | 'all' | undefined>(me.role === 'admin' ? 'all' : departments[0]?.id);
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = (id: number | null) => (id === null ? '全部部门' : (departments.find((d) => d.id === id)?.name ?? `部门 ${id}`));
  const save = async (clear: boolean) => {
    if (year === null || dept === undefined) return;
    setError(null);
    try {
      await api.setDeadline({ year, departmentId: dept === 'all' ? null : dept, due: clear ? null : due });
      list.reload();
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title="截止日期" data-testid="deadlines">
      <Space wrap>
        <InputNumber aria-label="截止日期的年度" min={1990} max={2100} value={year} onChange={(v) => setYear(v)} suffix="年度" />
        <Select
          aria-label="截止日期的部门"
          style={{ width: 220 }}
          value={dept}
          onChange={setDept}
          options={[
            ...(me.role === 'admin' ? [{ value: 'all' as const, label: '全部部门' }] : []),
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <Input aria-label="截止日期" type="date" value={due} onChange={(e) => setDue(e.target.value)} style={{ width: 160 }} />
        <Button type="primary" disabled={!due || year === null || dept === undefined} onClick={() => void save(false)} data-testid="set-deadline">
          设定
        </Button>
        <Button disabled={year === null || dept === undefined} onClick={() => void save(true)}>
          取消该截止日期
        </Button>
      </Space>
      {error && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {error}
        </Typography.Paragraph>
      )}
      {(list.data?.length ?? 0) > 0 && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          已设定：
          {list.data!.map((d) => `${d.year} 年度 ${name(d.departmentId)} ${d.due}`).join('；')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function TodoPage({ me, onChange }: { me: User; onChange?: () => void }) {
  const [group, setGroup] = useState<TodoGroup | undefined>(undefined);
  const [grade, setGrade] = useState<string | undefined>(undefined);
  const [findings, setFindings] = useState<FindingsFilter | undefined>(undefined);
  const [search, setSearch] = useState<string>('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [counts, setCounts] = useState<Map<number, { errors: number; warnings: number }>>(new Map());
  const departments = useAsync(() => api.departments(), []);
  const list = useAsync(() => api.todo({ group, grade, findings, search: search || undefined, offset, limit: PAGE }), [group, grade, findings, search, offset]);
  // the list shows at once; the findings of its page follow (each form is read and checked for them)
  useEffect(() => {
    const missing = list.data?.items.filter((i) => i.errors === null).map((i) => i.evaluationId) ?? [];
    if (missing.length === 0) return;
    let live = true;
    api.todoFindings(missing).then(
      (cs) => live && setCounts((m) => new Map([...m, ...cs.map((c) => [c.id, c] as const)])),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [list.data]);
  useEffect(() => setSelected([]), [list.data]);
  const items = useMemo(
    () => (list.data?.items ?? []).map((i) => (i.errors === null && counts.has(i.evaluationId) ? { ...i, ...counts.get(i.evaluationId)! } : i)),
    [list.data, counts],
  );
  const chosen = items
    .filter((i) => selected.includes(i.evaluationId))
    .map((i) => ({ id: i.evaluationId, version: i.version, project: i.project, departmentId: i.departmentId, year: i.year, actions: i.actions }));
  const refresh = () => {
    list.reload();
    onChange?.();
  };
  const filtersOn = grade !== undefined || findings !== undefined || search !== '';
  return (
    <div data-testid="todo">
      <div className="page-head">
        <Typography.Title level={3}>待办</Typography.Title>
      </div>
      {departments.data?.length === 0 ? (
        <EmptyView
          text="还没有部门和自评表"
          action={
            <Button type="primary" onClick={() => navigate({ page: 'import' })}>
              导入自评表
            </Button>
          }
        />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Loaded state={list}>
            {(d) => (
              <Card size="small">
                <Tabs
                  activeKey={d.group ?? undefined}
                  onChange={(k) => {
                    setGroup(k as TodoGroup);
                    setOffset(0);
                  }}
                  items={d.groups.map((g) => ({
                    key: g.id,
                    label: (
                      <span data-testid={`todo-group-${g.id}`}>
                        {g.label}{' '}
                        <Badge count={g.count} showZero color={g.count > 0 ? (g.id === 'returned' ? 'volcano' : 'blue') : 'default'} overflowCount={99999} />
                      </span>
                    ),
                  }))}
                />
                <Space wrap style={{ marginBottom: 12 }}>
                  <Input.Search
                    aria-label="搜索项目名称"
                    placeholder="搜索项目名称"
                    allowClear
                    style={{ width: 240 }}
                    onSearch={(v) => {
                      setSearch(v.trim());
                      setOffset(0);
                    }}
                  />
                  <Select
                    aria-label="按等级筛选"
                    placeholder="等级"
                    allowClear
                    style={{ width: 110 }}
                    value={grade}
                    onChange={(v) => {
                      setGrade(v);
                      setOffset(0);
                    }}
                    options={GRADES.map((g) => ({ value: g, label: g }))}
                  />
                  <Select
                    aria-label="按问题筛选"
                    placeholder="问题"
                    allowClear
                    style={{ width: 170 }}
                    value={findings}
                    onChange={(v) => {
                      setFindings(v);
                      setOffset(0);
                    }}
                    options={FINDINGS_OPTIONS}
                  />
                  {filtersOn && <Typography.Text type="secondary">（计数按当前筛选）</Typography.Text>}
                </Space>
                {!d.complete && <Typography.Paragraph type="warning">按问题筛选时只检查了前 2000 张表；请再用名称、等级缩小范围。</Typography.Paragraph>}
                <div style={{ marginBottom: 12 }}>
                  <BatchBar chosen={chosen} onDone={refresh} />
                </div>
                <Table<TodoItem>
                  data-testid="todo-table"
                  size="small"
                  rowKey="evaluationId"
                  columns={columns(d.group)}
                  dataSource={items}
                  rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
                  locale={{ emptyText: d.groups.every((g) => g.count === 0) && !filtersOn ? '没有待办事项' : '没有符合条件的表' }}
                  pagination={
                    d.total !== null && d.total > PAGE
                      ? {
                          current: Math.floor(offset / PAGE) + 1,
                          pageSize: PAGE,
                          total: d.total,
                          showSizeChanger: false,
                          showTotal: (n) => `共 ${n} 张`,
                          onChange: (p) => setOffset((p - 1) * PAGE),
                        }
                      : d.total === null
                        ? {
                            current: Math.floor(offset / PAGE) + 1,
                            pageSize: PAGE,
                            // with a findings filter the total is not known: one more page while this one is full
                            total: offset + items.length + (items.length === PAGE ? 1 : 0),
                            showSizeChanger: false,
                            onChange: (p) => setOffset((p - 1) * PAGE),
                          }
                        : false
                  }
                  onRow={(r) => ({ onDoubleClick: () => navigate({ page: 'editor', id: r.evaluationId }) })}
                />
              </Card>
            )}
          </Loaded>
          {(me.role === 'finance' || me.role === 'admin') && departments.data && (
            <DeadlinesCard me={me} departments={departments.data} onChange={() => list.reload()} />
          )}
        </Space>
      )}
    </div>
  );
}
