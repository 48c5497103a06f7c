/**
 * The goal form's parts above its indicator tree: 项目基本情况 (identity), 项目资金 (money, in the unit the
 * form states) and 总体目标 — each cell with the linter's findings beside it, drawn by the same Field and
 * CellInput as the self-evaluation's.
 */
import { Row, Select } from 'antd';
import { useContext } from 'react';
import { isMultiYear, MoneyUnit, ProjectNature, type EditAction, type Finding, type GoalForm } from '@jixiao/core';
import { ReadOnly } from '../editor/cell-input.tsx';
import { statusOf, type FindingIndex } from '../editor/finding-index.ts';
import { Field, FieldFrame } from '../editor/form-sections.tsx';

type Edit = (a: EditAction) => void;

/**
 * A cell whose text is one of a few words (项目性质, 资金单位, 指标值设定依据): a picker that still shows
 * a value written otherwise (`阶段性（3年）`) as it is.
 */
export function ChoiceSelect({
  path,
  value,
  options,
  label,
  edit,
  findings = [],
  width = '100%',
}: {
  path: string;
  value: string;
  options: readonly string[];
  label: string;
  edit: Edit;
  findings?: readonly Finding[];
  width?: number | string;
}) {
  const readOnly = useContext(ReadOnly);
  return (
    <Select
      size="small"
      aria-label={label}
      data-path={path}
      value={value || undefined}
      placeholder={label}
      disabled={readOnly}
      style={{ width }}
      status={statusOf(findings)}
      options={options.concat(options.includes(value) || !value ? [] : [value]).map((v) => ({ value: v, label: v }))}
      onChange={(v: string) => edit({ type: 'set', path, raw: v })}
    />
  );
}

function ChoiceField(props: Parameters<typeof ChoiceSelect>[0] & { span: number }) {
  const { span, ...rest } = props;
  return (
    <FieldFrame label={props.label} findings={props.findings ?? []} edit={props.edit} span={span}>
      <ChoiceSelect {...rest} />
    </FieldFrame>
  );
}

export function GoalIdentity({ form, findings, edit }: { form: GoalForm; findings: FindingIndex; edit: Edit }) {
  const p = form.project;
  const f = (path: string) => findings.path(path);
  return (
    <Row gutter={[16, 8]}>
      <Field span={12} label="项目名称" path="project.name" value={p.name.raw} findings={f('project.name')} edit={edit} />
      <ChoiceField
        span={6}
        label="项目性质"
        path="project.nature"
        value={p.nature?.raw ?? ''}
        options={ProjectNature.options}
        findings={f('project.nature')}
        edit={edit}
      />
      <Field span={6} label="项目类别" path="project.category" value={p.category?.raw ?? ''} findings={f('project.category')} edit={edit} />
      <Field
        span={8}
        label="主管部门"
        path="project.department.name"
        value={p.department?.name.raw ?? ''}
        findings={f('project.department.name')}
        edit={edit}
      />
      <Field
        span={8}
        label="实施单位"
        path="project.implementer.name"
        value={p.implementer?.name.raw ?? ''}
        findings={f('project.implementer.name')}
        edit={edit}
      />
      <Field span={8} label="起止年月" path="project.period" value={p.period?.raw ?? ''} findings={f('project.period')} edit={edit} />
      <Field span={6} label="填报人" path="filler.name" value={form.filler?.name?.raw ?? ''} findings={f('filler.name')} edit={edit} />
      <Field span={6} label="联系电话" path="filler.phone" value={form.filler?.phone?.raw ?? ''} findings={f('filler.phone')} edit={edit} />
    </Row>
  );
}

const MONEY: ReadonlyArray<[key: 'total' | 'annual' | 'fiscal' | 'carryover' | 'other', label: string]> = [
  ['total', '项目资金总额'],
  ['annual', '年度资金总额'],
  ['fiscal', '其中：财政拨款'],
  ['carryover', '其中：上年结转'],
  ['other', '其中：其他资金'],
];

export function GoalMoney({ form, findings, edit }: { form: GoalForm; findings: FindingIndex; edit: Edit }) {
  const m = form.money;
  return (
    <Row gutter={[16, 8]}>
      <ChoiceField span={4} label="资金单位" path="money.unit" value={m.unit} options={MoneyUnit.options} findings={findings.path('money.unit')} edit={edit} />
      {MONEY.map(([key, label]) => (
        <Field
          key={key}
          span={key === 'total' || key === 'annual' ? 10 : 8}
          label={`${label}（${m.unit}）`}
          path={`money.${key}`}
          value={m[key]?.raw ?? ''}
          findings={findings.path(`money.${key}`)}
          edit={edit}
        />
      ))}
    </Row>
  );
}

export function GoalTexts({ form, findings, edit }: { form: GoalForm; findings: FindingIndex; edit: Edit }) {
  const g = form.goals;
  const longTerm = isMultiYear(form) || (g.longTerm?.raw ?? '') !== '';
  return (
    <Row gutter={[16, 8]}>
      {longTerm && (
        <Field
          span={12}
          multiline
          label="中长期目标"
          path="goals.longTerm"
          value={g.longTerm?.raw ?? ''}
          findings={findings.path('goals.longTerm')}
          edit={edit}
        />
      )}
      <Field
        span={longTerm ? 12 : 24}
        multiline
        label="年度目标"
        path="goals.annual"
        value={g.annual?.raw ?? ''}
        findings={findings.path('goals.annual')}
        edit={edit}
      />
    </Row>
  );
}
