/**
 * Makes fixtures/goals/: goal forms (项目支出绩效目标申报表) in the national layout.
 *
 * - `<seed>.form-NN.goal.json`: the goals three seed projects declared, taken from their 自评表 targets
 *   in fixtures/golden (goalFormFromEvaluation) — real forms with the defects real goal forms have.
 * - `well-set.goal.docx/.xlsx`: the hand-written well-set form (`well-set.goal.json`) through our own
 *   exporter, as the application writes it.
 * - `fanghuiju-2021.goal.docx/.xlsx`: the same Xinjiang project's goals as another program writes the
 *   layout (an HTML table with merged cells, converted by LibreOffice), with a regional variant's
 *   labels (项目属性, 实施期限, 金额单位 above the table, a 度量单位 column, 权重 for 分值), so the
 *   recognizer is not only tested against our own writer.
 *
 * Needs `soffice`. Run: npx tsx packages/office/scripts/make-goal-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluation, GoalForm, goalFormFromEvaluation } from '@jixiao/core';
import { renderGoalForm } from '../src/index.ts';

const root = join(import.meta.dirname, '../../../fixtures');
const out = join(root, 'goals');

for (const name of ['hebei-dachang-zhengfawei-2023.form-11', 'ningxia-yanchi-xianweiban-2022.form-01', 'xinjiang-changji-zhengfawei-2021.form-02']) {
  const ev = Evaluation.parse(JSON.parse(readFileSync(join(root, 'golden', `${name}.json`), 'utf8')));
  // the goal form keeps no provenance of the 自评表 it came from: it is a new document
  const goal = JSON.parse(JSON.stringify(goalFormFromEvaluation(ev), (k, v) => (k === 'src' ? undefined : v)));
  writeFileSync(join(out, `${name}.goal.json`), JSON.stringify(GoalForm.parse(goal), null, 2) + '\n');
}

const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(out, 'well-set.goal.json'), 'utf8')));
for (const ext of ['docx', 'xlsx'] as const) writeFileSync(join(out, `well-set.goal.${ext}`), await renderGoalForm(wellSet, ext));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
const td = (text: string, attrs = '') => `<td${attrs} sdnum="2052;0;@">${esc(text)}</td>`;

/** The Xinjiang 访惠聚 project's goals: its 2021 自评表 targets, split into value and 度量单位 as this variant prints them. */
const fhj = JSON.parse(readFileSync(join(out, 'xinjiang-changji-zhengfawei-2021.form-02.goal.json'), 'utf8')) as GoalForm;
const split = (t: string): [string, string] => {
  const m = /^([<>=≥≤＝]*\s*[\d.]+)(.*)$/.exec(t.trim());
  return m ? [m[1]!, m[2]!] : [t, ''];
};
const rows: string[] = [];
const inds = fhj.indicators;
inds.forEach((ind, i) => {
  const cells: string[] = [];
  const first1 = i === 0 || inds[i - 1]!.level1 !== ind.level1;
  if (first1) cells.push(td(ind.level1, ` rowspan="${inds.filter((x) => x.level1 === ind.level1).length}"`));
  const first2 = first1 || inds[i - 1]!.level2.raw !== ind.level2.raw;
  if (first2) {
    let n = 1;
    while (i + n < inds.length && inds[i + n]!.level1 === ind.level1 && inds[i + n]!.level2.raw === ind.level2.raw) n++;
    cells.push(td(ind.level2.raw, n > 1 ? ` rowspan="${n}"` : ''));
  }
  const [v, u] = split(ind.target.raw);
  cells.push(td(ind.name.raw), td(v), td(u), td(ind.points?.raw ?? ''));
  rows.push(`<tr>${cells.join('')}</tr>`);
});
const m = fhj.money;
const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>项目支出绩效目标申报表</p>
<p>（2021年度）</p>
<p>金额单位：万元</p>
<table border="1">
<tr>${td('项目名称', ' colspan="2"')}${td(fhj.project.name.raw, ' colspan="5"')}</tr>
<tr>${td('主管部门', ' colspan="2"')}${td('中共昌吉州委政法委员会', ' colspan="2"')}${td('实施单位')}${td(fhj.project.implementer?.name.raw ?? '中共昌吉州委政法委员会', ' colspan="2"')}</tr>
<tr>${td('项目属性', ' colspan="2"')}${td('经常性', ' colspan="2"')}${td('实施期限')}${td('2021年1月—2021年12月', ' colspan="2"')}</tr>
<tr>${td('项目资金', ' colspan="2" rowspan="4"')}${td('年度资金总额', ' colspan="2"')}${td(m.annual?.raw ?? '', ' colspan="3"')}</tr>
<tr>${td('其中：财政拨款', ' colspan="2"')}${td(m.fiscal?.raw ?? '', ' colspan="3"')}</tr>
<tr>${td('上年结转', ' colspan="2"')}${td(m.carryover?.raw ?? '', ' colspan="3"')}</tr>
<tr>${td('其他资金', ' colspan="2"')}${td(m.other?.raw ?? '', ' colspan="3"')}</tr>
<tr>${td('年度目标', ' colspan="2"')}${td(fhj.goals.annual?.raw ?? '', ' colspan="5"')}</tr>
<tr>${td('绩效指标', ` rowspan="${inds.length + 1}"`)}${td('一级指标')}${td('二级指标')}${td('三级指标')}${td('指标值')}${td('度量单位')}${td('权重')}</tr>
${rows.join('\n')}
</table>
<p>填表人：李某    联系电话：0994-0000000</p>
</body></html>`;

const work = mkdtempSync(join(tmpdir(), 'jixiao-goal-fixtures-'));
const htmlFile = join(work, 'fanghuiju-2021.goal.html');
writeFileSync(htmlFile, html);
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile], { stdio: 'inherit' });
execFileSync('soffice', [profile, '--headless', '--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, htmlFile], {
  stdio: 'inherit',
});
for (const ext of ['docx', 'xlsx']) renameSync(join(work, `fanghuiju-2021.goal.${ext}`), join(out, `fanghuiju-2021.goal.${ext}`));
console.log(`done; HTML kept in ${work}`);
