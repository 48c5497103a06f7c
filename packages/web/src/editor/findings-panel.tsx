/**
 * The findings of a form as a whole: the head's button with the counts, and the drawer listing every
 * finding with where it is (named in Chinese, never as a path) and its fix. Every kind's editor uses it;
 * a kind names its own sections and indicator fields.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Space, Typography } from 'antd';
import { memo } from 'react';
import { fixAction, INDICATOR_FIELD_NAMES, SECTION_NAMES, type EditAction, type Finding } from '@jixiao/core';
import { FindingDetail } from './finding-badge.tsx';
import { bySeverity } from './finding-index.ts';

export interface PlaceNames {
  sections: Record<string, string>;
  /** an indicator's fields by the name the finding gives (`target`, `adjusted.target`) */
  fields: Record<string, string>;
}

const SELF_EVALUATION: PlaceNames = { sections: SECTION_NAMES, fields: INDICATOR_FIELD_NAMES };

export function where(f: Finding, names: PlaceNames = SELF_EVALUATION): string {
  const l = f.location;
  if (l.indicator !== undefined) return `第 ${l.indicator + 1} 个指标${l.field && names.fields[l.field] ? ` · ${names.fields[l.field]}` : ''}`;
  return names.sections[l.section] ?? SECTION_NAMES[l.section];
}

export const FindingsButton = memo(function FindingsButton({
  errors,
  warnings,
  infos,
  open,
}: {
  errors: number;
  warnings: number;
  infos: number;
  open: () => void;
}) {
  return (
    <Button className="head-findings" onClick={open} data-testid="findings-button">
      <Badge count={errors} color="red" showZero={false} /> <Badge count={warnings} color="orange" showZero={false} />{' '}
      {errors + warnings === 0 ? (infos ? `校验通过（${infos} 个提示）` : '校验通过') : '校验结果'}
    </Button>
  );
});

export function FindingsDrawer({
  findings,
  across = [],
  open,
  onClose,
  edit,
  names,
}: {
  findings: readonly Finding[];
  /** the form's findings in the department's check across forms (A9), as the 汇总表 counts them; no fix here */
  across?: readonly Finding[];
  open: boolean;
  onClose: () => void;
  edit: (a: EditAction) => void;
  names?: PlaceNames;
}) {
  const all = [...findings, ...across];
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const infos = all.length - errors - warnings;
  return (
    <Drawer title={`校验结果：${errors} 个错误，${warnings} 个警告，${infos} 个提示`} open={open} onClose={onClose} size={460} data-testid="findings-drawer">
      <List
        dataSource={[...findings].sort(bySeverity)}
        locale={{ emptyText: '本表没有发现问题' }}
        renderItem={(f) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">
                <WarningOutlined /> {where(f, names)}
              </Typography.Text>
              <FindingDetail f={f} onFix={(fix) => edit(fixAction(fix))} />
            </Space>
          </List.Item>
        )}
      />
      {across.length > 0 && (
        <div data-testid="department-findings">
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            与本部门其他表比较（汇总表同样列出，按已保存的版本）
          </Typography.Title>
          <List
            dataSource={[...across].sort(bySeverity)}
            renderItem={(f) => (
              <List.Item>
                <Space orientation="vertical" size={2}>
                  <Typography.Text type="secondary">
                    <WarningOutlined /> {where(f, names)}
                  </Typography.Text>
                  <FindingDetail f={f} />
                </Space>
              </List.Item>
            )}
          />
        </div>
      )}
    </Drawer>
  );
}
