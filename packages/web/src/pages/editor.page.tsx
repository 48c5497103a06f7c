/**
 * 自评表编辑: the whole form, scored and audited in the browser as the user types, saved with the
 * version it was read at. A 409 is explained, with a way to take the newer version and re-apply the
 * user's own edits; leaving with unsaved edits asks first.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { Finding } from '@jixiao/core';
import { api, isGoal, type EvaluationFull } from '../api.ts';
import { Loaded } from '../components/state-views.tsx';
import { ColourLegend } from '../components/colour-legend.tsx';
import { BudgetBlock } from '../editor/budget-block.tsx';
import { signature } from '../editor/finding-index.ts';
import { FindingsButton, FindingsDrawer } from '../editor/findings-panel.tsx';
import { HeadActions, useSavedDownload } from '../editor/head-actions.tsx';
import { HistoryDrawer } from '../editor/history-drawer.tsx';
import { useSave } from '../editor/use-save.ts';
import { GoalEditor } from '../goal-editor/goal-editor.tsx';
import { Stable } from '../components/stable.tsx';
import { GoalsSection, IdentitySection, NarrativesSection, TotalSection } from '../editor/form-sections.tsx';
import { IndicatorTable } from '../editor/indicator-table.tsx';
import { ReadOnly } from '../editor/cell-input.tsx';
import { ReviewCard } from '../editor/review-card.tsx';
import { WorkflowBar } from '../editor/workflow-bar.tsx';
import { DraftActions } from '../editor/draft-actions.tsx';
import { useFormEditor } from '../editor/use-form-editor.ts';
import { fixed, GRADE_COLORS, STATUS_LABELS } from '../format.ts';
import { href } from '../router.ts';
import { useAsync } from '../use-async.ts';

/** Opens the stored form in its kind's editor: the goal form's, or the self-evaluation's. */
export function EditorPage({ id }: { id: number }) {
  const loaded = useAsync(() => api.form(id), [id]);
  return <Loaded state={loaded}>{(f) => (isGoal(f) ? <GoalEditor key={`${f.id}`} initial={f} /> : <Editor key={`${f.id}`} initial={f} />)}</Loaded>;
}

function Editor({ initial }: { initial: EvaluationFull }) {
  const ed = useFormEditor(initial);
  const { save, saving } = useSave(ed, api.save, api.evaluation);
  const [panel, setPanel] = useState<'findings' | 'history' | null>(null);
  const decimals = ed.scheme.decimals;
  const ev = ed.draft;

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
  const download = useSavedDownload(ed.saved.id, ed.dirty);
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
      <FindingsDrawer findings={ed.findingList} across={acrossList} open={panel === 'findings'} onClose={() => setPanel(null)} edit={ed.edit} />
      <HistoryDrawer id={ed.saved.id} version={ed.saved.version} open={panel === 'history'} onClose={() => setPanel(null)} />
    </div>
  );
}

const NO_FINDINGS: Finding[] = [];
