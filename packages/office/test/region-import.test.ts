/**
 * Issue 21: forms laid out by other regions' rules (fixtures/regions, made by
 * packages/office/scripts/make-region-fixtures.ts; README there names what each reproduces) import
 * with every figure in its place — or left empty and reported, never taken from a neighbour — and
 * the preview report says which column got which role, what the form declares and what was not placed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditForm, getScheme, scoreEvaluation, type Evaluation } from '@jixiao/core';
import { importFile, importText } from '../src/index.ts';
import { budgetRole, headerKey, indicatorRole } from '../src/recognize/columns.ts';
import { budgetLineLabel, identityLabel } from '../src/recognize/labels.ts';

const dir = join(import.meta.dirname, '../../../fixtures/regions');
const total = (ev: Evaluation) => ev.budget.lines.find((l) => l.kind === 'total')!;
const scored = (ev: Evaluation) => scoreEvaluation(ev, getScheme(ev.schemeId));

describe('row labels of transfer-payment forms (item 2)', () => {
  it.each([
    ['其中：中央财政资金', 'fiscal'],
    ['中央、省、市补助县级资金', 'fiscal'],
    // Chongqing's 中央、市级专项转移支付 form: the 补助 without the word 资金, then the county's own money
    ['其中：中央、市级补助', 'fiscal'],
    ['县级资金', 'fiscal'],
    ['其他资金', 'other'],
    ['年度资金总额：', 'total'],
    ['县级补助说明', null],
  ])('budget line %s → %s', (label, kind) => expect(budgetLineLabel(label)).toBe(kind));

  it.each(['项目名称', '专项名称', '专项资金名称', '项目（专项）名称', '专项（项目）名称'])('%s names the project', (label) =>
    expect(identityLabel(label)).toBe('name'),
  );

  it('money written in 元 is kept in 万元, its text as well as its figure (what the editor shows under 万元)', async () => {
    const r = await importFile(join(import.meta.dirname, '../../../fixtures/provinces/shanghai-putuo-tiyuzhongxin-2022.xlsx'));
    const total = r.evaluations[0]!.budget.lines.find((l) => l.kind === 'total')!;
    expect([total.initial, total.adjusted, total.executed].map((f) => [f?.raw, f?.value])).toEqual([
      ['25', '25'],
      ['25', '25'],
      ['21.54576', '21.54576'],
    ]);
    expect(r.notes.find((n) => n.code === 'IMPORT.MONEY_IN_YUAN')?.message).toContain('1 万元 = 10000 元');
  });

  it('the 得分计算方法 column of a budget block is recognised and its text not reported as unread (北京 海淀)', async () => {
    const r = await importFile(join(import.meta.dirname, '../../../fixtures/provinces/beijing-haidian-xueyuanlu-2016.docx'));
    const budget = r.reports[0]!.tables.find((t) => t.kind === 'budget')!;
    expect(budget.columns.find((c) => c.header === '得分计算方法')).toMatchObject({ role: 'method', meaning: '得分计算方法（已识别，不单独保存）' });
    expect(r.reports[0]!.unplaced.map((u) => u.text)).not.toContain('执行率*该指标分值,最高不得超过分值上限。');
    // the figures beside it are where they were
    const total = r.evaluations[0]!.budget.lines.find((l) => l.kind === 'total')!;
    expect([total.initial?.value, total.executed?.value, total.points?.value, total.rate?.value, total.score?.value]).toEqual([
      '310.2',
      '154.74',
      '10',
      '50',
      '5',
    ]);
  });

  it('of the 主管部门 of each level (市级, then 县级), the nearest the unit is its department', async () => {
    const r = await importFile(join(import.meta.dirname, '../../../fixtures/provinces/chongqing-zhongxian-tujingxiang-2021.docx'));
    expect(r.evaluations[0]!.project.department?.name.raw).toBe('忠县水利局');
    expect(['市级主管部门', '县级主管部门', '中央主管部门', '主管部门及代码', '业务主管'].map(identityLabel)).toEqual([
      'department',
      'department',
      'department',
      'department',
      null,
    ]);
  });
});

describe('header cells → roles by meaning (item 1)', () => {
  it.each([
    ['预期指标值', 'target'],
    ['年度指标值（A）', 'target'],
    ['年初指标值', 'target'],
    ['指标值', 'target'],
    ['调整指标值', 'targetAdjusted'],
    ['实际完成值', 'actual'],
    ['实际完成指标值（B）', 'actual'],
    ['全年实际值(B)', 'actual'],
    ['全年完成值', 'actual'],
    ['完成值', 'actual'],
    ['分值', 'points'],
    ['权重（%）', 'points'],
    ['指标权重', 'points'],
    ['得分系数', 'coefficient'],
    ['指标得分', 'score'],
    ['未完成原因', 'deviation'],
    ['偏差原因分析及改进措施', 'deviation'],
    ['得分计算方法', 'method'],
    ['是否核心指标', 'core'],
    ['计量单位', 'unit'],
    ['指标性质', 'nature'],
    ['指标名称', 'name'],
    ['三级 指标', 'name'],
  ])('%s → %s', (header, role) => expect(indicatorRole(header)).toBe(role));

  it('budget headers lose their letters: 全年预算数（A）｜全年执行数（B）｜分值｜执行率（B/A）｜得分', () => {
    expect(['全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分', '年初预算数'].map(budgetRole)).toEqual([
      'adjusted',
      'executed',
      'points',
      'rate',
      'score',
      'initial',
    ]);
    expect(headerKey('执行率（B/A×100%）')).toBe('执行率');
  });

  it('a header that means nothing known gets no role', () => {
    expect(indicatorRole('佐证材料')).toBeNull();
    expect(budgetRole('备注')).toBeNull();
  });
});

describe.each(['docx', 'xlsx'])('fixtures/regions/*.%s', (ext) => {
  it('budget-letters: 分值 between 执行数 and 执行率 is not taken for the 执行数; 实际完成指标值（B） is read', async () => {
    const r = await importFile(join(dir, `budget-letters.${ext}`));
    expect(r.evaluations).toHaveLength(2);
    const [a, b] = r.evaluations as [Evaluation, Evaluation];
    const t = total(a);
    expect([t.initial, t.adjusted?.value, t.executed?.value, t.points?.value, t.rate?.raw, t.score?.value]).toEqual([
      undefined,
      '45',
      '43.2',
      '10',
      '96%',
      '9.6',
    ]);
    expect(a.indicators.map((i) => i.actual.raw)).toEqual(['126公里', '88%', '12月20日', '0.34万元', '明显改善', '2年', '93%']);
    const s = scored(a);
    expect(s.budget.ratePercent).toBe('96.00');
    expect(s.total).toBe('99.60');
    expect(a.claimed.total?.value).toBe('99.6');
    const budgetCols = r.reports[0]!.tables.find((x) => x.kind === 'budget')!.columns;
    expect(budgetCols.map((c) => [c.header, c.role])).toEqual([
      ['全年预算数（A）', 'adjusted'],
      ['全年执行数（B）', 'executed'],
      ['分值', 'points'],
      ['执行率（B/A）', 'rate'],
      ['得分', 'score'],
    ]);
    expect(r.reports[0]!.unplaced).toEqual([]);

    // 分值 before the values, a header over two rows, the budget's 分值/得分 on the 本年财政拨款 line
    expect(b.indicators.map((i) => [i.points.value, i.target.raw, i.actual.raw, i.claimedScore.value])).toEqual([
      ['30', '=12处', '12处', '30'],
      ['20', '≥95%', '96%', '20'],
      ['10', '≤30天', '28天', '10'],
      ['20', '≥5000人', '4500人', '18'],
      ['10', '≥90%', '92%', '10'],
    ]);
    expect(b.indicators[3]!.deviation?.raw).toBe('部分工程延期');
    expect([total(b).points?.value, total(b).score?.value]).toEqual(['10', '9']);
    expect(r.reports[1]!.notes.filter((n) => n.code === 'IMPORT.BUDGET_MOVED')).toHaveLength(2);
    expect(scored(b).total).toBe('97.00');
    // 佐证材料 has no role: reported with its header and cell, and its cells listed as not placed
    const cols = r.reports[1]!.tables.find((x) => x.kind === 'indicators')!.columns;
    const unknown = cols.find((c) => c.header === '佐证材料')!;
    expect(unknown.role).toBeNull();
    expect(unknown.src.row).toBeTypeOf('number');
    expect(r.reports[1]!.unplaced.map((u) => u.text)).toEqual(['维修台账', '验收单', '问卷']);
    expect(r.reports[1]!.unplaced.every((u) => u.src.col !== undefined)).toBe(true);
  });

  it('transfer-zhuanxiang: 专项名称, money by level of government, 指标1： kept, 其中 row a child, declared weights reported', async () => {
    const r = await importFile(join(dir, `transfer-zhuanxiang.${ext}`));
    expect(r.evaluations).toHaveLength(1);
    const ev = r.evaluations[0]!;
    expect(ev.project.name.raw).toBe('农业生产发展资金');
    expect(ev.budget.lines.map((l) => [l.kind, l.adjusted?.value, l.executed?.value])).toEqual([
      ['total', '320', '304'],
      ['fiscal', '280', '266'],
      ['fiscal', '40', '38'],
      ['other', '0', '0'],
    ]);
    expect(ev.indicators.map((i) => i.name.raw)).toEqual([
      '指标1：耕地地力保护补贴面积',
      '指标2：补贴资金兑付准确率',
      '指标3：资金下达及时率',
      '指标1：农户亩均增收',
      '指标2：项目资金结转结余率',
      '指标1：受益农户满意度',
    ]);
    expect(ev.indicators[0]!.children).toEqual([
      expect.objectContaining({
        name: expect.objectContaining({ raw: '其中：新增高标准农田' }),
        target: expect.objectContaining({ raw: '≥2万亩' }),
        actual: expect.objectContaining({ raw: '2.1万亩' }),
      }),
    ]);
    const s = scored(ev);
    // the 其中 row is not scored: six indicators, six scores
    expect(s.indicators).toHaveLength(6);
    expect(s.indicators.map((x) => x.score)).toEqual(['25.00', '15.00', '9.47', '10.00', '10.00', '20.00']);
    // item 5: 结转结余率 written without a symbol is better lower
    expect(s.indicators[4]).toMatchObject({ rule: 'R4.reverse', direction: '<=' });
    expect(s.total).toBe('98.97');
    const differ = r.reports[0]!.declaredWeights.filter((w) => w.differs).map((w) => [w.level1, w.declared, w.scheme]);
    expect(differ).toEqual([
      ['效益指标', '20', '30'],
      ['满意度指标', '20', '10'],
    ]);
    expect(r.reports[0]!.notes.filter((n) => n.code === 'IMPORT.DECLARED_WEIGHTS')).toHaveLength(2);
    expect(r.reports[0]!.unplaced).toEqual([]);
  });

  it('flat-list: two forms in one file, headings as groups, 指标性质 as direction, 调整指标值 counts', async () => {
    const r = await importFile(join(dir, `flat-list.${ext}`));
    expect(r.evaluations.map((e) => e.project.name.raw)).toEqual(['脱贫村产业路硬化', '小额信贷贴息']);
    // in the workbook both forms stand on one sheet
    if (ext === 'xlsx') expect(r.evaluations.map((e) => e.project.name.src?.table)).toEqual([1, 1]);
    const [a, b] = r.evaluations as [Evaluation, Evaluation];
    expect(a.layout).toBe('flat');
    expect(a.groups.map((g) => [g.name, g.declaredPoints])).toEqual([
      ['产出指标', '70'],
      ['效益指标', '20'],
      ['满意度指标', '10'],
    ]);
    expect(a.indicators.map((i) => [i.level1, i.name.raw, i.target.raw, i.actual.raw, i.points.value, i.claimedScore.value])).toEqual([
      ['产出指标', '新建产业路里程', '≥8', '8.5', '30', '30'],
      ['产出指标', '工程验收合格率', '≥100', '100', '20', '20'],
      ['产出指标', '项目资金结转结余率', '≤5', '8', '20', '12.5'],
      ['效益指标', '受益脱贫人口', '≥600', '640', '20', '20'],
      ['满意度指标', '受益群众满意度', '≥90', '95', '10', '10'],
    ]);
    // the symbol came from the 指标性质 cell, and a note says so, pointing at that cell
    const fromNature = r.reports[0]!.notes.filter((n) => n.code === 'IMPORT.DIRECTION_FROM_NATURE');
    expect(fromNature).toHaveLength(5);
    expect(fromNature[2]!.message).toContain('反向');
    expect(fromNature[2]!.src?.row).toBe(a.indicators[2]!.src?.row);
    // 调整指标值 present: the layout that prints it, so that an export keeps it
    expect(b.layout).toBe('yunzhou');
    expect(a.indicators[0]!.children?.map((c) => c.name.raw)).toEqual(['其中：硬化路面宽度4.5米路段']);
    expect(scored(a).indicators.map((x) => x.score)).toEqual(['30.00', '20.00', '12.50', '20.00', '10.00']);
    expect(b.indicators[0]!.targetAdjusted?.raw).toBe('180');
    expect(scored(b).indicators.map((x) => x.score)).toEqual(['40.00', '30.00', '18.00', '10.00']);
    const cols = r.reports[0]!.tables[0]!.columns;
    expect(cols.map((c) => c.role)).toEqual(['name', 'unit', 'nature', 'target', 'targetAdjusted', 'actual', 'coefficient', 'points', 'score']);
    expect(r.reports[0]!.declaredWeights.filter((w) => w.differs).map((w) => w.level1)).toEqual(['产出指标', '效益指标']);
    expect(r.reports.flatMap((x) => x.unplaced)).toEqual([]);
  });
});

describe.each(['docx', 'xlsx'])('fixtures/regions/header-upper-groups.%s', (ext) => {
  it('an upper header row of groups over 一级｜二级｜三级 and 年度｜实际, with 分值/得分 spanning both rows: read by column', async () => {
    const r = await importFile(join(dir, `header-upper-groups.${ext}`));
    const ev = r.evaluations[0]!;
    expect(ev.indicators.map((i) => [i.name.raw, i.target.raw, i.actual.raw, i.points.value, i.claimedScore.value, i.deviation?.raw ?? ''])).toEqual([
      ['参保人数', '≥9.5万人', '9.62万人', '30', '30', ''],
      ['政策范围内住院费用报销比例', '≥70%', '68%', '20', '19.43', '高额费用病例增加'],
      ['医疗费用超支率', '3%', '2.1%', '30', '30', ''],
      ['参保群众满意度', '≥90%', '95%', '10', '10', ''],
    ]);
    // placed by the header's columns, not by reading the rows' content
    expect(r.notes.filter((n) => n.code === 'IMPORT.ROW_SHIFTED')).toEqual([]);
    const s = scored(ev);
    expect(s.indicators[2]).toMatchObject({ rule: 'R4.reverse', score: '30.00' });
    expect(s.total).toBe('99.43');
    const cols = r.reports[0]!.tables.find((t) => t.kind === 'indicators')!.columns;
    expect(cols.filter((c) => c.role === null).map((c) => [c.header, c.meaning])).toEqual([
      ['绩效指标', expect.stringContaining('上层表头')],
      ['指标值', expect.stringContaining('上层表头')],
    ]);
    expect(r.reports[0]!.unplaced).toEqual([]);
  });

  it('a budget header over two rows (执行情况 over 全年执行数｜执行率): each figure under its own column', async () => {
    const r = await importFile(join(dir, `header-upper-groups.${ext}`));
    const ev = r.evaluations[1]!;
    const t = total(ev);
    expect([t.initial?.value, t.adjusted?.value, t.executed?.value, t.rate?.raw, t.points?.value, t.score?.value]).toEqual([
      '300',
      '300',
      '276',
      '92%',
      '10',
      '9.2',
    ]);
    expect(scored(ev).total).toBe('99.20');
    expect(r.reports[1]!.tables.find((x) => x.kind === 'budget')!.columns.map((c) => c.role)).toEqual([
      'initial',
      'adjusted',
      'executed',
      'rate',
      'points',
      'score',
      null,
    ]);
  });
});

describe('a budget header over two rows where the file records no spans', () => {
  it('the figures from the group label on are not read, and a note says so', () => {
    const text = [
      '项目名称\t测试项目',
      '项目资金\t\t年初预算数\t全年预算数\t执行情况\t分值\t得分',
      '\t\t\t\t全年执行数\t执行率\t\t',
      '\t年度资金总额\t300\t300\t276\t92%\t10\t9.2',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
      '产出指标\t数量指标\t救助人次\t≥4000人次\t4100人次\t90\t90',
      '总分\t\t\t\t\t100\t99.2',
    ].join('\n');
    const r = importText(text, 'budget-two-rows.txt');
    const t = total(r.evaluations[0]!);
    expect([t.initial?.value, t.adjusted?.value, t.executed, t.rate, t.points, t.score]).toEqual(['300', '300', undefined, undefined, undefined, undefined]);
    expect(r.notes.map((n) => n.code)).toContain('IMPORT.BUDGET_HEADER_UNCERTAIN');
    expect(r.reports[0]!.unplaced.map((u) => u.text)).toEqual(['276', '92%', '10', '9.2']);
  });
});

describe('Beijing 2016: 年初预算数（A） is the only budget column (issue 21)', () => {
  const form = (budgetHeader: string, goals: string) =>
    [
      '项目名称\t测试项目',
      `项目资金（万元）\t\t${budgetHeader}`,
      '\t年度资金总额:\t310.2\t154.74\t10\t50%\t5',
      '\t其中:本年一般公共预算拨款\t310.2\t154.74\t\t\t',
      goals,
      '一级指标\t二级指标\t三级指标\t分值\t年度指标值(A)\t全年实际值(B)\t得分',
      '产出指标(50分)\t数量指标\t是否完成申报的数量\t12.5\t12.5\t12.5\t12.5',
    ].join('\n');
  const bare = '年度总体目标\t规范专项资金的使用，实现科学管理\t按照年初设定目标，将20条道路的保洁进行了外包';

  it('`分值（10分）` is 分值 (the weight in the header is a decoration); 本年一般公共预算拨款 is the year’s appropriation', () => {
    expect(['分值（10分）', '分值(10分)', '得分(2.5分)'].map(budgetRole)).toEqual(['points', 'points', 'score']);
    expect(['其中:本年一般公共预算拨款', '一般公共预算拨款', '本年财政拨款', '拨款'].map(budgetLineLabel)).toEqual(['current', 'current', 'current', null]);
  });

  it('the figure stays 年初预算数, 全年预算数 stays empty, and a note names the column the rate is measured against (R3)', () => {
    const r = importText(form('年初预算数(A)\t全年执行数(B)\t分值(10分)\t执行率(B/A)\t得分', bare), 'beijing.txt');
    const ev = r.evaluations[0]!;
    const t = total(ev);
    expect([t.initial?.value, t.adjusted, t.executed?.value, t.points?.value, t.rate?.value, t.score?.value]).toEqual([
      '310.2',
      undefined,
      '154.74',
      '10',
      '50',
      '5',
    ]);
    expect(ev.budget.lines.map((l) => l.kind)).toEqual(['total', 'current']);
    const note = r.notes.find((n) => n.code === 'IMPORT.RATE_BASE_INITIAL')!;
    expect(note.message).toContain('执行率以“年初预算数(A)”列为基数');
    expect(note.src?.col).toBeTypeOf('number');
    // the scorer measures against it, and says so: 154.74 ÷ 310.2 = 49.88 %, not the form's rounded 50 %
    const s = scored(ev);
    expect([s.budget.budgetField, s.budget.ratePercent, s.budget.score]).toEqual(['initial', '49.88', '4.99']);
    expect(s.budget.explanation).toContain('年初预算数 310.2');
    // and the audit's A3.RATE names it too: the form's 50 % is 0.12 points off the rate it states the figures of
    const rate = auditForm(ev).findings.find((f) => f.code === 'A3.RATE')!;
    expect(rate.message).toContain('÷ 年初预算数 310.2 计算应为 49.88%');
  });

  it('no note where the block has its 全年预算数', () => {
    const r = importText(
      form('年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分', bare).replace('310.2\t154.74\t10', '310.2\t310.2\t154.74\t10'),
      'national.txt',
    );
    expect(r.notes.map((n) => n.code)).not.toContain('IMPORT.RATE_BASE_INITIAL');
  });

  it('年度总体目标 with its two texts and no 预期目标/实际完成情况 labels: read in the national order, with a note', () => {
    const r = importText(form('年初预算数(A)\t全年执行数(B)\t分值(10分)\t执行率(B/A)\t得分', bare), 'beijing.txt');
    const g = r.evaluations[0]!.goals;
    expect([g.expected?.raw, g.achieved?.raw]).toEqual(['规范专项资金的使用，实现科学管理', '按照年初设定目标，将20条道路的保洁进行了外包']);
    expect(r.notes.map((n) => n.code)).toContain('IMPORT.GOALS_NO_LABELS');
    const labelled = importText(
      form('年初预算数(A)\t全年执行数(B)\t分值(10分)\t执行率(B/A)\t得分', '年度总体目标\t预期目标\t实际完成情况\n\t规范使用\t已外包'),
      'labelled.txt',
    );
    expect(labelled.evaluations[0]!.goals.expected?.raw).toBe('规范使用');
    expect(labelled.notes.map((n) => n.code)).not.toContain('IMPORT.GOALS_NO_LABELS');
  });

  it('年初设定目标 over 年度总体目标完成情况综述 (安徽, 四川, 湖南) are labels: the texts are the row under them', () => {
    for (const achieved of ['年度总体目标完成情况综述', '全年实际完成情况']) {
      const r = importText(
        form('年初预算数(A)\t全年执行数(B)\t分值(10分)\t执行率(B/A)\t得分', `年度总体目标\t年初设定目标\t${achieved}\n\t规范使用\t已外包`),
        'set.txt',
      );
      const g = r.evaluations[0]!.goals;
      expect([g.expected?.raw, g.achieved?.raw]).toEqual(['规范使用', '已外包']);
      expect(r.notes.map((n) => n.code)).not.toContain('IMPORT.GOALS_NO_LABELS');
    }
  });
});

describe('an unknown budget column before the known ones', () => {
  it('keeps its slot: the figures after it stay under their own headers, its own figure is reported', () => {
    const text = [
      '项目名称\t测试项目',
      '项目资金（万元）\t\t预算金额\t全年执行数\t分值\t执行率\t得分',
      '\t年度资金总额\t50\t45\t10\t90%\t9',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
      '产出指标\t数量指标\t救助人次\t≥4000人次\t4100人次\t90\t90',
      '总分\t\t\t\t\t100\t99',
    ].join('\n');
    const r = importText(text, 'unknown-budget.txt');
    const t = total(r.evaluations[0]!);
    expect([t.adjusted, t.executed?.value, t.points?.value, t.rate?.raw, t.score?.value]).toEqual([undefined, '45', '10', '90%', '9']);
    const cols = r.reports[0]!.tables.find((x) => x.kind === 'budget')!.columns;
    expect(cols[0]).toMatchObject({ header: '预算金额', role: null });
    expect(r.reports[0]!.unplaced.map((u) => u.text)).toEqual(['50']);
  });
});

describe('an ambiguous column is read from neither (item 1)', () => {
  it('分值 and 权重 on one table: the points are left empty with a note, not taken from either', () => {
    const text = [
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t权重\t得分',
      '产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t20\t30\t20',
      '总分\t\t\t\t\t100\t\t20',
    ].join('\n');
    const r = importText(text, 'ambiguous.txt');
    const ind = r.evaluations[0]!.indicators[0]!;
    expect(ind.points.value).toBeNull();
    expect([ind.target.raw, ind.actual.raw, ind.claimedScore.value]).toEqual(['≥100人次', '120人次', '20']);
    expect(r.notes.map((n) => n.code)).toContain('IMPORT.AMBIGUOUS_COLUMN');
    const cols = r.reports[0]!.tables.find((t) => t.kind === 'indicators')!.columns;
    expect(cols.filter((c) => c.header === '分值' || c.header === '权重').every((c) => c.meaning.includes('无法确定'))).toBe(true);
    expect(r.reports[0]!.unplaced.map((u) => u.text)).toEqual(['20', '30']);
  });

  it('a 指标得分 that disagrees with 得分系数 × 指标权重 is kept as written and reported', () => {
    const text = [
      '项目名称\t测试项目',
      '指标名称\t计量单位\t指标性质\t年初指标值\t全年完成值\t得分系数\t指标权重\t指标得分',
      '产出指标（60分）',
      '培训人次\t人次\t正向\t100\t80\t0.8\t20\t18',
      '合格率\t%\t正向\t95\t96\t100%\t40\t40',
    ].join('\n');
    const r = importText(text, 'coefficient.txt');
    expect(r.evaluations[0]!.indicators.map((i) => i.claimedScore.value)).toEqual(['18', '40']);
    const notes = r.notes.filter((n) => n.code === 'IMPORT.COEFFICIENT_MISMATCH');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('16.00');
    expect(notes[0]!.src).toEqual({ file: 'coefficient.txt', line: 4, col: 6 });
  });
});

describe.each(['docx', 'xlsx'])('the seeds’ preview reports (.%s)', (ext) => {
  it('every header column of every seed table has a role; the few cells not placed are listed with their cell', async () => {
    const expected: Record<string, string[]> = {
      // a row the text dump wrapped: 0｜0｜0 under the 预算执行率 row of form 5
      'hebei-dachang-zhengfawei-2023': ['0', '0', '0'],
      // a 二级 name written twice on one row (once in the 一级 column)
      'ningxia-yanchi-xianweiban-2022': ['社会效益指标'],
      'shanxi-yunzhou-zhengfawei-2022': [],
      // the 总分 row of form 2 reads `100｜分`: a unit whose number is missing
      'xinjiang-changji-zhengfawei-2021': ['分'],
    };
    for (const [base, unplaced] of Object.entries(expected)) {
      const r = await importFile(join(dir, '../office', `${base}.${ext}`));
      expect(r.reports).toHaveLength(r.evaluations.length);
      expect(r.reports.flatMap((x) => x.tables.flatMap((t) => t.columns)).filter((c) => c.role === null)).toEqual([]);
      expect(r.reports.flatMap((x) => x.unplaced.map((u) => u.text))).toEqual(unplaced);
      expect(r.reports.every((x) => x.layoutName !== '' && x.tables.some((t) => t.kind === 'indicators'))).toBe(true);
    }
  });
});
