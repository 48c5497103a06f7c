/**
 * A field of a form as a person reads it: `indicators[i3].actual` → 指标“宣传品合格率”· 实际完成值. The
 * store records history fields as paths into the form (indicators by id), the importer's bounds report
 * the paths of the cells they refuse; the history page, history.csv and the import notes show this
 * instead, with the path kept only as a support detail.
 */
import type { FormDocument } from '../model/form-document.ts';

/** The Chinese name of each field of an indicator row (the editor's finding list names cells by it too). */
export const INDICATOR_FIELD_NAMES: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  points: '分值',
  target: '指标值',
  targetAdjusted: '调整后指标值',
  adjustReason: '调整原因',
  // the goal form's (kinds/goal/goal-form.ts)
  'adjusted.target': '调整后指标值',
  'adjusted.reason': '调整原因',
  longTermTarget: '中长期指标值',
  basis: '指标值设定依据',
  actual: '实际完成值',
  completion: '单项指标完成情况',
  claimedScore: '得分（填报）',
  deviation: '偏差原因分析及改进措施',
  method: '得分计算方法',
  notApplicable: '不适用',
};

const BUDGET_FIELDS: Record<string, string> = {
  label: '名称',
  initial: '年初预算数',
  declared: '目标申报数',
  prepared: '预算编制数',
  adjusted: '全年预算数',
  received: '到位数',
  executed: '全年执行数',
  balance: '资金结（转）余',
  rate: '执行率',
  points: '分值',
  score: '得分',
};

const OTHER_FIELDS: Record<string, string> = {
  year: '年度',
  schemeId: '评分方案',
  layout: '表式',
  title: '表名',
  'project.name': '项目名称',
  'project.code': '项目编码',
  'project.level': '项目级次',
  'project.fundType': '资金类型',
  'project.department.name': '主管部门',
  'project.implementer.name': '实施单位',
  'project.fillingUnit': '填报单位',
  'goals.expected': '年度总体目标（预期）',
  'goals.achieved': '年度总体目标（实际完成情况）',
  'goals.completionRate': '总体完成率',
  'claimed.total': '总分（填报）',
  'claimed.points': '分值合计（填报）',
  'claimed.grade': '自评等级（填报）',
  // the goal form's
  'project.nature': '项目性质',
  'project.category': '项目类别',
  'project.period': '起止年月',
  'money.total': '项目资金总额',
  'money.annual': '年度资金总额',
  'money.fiscal': '财政拨款',
  'money.carryover': '上年结转',
  'money.other': '其他资金',
  'money.unit': '金额单位',
  'goals.longTerm': '总体目标（中长期目标）',
  'goals.annual': '总体目标（年度目标）',
  'filler.name': '填报人',
  'filler.phone': '联系电话',
  '(导入)': '导入',
  '(新建)': '新建',
  '(删除)': '删除',
  '(状态)': '状态',
};

/** The indicator named by its id in the form, or how to say that it is no longer there. */
function indicatorName(ev: FormDocument | null, id: string): string {
  const row = ev?.indicators.findIndex((i) => i.id === id) ?? -1;
  if (row < 0) return /^\d+$/.test(id) ? `第 ${Number(id) + 1} 行指标` : '已删除的指标';
  const name = ev!.indicators[row]!.name.raw.trim();
  return name ? `指标“${name}”` : `第 ${row + 1} 行指标`;
}

/**
 * `field` in Chinese, naming indicators and budget lines as the form `ev` (the current one) has them.
 * A path it does not know is named in general words — never a wrong name, never the path itself.
 */
export function describeField(field: string, ev: FormDocument | null): string {
  const review = /^复核得分 indicators\[([^\]]+)\]$/.exec(field);
  if (review) return `复核得分 · ${indicatorName(ev, review[1]!)}`;
  const ind = /^indicators\[([^\]]+)\](?:\.(.+))?$/.exec(field);
  if (ind) {
    const path = ind[2]?.replace(/\.parts\..*$/, '');
    const what = path === undefined ? '' : (INDICATOR_FIELD_NAMES[path] ?? INDICATOR_FIELD_NAMES[path.replace(/\..*$/, '')] ?? ind[2]);
    return what ? `${indicatorName(ev, ind[1]!)} · ${what}` : indicatorName(ev, ind[1]!);
  }
  const line = /^budget\.lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) {
    const label = ev && 'budget' in ev ? ev.budget.lines[Number(line[1])]?.label.raw.trim() : undefined;
    return `预算资金“${label || `第 ${Number(line[1]) + 1} 行`}” · ${BUDGET_FIELDS[line[2]!] ?? line[2]}`;
  }
  const group = /^groups\[(\d+)\]/.exec(field);
  if (group) {
    const name = ev && 'groups' in ev ? ev.groups[Number(group[1])]?.name : undefined;
    return `${name ? `“${name}”` : `第 ${Number(group[1]) + 1} 个一级指标`}的分值`;
  }
  const narrative = /^narratives\[(\d+)\]\.(text|label)$/.exec(field);
  if (narrative) {
    const label = ev && 'narratives' in ev ? ev.narratives[Number(narrative[1])]?.label.raw.trim() : undefined;
    return label ? `“${label}”` : `第 ${Number(narrative[1]) + 1} 段说明`;
  }
  return OTHER_FIELDS[field] ?? '表中一处内容';
}
