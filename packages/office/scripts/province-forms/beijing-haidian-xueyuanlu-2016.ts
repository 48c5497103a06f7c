import { c, type Form } from './form.ts';

/**
 * 北京市海淀区学院路街道 (实施单位 城市运行服务中心), 2016, 【体制】自管道路清扫保洁外包工作经费: Beijing's
 * 2016 项目支出绩效自评表, with a 得分计算方法 column in both tables. The budget block is
 * `年初预算数(A)｜全年执行数(B)｜分值(10分)｜执行率(B/A)｜得分｜得分计算方法` — no 全年预算数: the (A) makes
 * 年初预算数 the base of 执行率 (B/A). It is read as what it says, 年初预算数 (全年预算数 stays empty), and
 * the importer notes that the rate is measured against it (R3's fallback). Its 其中 line is `本年一般公共预算拨款`. 年度总体目标 has no
 * 预期目标/实际完成情况 labels: the set goal and what was done are two cells of one row (the second
 * begins `按照年初设定目标`). The indicator table puts 分值 before the values
 * (`三级指标｜分值｜年度指标值(A)｜全年实际值(B)｜得分计算方法｜得分｜未完成原因分析`).
 *
 * The source is a document site's copy whose text runs the cells together without separators:
 * `310.2154.741050%5` is split by the columns' meaning (154.74 ÷ 310.2 = 49.9 %, written 50 %;
 * 5 = 10 × 50 %) and `12.5 12.5 12.5` as 分值, 年度指标值, 全年实际值. Inferred: the grid (10 columns, as
 * the indicator header needs), 主管部门及代码 and 实施单位 as label and value cells, the empty cells of the
 * lines below the total, the 一级 and 二级 cells over one row only. **Partial**: the stored text ends
 * inside the second indicator row (质量指标 `是否达到国…`), so the table stops at the last complete row.
 */
const form: Form = {
  file: 'beijing-haidian-xueyuanlu-2016',
  before: ['项目支出绩效自评表(2016年度)'],
  rows: [
    ['项目名称', c('【体制】自管道路清扫保洁外包工作经费', 9)],
    ['主管部门及代码', c('北京市海淀区人民政府学院路街道办事处', 4), c('实施单位:', 2), c('北京市海淀区学院路街道城市运行服务中心', 3)],
    [c('项目资金(万元)', 1, 4), c('', 3), '年初预算数(A)', '全年执行数(B)', '分值(10分)', '执行率(B/A)', '得分', '得分计算方法'],
    [c('年度资金总额:', 3), '310.2', '154.74', '10', '50%', '5', '执行率*该指标分值,最高不得超过分值上限。'],
    [c('其中:本年一般公共预算拨款', 3), '310.2', '154.74', '', '', '', ''],
    [c('其他资金', 3), '', '', '', '', '', ''],
    [
      '年度总体目标',
      c(
        '通过规范地区自管道路清扫保洁外包工作经费工作专项资金的使用,明确专项资金使用目的,实现科学管理,充分发挥项目资金在地区自管小区、小广告、三级以下道路、无主垃圾渣土清运及重大活动环境卫生保障工作中的作用,将自管道路保洁进行外包,更好的服务于本地区政治、经济、文化等各项事业的发展',
        4,
      ),
      c(
        '按照年初设定目标,将辖区20条城市道路清扫保洁、4处居民生活区小广场清扫保洁业务通过公开招投标方式进行了外包,通过地区自管道路清扫保洁外包项目的实施,使地区环境卫生及社区环境更加优美,为建设全国文明城区及建设美丽学院路做出了贡献',
        5,
      ),
    ],
    [c('绩效指标', 1, 2), '一级指标', '二级指标', '三级指标', '分值', '年度指标值(A)', '全年实际值(B)', '得分计算方法', '得分', '未完成原因分析'],
    [
      '产出指标(50分)',
      '数量指标',
      '是否完成绩效目标申报表中申报的数量',
      '12.5',
      '12.5',
      '12.5',
      '完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。',
      '12.5',
      '',
    ],
  ],
};

export default form;
