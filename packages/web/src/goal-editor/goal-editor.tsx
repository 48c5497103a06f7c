/**
 * 绩效目标申报表编辑: the goal form, linted in the browser (G1–G11) on every key with the findings beside
 * their cells, saved with its version (a 409 handled as the self-evaluation editor does), and moved
 * through 填报 → 单位审核 → 财政批复 by the workflow bar. An approved form is frozen except for
 * 调整后指标值 and its reason; the server refuses any other change (GOAL.APPROVED_*).
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { approvedEditProblems, fixAction, isMultiYear, submissionBlockers, type EditAction, type Finding } from '@jixiao/core';
import { api, isGoal, type GoalFull } from '../api.ts';
import { Stable } from '../components/stable.tsx';
import { ReadOnly } from '../editor/cell-input.tsx';
import { DraftActions } from '../editor/draft-actions.tsx';
import { FindingBadges } from '../editor/finding-badge.tsx';
import { signature } from '../editor/finding-index.ts';
import { FindingsButton, FindingsDrawer } from '../editor/findings-panel.tsx';
import { HeadActions, useSavedDownload } from '../editor/head-actions.tsx';
import { HistoryDrawer } from '../editor/history-drawer.tsx';
import { useSave } from '../editor/use-save.ts';
import { WorkflowBar } from '../editor/workflow-bar.tsx';
import { href } from '../router.ts';
import { GOAL_PLACES } from './goal-findings.ts';
import { GoalIndicatorTable } from './goal-indicator-table.tsx';
import { GoalIdentity, GoalMoney, GoalTexts } from './goal-sections.tsx';
import { GOAL_WORKFLOW } from './goal-workflow.ts';
import { useGoalEditor } from './use-goal-editor.ts';

/** The form read again (after a 409): still a goal form, or the editor cannot go on with it. */
async function readGoal(id: number): Promise<GoalFull> {
  const f = await api.form(id);
  if (!isGoal(f)) throw new Error('此表已不是绩效目标申报表，请重新打开');
  return f;
}

export function GoalEditor({ initial }: { initial: GoalFull }) {
  const ed = useGoalEditor(initial);
  const { save, saving } = useSave(ed, api.saveGoal, readGoal);
  const [panel, setPanel] = useState<'findings' | 'history' | null>(null);
  const form = ed.draft;
  const approved = ed.saved.status === 'finance-reviewed';
  const mayEdit = ed.saved.permissions.edit;
  // an approved form takes adjustments only, from its 填报人
  const mayAdjust = approved && ed.saved.permissions.adjust === true;
  // What the server would refuse on an approved form (GOAL.ADJUSTMENT_WITHOUT_REASON …), said before saving.
  const frozenProblems = useMemo(() => (approved ? approvedEditProblems(ed.saved.evaluation, form) : []), [approved, ed.saved.evaluation, form]);

  const sig = (prefixes: Parameters<typeof signature>[1]) => signature(ed.findingList, prefixes);
  const errors = ed.findingList.filter((f) => f.severity === 'error').length;
  const warnings = ed.findingList.filter((f) => f.severity === 'warning').length;
  const treeFindings = ed.findings.path('indicators');
  const blockers = submissionBlockers(ed.findingList).length;
  const download = useSavedDownload(ed.saved.id, ed.dirty);
  const openFindings = useCallback(() => setPanel('findings'), []);
  const openHistory = useCallback(() => setPanel('history'), []);
  const cols = {
    longTerm: isMultiYear(form),
    adjusted: approved || form.indicators.some((i) => i.adjusted !== undefined),
    adjustable: mayAdjust,
    lastYear: ed.saved.previousYear,
  };

  return (
    <div data-testid="goal-editor">
      <div className="editor-head">
        <Space orientation="vertical" size={0} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary">
            <a href={href({ page: 'overview', dept: ed.saved.departmentId, ...(ed.saved.year !== null && { year: ed.saved.year }) })}>部门总览</a> /
            项目支出绩效目标申报表 · {form.year ?? '—'} 年度 · 第 {ed.saved.version} 版 · {GOAL_WORKFLOW.statuses[ed.saved.status]}
          </Typography.Text>
          <Typography.Title level={4} ellipsis style={{ margin: 0 }} data-testid="editor-title">
            {form.project.name.raw || '未命名项目'}
          </Typography.Title>
        </Space>
        <div className="head-stat">
          <div className="head-stat-title">指标</div>
          <div className="head-stat-value" data-testid="indicator-count">
            {form.indicators.length} <small>个</small>
          </div>
        </div>
        <FindingsButton errors={errors} warnings={warnings} infos={ed.findingList.length - errors - warnings} open={openFindings} />
        <Space>
          <HeadActions openHistory={openHistory} download={download} />
          {ed.saved.permissions.delete && <DraftActions saved={ed.saved} dirty={ed.dirty} onChanged={ed.markSaved} />}
          {(mayEdit || mayAdjust) && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!ed.dirty || frozenProblems.length > 0}
              onClick={() => void save()}
              data-testid="save"
            >
              {ed.dirty ? `保存（${ed.edits.length}）` : '已保存'}
            </Button>
          )}
        </Space>
      </div>
      {ed.editError && <Alert type="error" showIcon title={ed.editError} style={{ marginBottom: 12 }} />}
      {/* redrawn when what it shows changes (the form's status, whether it may be submitted), not on every key */}
      <Stable deps={[ed.saved, ed.dirty, blockers]}>
        {() => <WorkflowBar saved={ed.saved} findings={ed.findingList} dirty={ed.dirty} onDone={ed.markSaved} texts={GOAL_WORKFLOW} />}
      </Stable>
      {approved && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="本表已批复，内容冻结"
          description={mayAdjust ? '如需调整目标，请在“调整后指标值”中填写新值并写明调整原因；批复的指标值保留，自评按调整后的值计算。' : undefined}
          data-testid="approved-note"
        />
      )}
      {frozenProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="这些修改批复后不能保存"
          description={frozenProblems.map((p, i) => (
            <div key={i}>{p.message}</div>
          ))}
          data-testid="frozen-problems"
        />
      )}
      {/* After 批复 the form is frozen; the table lets the adjustment cells through (goal-indicator-table.tsx). */}
      <ReadOnly.Provider value={!mayEdit || approved}>
        <div className="stack">
          <Stable deps={[form.project, form.filler, sig(['project', 'filler'])]}>
            {() => (
              <Card size="small" title="项目基本情况">
                <GoalIdentity form={form} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          <Stable deps={[form.money, sig(['money'])]}>
            {() => (
              <Card size="small" title="项目资金">
                <GoalMoney form={form} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          <Stable deps={[form.goals, cols.longTerm, sig(['goals'])]}>
            {() => (
              <Card size="small" title="总体目标">
                <GoalTexts form={form} findings={ed.findings} edit={ed.edit} />
              </Card>
            )}
          </Stable>
          <Card size="small" title={`绩效指标（${form.indicators.length} 个）`}>
            <Stable deps={[sig(['indicators'])]}>{() => <TreeFindings findings={treeFindings} edit={ed.edit} />}</Stable>
            <GoalIndicatorTable indicators={form.indicators} findings={ed.findings} edit={ed.edit} cols={cols} />
          </Card>
        </div>
      </ReadOnly.Provider>
      <FindingsDrawer findings={ed.findingList} open={panel === 'findings'} onClose={() => setPanel(null)} edit={ed.edit} names={GOAL_PLACES} />
      <HistoryDrawer id={ed.saved.id} version={ed.saved.version} open={panel === 'history'} onClose={() => setPanel(null)} />
    </div>
  );
}

/** The findings about the tree as a whole (G1 coverage, G2 no 成本 indicator, G8 points), above the table. */
function TreeFindings({ findings, edit }: { findings: readonly Finding[]; edit: (a: EditAction) => void }) {
  if (findings.length === 0) return null;
  return (
    <div className="tree-findings" data-testid="tree-findings">
      {findings.map((f, i) => (
        <div key={`${f.code}-${i}`}>
          <FindingBadges findings={[f]} onFix={(fix) => edit(fixAction(fix))} />
          <Typography.Text type={f.severity === 'info' ? 'secondary' : 'warning'}>{f.message}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
