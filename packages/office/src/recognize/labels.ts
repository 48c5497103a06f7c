/**
 * The labels the recognizer anchors on. Matching is on squashed text (no spaces, half-width), so
 * `年度 指标 值 (A)` and `年度指标值(A)` are the same label.
 */
import { budgetRole, indicatorRole, type BudgetRole, type IndicatorRole } from './columns.ts';
import { norm } from './norm.ts';

export { norm };

export type IdentityField = 'name' | 'code' | 'level' | 'fundType' | 'department' | 'implementer';

export function identityLabel(text: string): IdentityField | null {
  const t = norm(text);
  // 转移支付 and 衔接资金 forms name the project 专项名称 (issue 21, item 2)
  if (/^(项目|专项|专项资金|转移支付|转移支付项目|衔接资金项目|项目\(专项\)|专项\(项目\))名称$/.test(t)) return 'name';
  if (t === '项目编码' || t === '项目代码') return 'code';
  if (t === '项目级次') return 'level';
  if (t === '资金类型') return 'fundType';
  // transfer-payment forms name one 主管部门 per level, from the top down (重庆: 市级 then 县级; 湖南: 县级):
  // the last one read, the level nearest the unit, is its department
  if (t === '主管部门' || t === '主管部门及代码' || /^(中央|省级|市级|县级|区级|地方)主管部门$/.test(t)) return 'department';
  if (t === '实施单位' || t === '预算单位' || t === '实施(主管)单位' || t === '实施单位及代码') return 'implementer';
  return null;
}

export type BudgetColumn = BudgetRole;

/** A budget block header's role (see columns.ts: by meaning, letters and units ignored). */
export function budgetColumn(text: string): BudgetColumn | null {
  return budgetRole(text);
}

export type LineKind = 'total' | 'current' | 'carryover' | 'other' | 'fiscal';

const LEVEL = '(中央|省级|省|市级|市|县级|县|地方|本级)';
/**
 * 转移支付/衔接资金 forms split the total by the level of government that pays: one level or several
 * (Hunan's 专项资金 form: `中央、省、市补助县级资金`, the money the levels above give the county;
 * Chongqing's: `中央、市级补助` above `县级资金`, the 补助 without the word 资金).
 */
const LEVELS_FUNDS = new RegExp(`^${LEVEL}([、,]${LEVEL})*(财政)?(补助${LEVEL}?(资金)?|${LEVEL}?资金)$`);

export function budgetLineLabel(text: string): LineKind | null {
  const t = norm(text).replace(/^其中[：:]?/, '');
  // Sichuan's 预算执行情况 block names its total line 总额, Xiangyang's 年度财政资金总额
  if (/^(年度)?(财政)?资金总额$/.test(t) || t === '总额' || t === '预算数') return 'total';
  // Beijing names the year's appropriation by its budget: 本年一般公共预算拨款
  if (/^(当年|本年)?(财政拨款|一般公共预算(财政)?拨款)$/.test(t)) return 'current';
  if (t === '上年结转资金' || t === '上年结转') return 'carryover';
  if (t === '其他资金' || t === '其他') return 'other';
  if (/财政资金$|^衔接资金$/.test(t) || LEVELS_FUNDS.test(t)) return 'fiscal';
  return null;
}

/** Hebei pairs: `预算数 17 到位数 17 执行数 16.94` */
export function pairLabel(text: string): 'adjusted' | 'received' | 'executed' | null {
  const t = norm(text);
  if (t === '预算数') return 'adjusted';
  if (t === '到位数') return 'received';
  if (t === '执行数') return 'executed';
  return null;
}

export type IndicatorColumn = IndicatorRole;

/** An indicator table header's role (see columns.ts). */
export function indicatorColumn(text: string): IndicatorColumn | null {
  return indicatorRole(text);
}

/** An exact 一级 heading (as opposed to a 二级 name that merely contains 效益 or 满意度). */
export function isLevel1Heading(text: string): boolean {
  return /^(产出|效益|满意度|成本)指标(\(\d+(\.\d+)?分?\))?$|^预算执行率(\(\d+(\.\d+)?分?\))?$/.test(norm(text));
}

export function isLevel2Name(text: string): boolean {
  return /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|生态环境成本)指标$/.test(norm(text));
}

export function isTotalLabel(text: string): boolean {
  return /^(自评)?总分$|^(合计|总计)$/.test(norm(text));
}

export type NarrativeKindName =
  | 'execution-analysis'
  | 'output-analysis'
  | 'benefit-analysis'
  | 'satisfaction-analysis'
  | 'experience'
  | 'problems'
  | 'measures'
  | 'problems-and-measures'
  | 'remarks';

export function narrativeLabel(text: string): NarrativeKindName | null {
  const t = norm(text).replace(/^[一二三四五六七八九十]+、/, '');
  if (t.startsWith('项目实施和预算执行')) return 'execution-analysis';
  if (t.startsWith('产出情况及分析')) return 'output-analysis';
  if (t.startsWith('效益情况及分析')) return 'benefit-analysis';
  if (t.startsWith('满意度情况及分析')) return 'satisfaction-analysis';
  if (t.startsWith('主要经验做法')) return 'experience';
  if (t.startsWith('存在问题、原因及') || t.startsWith('存在问题及改进措施')) return 'problems-and-measures';
  if (t.includes('存在的主要问题') || t.startsWith('存在问题')) return 'problems';
  if (t.startsWith('下一步改进措施') || t.startsWith('改进措施')) return 'measures';
  // the last row of Yunnan's and Hunan's tables: `其他需要说明事项｜无`, `说明｜无`
  if (/^(其他(需要)?说明的?(事项|问题|情况)?|说明)$/.test(t)) return 'remarks';
  return null;
}
