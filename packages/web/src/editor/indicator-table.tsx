/**
 * The indicator tree as an editable table: a heading per 一级 with its declared points, the points its
 * rows add up to and the subtotals; a row per 三级 with the computed score beside the claimed one, the
 * findings beside the cells, and the 偏差原因 asked for wherever A6 requires one.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { memo, useContext } from 'react';
import type { EditAction, EvaluationScore, Finding, Indicator, IndicatorScore, SuggestedFix } from '@jixiao/core';
import { fixed } from '../format.ts';
import { CellInput, onGridKeyDown, ReadOnly } from './cell-input.tsx';
import { FindingBadges } from './finding-badge.tsx';
import { statusOf, type FindingIndex } from './finding-index.ts';
import { fixAction, randomIndicatorId } from '@jixiao/core';

export const LEVEL2_OPTIONS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  预算执行率: ['预算执行率'],
};
export const LEVEL1_ORDER = ['产出指标', '成本指标', '效益指标', '满意度指标', '预算执行率'];

interface RowProps {
  ind: Indicator;
  index: number;
  /** position in the table, for the arrow keys */
  row: number;
  s: IndicatorScore | undefined;
  findings: readonly Finding[];
  cellFindings: (field: string) => readonly Finding[];
  edit: (a: EditAction) => void;
  first: boolean;
  last: boolean;
  adjusted: boolean;
  /** last year's 实际完成值 of this indicator, when the form was started from last year's (undefined: no column) */
  lastActual: string | undefined;
  decimals: number;
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.code === b[i]!.code && f.message === b[i]!.message);

function equalRows(a: RowProps, b: RowProps): boolean {
  return (
    a.ind === b.ind &&
    a.index === b.index &&
    a.row === b.row &&
    a.first === b.first &&
    a.last === b.last &&
    a.adjusted === b.adjusted &&
    a.lastActual === b.lastActual &&
    a.s?.score === b.s?.score &&
    a.s?.explanation === b.s?.explanation &&
    sameFindings(a.findings, b.findings) &&
    a.edit === b.edit
  );
}

/** The 二级 picker of a row: redrawn when the row's 二级 changes, not on every key typed elsewhere in the row. */
export const Level2Select = memo(function Level2Select({
  level1,
  value,
  index,
  edit,
}: {
  level1: string;
  value: string;
  index: number;
  edit: (a: EditAction) => void;
}) {
  const readOnly = useContext(ReadOnly);
  const known = LEVEL2_OPTIONS[level1] ?? [];
  return (
    <Select
      size="small"
      aria-label={`二级指标（第 ${index + 1} 个指标）`}
      value={value || undefined}
      placeholder="二级指标"
      disabled={readOnly}
      style={{ width: '100%' }}
      options={known.concat(known.includes(value) || !value ? [] : [value]).map((v) => ({ value: v, label: v }))}
      onChange={(v: string) => edit({ type: 'set', path: `indicators[${index}].level2`, raw: v })}
    />
  );
});

export const RowActions = memo(function RowActions({
  index,
  name,
  first,
  last,
  notApplicable,
  edit,
}: {
  index: number;
  name: string;
  first: boolean;
  last: boolean;
  /** whether the row is marked 不适用; undefined where a kind has no such mark (a goal is declared, not scored) */
  notApplicable?: boolean;
  edit: (a: EditAction) => void;
}) {
  if (useContext(ReadOnly)) return notApplicable ? <Typography.Text type="secondary">不适用</Typography.Text> : null;
  return (
    <Space size={0}>
      <Tooltip title="上移">
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={first}
          aria-label={`上移第 ${index + 1} 个指标`}
          onClick={() => edit({ type: 'move-indicator', index, delta: -1 })}
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={last}
          aria-label={`下移第 ${index + 1} 个指标`}
          onClick={() => edit({ type: 'move-indicator', index, delta: 1 })}
        />
      </Tooltip>
      {notApplicable !== undefined && (
        <Tooltip title="不适用（不计分）">
          <Checkbox
            checked={notApplicable}
            aria-label={`第 ${index + 1} 个指标不适用`}
            onChange={(e) => edit({ type: 'set-not-applicable', index, value: e.target.checked })}
          />
        </Tooltip>
      )}
      <Popconfirm title={`删除“${name || '未命名指标'}”？`} okText="删除" cancelText="取消" onConfirm={() => edit({ type: 'remove-indicator', index })}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 个指标`} />
      </Popconfirm>
    </Space>
  );
});

const IndicatorRow = memo(function IndicatorRow({ ind, index, row, s, findings, cellFindings, edit, first, last, adjusted, lastActual, decimals }: RowProps) {
  const p = (f: string) => `indicators[${index}].${f}`;
  const onFix = (fix: SuggestedFix) => edit(fixAction(fix));
  const needsReason = cellFindings('deviation').some((f) => f.rule === 'A6');
  const claimedDiffers = s !== undefined && s.score !== null && ind.claimedScore.value !== null && Number(ind.claimedScore.value) !== Number(s.score);
  let col = 0;
  const cell = (field: string, label: string, extra: { align?: 'right'; multiline?: boolean; placeholder?: string; value?: string } = {}) => (
    <CellInput
      path={p(field)}
      value={extra.value ?? (ind as unknown as Record<string, { raw: string } | undefined>)[field]?.raw ?? ''}
      edit={edit}
      status={statusOf(cellFindings(field))}
      row={row}
      col={col++}
      label={`${label}（第 ${index + 1} 个指标）`}
      {...extra}
    />
  );
  return (
    <tr data-testid={`indicator-row-${index}`} className={ind.notApplicable ? 'not-applicable' : undefined}>
      <td>
        <Level2Select level1={ind.level1} value={ind.level2.raw} index={index} edit={edit} />
      </td>
      <td>{cell('name', '三级指标', { multiline: true })}</td>
      <td className="num">{cell('points', '分值', { align: 'right' })}</td>
      {/* long 指标值 and 实际完成值 wrap and grow (up to six lines), never cut off in one line (issue 23) */}
      <td>{cell('target', '指标值', { multiline: true })}</td>
      {adjusted && <td>{cell('targetAdjusted', '调整后指标值', { multiline: true })}</td>}
      {lastActual !== undefined && (
        <td className="last-year" data-testid={`last-actual-${index}`}>
          {lastActual || '—'}
        </td>
      )}
      <td>{cell('actual', '实际完成值', { multiline: true })}</td>
      <td className="num">{cell('claimedScore', '填报得分', { align: 'right' })}</td>
      <td className="num computed">
        <Tooltip title={s?.explanation}>
          <span className={claimedDiffers ? 'differs' : undefined} data-testid={`computed-score-${index}`}>
            {s === undefined || s.score === null ? '—' : fixed(s.score, decimals)}
          </span>
        </Tooltip>
        {/* why it is red, in words (the rule's arithmetic stays in the tooltip and the finding) */}
        {claimedDiffers && <div className="why-differs">按规则计算，与填报的 {ind.claimedScore.value} 分不同</div>}
      </td>
      <td>{cell('deviation', '偏差原因分析及改进措施', { multiline: true, ...(needsReason && { placeholder: '需填写：偏差原因分析及改进措施' }) })}</td>
      <td>
        <FindingBadges findings={findings} onFix={onFix} />
      </td>
      <td>
        <RowActions index={index} name={ind.name.raw} first={first} last={last} notApplicable={ind.notApplicable === true} edit={edit} />
      </td>
    </tr>
  );
}, equalRows);

const GroupHead = memo(
  function GroupHead({
    g,
    label,
    adjusted,
    lastYear,
    decimals,
    findings,
    edit,
  }: {
    g: EvaluationScore['groups'][number];
    label: string;
    adjusted: boolean;
    lastYear: boolean;
    decimals: number;
    findings: readonly Finding[];
    edit: (a: EditAction) => void;
  }) {
    const onFix = (fix: SuggestedFix) => edit(fixAction(fix));
    const readOnly = useContext(ReadOnly);
    return (
      <tr className="group-head">
        <td colSpan={2}>
          <Typography.Text strong>{label}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {g.declared !== null ? `标明 ${g.declared} 分 · ` : ''}分值合计 {g.points} 分
          </Typography.Text>
        </td>
        <td className="num">{g.points}</td>
        <td colSpan={2 + (adjusted ? 1 : 0) + (lastYear ? 1 : 0)} />
        <td className="num">{fixed(g.claimed, decimals)}</td>
        <td className="num computed" data-testid={`group-score-${g.level1}`}>
          {fixed(g.score, decimals)}
        </td>
        <td>
          {!readOnly && (
            <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => edit({ type: 'add-indicator', level1: g.level1, id: randomIndicatorId() })}>
              添加指标
            </Button>
          )}
        </td>
        <td>
          <FindingBadges findings={findings} onFix={onFix} />
        </td>
        <td />
      </tr>
    );
  },
  (a, b) =>
    a.label === b.label &&
    a.adjusted === b.adjusted &&
    a.lastYear === b.lastYear &&
    a.edit === b.edit &&
    a.g.declared === b.g.declared &&
    a.g.points === b.g.points &&
    a.g.score === b.g.score &&
    a.g.claimed === b.g.claimed &&
    sameFindings(a.findings, b.findings),
);

export function IndicatorTable({
  indicators,
  score,
  findings,
  edit,
  decimals,
  groupLabels,
  previousYear,
}: {
  indicators: readonly Indicator[];
  score: EvaluationScore;
  findings: FindingIndex;
  edit: (a: EditAction) => void;
  decimals: number;
  groupLabels: Record<string, string>;
  /** last year's form of the project: its 实际完成值 by indicator id, shown beside this year's targets */
  previousYear: { year: number; actuals: Record<string, string> } | null;
}) {
  const adjusted = indicators.some((i) => i.targetAdjusted !== undefined);
  const lastYear = previousYear !== null;
  const groups = score.groups.length ? score.groups : [];
  const missing = LEVEL1_ORDER.filter((l) => !groups.some((g) => g.level1 === l) && l !== '预算执行率' && l !== '成本指标');
  const groupFindings = findings.path('groups');
  const readOnly = useContext(ReadOnly);
  let row = 0;
  return (
    <div className="indicator-table-wrap">
      <table className="indicator-table" onKeyDown={onGridKeyDown} data-testid="indicator-table">
        <colgroup>
          <col style={{ width: 118 }} />
          <col />
          <col style={{ width: 64 }} />
          <col style={{ width: 120 }} />
          {adjusted && <col style={{ width: 110 }} />}
          {lastYear && <col style={{ width: 110 }} />}
          <col style={{ width: 120 }} />
          <col style={{ width: 68 }} />
          <col style={{ width: 68 }} />
          <col style={{ width: 170 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 116 }} />
        </colgroup>
        <thead>
          <tr>
            <th>二级指标</th>
            <th>三级指标</th>
            <th className="num">分值</th>
            <th>指标值</th>
            {adjusted && <th>调整后指标值</th>}
            {lastYear && <th>{previousYear.year} 年实际完成值</th>}
            <th>实际完成值</th>
            <th className="num">填报得分</th>
            <th className="num">计算得分</th>
            <th>偏差原因分析及改进措施</th>
            <th>校验</th>
            <th>操作</th>
          </tr>
        </thead>
        {groups.map((g) => {
          const rows = indicators.map((ind, i) => ({ ind, i })).filter((x) => x.ind.level1 === g.level1);
          const gf = groupFindings.filter((f) => f.numbers.level1 === g.level1);
          return (
            <tbody key={g.level1} data-testid={`group-${g.level1}`}>
              <GroupHead
                g={g}
                label={groupLabels[g.level1] ?? g.level1}
                adjusted={adjusted}
                lastYear={lastYear}
                decimals={decimals}
                findings={gf}
                edit={edit}
              />
              {rows.map(({ ind, i }, k) => (
                <IndicatorRow
                  key={ind.id ?? i}
                  ind={ind}
                  index={i}
                  row={row++}
                  s={score.indicators[i]}
                  findings={findings.row(i)}
                  cellFindings={(field) => findings.cell(i, field)}
                  edit={edit}
                  first={k === 0}
                  last={k === rows.length - 1}
                  adjusted={adjusted}
                  lastActual={previousYear ? (previousYear.actuals[ind.id ?? ''] ?? '') : undefined}
                  decimals={decimals}
                />
              ))}
            </tbody>
          );
        })}
      </table>
      {missing.length > 0 && !readOnly && (
        <Space style={{ marginTop: 8 }}>
          {missing.map((l) => (
            <Button key={l} size="small" icon={<PlusOutlined />} onClick={() => edit({ type: 'add-indicator', level1: l, id: randomIndicatorId() })}>
              添加{l}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
}
