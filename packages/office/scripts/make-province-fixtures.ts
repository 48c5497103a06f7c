/**
 * Makes fixtures/provinces/*.{docx,xlsx,pdf}: project self-evaluation forms published by units in
 * provinces other than the seeds' (sources in fixtures/provinces/README.md), rebuilt from their
 * published text with its values, header texts, column order and — as far as the text shows them —
 * merged cells. Each form is written here as an HTML table (rowspan/colspan as published), which
 * LibreOffice turns into .docx and .xlsx (another program than this project's writers), and the .docx
 * into .pdf; Chromium prints it as `.browser.pdf` (a second PDF writer). The expected values are written by hand beside them (*.expected.json), from the sources,
 * not from these files. Needs `soffice` and Chromium (`CHROMIUM`, default /usr/bin/chromium). Run: npx tsx packages/office/scripts/make-province-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A cell: its text, and how many rows and grid columns it covers. */
type C = string | { t: string; rs?: number; cs?: number };
interface Form {
  file: string;
  /** lines above the table, as published */
  before: string[];
  rows: C[][];
  after?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function html(f: Form): string {
  const td = (c: C) => {
    const { t, rs, cs } = typeof c === 'string' ? { t: c } : c;
    // sdnum …;@ : the text format, so that Calc keeps `100.00%` and `387664.62` as written
    return `<td${rs ? ` rowspan="${rs}"` : ''}${cs ? ` colspan="${cs}"` : ''} sdnum="2052;0;@">${esc(t)}</td>`;
  };
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
    ...f.before.map((p) => `<p>${esc(p)}</p>`),
    // the page's width: LibreOffice otherwise sizes the table to its text and lets it run off the page
    `<table border="1" width="100%" cellpadding="2">\n${f.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}\n</table>`,
    ...(f.after ?? []).map((p) => `<p>${esc(p)}</p>`),
    '</body></html>',
  ].join('\n');
}

const c = (t: string, cs?: number, rs?: number): C => ({ t, ...(cs && { cs }), ...(rs && { rs }) });

/**
 * 四川省眉山市青神县发展和改革局, 2023, 工资性支出: Sichuan's 部门预算项目支出绩效自评表 (报表编号
 * 510000_0013zp). 11 grid columns. Published with 完成值 and 得分 left blank and the instructions
 * still in the 评价结论/存在问题/改进措施 cells.
 */
const sichuan: Form = {
  file: 'sichuan-qingshen-fagaiju-2023',
  before: ['报表编号:510000_0013zp', '部门预算项目支出绩效自评表(2023年度)'],
  rows: [
    ['项目名称', c('51000021R000000019951-工资性支出', 10)],
    ['主管部门', c('青神县发展和改革局本级', 4), c('实施单位 (盖章)', 2), c('青神县发展和改革局', 4)],
    [c('项目基本情况', 1, 3), c('1.项目年度目标完成情况', 2, 2), c('项目年度目标', 4), c('年度目标完成情况', 4)],
    [
      c('严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。', 4),
      c('对照年度目标,说明相关任务目标的完成情况(100字以内)', 4),
    ],
    [c('2.项目实施内容及过程概述', 2), c('', 8)],
    [c('预算执行情况(10分)', 1, 6), c('年度预算数(万元)', 3), '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
    [
      c('总额', 3),
      '238.93',
      '251.89',
      '251.89',
      '100.00%',
      '10',
      '',
      c(
        '1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.',
        1,
        5,
      ),
    ],
    [c('其中:财政资金', 3), '238.93', '251.89', '251.89', '100.00%', '/', '/'],
    [c('财政专户管理资金', 3), '0.00', '0.00', '0.00', '0.00%', '/', '/'],
    [c('单位资金', 3), '0.00', '0.00', '0.00', '0.00%', '/', '/'],
    [c('其他资金', 3), '', '', '', '', '/', '/'],
    [c('绩效指标(90分)', 1, 4), '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
    ['产出指标', '数量指标', '发放(缴纳)覆盖率', '=', '100', '%', '', '60', '', ''],
    ['效益指标', '社会效益指标', '足额保障率(参保率)', '=', '100', '%', '', '30', '', ''],
    [c('合计', 7), '100', '', ''],
    ['评价结论', c('结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)', 10)],
    ['存在问题', c('结合自评情况,分析存在的问题及原因。(200字以内)', 10)],
    ['改进措施', c('针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)', 10)],
    [c('项目负责人:', 5), c('财务负责人:', 6)],
  ],
};

/**
 * 云南省临沧市永德县明朗中学, 2022, 义务教育营养改善计划专项资金: Yunnan's 公开14表, money in 元,
 * 年度指标值 in three columns (指标性质 | 指标值 | 度量单位) under a two-row header, the signs as
 * published (≧ U+2267, ═ U+2550). 11 grid columns. Empty cells the published text dropped are
 * placed as the national form has them (年初预算数 empty; 分值 and 得分 `—` on the lines below the total).
 */
const yunnan: Form = {
  file: 'yunnan-yongde-minglangzhongxue-2022',
  before: ['2022年度项目支出绩效自评表', '部门:临沧市永德县明朗中学', '公开14表'],
  rows: [
    ['项目名称', c('义务教育营养改善计划专项资金', 10)],
    ['主管部门', c('永德县教育体育局', 4), c('实施单位', 2), c('永德县明朗中学', 4)],
    [c('项目资金\n(元)', 1, 5), c('', 3), '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', c('得分', 2)],
    [c('年度资金总额', 3), '', '387664.62', '387664.62', '10', '100%', c('10', 2)],
    [c('其中:当年财政\n拨款', 3), '', '387664.62', '387664.62', '—', '', c('—', 2)],
    [c('上年结转\n资金', 3), '', '', '', '—', '', c('—', 2)],
    [c('其他资金', 3), '', '—', '—', '—', '—', c('—', 2)],
    [c('年度\n总体\n目标', 1, 2), c('预期目标', 5), c('实际完成情况', 5)],
    [c('确保每一个学生都能享受到国家政策福利,改善学生体质', 5), c('确保每一个学生都能享受到国家政策福利,改善学生体质', 5)],
    [c('绩效指标', 4), c('年度指标值', 3), c('实际完成值', 1, 2), c('分值', 1, 2), c('得分', 1, 2), c('偏差原因分析及改进措施', 1, 2)],
    ['一级指标', '二级指标', c('三级指标', 2), '指标性质', '指标值', '度量单位'],
    [c('产出指标', 1, 4), '数量指标', c('学生受资助人数', 2), '≧', '735', '人次', '735', '10', '10', ''],
    ['质量指标', c('营养改善计划覆盖率', 2), '≧', '100', '%', '100%', '10', '10', ''],
    ['时效指标', c('资金到位及时率', 2), '≧', '100', '%', '100%', '10', '7', ''],
    ['成本指标', c('生均补助标准达标率', 2), '═', '100', '%', '100%', '10', '10', ''],
    [c('效益指标', 1, 4), '经济效益\n指标', c('减轻贫困学生家庭经济负担', 2), '', '有效', '', '有效', '10', '10', ''],
    ['社会效益\n指标', c('政策知晓率', 2), '═', '100', '%', '98%', '10', '9', ''],
    ['生态效益\n指标', c('', 2), '', '', '', '', '', '', ''],
    ['可持续影响\n指标', c('促进学校教育事业健康发展', 2), '≧', '100', '%', '100%', '10', '10', ''],
    [c('满意度指标', 1, 2), c('服务对象满意度指标等', 1, 2), c('学生满意度', 2), '≧', '95', '%', '100%', '10', '10', ''],
    [c('家长满意度', 2), '≧', '95', '%', '100%', '10', '10', ''],
    [c('其他需要说明事项', 2), c('无', 9)],
    [c('总分', 8), '100', '96', '优'],
  ],
};

/**
 * 安徽省池州市贵池区棠溪镇人民政府, 2022, 委托业务项目: the national form (财预〔2020〕10号) as
 * Anhui's units fill it, headings with declared points (`产出指标(50分)`), the total line left at 0
 * while the 其中 line holds the money (a mistake as published). The stored text ends inside the
 * 满意度 row (`公众满…`): the table stops at the last complete row, nothing after it is invented.
 * 9 grid columns.
 */
const anhui: Form = {
  file: 'anhui-guichi-tangxizhen-2022',
  before: ['附件:', '项目支出绩效自评表', '(2022年度)'],
  rows: [
    ['项目名称', c('委托业务项目', 8)],
    ['主管部门', c('219-池州市贵池区棠溪镇人民政府', 3), c('实施单位', 2), c('219001-池州市贵池区棠溪镇人民政府', 3)],
    [c('项目资金\n(万元)', 1, 5), c('', 2), '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [c('年度资金总额:', 2), '0', '0', '0', '10', '0', '0'],
    [c('其中:本年财政拨款', 2), '90', '89.974', '89.974', '', '', ''],
    [c('上年结转资金', 2), '', '', '', '', '', ''],
    [c('其他资金', 2), '', '', '', '', '', ''],
    [c('年度总体目标', 1, 2), c('预期目标', 4), c('实际完成情况', 4)],
    [
      c('本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;30万元用于基建工程项目设计、规划、测绘。', 4),
      c('本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。', 4),
    ],
    [c('绩效指标', 1, 11), '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [c('产出指标(50分)', 1, 6), '数量指标', '基建工程委托业务项目数量', '≥50个', '50', '8', '8', ''],
    [c('质量指标', 1, 2), '委托业务报告合格率', '≥100百分比', '100', '8', '8', ''],
    ['经费支出合规性', '严格执行相关制度规定', '达成预期指标', '8', '8', ''],
    ['时效指标', '提交报告及时性', '在项目计划完成时间内完成', '达成预期指标', '8', '8', ''],
    [c('成本指标', 1, 2), '项目总成本', '≤90万元', '90', '8', '8', ''],
    ['单项业务成本', '符合相关规定', '达成预期指标', '10', '10', ''],
    [c('效益指标(30分)', 1, 4), '社会效益指标', '对维护基建市场公平的影响程度', '效果明显', '达成预期指标', '10', '10', ''],
    ['生态效益指标', '对控制基建项目成本影响程度', '效果明显', '达成预期指标', '10', '10', ''],
    ['可持续影响指标', '对推动基建项目“四项制度”健全和落实的持续性影响', '效果明显', '达成预期指标', '10', '10', ''],
    ['经济效益指标', '', '', '', '', '', ''],
  ],
};

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/**
 * 四川省德阳市中江县水利局, 2022, a 衔接资金 (transfer) project: 绩效目标自评表 with the budget block
 * `全年预算数（A）｜全年执行数（B）｜分值｜执行率（B/A）｜得分` (no 年初预算数) and 分值 before the values
 * in the indicator table (`三级指标｜分值｜年度指标值｜全年实际值｜得分`), headings declaring 70/20/10
 * while the note under the form sets 50/30/10/10 — the shape of the issue's first example. The
 * `……` row is as published. The note is cut where the stored text ends. 9 grid columns.
 */
const sichuanZhongjiang: Form = {
  file: 'sichuan-zhongjiang-shuiliju-2022',
  before: ['附件:2022年财政衔接资金实施项目绩效自评表', '中江县水利局', '2022年12月30日', '绩效目标自评表(2022年度)'],
  rows: [
    ['项目名称', c('中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装', 8)],
    ['项目负责人及电话', c('谢凯13990260322(办公)', 8)],
    ['主管部门', c('中江县水利局', 3), c('实施单位', 2), c('中江县水利局', 3)],
    [c('资金情况(万元)', 1, 4), c('', 3), '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
    [c('年度资金总额:', 3), '20', '20', '10', '100.00%', '10'],
    [c('其中:本年财政拨款', 3), '20', '20', '', '', ''],
    [c('其他资金', 3), '', '', '', '', ''],
    [c('年度总体目标', 1, 2), c('年初设定目标', 4), c('年度总体目标完成情况综述', 4)],
    [c('对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,', 4), c('对项目区农业用水计量,为项目区农业生产夯实基础,', 4)],
    [c('绩效指标', 1, 12), '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'],
    [c('产出指标(70分)', 1, 6), c('数量指标', 1, 2), '安装坡面水标尺', '10', '≥266米', '≥266米', '10', ''],
    ['水标尺宽度', '10', '≥50厘米', '≥50厘米', '10', ''],
    ['质量指标', '项目(工程)验收合格率', '20', '100%', '100%', '20', ''],
    [c('时效指标', 1, 2), '及时(按期)开工率', '10', '≥90%', '≥90%', '10', ''],
    ['及时(按期)完工率', '10', '≥90%', '≥90%', '10', ''],
    ['成本指标', '项目计划总投资', '10', '20万元', '20万元', '10', ''],
    [c('效益指标(20分)', 1, 3), '经济效益指标', '', '', '', '', '', ''],
    [c('社会效益指标', 1, 2), '受益脱贫(含监测对象)户人口数', '10', '≥1000人', '≥1000人', '10', ''],
    ['群众生产生活条件改善状况', '10', '显著提升', '显著提升', '10', ''],
    ['满意度指标(10分)', '服务对象满意度指标', '受益脱贫(含监测对象)户满意度', '10', '≥95%', '≥95%', '10', ''],
    ['……', '', '', '', '', '', '', ''],
    [c('总分', 4), '100', c('', 2), '100', ''],
  ],
  after: [
    '注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限,分别按照该指标对应分值区间100-80%(含80%)、80-60%(含60%)、60-0%合理确定得分,',
  ],
};

/**
 * 湖南省衡阳市衡山县商务和粮食局, 2020, 县级储备粮: Hunan's 县级专项资金绩效目标自评表 — the
 * project named 专项资金名称 under a 负责人及电话 line, the budget block `全年预算数（A）｜全年执行数（B）｜
 * 执行率（B/A）` with no 分值 or 得分, its 其中 line `中央、省、市补助县级资金`, and an indicator table
 * `年度指标值｜全年完成值｜未完成原因和改进措施` with no points and no scores at all: a form that states
 * targets and actuals only. 7 grid columns. The stored text repeats 绩效指标 and 效益指标 where the
 * published file breaks the page (before 生态效益指标): here one merged cell each. Its `290%` is read
 * as `≥90%` (see the README).
 */
const hunan: Form = {
  file: 'hunan-hengshan-shangwuliangshiju-2020',
  before: ['2020年度县级专项资金绩效目标自评表'],
  rows: [
    ['专项资金名称', c('县级储备粮', 6)],
    ['负责人及电话', c('旷建成、向建军', 6)],
    ['县级主管部门', c('衡山县商务和粮食局', 2), c('实施单位', 2), c('粮食调控储备与产业发展股', 2)],
    [c('项目资金\n(万元)', 1, 4), c('', 3), '全年预算数(A)', '全年执行数(B)', '执行率(B/A)'],
    [c('年度资金总额', 3), '194.9', '194.9', '100%'],
    [c('其中:中央、省、市补助县级资金', 3), '194.9', '194.9', '100%'],
    [c('其他资金', 3), '', '', ''],
    [c('年度\n总体\n目标', 1, 2), c('年初设定目标', 3), c('全年实际完成情况', 3)],
    [c('保持和稳定地方粮食储备机制', 3), c('地方储备粮食规模达标', 3)],
    [c('绩\n效\n指\n标', 1, 17), '一级\n指标', '二级\n指标', '三级指标', '年度指标\n值', '全年\n完成值', '未完成原因和\n改进措施'],
    [c('产\n出\n指\n标', 1, 9), c('数量\n指标', 1, 2), '5000吨稻谷、500吨成品粮储备到位率', '100%', '100%', ''],
    ['库存数量真实率', '100%', '100%', ''],
    [c('质量\n指标', 1, 3), '县级储备粮管理制度严格执行率', '100%', '100%', ''],
    ['储备粮管理专户管理率', '100%', '100%', ''],
    ['县级储备粮库存粮食明显变质比例', '0', '0', ''],
    [c('时效\n指标', 1, 2), '县级储备粮贷款付息及时率', '100%', '100%', ''],
    ['县级储备粮应急保障率', '100%', '100%', ''],
    [c('成本\n指标', 1, 2), '国家政策性粮收购价格执行率', '100%', '100%', ''],
    ['县级储备粮库存成本核算率', '100%', '100%', ''],
    [c('效\n益\n指\n标', 1, 5), c('经济\n效益\n指标', 1, 2), '利息费用保障率', '100%', '100%', ''],
    ['政策性挂账利息补贴保障率', '100%', '无', '没有轮换、动用库存'],
    [c('生态\n效益\n指标', 1, 2), '低温、低氧、低剂量科学保粮率', '100%', '100%', ''],
    ['食品安全指标达标率', '100%', '100%', ''],
    ['可持\n续影\n响指标', '粮食储备设备维护及安全性', '高', '高', ''],
    [c('满意\n度指\n标', 1, 2), c('服务\n对象\n满意\n度指\n标', 1, 2), '因粮食市场波动引起的粮食安全事件发生数', '0起', '0起', ''],
    ['市民满意度调查', '≥90%', '100%', ''],
    ['说明', c('无', 6)],
  ],
  after: ['注:1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自'],
};

/**
 * 安徽省宿州市萧县张庄寨镇人民政府, 2023, 河西村特色种养补贴到户项目 (a 衔接资金 project of 县农业农村局):
 * Anhui's 绩效目标自评表 with 项目负责人及电话 on the 项目名称 line, 分值 before the values, the 其中 line
 * carrying 分值 and 得分 as the total does, and `其中…` sub-rows under the starred (★) indicators —
 * the parts of a planted area or a herd, with a target and an actual and no points. 9 grid columns.
 * The published text drops empty cells: a 其中 row's empty 分值 is placed before its values; the
 * label rows the text shows with nothing after them (质量指标, 经济效益指标, 生态效益指标, 可持续影响指标)
 * are rows of their own, as the text has them. The stored text ends inside the 满意度 row (`满意…`): the
 * table stops at the last complete row.
 */
const anhuiXiaoxian: Form = {
  file: 'anhui-xiaoxian-zhangzhuangzhai-2023',
  before: ['绩效目标自评表', '(2023年度)'],
  rows: [
    ['项目名称', c('河西村特色种养补贴到户项目', 4), c('项目负责人及电话', 2), c('李宁0557-5788003', 2)],
    ['主管部门', c('县农业农村局', 4), c('实施单位', 2), c('张庄寨镇人民政府', 2)],
    [c('资金情况\n(万元)', 1, 4), c('', 3), '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
    [c('年度资金总额:', 3), '9.48', '9.48', '10', '100%', '10'],
    [c('其中:本年财政拨款', 3), '9.48', '9.48', '10', '100%', '10'],
    [c('其他资金', 3), '-', '-', '', '', ''],
    [c('年度总体目标', 1, 2), c('年初设定目标', 4), c('年度总体目标完成情况综述', 4)],
    [c('落实39户特色种养业奖补政策,增加脱贫户家庭收入', 4), c('落实39户特色种养业奖补政策,增加脱贫户家庭收入', 4)],
    [c('绩效指标', 1, 21), '一级\n指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'],
    [c('产\n出\n指\n标\n(50分)', 1, 14), c('数量指标', 1, 10), '★补助各类瓜果蔬菜种植面积', '20', '29.5亩', '29.5亩', '20', ''],
    ['其中桃树种植面积', '', '1.5亩', '1.5亩', '', ''],
    ['其中苹果树种植面积', '', '5亩', '5亩', '', ''],
    ['其中露天蔬菜', '', '20亩', '20亩', '', ''],
    ['其中大棚蔬菜', '', '3亩', '3亩', '', ''],
    ['★补助鱼塘面积', '10', '3亩', '3亩', '10', ''],
    ['其中鱼塘养殖面积', '', '3亩', '3亩', '', ''],
    ['★补助家畜家禽养殖数量', '10', '192只', '192只', '10', ''],
    ['其中羊养殖数量', '', '180只', '180只', '', ''],
    ['其中猪养殖数量', '', '12头', '12头', '', ''],
    [c('质量指标', 1, 4), '', '', '', '', '', ''],
    ['种植作物成活率', '5', '95%', '95%', '5', ''],
    ['养殖家畜家禽成活率', '5', '95%', '100%', '5', ''],
    ['……', '', '', '', '', ''],
    [c('效\n益\n指\n标\n(30分)', 1, 6), c('经济效益\n指标', 1, 2), '', '', '', '', '', ''],
    ['特色产业带动增加受益农户收入(总收入)', '20', '≥11.376万元', '12万元', '20', ''],
    ['社会效益\n指标', '受益人口数量', '10', '90人', '90人', '10', ''],
    ['生态效益\n指标', '', '', '', '', '', ''],
    [c('可持续影响指标', 1, 2), '', '', '', '', '', ''],
    ['……', '', '', '', '', ''],
  ],
};

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
const hubei: Form = {
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

const root = join(import.meta.dirname, '../../../fixtures/provinces');
mkdirSync(root, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jixiao-provinces-'));
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
// `npx tsx make-province-fixtures.ts <file> …` remakes only those forms (the others' bytes stay as they are)
const ALL = [sichuan, sichuanZhongjiang, yunnan, anhui, hunan, anhuiXiaoxian, hubei];
const only = process.argv.slice(2);
for (const f of only.length ? ALL.filter((x) => only.includes(x.file)) : ALL) {
  const htmlFile = join(work, `${f.file}.html`);
  writeFileSync(htmlFile, html(f));
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
  execFileSync('soffice', [profile, '--headless', '--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, htmlFile], {
    stdio: 'inherit',
  });
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${f.file}.docx`)], { stdio: 'inherit' });
  for (const ext of ['docx', 'xlsx', 'pdf']) renameSync(join(work, `${f.file}.${ext}`), join(root, `${f.file}.${ext}`));
  // the same table printed by a browser: another PDF writer (Skia), each cell boxed on its own, the
  // radicals of its CJK fonts mapped to the Kangxi block
  execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(root, `${f.file}.browser.pdf`)}`, `file://${htmlFile}`],
    { stdio: 'ignore' },
  );
}
console.log(`done; HTML kept in ${work}`);
