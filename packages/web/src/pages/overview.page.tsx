/**
 * 部门总览: the department's 汇总表 computed by the server from the stored forms — first, so that it is in
 * view at 1366×768 — with filters by status, grade, findings and the project's name and the batch buttons
 * over a selection; then its totals and the charts.
 */
import { Badge, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { availableActions } from '@jixiao/core';
import { api, type FindingsFilter, type Status, type SummaryRow, type User } from '../api.ts';
import { BatchBar } from '../components/batch-bar.tsx';
import { GoalFormsCard } from '../components/goal-forms-card.tsx';
import { FINDINGS_OPTIONS } from './todo.page.tsx';
import { NewFormButton } from '../components/new-form-dialog.tsx';
import { BudgetChart, GradeChart, ScoreRateChart } from '../components/charts.tsx';
import { DepartmentTotalsCard } from '../components/department-totals.tsx';
import { ColourLegend } from '../components/colour-legend.tsx';
import { DepartmentYearPicker, useDepartmentYear } from '../components/department-year-picker.tsx';
import { EmptyView, Loaded } from '../components/state-views.tsx';
import { fixed, GRADE_COLORS, GRADES, money, STATUS_LABELS } from '../format.ts';
import { mayUse } from '../menu-roles.ts';
import { href, navigate } from '../router.ts';
import { useAsync } from '../use-async.ts';

/** Errors first, then warnings, then 序号: what needs work comes to the top. */
export function worstFirst(a: SummaryRow, b: SummaryRow): number {
  return b.errors - a.errors || b.warnings - a.warnings || a.seq - b.seq;
}

const num = { align: 'right' as const, className: 'num' };

const columns: ColumnsType<SummaryRow> = [
  { title: '序号', dataIndex: 'seq', width: 64, ...num, sorter: (a, b) => a.seq - b.seq },
  { title: '项目名称', dataIndex: 'project', ellipsis: true, render: (v: string, r) => <a href={href({ page: 'editor', id: r.evaluationId })}>{v}</a> },
  { title: '全年预算数（万元）', dataIndex: 'budget', width: 132, ...num, render: money, sorter: (a, b) => Number(a.budget ?? 0) - Number(b.budget ?? 0) },
  { title: '全年执行数（万元）', dataIndex: 'executed', width: 132, ...num, render: money },
  {
    title: '执行率',
    dataIndex: 'rate',
    width: 88,
    ...num,
    render: (v: string | null) => (v === null ? '—' : `${fixed(v)}%`),
    sorter: (a, b) => Number(a.rate ?? 0) - Number(b.rate ?? 0),
  },
  { title: '资金类型', dataIndex: 'fundType', width: 110, ellipsis: true },
  {
    title: '自评得分',
    dataIndex: 'score',
    width: 96,
    ...num,
    sorter: (a, b) => Number(a.score) - Number(b.score),
    render: (v: string, r) =>
      r.claimedScore !== null && Number(r.claimedScore) !== Number(v) ? (
        <Tooltip title={`填报 ${r.claimedScore} 分，按规则计算 ${fixed(v)} 分`}>
          <span>
            <span className="differs">{fixed(v)}</span>
            {/* why it is red, in words (issue 23 item 5) */}
            <span className="why-differs">（填报 {r.claimedScore} 分）</span>
          </span>
        </Tooltip>
      ) : (
        fixed(v)
      ),
  },
  { title: '等级', dataIndex: 'grade', width: 64, align: 'center', render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag> },
  { title: '复核得分', dataIndex: 'reviewedScore', width: 90, ...num, render: (v: string | null) => (v === null ? '' : fixed(v)) },
  { title: '状态', dataIndex: 'status', width: 96, render: (s: string) => STATUS_LABELS[s] ?? s },
  {
    title: '问题',
    key: 'findings',
    width: 120,
    defaultSortOrder: 'ascend',
    sorter: worstFirst,
    render: (_: unknown, r) => (
      <Space size={4}>
        {r.errors > 0 && <Badge count={r.errors} color="red" title={`${r.errors} 个错误`} />}
        {r.warnings > 0 && <Badge count={r.warnings} color="orange" title={`${r.warnings} 个警告`} />}
        {r.errors + r.warnings === 0 && <Typography.Text type="success">无</Typography.Text>}
      </Space>
    ),
  },
];

/** The filters over the 汇总表's rows: all of them in the page, so they apply at once. */
export interface RowFilter {
  status?: Status | undefined;
  grade?: string | undefined;
  findings?: FindingsFilter | undefined;
  search: string;
}

export function rowMatches(r: SummaryRow, f: RowFilter): boolean {
  if (f.status !== undefined && r.status !== f.status) return false;
  if (f.grade !== undefined && r.grade !== f.grade) return false;
  if (f.findings === 'errors' && r.errors === 0) return false;
  if (f.findings === 'warnings' && (r.errors > 0 || r.warnings === 0)) return false;
  if (f.findings === 'none' && r.errors + r.warnings > 0) return false;
  return !f.search || r.project.includes(f.search);
}

export function OverviewPage({ route, me }: { route: { dept?: number; year?: number }; me: User }) {
  const dy = useDepartmentYear(route);
  const { dept, year } = dy;
  const summary = useAsync(() => (dept === undefined ? Promise.resolve(undefined) : api.summary(dept, year)), [dept, year]);
  const [filter, setFilter] = useState<RowFilter>({ search: '' });
  const [selected, setSelected] = useState<number[]>([]);
  const set = (patch: Partial<RowFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div data-testid="overview" className="overview-page">
      <div className="page-head">
        <Typography.Title level={3}>部门总览</Typography.Title>
        <DepartmentYearPicker value={dy} onChange={(d, y) => navigate({ page: 'overview', dept: d, ...(y !== undefined && { year: y }) })} />
        <Space>
          {/* forms are made and imported by the 填报人 (and an administrator) */}
          {dept !== undefined && (me.role === 'filler' || me.role === 'admin') && <NewFormButton departmentId={dept} year={year} />}
          {mayUse(me.role, 'import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate({ page: 'import' })}>
              导入自评表
            </Button>
          )}
          <Button
            icon={<FileTextOutlined />}
            onClick={() => navigate({ page: 'documents', ...(dept !== undefined && { dept }), ...(year !== undefined && { year }) })}
          >
            生成文档
          </Button>
        </Space>
      </div>
      {/* a user who sees several departments (the finance bureau, an administrator) sees them side by side first */}
      {(dy.departments.data?.length ?? 0) > 1 && (
        <div style={{ marginBottom: 16 }}>
          <DepartmentTotalsCard year={year} />
        </div>
      )}
      {dept !== undefined && <GoalFormsCard departmentId={dept} year={year} />}
      {dy.departments.data?.length === 0 ? (
        <EmptyView
          text="还没有部门和自评表"
          action={
            mayUse(me.role, 'import') && (
              <Button type="primary" onClick={() => navigate({ page: 'import' })}>
                导入自评表
              </Button>
            )
          }
        />
      ) : (
        <Loaded state={summary} empty={(d) => (!d || d.summary.rows.length === 0 ? <EmptyView text="本部门该年度还没有自评表" /> : false)}>
          {(d) => {
            const s = d!.summary;
            const rows = [...s.rows].sort(worstFirst).filter((r) => rowMatches(r, filter));
            const chosen = s.rows
              .filter((r) => selected.includes(r.evaluationId))
              .map((r) => ({
                id: r.evaluationId,
                version: r.version,
                project: r.project,
                departmentId: d!.department.id,
                year: s.year ?? null,
                actions: availableActions(r.status, me.role),
              }));
            return (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card
                  size="small"
                  className="summary-card"
                  title={`绩效自评情况汇总表（${d!.department.name}${s.year ? ` · ${s.year} 年度` : ''}）`}
                  extra={<ColourLegend />}
                >
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Input.Search
                      aria-label="搜索项目名称"
                      placeholder="搜索项目名称"
                      allowClear
                      style={{ width: 220 }}
                      onSearch={(v) => set({ search: v.trim() })}
                      onChange={(e) => e.target.value === '' && set({ search: '' })}
                    />
                    <Select
                      aria-label="按状态筛选"
                      placeholder="状态"
                      allowClear
                      style={{ width: 130 }}
                      value={filter.status}
                      onChange={(v) => set({ status: v })}
                      options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value: value as Status, label }))}
                    />
                    <Select
                      aria-label="按等级筛选"
                      placeholder="等级"
                      allowClear
                      style={{ width: 100 }}
                      value={filter.grade}
                      onChange={(v) => set({ grade: v })}
                      options={GRADES.map((g) => ({ value: g, label: g }))}
                    />
                    <Select
                      aria-label="按问题筛选"
                      placeholder="问题"
                      allowClear
                      style={{ width: 160 }}
                      value={filter.findings}
                      onChange={(v) => set({ findings: v })}
                      options={FINDINGS_OPTIONS}
                    />
                    <BatchBar
                      chosen={chosen}
                      onDone={() => {
                        setSelected([]);
                        summary.reload();
                      }}
                    />
                  </Space>
                  <Table<SummaryRow>
                    data-testid="summary-table"
                    size="small"
                    rowKey="evaluationId"
                    // the 复核得分 column only once a finance reviewer has scored something
                    columns={s.rows.some((r) => r.reviewedScore !== null) ? columns : columns.filter((c) => c.title !== '复核得分')}
                    dataSource={rows}
                    rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
                    pagination={{
                      defaultPageSize: 20,
                      showSizeChanger: true,
                      showTotal: (n) => (n === s.rows.length ? `共 ${n} 个项目` : `筛选出 ${n} 个，共 ${s.rows.length} 个项目`),
                    }}
                    onRow={(r) => ({ onDoubleClick: () => navigate({ page: 'editor', id: r.evaluationId }) })}
                    summary={() => (
                      <Table.Summary.Row className="total-row">
                        {/* the selection column, 序号 and 项目名称 */}
                        <Table.Summary.Cell index={0} colSpan={3}>
                          合计
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {money(s.total.budget)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {money(s.total.executed)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {s.total.rate === null ? '—' : `${fixed(s.total.rate)}%`}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} colSpan={5}>
                          {Object.entries(s.gradeCounts)
                            .map(([g, n]) => `${g} ${n} 个`)
                            .join('，')}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                </Card>
                <Row gutter={16}>
                  <Col span={4}>
                    <Card size="small">
                      <Statistic title="项目数" value={s.evaluated} suffix="个" />
                    </Card>
                  </Col>
                  <Col span={5}>
                    <Card size="small">
                      <Statistic title="全年预算数合计" value={money(s.total.budget)} suffix="万元" />
                    </Card>
                  </Col>
                  <Col span={5}>
                    <Card size="small">
                      <Statistic title="全年执行数合计" value={money(s.total.executed)} suffix="万元" />
                    </Card>
                  </Col>
                  <Col span={3}>
                    <Card size="small">
                      <Statistic title="总体执行率" value={s.total.rate === null ? '—' : fixed(s.total.rate)} suffix={s.total.rate === null ? '' : '%'} />
                    </Card>
                  </Col>
                  <Col span={4}>
                    <Card size="small">
                      <Statistic title="平均得分" value={fixed(s.averageScore)} suffix={s.overallGrade ? `分 · ${s.overallGrade}` : '分'} />
                    </Card>
                  </Col>
                  <Col span={3}>
                    <Card size="small">
                      <Statistic title="自评率" value={fixed(s.selfEvaluationRate)} suffix="%" />
                    </Card>
                  </Col>
                </Row>
                <Row gutter={16}>
                  <Col span={7}>
                    <Card size="small" title="等级分布">
                      <GradeChart counts={s.gradeCounts} />
                    </Card>
                  </Col>
                  <Col span={8}>
                    <Card size="small" title="得分与执行率">
                      <ScoreRateChart rows={s.rows} />
                    </Card>
                  </Col>
                  <Col span={9}>
                    <Card size="small" title="预算与执行（预算最大的 12 个项目）">
                      <BudgetChart rows={s.rows} />
                    </Card>
                  </Col>
                </Row>
              </Space>
            );
          }}
        </Loaded>
      )}
    </div>
  );
}
