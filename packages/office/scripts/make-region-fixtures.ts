/**
 * Makes fixtures/regions/*.docx and *.xlsx: forms laid out the way units outside the four seed regions
 * lay them out, reproducing each misreading reported in issue 21 (see fixtures/regions/README.md).
 * Each form is written here as an HTML table — with the row and column spans the real layouts use —
 * and LibreOffice converts it, as packages/office/scripts/make-office-fixtures.ts does for the seeds.
 * The results are committed; packages/office/test/region-import.test.ts imports them.
 * Needs `soffice`. Run: npx tsx packages/office/scripts/make-region-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(import.meta.dirname, '../../../fixtures/regions');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/** A cell: text, or [text, colspan, rowspan]. */
type C = string | [string, number, number?];
const td = (c: C) => {
  const [text, cs, rs] = typeof c === 'string' ? [c, 1, 1] : [c[0], c[1], c[2] ?? 1];
  // sdnum …;@ : the text format, so that Calc keeps `100.00` and `96%` as written
  return `<td${cs > 1 ? ` colspan="${cs}"` : ''}${rs > 1 ? ` rowspan="${rs}"` : ''} sdnum="2052;0;@">${esc(text)}</td>`;
};
const table = (rows: C[][]) => `<table border="1">\n${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}\n</table>`;
const p = (t: string) => `<p>${esc(t)}</p>`;
const doc = (parts: string[]) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${parts.join('\n')}\n</body></html>`;

const forms: Record<string, string> = {
  // The budget block without 年初预算数, whose 分值 stands between 执行数 and 执行率, and a 实际完成指标值（B）
  // column; the second form puts 分值 before the values, its budget points on the 本年财政拨款 line, a
  // header over two rows and a column nobody recognises (佐证材料).
  'budget-letters': doc([
    p('项目支出绩效自评表'),
    p('（2023年度）'),
    table([
      ['项目名称', ['乡村道路养护补助', 7]],
      ['主管部门', ['某县交通运输局', 3], '实施单位', ['某县公路养护中心', 3]],
      [['项目资金（万元）', 1, 4], '', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
      ['年度资金总额', '45', '43.2', '10', '96%', '9.6'],
      ['其中：本年财政拨款', '45', '43.2', '—', '—', '—'],
      ['上年结转资金', '0', '0', '—', '—', '—'],
      [['年度总体目标', 1, 2], ['预期目标', 4], ['实际完成情况', 3]],
      [['完成乡村道路日常养护120公里', 4], ['完成乡村道路日常养护126公里', 3]],
      ['一级指标', '二级指标', '三级指标', '年度指标值（A）', '实际完成指标值（B）', '分值', '得分', '偏差原因分析及改进措施'],
      [['产出指标', 1, 4], '数量指标', '日常养护里程', '≥120公里', '126公里', '20', '20', ''],
      ['质量指标', '养护路段优良率', '≥85%', '88%', '15', '15', ''],
      ['时效指标', '养护任务完成时间', '12月31日前', '12月20日', '10', '10', ''],
      ['成本指标', '每公里养护成本', '≤0.36万元', '0.34万元', '5', '5', ''],
      [['效益指标', 1, 2], '社会效益指标', '群众出行条件', '明显改善', '明显改善', '15', '15', ''],
      ['可持续影响指标', '道路使用年限延长', '≥2年', '2年', '15', '15', ''],
      ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '93%', '10', '10', ''],
      [['总分', 5], '100', '99.6', ''],
    ]),
    p('项目支出绩效自评表'),
    p('（2023年度）'),
    table([
      ['项目名称', ['农村饮水安全维修养护', 8]],
      ['主管部门', ['某县水利局', 3], '实施单位', ['某县农村供水站', 4]],
      [['项目资金（万元）', 1, 3], '', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分', ''],
      ['年度资金总额', '80', '80', '72', '90%', '—', '—', ''],
      ['其中：本年财政拨款', '80', '80', '72', '90%', '10', '9', ''],
      [['一级指标', 1, 2], ['二级指标', 1, 2], ['三级指标', 1, 2], ['权重（%）', 1, 2], ['指标值', 2], ['得分', 1, 2], ['佐证材料', 1, 2], ['未完成原因', 1, 2]],
      ['预期指标值', '实际完成值'],
      [['产出指标', 1, 3], '数量指标', '维修供水工程处数', '30', '=12处', '12处', '30', '维修台账', ''],
      ['质量指标', '维修工程验收合格率', '20', '≥95%', '96%', '20', '验收单', ''],
      ['时效指标', '维修完成时限', '10', '≤30天', '28天', '10', '', ''],
      ['效益指标', '社会效益指标', '受益人口', '20', '≥5000人', '4500人', '18', '', '部分工程延期'],
      ['满意度指标', '服务对象满意度指标', '受益群众满意度', '10', '≥90%', '92%', '10', '问卷', ''],
      [['总分', 3], '100', '', '', '97', '', ''],
    ]),
  ]),

  // A 转移支付 form naming its project 专项名称, its money split by level of government, headings that
  // declare their points (效益 20 and 满意度 20, not the national 30 and 10), numbered names and a 其中 sub-row.
  'transfer-zhuanxiang': doc([
    p('中央对地方转移支付项目绩效自评表'),
    p('（2022年度）'),
    table([
      ['专项名称', ['农业生产发展资金', 7]],
      ['主管部门', ['某县农业农村局', 3], '实施单位', ['某县农业技术推广站', 3]],
      [['资金情况（万元）', 1, 5], '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '300', '320', '304', '10', '95%', '9.5'],
      ['其中：中央财政资金', '260', '280', '266', '—', '—', '—'],
      ['省级资金', '40', '40', '38', '—', '—', '—'],
      ['其他资金', '0', '0', '0', '—', '—', '—'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '分值', '得分', '偏差原因分析及改进措施'],
      [['产出指标（50分）', 1, 4], ['数量指标', 1, 2], '指标1：耕地地力保护补贴面积', '≥12万亩', '12.3万亩', '25', '25', ''],
      ['其中：新增高标准农田', '≥2万亩', '2.1万亩', '', '', ''],
      ['质量指标', '指标2：补贴资金兑付准确率', '=100%', '100%', '15', '15', ''],
      ['时效指标', '指标3：资金下达及时率', '≥95%', '90%', '10', '9.47', '个别乡镇兑付延迟'],
      [['效益指标（20分）', 1, 2], '经济效益指标', '指标1：农户亩均增收', '≥50元', '52元', '10', '10', ''],
      ['社会效益指标', '指标2：项目资金结转结余率', '5%', '3%', '10', '10', ''],
      ['满意度指标（20分）', '服务对象满意度指标', '指标1：受益农户满意度', '≥90%', '94%', '20', '20', ''],
      [['总分', 5], '100', '98.97', ''],
    ]),
  ]),

  // 衔接资金 forms as a flat list: no 一级/二级 columns, headings in rows of their own, 指标性质 saying the
  // direction, 得分系数｜指标权重｜指标得分; two forms in one file (and, in the workbook, one sheet).
  'flat-list': doc([
    p('衔接资金项目绩效自评表'),
    p('（2023年度）'),
    table([
      ['项目名称', ['脱贫村产业路硬化', 8]],
      ['主管部门', ['某县乡村振兴局', 3], '实施单位', ['某镇人民政府', 4]],
      ['指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数', '指标权重', '指标得分'],
      [['产出指标（70分）', 9]],
      ['新建产业路里程', '公里', '正向', '8', '', '8.5', '1', '30', '30'],
      ['其中：硬化路面宽度4.5米路段', '公里', '正向', '5', '', '5.2', '', '', ''],
      ['工程验收合格率', '%', '正向', '100', '', '100', '1', '20', '20'],
      ['项目资金结转结余率', '%', '反向', '5', '', '8', '0.625', '20', '12.5'],
      [['效益指标（20分）', 9]],
      ['受益脱贫人口', '人', '正向', '600', '', '640', '1', '20', '20'],
      [['满意度指标（10分）', 9]],
      ['受益群众满意度', '%', '正向', '90', '', '95', '1', '10', '10'],
    ]),
    p('衔接资金项目绩效自评表'),
    p('（2023年度）'),
    table([
      ['项目名称', ['小额信贷贴息', 8]],
      ['主管部门', ['某县乡村振兴局', 3], '实施单位', ['某县农村商业银行', 4]],
      ['指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数', '指标权重', '指标得分'],
      [['产出指标（70分）', 9]],
      ['贴息贷款户数', '户', '正向', '200', '180', '185', '1', '40', '40'],
      ['贷款逾期率', '%', '反向', '2', '', '1.5', '1', '30', '30'],
      [['效益指标（20分）', 9]],
      ['户均增收', '元', '正向', '3000', '', '2700', '0.9', '20', '18'],
      [['满意度指标（10分）', 9]],
      ['贷款户满意度', '%', '正向', '90', '', '96', '1', '10', '10'],
    ]),
  ]),
};

// The indicator header over two rows the other way round: the upper row names groups (绩效指标 over
// 一级｜二级｜三级, 指标值 over 年度指标值｜实际完成值) and holds 分值, 得分 and 偏差原因 spanning both rows.
forms['header-upper-groups'] = doc([
  p('项目支出绩效自评表'),
  p('（2022年度）'),
  table([
    ['项目名称', ['城乡居民基本医疗保险补助', 7]],
    ['主管部门', ['某县医疗保障局', 3], '实施单位', ['某县医疗保障服务中心', 3]],
    [['项目资金（万元）', 1, 3], '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', '1200', '1250', '1250', '10', '100%', '10'],
    ['其中：本年财政拨款', '1200', '1250', '1250', '—', '—', '—'],
    [['绩效指标', 3], ['指标值', 2], ['分值', 1, 2], ['得分', 1, 2], ['偏差原因分析及改进措施', 1, 2]],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
    [['产出指标', 1, 2], '数量指标', '参保人数', '≥9.5万人', '9.62万人', '30', '30', ''],
    ['质量指标', '政策范围内住院费用报销比例', '≥70%', '68%', '20', '19.43', '高额费用病例增加'],
    ['效益指标', '社会效益指标', '医疗费用超支率', '3%', '2.1%', '30', '30', ''],
    ['满意度指标', '服务对象满意度指标', '参保群众满意度', '≥90%', '95%', '10', '10', ''],
    [['总分', 5], '100', '99.43', ''],
  ]),
]);

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'jixiao-regions-'));
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
for (const [base, html] of Object.entries(forms)) {
  const htmlFile = join(work, `${base}.html`);
  writeFileSync(htmlFile, html);
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
  execFileSync('soffice', [profile, '--headless', '--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
  renameSync(join(work, `${base}.docx`), join(out, `${base}.docx`));
  renameSync(join(work, `${base}.xlsx`), join(out, `${base}.xlsx`));
}
console.log(`done; HTML kept in ${work}`);
