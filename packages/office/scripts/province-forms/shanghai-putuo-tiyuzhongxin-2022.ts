import { c, type Form } from './form.ts';

/**
 * 上海市普陀区体育事业管理中心 (主管部门 上海市普陀区体育局), 2022, 普陀体育中心与委托运营方结算费用:
 * Shanghai's 财政项目支出绩效自评表 in the national layout (财预〔2020〕10号), money in 元, 9 grid columns.
 * As published: `215,457.6` with its thousands comma on the total line and `215457.6` without it on the
 * 其中 line; the targets `=100%` and `>=90%` in ASCII; a proportional 执行率 score (10 × 86.19% = 8.62).
 * The stored text is a text extraction that separates the values from their labels; the values keep
 * their row order and the labels theirs, and the cells are placed by that order. Inferred: the text has
 * one `—` per line below the total where the national form has two (分值, 得分): placed under 分值,
 * 执行率 and 得分 left empty; the `0 0`
 * of 上年结转资金 and 其他资金 under 全年预算数 and 全年执行数 with 年初预算数 empty; 预期目标 empty (the
 * text has nothing for it); the 偏差原因分析及改进措施 cells empty; line breaks where the text breaks words.
 * The published file holds a second form (援滇对口支援及结对帮扶经费) that the stored text cuts before its
 * indicator values: only the first form is here.
 */
const form: Form = {
  file: 'shanghai-putuo-tiyuzhongxin-2022',
  before: ['财政项目支出绩效自评表', '(2022 年度)'],
  rows: [
    ['项目名称', c('普陀体育中心与委托运营方结\n算费用', 8)],
    ['主管部门', c('上海市普陀区体育局', 3), c('实施单位', 2), c('上海市普陀区体育\n事业管理中心', 3)],
    [c('项目资金\n(元)', 1, 5), c('', 2), '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [c('年度资金总额', 2), '250000.00', '250000.00', '215,457.6', '10', '86.19%', '8.62'],
    [c('其中:当年财政拨款', 2), '250000.00', '250000.00', '215457.6', '—', '', ''],
    [c('上年结转资金', 2), '', '0', '0', '—', '', ''],
    [c('其他资金', 2), '', '0', '0', '—', '', ''],
    [c('年度\n总体\n目标', 1, 2), c('预期目标', 4), c('实际完成情况', 4)],
    [c('', 4), c('已完成普陀体育中心与委托运营方费用结算。', 4)],
    [c('绩\n效\n指\n标', 1, 6), '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及\n改进措施'],
    [c('产出指标', 1, 3), '数量指标', '与委托运营方结算完成\n率', '=100%', '100%', '10', '10', ''],
    ['质量指标', '合同结算条款完成率', '=100%', '100%', '20', '20', ''],
    ['时效指标', '费用结算及时性', '及时', '及时', '20', '20', ''],
    ['效益指标', '社会效益指标', '与委托运营方合同完成\n率', '=100%', '100%', '30', '30', ''],
    ['满意度指标', '服务对象满意度指标', '场馆开放满意度', '>=90%', '100%', '10', '10', ''],
    [c('总分', 6), '100', '98.62', ''],
  ],
};

export default form;
