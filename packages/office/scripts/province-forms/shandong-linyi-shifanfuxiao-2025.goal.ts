import { c, type Form } from './form.ts';

/**
 * 临邑县师范附属小学 (山东 德州 临邑县), 2025, 小学教育公用经费: a goal form (项目支出目标申报表 — no 绩效 in
 * the title, no actuals, no scores) published on the county's site. As published: 项目主管部门 for 主管部门;
 * a 项目资金申请(万元) block with one column of values, `资金总额:`, `财政拨款:`, `其他:` (其他 empty); the goal
 * text under 项目总体情况; the indicator table headed `一级 | 二级 | 三级 | 年度数值 | 备注`, its levels written
 * with 值 for 指标 (产出值, 数量值 … 可持续影响值), the targets `<=6962人`, `=100%`, `780元/生/年`, `有效`, the
 * 备注 cells empty, and no 满意度 row. The stored text gives one cell per line: inferred are the spans — the
 * labels and values across the five columns, 项目资金申请(万元) down its three lines, 产出值 and 效益值 down
 * their four rows — and the last row's 备注 cell (the text ends after its target), empty as the others.
 */
const form: Form = {
  file: 'shandong-linyi-shifanfuxiao-2025.goal',
  before: ['项目支出目标申报表', '(2025年度)'],
  rows: [
    ['项目名称', c('小学教育公用经费', 4)],
    ['项目主管部门', c('临邑县师范附属小学', 4)],
    [c('项目资金申请(万元)', 1, 3), '资金总额:', c('438.768', 3)],
    ['财政拨款:', c('438.768', 3)],
    ['其他:', c('', 3)],
    ['项目总体情况', c('根据鲁财科教(2024)67号文件,小学教育公用经费每生每年780元,县级财政负担20%计,主要用于学校教学与管理、校舍维修维护及日常办公等。', 4)],
    ['一级', '二级', '三级', '年度数值', '备注'],
    [c('产出值', 1, 4), '数量值', '小学就读人数', '<=6962人', ''],
    ['质量值', '教学条件改善、办学水平提高', '=100%', ''],
    ['时效值', '教育均衡化发展', '有效', ''],
    ['成本值', '义务教育小学生均公用经费', '780元/生/年', ''],
    [c('效益值', 1, 4), '经济效益值', '经费有效使用情况', '=100%', ''],
    ['社会效益值', '教学质量提高、办学条件改善', '=100%', ''],
    ['生态效益值', '安全情况', '有效', ''],
    ['可持续影响值', '学生受益情况', '=100%', ''],
  ],
};

export default form;
