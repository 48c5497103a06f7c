/**
 * 文档: the official documents of a department and year — each form, the 汇总表, the 整体绩效自评工作报告
 * and the 决算公开绩效情况说明 — as docx, xlsx or pdf, made by the server from the stored forms. The
 * reports are previewed with their slots to fill in; the disclosure's projects are chosen here.
 *
 * Before any download the page says what the documents will carry (issue 22): which scores (computed
 * by default, or the claimed ones — one source for every document), where the claimed and computed
 * figures differ, and whether forms are drafts or have errors (then every page is marked 草稿（未审核）).
 * All forms, or those ticked, download as one .zip with a progress bar.
 */
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Collapse, Input, Progress, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, downloadDepartmentDocument, downloadFormsZip, formDocumentUrl, type DocumentStatus, type SummaryRow } from '../api.ts';
import { DepartmentYearPicker, useDepartmentYear } from '../components/department-year-picker.tsx';
import { openSlots, ReportPreview, type Fills } from '../components/report-preview.tsx';
import { EmptyView, Loaded } from '../components/state-views.tsx';
import { fixed, GRADE_COLORS, money } from '../format.ts';
import { navigate } from '../router.ts';
import { useAsync } from '../use-async.ts';

type Scores = 'claimed' | 'computed';
type Kind = 'summary' | 'report' | 'disclosure';

/** The user's slot texts, kept in this browser per department, year and report until they are done. */
function useFills(key: string): [Fills, (id: string, text: string | null) => void] {
  const [fills, setFills] = useState<Fills>(() => JSON.parse(localStorage.getItem(key) ?? '{}') as Fills);
  useEffect(() => setFills(JSON.parse(localStorage.getItem(key) ?? '{}') as Fills), [key]);
  const set = (id: string, text: string | null) =>
    setFills((old) => {
      const next = { ...old };
      if (text === null) delete next[id];
      else next[id] = text;
      localStorage.setItem(key, JSON.stringify(next));
      return next;
    });
  return [fills, set];
}

function Downloads({ formats, busy, onClick, testId }: { formats: string[]; busy: string | null; onClick: (f: string) => void; testId: string }) {
  return (
    <Space>
      {formats.map((f) => (
        <Button key={f} icon={<DownloadOutlined />} loading={busy === f} onClick={() => onClick(f)} data-testid={`${testId}-${f}`}>
          .{f}
        </Button>
      ))}
    </Space>
  );
}

/** A few names and how many more: a department may have hundreds of drafts. */
function few(items: string[], max = 6): string {
  return items.length <= max ? items.join('、') : `${items.slice(0, max).join('、')} 等${items.length}张`;
}

/** What the documents will carry: the draft/error warning and the claimed-vs-computed differences. */
function BeforeDownload({ status, scores }: { status: DocumentStatus; scores: Scores }) {
  const diffs = status.differences;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }} data-testid="before-download">
      {status.warning && (
        <Alert
          type="warning"
          showIcon
          title={status.warning}
          description={[
            status.drafts.length ? `未审核：${few(status.drafts.map((f) => `${f.seq}. ${f.project}（${f.statusLabel}）`))}` : '',
            status.withErrors.length ? `有错误：${few(status.withErrors.map((f) => `${f.seq}. ${f.project}（${f.errors}处）`))}` : '',
          ]
            .filter((t) => t !== '')
            .join('；')}
          data-testid="draft-warning"
        />
      )}
      {diffs.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'diffs',
              label: `填报得分与计算得分不同：${new Set(diffs.map((d) => d.seq)).size} 个项目（文档中${scores === 'computed' ? '按计算得分输出' : '按填报得分输出'}）`,
              children: (
                <Table
                  size="small"
                  rowKey={(d) => `${d.seq}.${d.field}`}
                  pagination={false}
                  dataSource={diffs}
                  data-testid="score-differences"
                  columns={[
                    { title: '序号', dataIndex: 'seq', width: 60, align: 'right' },
                    { title: '项目名称', dataIndex: 'project', ellipsis: true },
                    { title: '', dataIndex: 'field', width: 70, render: (f: string) => (f === 'total' ? '总分' : '等级') },
                    { title: '填报', dataIndex: 'claimed', width: 90, align: 'right', render: (v: string, d) => (d.field === 'total' ? fixed(v) : v) },
                    { title: '计算', dataIndex: 'computed', width: 90, align: 'right', render: (v: string, d) => (d.field === 'total' ? fixed(v) : v) },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

export function DocumentsPage({ route }: { route: { dept?: number; year?: number } }) {
  const dy = useDepartmentYear(route);
  const { dept, year } = dy;
  const { message } = AntApp.useApp();
  const [scores, setScores] = useState<Scores>('computed');
  const [ticked, setTicked] = useState<number[]>([]); // 序号 of the forms ticked for the .zip
  const [zip, setZip] = useState<{ done: number; total: number; format: string } | null>(null);
  const status = useAsync(() => (dept === undefined ? Promise.resolve(undefined) : api.documentStatus(dept, year)), [dept, year]);
  const [busy, setBusy] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number[] | null>(null); // 序号; null = the default (largest budgets)
  const [spending, setSpending] = useState('');
  const summary = useAsync(() => (dept === undefined ? Promise.resolve(undefined) : api.summary(dept, year)), [dept, year]);
  const key = `jixiao.fills.${dept}.${year}`;
  const [reportFills, fillReport] = useFills(`${key}.report`);
  const [disclosureFills, fillDisclosure] = useFills(`${key}.disclosure`);
  const spendingOk = /^\d+(\.\d+)?$/.test(spending);
  const report = useAsync(
    () => (dept === undefined ? Promise.resolve(undefined) : api.reportContent(dept, 'report', { scores, ...(year !== undefined && { year }) })),
    [dept, year, scores],
  );
  const disclosure = useAsync(
    () =>
      dept === undefined
        ? Promise.resolve(undefined)
        : api.reportContent(dept, 'disclosure', {
            scores,
            ...(year !== undefined && { year }),
            ...(chosen && { projects: chosen }),
            ...(spendingOk && { projectSpending: spending }),
          }),
    [dept, year, scores, chosen?.join(','), spendingOk ? spending : ''],
  );
  useEffect(() => {
    setChosen(null);
    setTicked([]);
  }, [dept, year]);

  const downloadZip = async (format: string) => {
    if (dept === undefined) return;
    setZip({ done: 0, total: ticked.length || (summary.data?.summary.rows.length ?? 0), format });
    try {
      const name = await downloadFormsZip(
        dept,
        { format, scores, ...(year !== undefined && { year }), ...(ticked.length > 0 && { projects: ticked }) },
        (done, total) => setZip({ done, total, format }),
      );
      message.success(`已下载 ${name}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setZip(null);
    }
  };
  const selected = chosen ?? disclosure.data?.attachments.map((i) => i + 1) ?? [];

  const download = async (kind: Kind, format: string, fills?: Fills) => {
    if (dept === undefined) return;
    setBusy(`${kind}.${format}`);
    try {
      const name = await downloadDepartmentDocument(dept, kind, {
        format,
        scores,
        ...(year !== undefined && { year }),
        ...(kind === 'disclosure' && { projects: selected }),
        ...(kind === 'disclosure' && spendingOk && { projectSpending: spending }),
        ...(fills && { fills }),
      });
      message.success(`已下载 ${name}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const busyOf = (kind: Kind) => (busy?.startsWith(`${kind}.`) ? busy.slice(kind.length + 1) : null);

  return (
    <div data-testid="documents">
      <div className="page-head">
        <Typography.Title level={3}>文档</Typography.Title>
        <DepartmentYearPicker value={dy} onChange={(d, y) => navigate({ page: 'documents', dept: d, ...(y !== undefined && { year: y }) })} />
        <Radio.Group
          value={scores}
          onChange={(e) => setScores(e.target.value as Scores)}
          optionType="button"
          options={[
            { value: 'computed', label: '按规则计算的得分（默认）' },
            { value: 'claimed', label: '各表填报的得分' },
          ]}
        />
      </div>
      {status.data && <BeforeDownload status={status.data} scores={scores} />}
      <Loaded state={summary} empty={(d) => (!d || d.summary.rows.length === 0 ? <EmptyView text="本部门该年度还没有自评表，无法生成文档" /> : false)}>
        {(d) => {
          const rows = d!.summary.rows;
          return (
            <Tabs
              items={[
                {
                  key: 'forms',
                  label: `自评表（${rows.length}）`,
                  children: (
                    <>
                      <Space style={{ marginBottom: 8 }} wrap>
                        <span>{ticked.length ? `打包所选 ${ticked.length} 张：` : `打包全部 ${rows.length} 张：`}</span>
                        {['docx', 'xlsx', 'pdf'].map((f) => (
                          <Button
                            key={f}
                            icon={<FileZipOutlined />}
                            disabled={zip !== null}
                            loading={zip?.format === f}
                            onClick={() => void downloadZip(f)}
                            data-testid={`zip-${f}`}
                          >
                            .{f}
                          </Button>
                        ))}
                        {zip && (
                          <span style={{ width: 260, display: 'inline-block' }} data-testid="zip-progress">
                            <Progress
                              percent={zip.total ? Math.floor((zip.done / zip.total) * 100) : 0}
                              size="small"
                              format={() => `${zip.done}/${zip.total}`}
                            />
                          </span>
                        )}
                      </Space>
                      <Table<SummaryRow>
                        size="small"
                        rowKey="evaluationId"
                        rowSelection={{
                          selectedRowKeys: rows.filter((r) => ticked.includes(r.seq)).map((r) => r.evaluationId),
                          onChange: (_, sel) => setTicked(sel.map((r) => r.seq).sort((a, b) => a - b)),
                        }}
                        dataSource={rows}
                        pagination={{ defaultPageSize: 20 }}
                        columns={[
                          { title: '序号', dataIndex: 'seq', width: 60, align: 'right' },
                          { title: '项目名称', dataIndex: 'project', ellipsis: true },
                          { title: '得分', dataIndex: 'score', width: 80, align: 'right', render: (v: string) => fixed(v) },
                          { title: '等级', dataIndex: 'grade', width: 60, render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag> },
                          {
                            title: '下载',
                            key: 'dl',
                            width: 230,
                            render: (_: unknown, r) => (
                              <Space>
                                {['docx', 'xlsx', 'pdf'].map((f) => (
                                  <a key={f} href={formDocumentUrl(r.evaluationId, f, scores)} data-testid={`form-${r.seq}-${f}`}>
                                    .{f}
                                  </a>
                                ))}
                              </Space>
                            ),
                          },
                        ]}
                      />
                    </>
                  ),
                },
                {
                  key: 'summary',
                  label: '汇总表',
                  children: (
                    <Card
                      size="small"
                      title={`${d!.department.name} 绩效自评情况汇总表`}
                      extra={
                        <Downloads formats={['docx', 'xlsx', 'pdf']} busy={busyOf('summary')} onClick={(f) => void download('summary', f)} testId="summary" />
                      }
                    >
                      <Typography.Paragraph>
                        共 {rows.length} 个项目，全年预算数 {money(d!.summary.total.budget)} 万元，全年执行数 {money(d!.summary.total.executed)} 万元，执行率{' '}
                        {d!.summary.total.rate === null ? '—' : `${fixed(d!.summary.total.rate)}%`}；
                        {Object.entries(d!.summary.gradeCounts)
                          .map(([g, n]) => `${g} ${n} 个`)
                          .join('，')}
                        。
                      </Typography.Paragraph>
                    </Card>
                  ),
                },
                {
                  key: 'report',
                  label: '整体绩效自评工作报告',
                  children: (
                    <Loaded state={report}>
                      {(c) => (
                        <Card
                          size="small"
                          title={`待编辑段落：${openSlots(c!, reportFills)} 处`}
                          extra={
                            <Downloads
                              formats={['docx', 'pdf']}
                              busy={busyOf('report')}
                              onClick={(f) => void download('report', f, reportFills)}
                              testId="report"
                            />
                          }
                        >
                          <ReportPreview content={c!} fills={reportFills} onFill={fillReport} />
                        </Card>
                      )}
                    </Loaded>
                  ),
                },
                {
                  key: 'disclosure',
                  label: '决算公开绩效情况说明',
                  children: (
                    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                      <Card size="small" title={`综述和附表的项目（已选 ${selected.length} 个）`}>
                        <Space style={{ marginBottom: 8 }}>
                          <span>一般公共预算项目支出总额</span>
                          <Input
                            style={{ width: 180 }}
                            value={spending}
                            onChange={(e) => setSpending(e.target.value.trim())}
                            suffix="万元"
                            status={spending && !spendingOk ? 'error' : undefined}
                            placeholder="可不填"
                            aria-label="一般公共预算项目支出总额"
                          />
                          {spending && !spendingOk && <Typography.Text type="danger">请填写数字，如 1234.56</Typography.Text>}
                        </Space>
                        {/* A department may have hundreds of projects: the list scrolls, the page does not grow. */}
                        <div className="project-choices">
                          <Checkbox.Group
                            value={selected}
                            onChange={(v) => setChosen((v as number[]).slice().sort((a, b) => a - b))}
                            options={rows.map((r) => ({ value: r.seq, label: `${r.seq}. ${r.project}（${money(r.budget)} 万元）` }))}
                            data-testid="disclosure-projects"
                          />
                        </div>
                      </Card>
                      <Loaded state={disclosure}>
                        {(c) => (
                          <Card
                            size="small"
                            title={`待编辑段落：${openSlots(c!, disclosureFills)} 处；附 ${selected.length} 个项目的自评表`}
                            extra={
                              <Downloads
                                formats={['docx', 'pdf']}
                                busy={busyOf('disclosure')}
                                onClick={(f) => void download('disclosure', f, disclosureFills)}
                                testId="disclosure"
                              />
                            }
                          >
                            <ReportPreview content={c!} fills={disclosureFills} onFill={fillDisclosure} />
                          </Card>
                        )}
                      </Loaded>
                    </Space>
                  ),
                },
              ]}
            />
          );
        }}
      </Loaded>
    </div>
  );
}
