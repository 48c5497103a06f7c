/**
 * The goal linter's findings placed for the editor: a finding about an indicator names its cell by the
 * model path (`indicators[3].adjusted.target`); the editor's index and the findings list name it by the
 * field within the row (`adjusted.target`), as the self-evaluation's findings do. The fix keeps its path.
 */
import type { Finding } from '@jixiao/core';
import type { PlaceNames } from '../editor/findings-panel.tsx';
import { SECTION_NAMES } from '@jixiao/core';

const ROW_FIELD = /^indicators\[(\d+)\]\.(.+)$/;

export function cellFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    const m = f.location.indicator !== undefined && f.location.field ? ROW_FIELD.exec(f.location.field) : null;
    return m ? { ...f, location: { ...f.location, field: m[2]! } } : f;
  });
}

/** The goal form's cells in Chinese, as the national form names them. */
export const GOAL_FIELD_NAMES: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  longTermTarget: '中长期指标值',
  points: '分值',
  basis: '指标值设定依据',
  'adjusted.target': '调整后指标值',
  'adjusted.reason': '调整原因',
};

export const GOAL_PLACES: PlaceNames = {
  sections: { ...SECTION_NAMES, identity: '项目基本情况', budget: '项目资金', goals: '总体目标', indicators: '绩效指标' },
  fields: GOAL_FIELD_NAMES,
};
