/**
 * The budget block (万元): the lines as written, with the columns this form has, and beside them the
 * 执行率 and the budget score computed by R3 from the same figures.
 */
import { Descriptions, Typography } from 'antd';
import type { BudgetLine, EditAction, EvaluationScore, SuggestedFix } from '@jixiao/core';
import { fixAction } from '@jixiao/core';
import { fixed } from '../format.ts';
import { CellInput, onGridKeyDown } from './cell-input.tsx';
import { FindingBadges } from './finding-badge.tsx';
import { statusOf, type FindingIndex } from './finding-index.ts';

const COLUMNS: Array<[keyof BudgetLine, string]> = [
  ['initial', '年初预算数'],
  ['declared', '目标申报数'],
  ['prepared', '预算编制数'],
  ['adjusted', '全年预算数'],
  ['received', '到位数'],
  ['executed', '全年执行数'],
  ['balance', '结转结余'],
  ['rate', '执行率（%）'],
  ['points', '分值'],
  ['score', '得分'],
];

export function BudgetBlock({
  lines,
  score,
  findings,
  edit,
  decimals,
}: {
  lines: readonly BudgetLine[];
  score: EvaluationScore;
  findings: FindingIndex;
  edit: (a: EditAction) => void;
  decimals: number;
}) {
  const cols = COLUMNS.filter(([k]) => lines.some((l) => l[k] !== undefined));
  const onFix = (fix: SuggestedFix) => edit(fixAction(fix));
  const b = score.budget;
  return (
    <div>
      <table className="grid-table" onKeyDown={onGridKeyDown} data-testid="budget-table">
        <thead>
          <tr>
            <th style={{ width: 150 }}>资金来源</th>
            {cols.map(([k, label]) => (
              <th key={k} className="num">
                {label}
              </th>
            ))}
            <th style={{ width: 92 }}>校验</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const lineFindings = cols.flatMap(([k]) => findings.path(`budget.lines[${i}].${k}`));
            return (
              <tr key={i}>
                <td>{l.label.raw || '—'}</td>
                {cols.map(([k, label], c) => {
                  const path = `budget.lines[${i}].${k}`;
                  const f = l[k] as { raw: string } | undefined;
                  return (
                    <td key={k} className="num">
                      <CellInput
                        path={path}
                        value={f?.raw ?? ''}
                        edit={edit}
                        status={statusOf(findings.path(path))}
                        align="right"
                        row={i}
                        col={c}
                        label={`${l.label.raw}${label}`}
                      />
                    </td>
                  );
                })}
                <td>
                  <FindingBadges findings={lineFindings} onFix={onFix} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Descriptions
        size="small"
        column={4}
        style={{ marginTop: 8 }}
        data-testid="budget-computed"
        items={[
          { key: 'rate', label: '执行率（计算）', children: b.ratePercent === null ? '—' : `${fixed(b.ratePercent)}%` },
          { key: 'score', label: '预算执行得分（计算）', children: b.score === null ? '—' : `${fixed(b.score, decimals)} 分` },
          { key: 'points', label: '分值', children: b.points === null ? '—' : `${b.points} 分` },
          { key: 'how', label: '依据', children: <Typography.Text type="secondary">{b.explanation}</Typography.Text> },
        ]}
      />
    </div>
  );
}
