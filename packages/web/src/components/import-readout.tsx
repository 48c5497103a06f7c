/**
 * 识别情况 of one form in the import preview (issue 21, item 8): the layout recognised, each table's
 * columns with what they were read as (a column read as nothing says so), the weights the form declares
 * beside the scheme's, and every cell that was not placed — so a misread is seen before it is saved.
 */
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { ImportReport } from '../api.ts';
import { location } from '../place.ts';

/** Within the file being previewed: the table, row and column (the file is the card's). */
const where = (src: Src | undefined) => location(src, false);

type Src = ImportReport['unplaced'][number]['src'];

export function ImportReadout({ report }: { report: ImportReport }) {
  return (
    <div data-testid={`import-readout-${report.index}`}>
      <Descriptions size="small" column={1} items={[{ key: 'layout', label: '识别的表式', children: report.layoutName }]} />
      {report.tables.map((t, i) => (
        <Table
          key={i}
          size="small"
          pagination={false}
          rowKey={(c) => `${c.src.row ?? ''}-${c.src.col ?? ''}-${c.header}`}
          title={() => `${t.kind === 'budget' ? '预算资金表' : '绩效指标表'}的列（${where(t.src)}）`}
          dataSource={t.columns}
          columns={[
            { title: '表头', dataIndex: 'header', width: 220 },
            {
              title: '读作',
              dataIndex: 'meaning',
              render: (m: string, c) => (c.role === null ? <Typography.Text type="warning">{m}</Typography.Text> : m),
            },
            { title: '位置', key: 'src', width: 210, render: (_: unknown, c) => where(c.src) },
          ]}
          style={{ marginBottom: 8 }}
        />
      ))}
      {report.declaredWeights.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="level1"
          title={() => '表中标明的分值'}
          dataSource={report.declaredWeights}
          columns={[
            { title: '一级指标', dataIndex: 'level1', width: 160 },
            { title: '表中写的', dataIndex: 'label' },
            { title: '标明分值', dataIndex: 'declared', width: 90, align: 'right' },
            { title: '评分方案', dataIndex: 'scheme', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '', key: 'd', width: 90, render: (_: unknown, w) => (w.differs ? <Tag color="orange">与方案不同</Tag> : null) },
          ]}
          style={{ marginBottom: 8 }}
        />
      )}
      {report.unplaced.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey={(u) => `${where(u.src)}-${u.text}`}
          title={() => `未读入的单元格（${report.unplaced.length} 个，请核对）`}
          dataSource={report.unplaced}
          columns={[
            { title: '内容', dataIndex: 'text', ellipsis: true },
            { title: '位置', key: 'src', width: 210, render: (_: unknown, u) => where(u.src) },
            { title: '原因', dataIndex: 'why', width: 260 },
          ]}
        />
      ) : (
        <Typography.Text type="success">表中的内容均已读入。</Typography.Text>
      )}
    </div>
  );
}
