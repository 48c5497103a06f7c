/**
 * 导入: drop the forms people already have (.docx/.xlsx/.txt, also .doc/.xls), see what was recognised
 * and what is wrong with it before anything is stored, then save into a department. A file the
 * importer refuses is shown with its code and where the problem is, and nothing of it is stored.
 * Each file is read as the kind its title names (自评表 or 绩效目标申报表), or as the kind chosen here;
 * the preview names each form's kind (issue 20).
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Input, Radio, Result, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, type ImportPreview, type User } from '../api.ts';
import { ErrorView } from '../components/state-views.tsx';
import { FormRead, ImportReadout } from '../components/import-readout.tsx';
import { location } from '../place.ts';
import { FindingDetail } from '../editor/finding-badge.tsx';
import { fixed, GRADE_COLORS } from '../format.ts';
import { href, navigate } from '../router.ts';
import { SupportDetail } from '../components/support-detail.tsx';
import { useAsync } from '../use-async.ts';

const ACCEPT = '.docx,.xlsx,.pdf,.txt,.doc,.xls';
// named for what the layout is, as the readout names it: a 北京 form with a 得分计算方法 column is not a 宁夏 form
const LAYOUTS: Record<string, string> = {
  national: '全国通用格式',
  hebei: '指标值分三列',
  yunzhou: '含目标申报数/调整后指标值',
  ningxia: '含得分计算方法列',
  flat: '指标平铺列表',
};
/** What the files are read as: by their titles, or every one as the kind chosen. */
type ReadAs = 'auto' | 'self-evaluation' | 'goal';
const READ_AS: Array<{ value: ReadAs; label: string }> = [
  { value: 'auto', label: '按标题识别' },
  { value: 'self-evaluation', label: '都是自评表' },
  { value: 'goal', label: '都是绩效目标申报表' },
];
const KIND_LABELS: Record<string, string> = { 'self-evaluation': '自评表', goal: '绩效目标申报表' };

/** “2 张自评表、1 张绩效目标申报表”: the forms counted per kind, in the order they first appear. */
function formsByKind(forms: ReadonlyArray<{ kind: string }>): string {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} 张${KIND_LABELS[k] ?? k}`).join('、');
}

export function ImportPage({ me }: { me: User }) {
  // Only an administrator creates departments; everyone else imports into a department they can see.
  const canCreate = me.role === 'admin';
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [readAs, setReadAs] = useState<ReadAs>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<{ departmentId: number; count: string; forms: Array<{ id: number; project: string }> } | null>(null);
  const departments = useAsync(() => api.departments(), []);
  const suggested = useMemo(() => preview?.files.flatMap((f) => f.evaluations.map((e) => e.department)).find(Boolean) ?? '', [preview]);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [deptId, setDeptId] = useState<number | undefined>();
  const [newDept, setNewDept] = useState({ code: '', name: '' });
  const forms = preview?.files.reduce((n, f) => n + f.evaluations.length, 0) ?? 0;
  const formWords = formsByKind(preview?.files.flatMap((f) => f.evaluations) ?? []);

  const recognise = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await api.importFiles(files, readAs === 'auto' ? undefined : readAs);
      setPreview(p);
      const match = departments.data?.find((d) => p.files.some((f) => f.evaluations.some((e) => e.department === d.name)));
      if (match || !canCreate) {
        setMode('existing');
        setDeptId(match?.id ?? me.departmentId ?? departments.data?.[0]?.id);
      } else {
        setMode('new');
        const name = p.files.flatMap((f) => f.evaluations.map((e) => e.department)).find(Boolean) ?? '';
        setNewDept({ code: '', name });
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    if (mode === 'existing' && deptId === undefined) return void message.warning('请选择部门');
    if (mode === 'new' && (!newDept.code.trim() || !newDept.name.trim())) return void message.warning('请填写新部门的编码和名称');
    setBusy(true);
    try {
      const r = await api.commitImport(
        preview.token,
        mode === 'existing' ? { departmentId: deptId! } : { department: { code: newDept.code.trim(), name: newDept.name.trim() } },
      );
      setDone({ departmentId: r.departmentId, count: formsByKind(r.evaluations), forms: r.evaluations.map((e) => ({ id: e.id, project: e.project })) });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFiles([]);
    setPreview(null);
    setDone(null);
    setError(null);
  };

  if (done)
    return (
      <Result
        status="success"
        title={`已保存 ${done.count}`}
        subTitle={
          // each saved form opens from here: what was just read is checked next in the editor
          <Space wrap data-testid="saved-forms">
            {done.forms.map((f) => (
              <a key={f.id} href={href({ page: 'editor', id: f.id })}>
                {f.project || '未命名项目'}
              </a>
            ))}
          </Space>
        }
        extra={[
          <Button type="primary" key="o" onClick={() => navigate({ page: 'overview', dept: done.departmentId })}>
            查看部门总览
          </Button>,
          <Button key="a" onClick={reset}>
            继续导入
          </Button>,
        ]}
      />
    );

  return (
    <div data-testid="import">
      <div className="page-head">
        <Typography.Title level={3}>导入自评表、绩效目标申报表</Typography.Title>
      </div>
      {!preview && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div data-testid="dropzone">
            <Upload.Dragger
              multiple
              accept={ACCEPT}
              fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, size: f.size, status: 'done' as const }))}
              beforeUpload={(f) => {
                setFiles((old) => [...old, f]);
                return false; // keep the files here; they are sent together for one preview
              }}
              onRemove={(u) => setFiles((old) => old.filter((f, i) => `${i}-${f.name}` !== u.uid))}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">把自评表或绩效目标申报表文件拖到这里，或点击选择（可一次多个）</p>
              <p className="ant-upload-hint">支持 Word（.docx、.doc）、Excel（.xlsx、.xls）、带文字层的 PDF 和文本（.txt）；先识别预览，确认后才保存</p>
            </Upload.Dragger>
          </div>
          <Space>
            <Typography.Text>文件中的表：</Typography.Text>
            <Radio.Group value={readAs} onChange={(e) => setReadAs(e.target.value as ReadAs)} options={READ_AS} data-testid="import-kind" />
          </Space>
          {error && <ErrorView error={error} />}
          <Button type="primary" disabled={files.length === 0} loading={busy} onClick={() => void recognise()} data-testid="recognise">
            识别 {files.length > 0 ? `${files.length} 个文件` : ''}
          </Button>
        </Space>
      )}
      {preview && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-preview">
          {preview.rejected.map((r) => (
            <Alert
              key={r.name}
              type="error"
              showIcon
              title={`${r.name}：未能导入`}
              description={
                <>
                  {r.error.message}
                  {location(r.error.details) && <>（位置：{location(r.error.details)}）</>}
                  <SupportDetail items={[r.error.code]} />
                </>
              }
              data-testid="import-rejected"
            />
          ))}
          {preview.files.map((f) => (
            <Card
              key={f.sha256}
              size="small"
              title={`${f.name}（${(f.size / 1024).toFixed(0)} KB）：识别出 ${formsByKind(f.evaluations) || '0 张表'}${f.summaries ? `、${f.summaries} 张汇总表` : ''}${f.texts.length ? `、${f.texts.length} 篇报告` : ''}`}
            >
              {f.notes.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  title={`识别时的提示（${f.notes.length} 条）`}
                  description={
                    <ul className="notes">
                      {f.notes.map((n, i) => (
                        <li key={i}>
                          {n.message}
                          {n.src && location(n.src) && `（${location(n.src)}）`}
                          <SupportDetail items={[n.code]} />
                        </li>
                      ))}
                    </ul>
                  }
                  style={{ marginBottom: 8 }}
                />
              )}
              <Table
                size="small"
                rowKey="index"
                pagination={false}
                dataSource={f.evaluations}
                columns={[
                  {
                    title: '种类',
                    dataIndex: 'kindTitle',
                    width: 150,
                    render: (t: string, e) => (
                      <Tag color={e.kind === 'goal' ? 'purple' : 'blue'} data-testid="import-form-kind">
                        {t}
                      </Tag>
                    ),
                  },
                  { title: '项目', dataIndex: 'project', ellipsis: true },
                  { title: '年度', dataIndex: 'year', width: 64 },
                  { title: '表式', dataIndex: 'layout', width: 120, render: (l: string) => LAYOUTS[l] ?? l },
                  { title: '指标数', dataIndex: 'indicators', width: 70, align: 'right' },
                  { title: '填报总分', dataIndex: 'claimedTotal', width: 84, align: 'right', render: (v: string | null) => fixed(v) },
                  { title: '计算总分', dataIndex: 'total', width: 84, align: 'right', render: (v: string | null) => (v === null ? '不评分' : fixed(v)) },
                  { title: '等级', dataIndex: 'grade', width: 56, render: (g: string | null) => g !== null && <Tag color={GRADE_COLORS[g]}>{g}</Tag> },
                  {
                    title: '问题',
                    key: 'n',
                    width: 130,
                    render: (_: unknown, e) => (
                      <Space>
                        {e.errors > 0 && <Tag color="red">{e.errors} 个错误</Tag>}
                        {e.warnings > 0 && <Tag color="orange">{e.warnings} 个警告</Tag>}
                      </Space>
                    ),
                  },
                ]}
                expandable={{
                  rowExpandable: () => true,
                  expandedRowRender: (e) => (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <FormRead read={e.read} index={e.index} />
                      {f.reports
                        ?.filter((r) => r.index === e.index)
                        .map((r) => (
                          <ImportReadout key={r.index} report={r} />
                        ))}
                      {f.findings
                        .filter((x) => x.location.form?.index === e.index && x.severity !== 'info')
                        .map((x, i) => (
                          <FindingDetail key={i} f={x} />
                        ))}
                    </Space>
                  ),
                }}
              />
            </Card>
          ))}
          {forms > 0 ? (
            <Card size="small" title="保存到部门">
              <Space orientation="vertical">
                {canCreate && (
                  <Radio.Group
                    value={mode}
                    onChange={(e) => setMode(e.target.value as 'existing' | 'new')}
                    options={[
                      { value: 'existing', label: '已有部门' },
                      { value: 'new', label: '新建部门' },
                    ]}
                  />
                )}
                {mode === 'existing' ? (
                  <Select
                    style={{ width: 360 }}
                    placeholder="选择部门"
                    value={deptId}
                    onChange={setDeptId}
                    options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                    data-testid="import-department"
                  />
                ) : (
                  <Space>
                    <Input
                      placeholder="部门编码，如 001"
                      value={newDept.code}
                      onChange={(e) => setNewDept({ ...newDept, code: e.target.value })}
                      style={{ width: 160 }}
                      aria-label="部门编码"
                    />
                    <Input
                      placeholder={suggested || '部门名称'}
                      value={newDept.name}
                      onChange={(e) => setNewDept({ ...newDept, name: e.target.value })}
                      style={{ width: 320 }}
                      aria-label="部门名称"
                    />
                  </Space>
                )}
                <Space>
                  <Button type="primary" loading={busy} onClick={() => void commit()} data-testid="commit">
                    保存 {formWords}
                  </Button>
                  <Button onClick={reset}>重新选择文件</Button>
                </Space>
              </Space>
            </Card>
          ) : (
            <Space>
              <Typography.Text type="secondary">没有可保存的表。</Typography.Text>
              <Button onClick={reset}>重新选择文件</Button>
              <a href={href({ page: 'overview' })}>返回总览</a>
            </Space>
          )}
        </Space>
      )}
    </div>
  );
}
