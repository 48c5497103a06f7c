/**
 * A finding beside its cell: the rule as a small tag of fixed size (so nothing moves when it appears),
 * the message, the numbers and the suggested fix in a popover, applied with one click.
 */
import { Button, Descriptions, Popover, Space, Tag, Typography } from 'antd';
import { numberText, RULE_TITLES, type Finding, type SuggestedFix } from '@jixiao/core';
import { useContext } from 'react';
import { ReadOnly } from './cell-input.tsx';
import { SupportDetail } from '../components/support-detail.tsx';
import { SEVERITY_COLORS, SEVERITY_LABELS } from '../format.ts';

export function FindingDetail({ f, onFix }: { f: Finding; onFix?: (fix: SuggestedFix) => void }) {
  const readOnly = useContext(ReadOnly);
  const numbers = Object.entries(f.numbers).filter(([, v]) => v !== null && v !== '');
  return (
    <Space orientation="vertical" size={6} style={{ maxWidth: 380 }}>
      <Space size={6}>
        <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
        <Typography.Text strong>{RULE_TITLES[f.rule]}</Typography.Text>
      </Space>
      <Typography.Text>{f.message}</Typography.Text>
      {numbers.length > 0 && (
        <Descriptions
          size="small"
          column={2}
          bordered
          items={numbers.map(([k, v]) => {
            const { label, text } = numberText(k, v);
            return { key: k, label, children: text };
          })}
        />
      )}
      {f.location.src && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原表位置：
          {[
            f.location.src.file,
            f.location.src.table && `表${f.location.src.table}`,
            f.location.src.row && `第${f.location.src.row}行`,
            f.location.src.col && `第${f.location.src.col}列`,
            f.location.src.line && `第${f.location.src.line}行`,
          ]
            .filter(Boolean)
            .join(' ')}
        </Typography.Text>
      )}
      {f.fix && onFix && !readOnly && (
        <Button size="small" type="primary" onClick={() => onFix(f.fix!)} data-testid="apply-fix">
          {f.fix.label}
        </Button>
      )}
      <SupportDetail items={[f.code, f.location.field]} />
    </Space>
  );
}

const SHOWN = 2;

/**
 * The rule ids of a cell's findings, each opening its detail. The slot has a fixed width and one line
 * (two tags, then `+n` opening the rest), so a finding appearing never moves the table.
 */
export function FindingBadges({ findings, onFix }: { findings: readonly Finding[]; onFix: (fix: SuggestedFix) => void }) {
  const rest = findings.slice(SHOWN);
  return (
    <span className="finding-slot">
      {findings.slice(0, SHOWN).map((f, i) => (
        <Popover key={`${f.code}-${i}`} content={<FindingDetail f={f} onFix={onFix} />} trigger="click" placement="left">
          <Tag color={SEVERITY_COLORS[f.severity]} className="finding-tag" data-testid={`finding-${f.rule}`} title={f.message}>
            {f.rule}
          </Tag>
        </Popover>
      ))}
      {rest.length > 0 && (
        <Popover
          content={
            <Space orientation="vertical">
              {rest.map((f, i) => (
                <FindingDetail key={i} f={f} onFix={onFix} />
              ))}
            </Space>
          }
          trigger="click"
          placement="left"
        >
          <Tag className="finding-tag">+{rest.length}</Tag>
        </Popover>
      )}
    </span>
  );
}
