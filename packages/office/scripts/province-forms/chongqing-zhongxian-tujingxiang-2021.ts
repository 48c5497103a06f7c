import { c, type Form } from './form.ts';

/**
 * 重庆市忠县涂井乡人民政府, 2021, 龙滩村农村移民安置区精准帮扶项目: Chongqing's 中央、市级专项转移支付绩效目标自评表 —
 * the project named 专项（项目）名称 beside 负责人及电话, two 主管部门 lines (市级 and 县级), a budget block
 * `全年预算数（A）｜全年执行数（B）｜执行率（B/A）` with no 分值 or 得分 and the unit written in each money cell
 * (`372.29万元`), its 其中 line `中央、市级补助` above 县级资金, and an indicator table
 * `年度指标值｜全年完成值｜未完成原因和改进措施` with no points and no scores: numbered names (`指标1：`) kept as
 * written, three rows named 道路交通设施 under 时效, 成本 and 经济效益. 7 grid columns, as the national
 * transfer-payment form. The stored text has no 二级指标 header cell (the column's cells are there): written
 * here as the form has it. It ends inside the 社会效益 row: the table stops at the last complete row.
 */
const form: Form = {
  file: 'chongqing-zhongxian-tujingxiang-2021',
  before: ['中央、市级专项转移支付绩效目标自评表', '(2021年度)'],
  rows: [
    ['专项(项目)名称', c('忠县涂井乡龙滩村农村移民安置区精准帮扶项目', 3), '负责人及电话', c('廖朝伟\n13635397499', 2)],
    ['市级主管部门', c('重庆市水利局', 6)],
    ['县级主管部门', c('忠县水利局', 2), c('实施单位', 2), c('忠县涂井乡人民政府', 2)],
    [c('项目资金\n(万元)', 1, 5), c('', 3), '全年预算数(A)', '全年执行数(B)', '执行率(B/A)'],
    [c('年度资金总额:', 3), '372.29万元', '372.29万元', '100%'],
    [c('其中:中央、市级补助', 3), '372.29万元', '372.29万元', '100%'],
    [c('县级资金', 3), '', '', ''],
    [c('其他资金', 3), '', '', ''],
    [c('年度\n总体\n目标', 1, 2), c('年初设定目标', 3), c('全年实际完成情况', 3)],
    [c('新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。', 3), c('新建道路 524m;硬化道路5719m;人行便道硬化 14.7km。', 3)],
    [c('绩\n效\n指\n标', 1, 10), '一级\n指标', '二级\n指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和\n改进措施'],
    [c('产\n出\n指\n标', 1, 7), c('数量指标', 1, 3), '指标1:新建道路', '524m', '524m', ''],
    ['指标2:硬化道路', '5719m', '5719m', ''],
    ['指标3:人行便道硬化', '14.7km', '14.7km', ''],
    [c('质量指标', 1, 2), '指标1:工程完工率', '100%', '100%', ''],
    ['指标2:工程验收合格率', '100%', '100%', ''],
    ['时效指标', '道路交通设施完成时间', '2021年', '2021年', ''],
    ['成本指标', '道路交通设施', '713万元', '713万元', ''],
    ['效\n益\n指\n标', '经济效益指标', '道路交通设施', '降低村民出行和农产品运输成本', '降低村民出行和农产品运输成本', ''],
  ],
};

export default form;
