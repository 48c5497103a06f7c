/**
 * The goal form's indicator tree as an editable table: a heading per 一级 with the points its rows add up
 * to, a row per 三级 with its 二级, 年度指标值 (and 中长期指标值 beside it for a multi-year project), 分值 and
 * 指标值设定依据, the linter's findings beside the cells. Rows are added, removed and moved keeping their ids.
 *
 * After 批复 the tree is frozen: only 调整后指标值 and 调整原因 can be written, beside the approved value,
 * which stays as it was (both kept, the adjusted one counts).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { memo, useContext } from 'react';
import { add, fixAction, randomIndicatorId, TargetBasis, type EditAction, type Finding, type GoalIndicator, type SuggestedFix } from '@jixiao/core';
import { CellInput, onGridKeyDown, ReadOnly } from '../editor/cell-input.tsx';
import { FindingBadges } from '../editor/finding-badge.tsx';
import { statusOf, type FindingIndex } from '../editor/finding-index.ts';
import { LEVEL1_ORDER, Level2Select, RowActions } from '../editor/indicator-table.tsx';
import { ChoiceSelect } from './goal-sections.tsx';

type Edit = (a: EditAction) => void;

interface Columns {
  /** 中长期指标值 beside the year's (a multi-year project) */
  longTerm: boolean;
  /** 调整后指标值 and 调整原因 (an approved form, or one with adjustments) */
  adjusted: boolean;
  /** the adjustment cells may be written though the rest is frozen */
  adjustable: boolean;
  /** last year's 实际完成值 by indicator id (next year's goals started from this year's), shown beside the target */
  lastYear: { year: number; actuals: Record<string, string> } | null;
}

interface RowProps {
  ind: GoalIndicator;
  index: number;
  row: number;
  findings: readonly Finding[];
  cellFindings: (field: string) => readonly Finding[];
  edit: Edit;
  first: boolean;
  last: boolean;
  cols: Columns;
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.code === b[i]!.code && f.message === b[i]!.message);

const equalRows = (a: RowProps, b: RowProps) =>
  a.ind === b.ind &&
  a.index === b.index &&
  a.row === b.row &&
  a.first === b.first &&
  a.last === b.last &&
  a.cols.longTerm === b.cols.longTerm &&
  a.cols.adjusted === b.cols.adjusted &&
  a.cols.adjustable === b.cols.adjustable &&
  a.cols.lastYear === b.cols.lastYear &&
  sameFindings(a.findings, b.findings) &&
  a.edit === b.edit;

const GoalRow = memo(function GoalRow({ ind, index, row, findings, cellFindings, edit, first, last, cols }: RowProps) {
  const onFix = (fix: SuggestedFix) => edit(fixAction(fix));
  let col = 0;
  const cell = (field: string, label: string, value: string, extra: { multiline?: boolean; align?: 'right'; placeholder?: string } = {}) => (
    <CellInput
      path={`indicators[${index}].${field}`}
      value={value}
      edit={edit}
      status={statusOf(cellFindings(field))}
      row={row}
      col={col++}
      label={`${label}（第 ${index + 1} 个指标）`}
      {...extra}
    />
  );
  const frozen = useContext(ReadOnly);
  return (
    <tr data-testid={`goal-row-${index}`} data-indicator-id={ind.id}>
      <td>
        <Level2Select level1={ind.level1} value={ind.level2.raw} index={index} edit={edit} />
      </td>
      <td>{cell('name', '三级指标', ind.name.raw, { multiline: true })}</td>
      <td>{cell('target', '年度指标值', ind.target.raw, { placeholder: '如 ≥95%' })}</td>
      {cols.longTerm && <td>{cell('longTermTarget', '中长期指标值', ind.longTermTarget?.raw ?? '')}</td>}
      {cols.lastYear && (
        <td className="last-year" data-testid={`last-actual-${index}`}>
          {cols.lastYear.actuals[ind.id] || '—'}
        </td>
      )}
      <td className="num">{cell('points', '分值', ind.points?.raw ?? '', { align: 'right' })}</td>
      <td>
        <ChoiceSelect
          path={`indicators[${index}].basis`}
          value={ind.basis?.raw ?? ''}
          options={TargetBasis.options}
          label={`指标值设定依据（第 ${index + 1} 个指标）`}
          findings={cellFindings('basis')}
          edit={edit}
        />
      </td>
      {cols.adjusted && (
        // The adjustment is what an approved form still lets its 填报人 write.
        <ReadOnly.Provider value={frozen && !cols.adjustable}>
          <td>{cell('adjusted.target', '调整后指标值', ind.adjusted?.target.raw ?? '')}</td>
          <td>
            {cell('adjusted.reason', '调整原因', ind.adjusted?.reason.raw ?? '', {
              multiline: true,
              ...(ind.adjusted?.target.raw && { placeholder: '需填写：调整原因' }),
            })}
          </td>
        </ReadOnly.Provider>
      )}
      <td>
        <FindingBadges findings={findings} onFix={onFix} />
      </td>
      <td>
        <RowActions index={index} name={ind.name.raw} first={first} last={last} edit={edit} />
      </td>
    </tr>
  );
}, equalRows);

/** A 一级's heading: redrawn when its points change, not on every key typed in its rows. */
const GroupHead = memo(function GroupHead({
  level1,
  points,
  span,
  readOnly,
  edit,
}: {
  level1: string;
  points: string | null;
  span: number;
  readOnly: boolean;
  edit: Edit;
}) {
  return (
    <tr className="group-head">
      <td colSpan={span - 2}>
        <Typography.Text strong>{level1}</Typography.Text>
        {points !== null && (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            分值合计 {points} 分
          </Typography.Text>
        )}
      </td>
      <td colSpan={2}>
        {!readOnly && (
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => edit({ type: 'add-indicator', level1, id: randomIndicatorId() })}>
            添加指标
          </Button>
        )}
      </td>
    </tr>
  );
});

/** 分值 of a group's rows added exactly; null when none has one. */
function pointsOf(rows: readonly GoalIndicator[]): string | null {
  const values = rows.map((r) => r.points?.value).filter((v): v is string => typeof v === 'string');
  return values.length ? add(values) : null;
}

export function GoalIndicatorTable({
  indicators,
  findings,
  edit,
  cols,
}: {
  indicators: readonly GoalIndicator[];
  findings: FindingIndex;
  edit: Edit;
  cols: Columns;
}) {
  const readOnly = useContext(ReadOnly);
  // 一级 in the national order, then any other the form has, in its own order
  const present = [...new Set(indicators.map((i) => i.level1))];
  const groups = [...LEVEL1_ORDER.filter((l) => present.includes(l)), ...present.filter((l) => !LEVEL1_ORDER.includes(l))];
  const missing = LEVEL1_ORDER.filter((l) => l !== '预算执行率' && !present.includes(l));
  const span = 7 + (cols.longTerm ? 1 : 0) + (cols.lastYear ? 1 : 0) + (cols.adjusted ? 2 : 0);
  let row = 0;
  return (
    <div className="indicator-table-wrap">
      <table className="indicator-table" onKeyDown={onGridKeyDown} data-testid="goal-indicator-table">
        <colgroup>
          <col style={{ width: 118 }} />
          <col />
          <col style={{ width: 130 }} />
          {cols.longTerm && <col style={{ width: 130 }} />}
          {cols.lastYear && <col style={{ width: 110 }} />}
          <col style={{ width: 64 }} />
          <col style={{ width: 112 }} />
          {cols.adjusted && <col style={{ width: 130 }} />}
          {cols.adjusted && <col style={{ width: 170 }} />}
          <col style={{ width: 92 }} />
          <col style={{ width: 92 }} />
        </colgroup>
        <thead>
          <tr>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>年度指标值</th>
            {cols.longTerm && <th>中长期指标值</th>}
            {cols.lastYear && <th>{cols.lastYear.year} 年实际完成值</th>}
            <th className="num">分值</th>
            <th>指标值设定依据</th>
            {cols.adjusted && <th>调整后指标值</th>}
            {cols.adjusted && <th>调整原因</th>}
            <th>校验</th>
            <th>操作</th>
          </tr>
        </thead>
        {groups.map((level1) => {
          const rows = indicators.map((ind, i) => ({ ind, i })).filter((x) => x.ind.level1 === level1);
          const points = pointsOf(rows.map((r) => r.ind));
          return (
            <tbody key={level1} data-testid={`goal-group-${level1}`}>
              <GroupHead level1={level1} points={points} span={span} readOnly={readOnly} edit={edit} />
              {rows.map(({ ind, i }, k) => (
                <GoalRow
                  key={ind.id}
                  ind={ind}
                  index={i}
                  row={row++}
                  findings={findings.row(i)}
                  cellFindings={(field) => findings.cell(i, field)}
                  edit={edit}
                  first={k === 0}
                  last={k === rows.length - 1}
                  cols={cols}
                />
              ))}
            </tbody>
          );
        })}
      </table>
      {missing.length > 0 && !readOnly && (
        <Space style={{ marginTop: 8 }}>
          {missing.map((l) => (
            <Button
              key={l}
              size="small"
              icon={<PlusOutlined />}
              onClick={() => edit({ type: 'add-indicator', level1: l, id: randomIndicatorId() })}
              data-testid={`add-${l}`}
            >
              添加{l}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
}
