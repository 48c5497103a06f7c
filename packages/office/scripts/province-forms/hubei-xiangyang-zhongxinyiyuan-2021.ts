import { c, type Form } from './form.ts';

/**
 * 湖北省襄阳市中心医院, 2021, 东津院区建设补助: Xiangyang's 2021年度财政项目绩效自评表 — 单位名称 and
 * 填报日期 above the table, the 项目类别/项目属性/项目类型 lines of check boxes, a budget block
 * `预算数（A）｜执行数（B）｜执行率（B/A）｜得分（20分*执行率）` on one 年度财政资金总额 line, and an
 * indicator table `年初目标值（A）｜实际完成值（B）｜得分` with **no 分值 column** under a label column
 * `年度绩效目标（80分）`. 7 grid columns. The stored text is a document site's character recognition of
 * the file: the check boxes are given as it reads them (`0`, `口`), the two labels it garbles are
 * rebuilt from their characters (see the README). It ends inside the 可持续性 row: the table stops at
 * the last complete row.
 */
const form: Form = {
  file: 'hubei-xiangyang-zhongxinyiyuan-2021',
  before: ['2021年度财政项目绩效自评表', '单位名称:襄阳市中心医院 填报日期:2022年3月18日'],
  rows: [
    ['项目名称', c('东津院区建设补助', 6)],
    ['主管部门', c('襄阳市卫生健康委', 2), c('项目实施单位', 2), c('襄阳市中心医院', 2)],
    ['项目类别', c('1、部门预算项目 0 2、财政专项口 3、市对下转移支付项目口', 6)],
    ['项目属性', c('1、持续性项目口 2、新增性项目口', 6)],
    ['项目类型', c('1、常年性项目口 2、延续性项目0 3、一次性项目口', 6)],
    [c('预算执行情况\n(万元)\n(20分)', 1, 2), c('', 2), '预算数(A)', '执行数(B)', '执行率(B/A)', '得分(20分*执行率)'],
    [c('年度财政资金总额', 2), '1000', '1000', '100%', '20'],
    [c('年度绩效目标\n(80分)', 1, 6), '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    [c('产出\n指标', 1, 4), '数量指标', '成本控制', '不超过预算', '不超过预算', '10'],
    ['质量指标', '保证财政建设补助专款专用', '专款专用', '专款专用', '10'],
    ['成本', '每年财政补助1000万元', '1000万元', '1000万元', '10'],
    ['时效', '1年', '1年', '1年', '10'],
    ['效益\n指标', '经济效益', '完成东津院区建设,医院东津医疗收入达到5亿元', '5亿元', '6.47亿元', '10'],
  ],
};

export default form;
