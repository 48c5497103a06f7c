import { c, type Form } from './form.ts';

/**
 * 清涧县交通运输局 (陕西 榆林 清涧县), 2021, 2021年交通局寨山石坪、鲍家沟果园路: the 绩效目标申报表 attached to
 * 清涧县财政局's 清财农发[2020]104号 (附表1 of 2021年中央财政专项扶贫资金绩效表), a goal form (no actuals, no
 * scores) on an 8-column sheet. As published: 项目负责人及联系电话 beside 项目名称, one value (name and phone
 * run together); 资金情况 without a unit, its lines `年度资金总额:`, `其中:财政拨款`, `其他资金` (empty); the
 * 年度目标 text below its label; `基础实施` (sic) in the goal text. The stored text is the sheet flattened
 * one cell per line: inferred are the spans (its empty cells after each value are taken as the value's
 * cell running to the sheet's edge; 资金情况, 总体目标 and 绩效指标 down their rows; 产出指标 and 数量指标 down
 * theirs), the title lines as rows of the sheet as the text shows them, and the section labels the text
 * cuts to one character (`总`, `绩`): written as the national form's vertical 总体目标 and 绩效指标.
 * **Partial**: the text ends at the 效益指标 row's 经济效益 cell; the table stops at the last complete row
 * (成本指标), so no 效益 and no 满意度 rows.
 */
const form: Form = {
  file: 'shaanxi-qingjian-jiaotongju-2021.goal',
  before: [],
  rows: [
    [c('附表1', 8)],
    [c('绩效目标申报表', 8)],
    [c('(2021年度)', 8)],
    ['项目名称', c('2021年交通局寨山石坪、鲍家沟果园路', 3), '项目负责人及联系电话', c('刘志龙09125222043', 3)],
    ['主管部门', c('清涧县交通运输局', 3), '实施单位', c('清涧县交通运输局', 3)],
    [c('资金情况', 1, 3), c('年度资金总额:', 2), c('500', 5)],
    [c('其中:财政拨款', 2), c('500', 5)],
    [c('其他资金', 2), c('', 5)],
    [c('总\n体\n目\n标', 1, 2), c('年度目标', 7)],
    [
      c(
        '1、改善基础实施建设,呼家河至鲍家沟果园路建设2公里、寨山石坪果园路2公里 2、水泥路硬化路面、边沟及交安实施的建设,解决了生产道路硬化问题及生命防护问题 3、极大的改善了老百姓的生产生活问题',
        7,
      ),
    ],
    [c('绩\n效\n指\n标', 1, 6), '一级指标', '二级指标', '三级指标', c('指标值', 4)],
    [c('产出指标', 1, 5), c('数量指标', 1, 2), '寨山石坪村新建水泥路1条', c('2km', 4)],
    ['呼家河至鲍家沟新建水泥路1条', c('2km', 4)],
    ['质量指标', '项目(工程)验收合格率', c('100%', 4)],
    ['时效指标', '项目(工程)完成及时率', c('100%', 4)],
    ['成本指标', '硬化水泥砼公路补助标准', c('≤120万元', 4)],
  ],
};

export default form;
