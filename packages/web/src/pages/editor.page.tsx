/**
 * 自评表编辑: the whole form, scored and audited in the browser as the user types, saved with the
 * version it was read at. A 409 is explained, with a way to take the newer version and re-apply the
 * user's own edits; leaving with unsaved edits asks first.
 */
import { DownloadOutlined, HistoryOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Badge, Button, Card, Drawer, Dropdown, List, Space, Table, Tag, Typography } from 'antd';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { fixAction, INDICATOR_FIELD_NAMES, SECTION_NAMES, type Finding } from '@jixiao/core';
import { api, ApiError, formDocumentUrl, type EvaluationFull } from '../api.ts';
import { Loaded } from '../components/state-views.tsx';
import { ColourLegend } from '../components/colour-legend.tsx';
import { BudgetBlock } from '../editor/budget-block.tsx';
import { FindingDetail } from '../editor/finding-badge.tsx';
import { bySeverity, signature } from '../editor/finding-index.ts';
import { Stable } from '../components/stable.tsx';
import { GoalsSection, IdentitySection, NarrativesSection, TotalSection } from '../editor/form-sections.tsx';
import { IndicatorTable } from '../editor/indicator-table.tsx';
import { ReadOnly } from '../editor/cell-input.tsx';
import { ReviewCard } from '../editor/review-card.tsx';
import { WorkflowBar } from '../editor/workflow-bar.tsx';
import { DraftActions } from '../editor/draft-actions.tsx';
import { useFormEditor } from '../editor/use-form-editor.ts';
import { fixed, GRADE_COLORS, STATUS_LABELS } from '../format.ts';
import { href, setLeaveGuard } from '../router.ts';
import { useAsync } from '../use-async.ts';

export function EditorPage({ id }: { id: number }) {
  const loaded = useAsync(() => api.evaluation(id), [id]);
  return <Loaded state={loaded}>{(ev) => <Editor key={`${ev.id}`} initial={ev} />}</Loaded>;
}

function where(f: Finding): string {
  const l = f.location;
  if (l.indicator !== undefined)
    return `第 ${l.indicator + 1} 个指标${l.field && INDICATOR_FIELD_NAMES[l.field] ? ` · ${INDICATOR_FIELD_NAMES[l.field]}` : ''}`;
  return SECTION_NAMES[l.section];
}

function Editor({ initial }: { initial: EvaluationFull }) {
  const ed = useFormEditor(initial);
  const { message, modal } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [panel, setPanel] = useState<'findings' | 'history' | null>(null);
  const decimals = ed.scheme.decimals;
  const ev = ed.draft;

  // Unsaved edits: asked before leaving the page in the app, and by the browser before closing the tab.
  useEffect(() => setLeaveGuard(() => ed.dirty), [ed.dirty]);
  useEffect(() => {
    if (!ed.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [ed.dirty]);

  const save = useCallback(async () => {
    if (!ed.dirty || saving) return;
    setSaving(true);
    try {
      ed.markSaved(await api.save(ed.saved.id, ed.saved.version, ed.draft));
      message.success('已保存');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.details.current as { version?: number } | undefined)?.version;
        modal.confirm({
          title: '此表已被他人修改',
          content: `您打开的是第 ${ed.saved.version} 版，服务器上已是第 ${current ?? '更新的'} 版，您的修改尚未保存。可以载入最新版本并在其上重新应用您的 ${ed.edits.length} 处修改（请核对后再保存），或放弃您的修改。`,
          okText: '载入最新版本并重新应用我的修改',
          cancelText: '放弃我的修改',
          width: 520,
          onOk: async () => {
            const r = ed.rebase(await api.evaluation(ed.saved.id));
            if (r.skipped.length) message.warning(`有 ${r.skipped.length} 处修改因表格已变化无法重新应用，请核对`);
            else message.info(`已在第 ${current ?? ''} 版上重新应用 ${r.applied} 处修改，请核对后保存`);
          },
          onCancel: async () => ed.markSaved(await api.evaluation(ed.saved.id)),
        });
      } else message.error(e instanceof ApiError ? e.message : `保存失败：${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  }, [ed, saving, message, modal]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  // The department's check across forms (A9: goals or indicators copied from another project) as the
  // 汇总表 counts it, for the version saved: the editor and the 汇总表 say the same of this form (issue 23).
  const across = useAsync(() => api.departmentFindings(ed.saved.id), [ed.saved.id, ed.saved.version]);
  const acrossList = across.data ?? NO_FINDINGS;
  const allFindings = acrossList.length ? [...ed.findingList, ...acrossList] : ed.findingList;
  const sig = (sections: Parameters<typeof signature>[1]) => signature(ed.findingList, sections);
  const errors = allFindings.filter((f) => f.severity === 'error').length;
  const warnings = allFindings.filter((f) => f.severity === 'warning').length;
  const infos = allFindings.length - errors - warnings;
  const groupLabels = Object.fromEntries(ev.groups.map((g) => [g.name, g.label.raw.replace(/\s+/g, '') || g.name]));
  const dirtyRef = useRef(ed.dirty);
  dirtyRef.current = ed.dirty;
  const savedId = ed.saved.id;
  const download = useCallback(
    (format: string) => {
      if (dirtyRef.current) message.warning('下载的是已保存的版本；未保存的修改不在其中');
      window.location.href = formDocumentUrl(savedId, format);
    },
    [savedId, message],
  );
  const openFindings = useCallback(() => setPanel('findings'), []);
  const openHistory = useCallback(() => setPanel('history'), []);

  return (
    <div data-testid="editor" className="editor-page">
      <div className="editor-head">
        <Space orientation="vertical" size={0} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary">
            <a href={href({ page: 'overview', dept: ed.saved.departmentId, ...(ed.saved.year !== null && { year: ed.saved.year }) })}>部门总览</a> /
            项目支出绩效自评表 · {ev.year ?? '—'} 年度 · 第 {ed.saved.version} 版 · {STATUS_LABELS[ed.saved.status]}
          </Typography.Text>
          <Typography.Title level={4} ellipsis style={{ margin: 0 }} data-testid="editor-title">
            {ev.project.name.raw || '未命名项目'}
          </Typography.Title>
        </Space>
        {/* Plain markup: these change on every key, and antd's Statistic costs a style pass each time. */}
        <div className="head-stat">
          <div className="head-stat-title">计算总分</div>
          <div className="head-stat-value" style={{ color: GRADE_COLORS[ed.score.grade] }} data-testid="total">
            {fixed(ed.score.total, decimals)} <small>分</small>
          </div>
        </div>
        <div className="head-stat">
          <div className="head-stat-title">等级</div>
          <div className="head-stat-value" style={{ color: GRADE_COLORS[ed.score.grade] }} data-testid="grade">
            {ed.score.grade}
          </div>
        </div>
        <div className="head-stat">
          <div className="head-stat-title">填报总分</div>
          <div className="head-stat-value">{ev.claimed.total?.raw || '—'}</div>
        </div>
        {ed.saved.reviewedTotal !== null && (
          <div className="head-stat">
            <div className="head-stat-title">复核总分</div>
            <div className="head-stat-value">{fixed(ed.saved.reviewedTotal, decimals)}</div>
          </div>
        )}
        <FindingsButton errors={errors} warnings={warnings} infos={infos} open={openFindings} />
        <Space>
          <HeadActions openHistory={openHistory} download={download} />
          {ed.saved.permissions.delete && <DraftActions saved={ed.saved} dirty={ed.dirty} onChanged={ed.markSaved} />}
          {ed.saved.permissions.edit && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!ed.dirty} onClick={() => void save()} data-testid="save">
              {ed.dirty ? `保存（${ed.edits.length}）` : '已保存'}
            </Button>
          )}
        </Space>
      </div>
      {ed.editError && <Alert type="error" showIcon title={ed.editError} style={{ marginBottom: 12 }} />}
      <ColourLegend />
      <WorkflowBar saved={ed.saved} findings={ed.findingList} dirty={ed.dirty} onDone={ed.markSaved} />
      <ReadOnly.Provider value={!ed.saved.permissions.edit}>
        {/* A plain stack, not antd's Space: Space re-provides its context on every render, and React then
          walks the whole form looking for its consumers (the costliest part of a keystroke, measured). */}
        <div className="stack">
          {/* Each part redraws only when its own data or findings changed: typing in one cell stays cheap. */}
          <Stable deps={[ev.project, ev.filler, sig(['project', 'filler'])]}>
            {() => (
              <Card size="small" title="基本信息">
                <IdentitySection ev={ev} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          <Stable deps={[ev.budget, ed.score.budget.score, ed.score.budget.ratePercent, sig(['budget.lines'])]}>
            {() => (
              <Card size="small" title="预算执行情况（万元）">
                <BudgetBlock lines={ev.budget.lines} score={ed.score} findings={ed.findings} edit={ed.edit} decimals={decimals} />
              </Card>
            )}
          </Stable>
          <Stable deps={[ev.goals, sig(['goals'])]}>
            {() => (
              <Card size="small" title="绩效目标">
                <GoalsSection ev={ev} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          <Card size="small" title={`绩效指标（${ev.indicators.length} 个）`}>
            <IndicatorTable
              indicators={ev.indicators}
              score={ed.score}
              findings={ed.findings}
              edit={ed.edit}
              decimals={decimals}
              groupLabels={groupLabels}
              previousYear={ed.saved.previousYear}
            />
          </Card>
          <Stable deps={[ev.claimed, ed.score.total, ed.score.grade, ed.score.points, sig(['claimed', 'points'])]}>
            {() => (
              <Card size="small" title="总分与等级">
                <TotalSection ev={ev} score={ed.score} findings={ed.findings} edit={ed.edit} decimals={decimals} />
              </Card>
            )}
          </Stable>
          <Stable deps={[ev.narratives, sig(['narratives'])]}>
            {() => (
              <Card size="small" title="分析与说明">
                <NarrativesSection ev={ev} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          {(ed.saved.permissions.review || ed.saved.reviews.length > 0 || ed.saved.reviewOpinion !== null) && (
            <Card size="small" title="财政复核">
              <ReviewCard
                saved={ed.saved}
                indicators={ev.indicators}
                score={ed.score}
                decimals={decimals}
                onSaved={() => void api.evaluation(ed.saved.id).then(ed.markSaved)}
              />
            </Card>
          )}
        </div>
      </ReadOnly.Provider>
      <Drawer
        title={`校验结果：${errors} 个错误，${warnings} 个警告，${infos} 个提示`}
        open={panel === 'findings'}
        onClose={() => setPanel(null)}
        size={460}
        data-testid="findings-drawer"
      >
        <List
          dataSource={[...ed.findingList].sort(bySeverity)}
          locale={{ emptyText: '本表没有发现问题' }}
          renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Typography.Text type="secondary">
                  <WarningOutlined /> {where(f)}
                </Typography.Text>
                <FindingDetail f={f} onFix={(fix) => ed.edit(fixAction(fix))} />
              </Space>
            </List.Item>
          )}
        />
        {acrossList.length > 0 && (
          <div data-testid="department-findings">
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              与本部门其他表比较（汇总表同样列出，按已保存的版本）
            </Typography.Title>
            <List
              dataSource={[...acrossList].sort(bySeverity)}
              renderItem={(f) => (
                <List.Item>
                  <Space orientation="vertical" size={2}>
                    <Typography.Text type="secondary">
                      <WarningOutlined /> {where(f)}
                    </Typography.Text>
                    <FindingDetail f={f} />
                  </Space>
                </List.Item>
              )}
            />
          </div>
        )}
      </Drawer>
      <Drawer
        title="修改记录"
        open={panel === 'history'}
        onClose={() => setPanel(null)}
        size={640}
        destroyOnHidden
        extra={
          <a href={`/api/evaluations/${ed.saved.id}/history.csv`} data-testid="history-csv">
            导出 CSV
          </a>
        }
      >
        <History id={ed.saved.id} version={ed.saved.version} />
      </Drawer>
    </div>
  );
}

const NO_FINDINGS: Finding[] = [];

const FindingsButton = memo(function FindingsButton({ errors, warnings, infos, open }: { errors: number; warnings: number; infos: number; open: () => void }) {
  return (
    <Button className="head-findings" onClick={open} data-testid="findings-button">
      <Badge count={errors} color="red" showZero={false} /> <Badge count={warnings} color="orange" showZero={false} />{' '}
      {errors + warnings === 0 ? (infos ? `校验通过（${infos} 个提示）` : '校验通过') : '校验结果'}
    </Button>
  );
});

const HeadActions = memo(function HeadActions({ openHistory, download }: { openHistory: () => void; download: (format: string) => void }) {
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={openHistory}>
        修改记录
      </Button>
      <Dropdown menu={{ items: ['docx', 'xlsx', 'pdf'].map((f) => ({ key: f, label: `下载 .${f}` })), onClick: ({ key }) => download(key) }}>
        <Button icon={<DownloadOutlined />} data-testid="download">
          下载
        </Button>
      </Dropdown>
    </>
  );
});

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
