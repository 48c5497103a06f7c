/**
 * 各部门汇总: every department the user sees, one line each — forms, money, 执行率, grades — with the
 * total, for the finance bureau that oversees a province's departments. From the store's per-department
 * sums (one query, no form read), so it stays quick at 100 departments × 1,000 forms.
 */
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DepartmentOverviewLine } from '@jixiao/core';
import { api } from '../api.ts';
import { fixed, money } from '../format.ts';
import { href } from '../router.ts';
import { useAsync } from '../use-async.ts';
import { Loaded } from './state-views.tsx';

const GRADES = ['优', '良', '中', '差'] as const;
const num = { align: 'right' as const, className: 'num' };
const rate = (v: string | null) => (v === null ? '—' : `${fixed(v)}%`);

function columns(year: number | undefined): ColumnsType<DepartmentOverviewLine> {
  return [
    // to the department's 汇总表 of this year — or of its own latest year when it has none in this one
    {
      title: '部门',
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, r) => <a href={href({ page: 'overview', dept: r.departmentId, ...(year !== undefined && r.forms > 0 && { year }) })}>{v}</a>,
    },
    { title: '自评表', dataIndex: 'forms', width: 80, ...num, sorter: (a, b) => a.forms - b.forms },
    { title: '全年预算数（万元）', dataIndex: 'budget', width: 140, ...num, render: money, sorter: (a, b) => Number(a.budget) - Number(b.budget) },
    { title: '全年执行数（万元）', dataIndex: 'executed', width: 140, ...num, render: money },
    { title: '执行率', dataIndex: 'rate', width: 88, ...num, render: rate, sorter: (a, b) => Number(a.rate ?? -1) - Number(b.rate ?? -1) },
    ...GRADES.map((g) => ({ title: g, key: g, width: 56, ...num, render: (_: unknown, r: DepartmentOverviewLine) => r.gradeCounts[g] ?? 0 })),
  ];
}

export function DepartmentTotalsCard({ year }: { year: number | undefined }) {
  const state = useAsync(() => api.departmentTotals(year), [year]);
  return (
    <Card size="small" title={`各部门汇总${year ? `（${year} 年度）` : ''}`} data-testid="department-totals">
      <Loaded state={state}>
        {(o) => (
          <Table<DepartmentOverviewLine>
            size="small"
            rowKey="departmentId"
            columns={columns(year)}
            dataSource={o.rows}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个部门` }}
            summary={() => (
              <Table.Summary.Row className="total-row">
                <Table.Summary.Cell index={0}>合计（{o.total.departments} 个部门）</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {o.total.forms}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {money(o.total.budget)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {money(o.total.executed)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {rate(o.total.rate)}
                </Table.Summary.Cell>
                {GRADES.map((g, i) => (
                  <Table.Summary.Cell key={g} index={5 + i} align="right">
                    {o.total.gradeCounts[g] ?? 0}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}
