/** The form's text parts: identity, goals, narrative blocks and the total as written, each with its findings. */
import { Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EditAction, Evaluation, EvaluationScore, Finding, SuggestedFix } from '@jixiao/core';
import { fixAction } from '@jixiao/core';
import { fixed, GRADE_COLORS } from '../format.ts';
import { CellInput } from './cell-input.tsx';
import { FindingBadges } from './finding-badge.tsx';
import { statusOf, type FindingIndex } from './finding-index.ts';

type Edit = (a: EditAction) => void;

/** A labelled cell with its findings' badges beside the label; the control is the caller's (a text cell, a picker). */
export function FieldFrame({
  label,
  findings,
  edit,
  span = 8,
  children,
}: {
  label: string;
  findings: readonly Finding[];
  edit: Edit;
  span?: number;
  children: ReactNode;
}) {
  return (
    <Col span={span}>
      <label className="field">
        <span className="field-label">
          {label}
          <FindingBadges findings={findings} onFix={(fix: SuggestedFix) => edit(fixAction(fix))} />
        </span>
        {children}
      </label>
    </Col>
  );
}

export function Field({
  label,
  path,
  value,
  findings,
  edit,
  multiline,
  span = 8,
}: {
  label: string;
  path: string;
  value: string;
  findings: readonly Finding[];
  edit: Edit;
  multiline?: boolean;
  span?: number;
}) {
  return (
    <FieldFrame label={label} findings={findings} edit={edit} span={span}>
      <CellInput path={path} value={value} edit={edit} status={statusOf(findings)} label={label} multiline={multiline ?? false} />
    </FieldFrame>
  );
}

export function IdentitySection({ ev, findings, edit }: { ev: Evaluation; findings: FindingIndex; edit: Edit }) {
  const p = ev.project;
  const f = (path: string) => findings.path(path);
  return (
    <Row gutter={[16, 8]}>
      <Field span={12} label="项目名称" path="project.name" value={p.name.raw} findings={f('project.name')} edit={edit} />
      <Field span={6} label="项目编码" path="project.code" value={p.code?.raw ?? ''} findings={f('project.code')} edit={edit} />
      <Field span={6} label="资金类型" path="project.fundType" value={p.fundType?.raw ?? ''} findings={f('project.fundType')} edit={edit} />
      <Field
        span={12}
        label="主管部门"
        path="project.department.name"
        value={p.department?.name.raw ?? ''}
        findings={f('project.department.name')}
        edit={edit}
      />
      <Field
        span={12}
        label="实施单位"
        path="project.implementer.name"
        value={p.implementer?.name.raw ?? ''}
        findings={f('project.implementer.name')}
        edit={edit}
      />
      <Field span={6} label="项目级次" path="project.level" value={p.level?.raw ?? ''} findings={f('project.level')} edit={edit} />
      <Field span={6} label="填报人" path="filler.name" value={ev.filler?.name?.raw ?? ''} findings={f('filler.name')} edit={edit} />
      <Field span={6} label="联系电话" path="filler.phone" value={ev.filler?.phone?.raw ?? ''} findings={f('filler.phone')} edit={edit} />
    </Row>
  );
}

export function GoalsSection({ ev, findings, edit }: { ev: Evaluation; findings: FindingIndex; edit: Edit }) {
  const g = ev.goals;
  return (
    <Row gutter={[16, 8]}>
      <Field
        span={12}
        multiline
        label="年度总体目标（预期）"
        path="goals.expected"
        value={g.expected?.raw ?? ''}
        findings={findings.path('goals.expected')}
        edit={edit}
      />
      <Field
        span={12}
        multiline
        label="实际完成情况"
        path="goals.achieved"
        value={g.achieved?.raw ?? ''}
        findings={findings.path('goals.achieved')}
        edit={edit}
      />
    </Row>
  );
}

export function NarrativesSection({ ev, findings, edit }: { ev: Evaluation; findings: FindingIndex; edit: Edit }) {
  // A6 on the budget (执行率 below the threshold) asks for the reasons in the narrative blocks.
  const budgetA6 = findings.path('narratives');
  if (ev.narratives.length === 0) return <Typography.Text type="secondary">此表式没有分析说明栏目。</Typography.Text>;
  return (
    <Row gutter={[16, 8]}>
      {budgetA6.length > 0 && (
        <Col span={24}>
          <FindingBadges findings={budgetA6} onFix={(fix) => edit(fixAction(fix))} />
          <Typography.Text type="warning">{budgetA6[0]!.message}</Typography.Text>
        </Col>
      )}
      {ev.narratives.map((n, i) => (
        <Field
          key={i}
          span={12}
          multiline
          label={n.label.raw.replace(/\s+/g, '') || n.kind}
          path={`narratives[${i}].text`}
          value={n.text.raw}
          findings={findings.path(`narratives[${i}].text`)}
          edit={edit}
        />
      ))}
    </Row>
  );
}

export function TotalSection({
  ev,
  score,
  findings,
  edit,
  decimals,
}: {
  ev: Evaluation;
  score: EvaluationScore;
  findings: FindingIndex;
  edit: Edit;
  decimals: number;
}) {
  return (
    <Row gutter={[16, 8]} align="bottom">
      <Field span={6} label="总分（填报）" path="claimed.total" value={ev.claimed.total?.raw ?? ''} findings={findings.path('claimed.total')} edit={edit} />
      <Field span={6} label="等级（填报）" path="claimed.grade" value={ev.claimed.grade?.raw ?? ''} findings={findings.path('claimed.grade')} edit={edit} />
      <Col span={12}>
        <Descriptions
          size="small"
          column={3}
          bordered
          items={[
            { key: 't', label: '计算总分', children: <span data-testid="section-total">{fixed(score.total, decimals)}</span> },
            { key: 'g', label: '等级', children: <span style={{ color: GRADE_COLORS[score.grade] }}>{score.grade}</span> },
            {
              key: 'p',
              label: '分值合计',
              children: (
                <>
                  {score.points} <FindingBadges findings={findings.path('points')} onFix={(fix) => edit(fixAction(fix))} />
                </>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
