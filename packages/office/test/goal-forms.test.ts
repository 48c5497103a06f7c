/**
 * The 项目支出绩效目标申报表 in the national layout: exported to .docx/.xlsx and imported back to the same
 * GoalForm; read from a file another program wrote in a regional variant of the layout; a 自评表 given
 * as goals refused with IMPORT.NOT_A_GOAL_FORM; and printed to PDF through LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoalForm, indicatorIds, lintGoalForm } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  goalDocument,
  importGoalBytes,
  importGoalFile,
  importUploadFile,
  PdfConverter,
  readGoalForms,
  readGrid,
  recognizeGoalForms,
  recognizeUpload,
  renderDocx,
  renderGoalForm,
  type Block,
  type GridDocument,
} from '../src/index.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const goals = join(fixtures, 'goals');
const loadGoal = (name: string) => GoalForm.parse(JSON.parse(readFileSync(join(goals, name), 'utf8')));
const wellSet = loadGoal('well-set.goal.json');

/**
 * The form as a file states it: without provenance, with the ids an import gives (made from the
 * indicators' names), and without what the national layout does not print: a target's 符号/值/单位
 * parts (one 指标值 cell here). The scheme is not printed either: the importer is told it.
 */
function comparable(g: GoalForm): unknown {
  const ids = indicatorIds(g.indicators.map((i) => ({ level1: i.level1, level2: i.level2.raw, name: i.name.raw })));
  const dropped = new Set(['src', 'source', 'title', 'unitRaw', 'parts']);
  const plain = JSON.parse(JSON.stringify(g, (k, v) => (dropped.has(k) ? undefined : v))) as GoalForm;
  plain.indicators.forEach((i, k) => (i.id = ids[k]!));
  return plain;
}

async function roundTrip(g: GoalForm, ext: 'docx' | 'xlsx'): Promise<GoalForm> {
  const back = await importGoalBytes(await renderGoalForm(g, ext), `exported.${ext}`, { schemeId: g.schemeId });
  expect(back).toHaveLength(1);
  return back[0]!;
}

describe.each(['docx', 'xlsx'] as const)('export to .%s and import back', (ext) => {
  it('the well-set form: identity, money, 中长期 beside 年度 goals and values, points, basis', async () => {
    const back = await roundTrip(wellSet, ext);
    expect(comparable(back)).toEqual(comparable(wellSet));
    expect(back.money.unitRaw?.raw.replace(/\s+/g, '')).toBe('项目资金（万元）');
    // the cells the findings will point at
    expect(back.indicators[1]!.target.src).toMatchObject({ table: 1, col: 6 });
    expect(back.money.annual?.src).toMatchObject({ table: 1 });
    // ids come from what the indicators are: the same file gives the same ids again
    expect((await roundTrip(back, ext)).indicators.map((i) => i.id)).toEqual(back.indicators.map((i) => i.id));
  });

  it('a form with a target adjusted after approval keeps both values and the reason (调整后指标值, 调整原因)', async () => {
    const adjusted = structuredClone(wellSet);
    adjusted.indicators[1]!.adjusted = { target: { raw: '≥10次' }, reason: { raw: '上级统一部署，集中排查改为按季开展' } };
    const doc = goalDocument(adjusted);
    expect(doc.sections[0]!.landscape).toBe(true);
    const back = await roundTrip(adjusted, ext);
    expect(comparable(back)).toEqual(comparable(adjusted));
    expect(back.indicators[1]).toMatchObject({
      target: { raw: '≥12次' },
      adjusted: { target: { raw: '≥10次' }, reason: { raw: '上级统一部署，集中排查改为按季开展' } },
    });
  });

  it.each(readdirSync(goals).filter((f) => f.endsWith('.goal.json') && f.includes('.form-')))('the seed project’s declared goals %s', async (f) => {
    const g = loadGoal(f);
    const back = await roundTrip(g, ext);
    expect(comparable(back)).toEqual(comparable(g));
    // the same findings, in the same cells by id
    const codes = (x: GoalForm) => lintGoalForm(x).map((d) => [d.code, d.location.field]);
    expect(codes(back)).toEqual(codes(g));
  });
});

describe.each(['docx', 'xlsx'] as const)('a goal form written by another program, regional labels (.%s)', (ext) => {
  it('reads 项目属性, 实施期限, 金额单位, a 度量单位 column and 权重 as points', async () => {
    const [g] = await importGoalFile(join(goals, `fanghuiju-2021.goal.${ext}`));
    const declared = loadGoal('xinjiang-changji-zhengfawei-2021.form-02.goal.json');
    expect(g!.year).toBe(2021);
    expect(g!.project).toMatchObject({ name: { raw: '访惠聚工作经费' }, nature: { kind: '经常性' }, period: { startYear: 2021, endYear: 2021 } });
    expect(g!.money).toMatchObject({ unit: '万元', annual: { value: '13' }, fiscal: { value: '13' }, carryover: { value: '0' }, other: { value: '0' } });
    expect(g!.goals.annual?.raw).toBe(declared.goals.annual?.raw);
    expect(g!.indicators.map((i) => [i.level1, i.name.raw, i.target.raw, i.points?.value])).toEqual(
      declared.indicators.map((i) => [i.level1, i.name.raw, i.target.raw, i.points?.value]),
    );
    // value and 度量单位 in two columns are kept as the parts of the target
    expect(g!.indicators[0]!.target.parts).toMatchObject({ symbol: { raw: '>=' }, value: { raw: '200' }, unit: { raw: '本' } });
    expect(lintGoalForm(g!).map((f) => f.code)).toEqual(['G2.WHOLE_BUDGET', 'G4.VAGUE_QUALITATIVE', 'G4.VAGUE_QUALITATIVE']);
    expect(lintGoalForm(g!)[0]!.location.src).toMatchObject({ file: `fanghuiju-2021.goal.${ext}`, table: 1 });
  });
});

describe('several goal forms in one document', () => {
  it('are split at each title, each with its own indicators and its index', async () => {
    const other = loadGoal('xinjiang-changji-zhengfawei-2021.form-02.goal.json');
    const doc = goalDocument(wellSet);
    doc.sections.push(...goalDocument(other).sections);
    const forms = await importGoalBytes(await renderDocx(doc), 'two.docx');
    expect(forms.map((f) => [f.project.name.raw, f.indicators.length, f.source?.index])).toEqual([
      ['平安乡村网格化服务管理项目', 8, 0],
      ['访惠聚工作经费', 15, 1],
    ]);
  });
});

describe('an upload read as the kind its title names', () => {
  it.each(['项目支出绩效目标申报表', '2024年项目支出绩效目标表', '专项资金绩效目标表'])('a table under “%s” is read as goals', async (title) => {
    const doc = goalDocument(wellSet);
    const t = doc.sections[0]!.blocks.find((b) => b.kind === 'title')!;
    if (t.kind !== 'title') throw new Error('no title');
    t.text = title;
    const r = recognizeUpload(await readGrid(await renderDocx(doc), 'title.docx'));
    expect(r.goals.map((g) => g.project.name.raw)).toEqual(['平安乡村网格化服务管理项目']);
    expect(r.evaluations).toEqual([]);
  });

  it('a 自评表 (绩效目标自评表 too) is read as a self-evaluation, from a file on disk as from an upload', async () => {
    const r = await importUploadFile(join(fixtures, 'office/xinjiang-changji-zhengfawei-2021.docx'));
    expect(r.goals).toEqual([]);
    expect(r.evaluations.length).toBeGreaterThan(0);
    const zhongjiang = await importUploadFile(join(fixtures, 'provinces/sichuan-zhongjiang-shuiliju-2022.docx'));
    expect(zhongjiang.goals).toEqual([]);
    expect(zhongjiang.evaluations.map((e) => e.project.name.raw)).toEqual(['中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装']);
  });
});

describe('the preview’s readout of a goal form (issue 21, item 8)', () => {
  it('names each column of the indicator table with its role, and reports a column it cannot place with every cell of it', async () => {
    const doc = goalDocument(wellSet);
    const table = doc.sections[0]!.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    const header = table.table.rows.find((r) => r.cells.some((c) => c.text === '分值'))!;
    header.cells.find((c) => c.text === '指标值设定依据')!.text = '佐证材料';
    const r = recognizeUpload(await readGrid(await renderDocx(doc), 'proof.docx'), 'goal');
    const report = r.reports[0]!;
    expect(report).toMatchObject({ index: 0, project: '平安乡村网格化服务管理项目', layout: 'national' });
    expect(report.tables[0]!.columns.map((c) => [c.header, c.role])).toEqual([
      ['一级指标', 'level1'],
      ['二级指标', 'level2'],
      ['三级指标', 'name'],
      ['中长期指标值', 'longTerm'],
      ['年度指标值', 'target'],
      ['分值', 'points'],
      ['佐证材料', null],
    ]);
    expect(report.tables[0]!.columns.at(-1)!.meaning).toBe('未识别的列：其中的内容未导入');
    // the basis texts under the unknown header: each reported where it is, none read as a basis
    const bases = wellSet.indicators.map((i) => i.basis?.raw).filter((b): b is string => !!b);
    expect(report.unplaced.map((u) => u.text)).toEqual(bases);
    expect(report.unplaced.every((u) => u.src.table === 1 && typeof u.src.row === 'number' && typeof u.src.col === 'number')).toBe(true);
    expect(r.goals[0]!.indicators.every((i) => i.basis === undefined)).toBe(true);
  });

  it('a well-set form leaves nothing unplaced', async () => {
    const r = await importUploadFile(join(fixtures, 'goals/fanghuiju-2021.goal.xlsx'), 'goal');
    expect(r.reports.map((x) => [x.index, x.project, x.unplaced])).toEqual([[0, '访惠聚工作经费', []]]);
    expect(r.reports[0]!.tables[0]!.columns.map((c) => c.role)).toEqual(['level1', 'level2', 'name', 'target', 'unit', 'points']);
  });
});

/** A document as a reader gives it: lines above the table, then its rows (one cell per grid column, as given). */
function grid(lines: string[], rows: string[][]): GridDocument {
  const file = 'variant.docx';
  return {
    file,
    blocks: [
      ...lines.map((text): Block => ({ kind: 'paragraph', text, src: { file } })),
      ...rows.map((cells, r): Block => ({
        kind: 'row',
        cells: cells.map((text, col) => ({ text, src: { file, table: 1, row: r + 1, col: col + 1 } })),
        src: { file, table: 1, row: r + 1 },
      })),
    ],
  };
}
const INDICATORS = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '新建水泥路', '2km'],
];

describe('regional variants of the goal form (issue 21)', () => {
  it.each(['项目支出目标申报表', '2023年加工园配套设施建设项目支出绩效目标审批表'])('“%s” is a goal title, to the recognizer and to an upload', (title) => {
    const doc = grid([title, '(2023年度)'], [['项目名称', '加工园配套设施'], ...INDICATORS]);
    expect(recognizeGoalForms(doc).map((g) => [g.project.name.raw, g.year])).toEqual([['加工园配套设施', 2023]]);
    expect(recognizeUpload(doc).goals).toHaveLength(1);
  });

  it('reads a header of 一级 | 二级 | 三级 without 指标, and 年度数值 as the year’s target (山东 临邑)', () => {
    const doc = grid(
      ['项目支出目标申报表'],
      [
        ['项目名称', '小学教育公用经费'],
        ['一级', '二级', '三级', '年度数值', '备注'],
        ['产出值', '数量值', '小学就读人数', '<=6962人', ''],
      ],
    );
    const [g] = readGoalForms(doc);
    expect(g!.form.indicators.map((i) => [i.level1, i.level2.raw, i.name.raw, i.target.raw])).toEqual([['产出指标', '数量值', '小学就读人数', '<=6962人']]);
    expect(g!.report.tables[0]!.columns.map((c) => [c.header, c.role])).toEqual([
      ['一级', 'level1'],
      ['二级', 'level2'],
      ['三级', 'name'],
      ['年度数值', 'target'],
      ['备注', null],
    ]);
  });

  it('maps the regional money labels to the national fields by meaning: the project’s, the year’s, 财政拨款, 其他', () => {
    const linyi = grid(
      ['项目支出目标申报表'],
      [
        ['项目名称', '公用经费'],
        ['项目主管部门', '某小学'],
        ['项目资金申请(万元)', '资金总额:', '438.768'],
        ['', '财政拨款:', '438.768'],
        ['', '其他:', '5'],
        ...INDICATORS,
      ],
    );
    const [a] = recognizeGoalForms(linyi);
    expect(a!.project.department?.name.raw).toBe('某小学');
    // a 资金总额 that names no year is the project's (中长期资金总额), not the year's
    expect(a!.money).toMatchObject({ unit: '万元', total: { value: '438.768' }, fiscal: { value: '438.768' }, other: { value: '5' } });
    expect(a!.money.annual).toBeUndefined();
    const fengjie = grid(
      ['绩效目标审批表', '金额单位:万元'],
      [
        ['项目名称', '加工园', '项目分类', '资产资源类--房屋类'],
        ['建设周期', '2023年4月-2024年2月', '业务主管部门', '县民宗委'],
        ['项目总预算', '80', '财政资金预算分类', '一般公共预算'],
        ['当年年度预算', '65'],
        ['其中:财政资金', '60', '财政资金科目代码', '21305'],
        ['其中:其它资金', '5'],
        ...INDICATORS,
      ],
    );
    const [b] = readGoalForms(fengjie);
    expect(b!.form.project).toMatchObject({
      department: { name: { raw: '县民宗委' } },
      category: { raw: '资产资源类--房屋类' },
      period: { startYear: 2023, endYear: 2024 },
    });
    expect(b!.form.money).toMatchObject({ total: { value: '80' }, annual: { value: '65' }, fiscal: { value: '60' }, other: { value: '5' } });
    // what no field holds is reported, not put in one: the 科目代码 is no project code
    expect(b!.form.project.code).toBeUndefined();
    expect(b!.report.unplaced.map((u) => u.text)).toEqual(['财政资金预算分类', '一般公共预算', '财政资金科目代码', '21305']);
  });

  it('a 联系电话 beside the 项目负责人 is not the filler’s phone: reported, not read (重庆 奉节)', () => {
    const doc = grid(['绩效目标审批表'], [['项目名称', '加工园'], ['实施单位', '云雾乡', '项目负责人', '徐某', '联系电话', '13400000000'], ...INDICATORS]);
    const [g] = readGoalForms(doc);
    expect(g!.form.project.implementer?.name.raw).toBe('云雾乡');
    expect(g!.form.filler).toBeUndefined();
    expect(g!.report.unplaced.map((u) => u.text)).toEqual(['项目负责人', '徐某', '联系电话', '13400000000']);
  });

  it('reads a text named for the project as a whole as its 中长期 goal, 年度主要目标和成果 as the year’s', () => {
    const doc = grid(
      ['绩效目标审批表'],
      [['项目名称', '加工园'], ['项目总体概况', '新建晾晒房一座;带动20名群众务工增收'], ['年度主要目标     和成果', '新建晾晒房一座'], ...INDICATORS],
    );
    expect(recognizeGoalForms(doc)[0]!.goals).toMatchObject({ longTerm: { raw: '新建晾晒房一座;带动20名群众务工增收' }, annual: { raw: '新建晾晒房一座' } });
    const linyi = grid(['项目支出目标申报表'], [['项目名称', '公用经费'], ['项目总体情况', '每生每年780元'], ...INDICATORS]);
    expect(recognizeGoalForms(linyi)[0]!.goals).toEqual({ longTerm: expect.objectContaining({ raw: '每生每年780元' }) });
  });

  it('reads a 一级 cell with a declared range `(0-20)分` as its level; a section label declaring points frames the table', () => {
    const doc = grid(
      ['绩效目标审批表'],
      [
        ['项目名称', '加工园'],
        ['年度绩效目标(90分)', '一级指标', '二级指标', '三级指标', '指标值', '分值', '指标解释'],
        ['', '成本指标(0-20)分', '经济成本指标', '项目建设成本', '≤65万元', '10', ''],
        ['', '', '社会成本指标', '', '', '', ''],
      ],
    );
    const [g] = readGoalForms(doc);
    expect(g!.form.indicators.map((i) => [i.level1, i.level2.raw, i.name.raw, i.target.raw, i.points?.value])).toEqual([
      ['成本指标', '经济成本指标', '项目建设成本', '≤65万元', '10'],
    ]);
    expect(g!.report.tables[0]!.columns.map((c) => c.header)).not.toContain('年度绩效目标(90分)');
    expect(g!.report.unplaced).toEqual([]);
  });
});

describe('bounded input', () => {
  it('an indicator table of more than 500 rows is refused with its own code', async () => {
    const huge = structuredClone(wellSet);
    huge.indicators = Array.from({ length: 501 }, (_, i) => ({ ...structuredClone(wellSet.indicators[0]!), id: `x${i}`, name: { raw: `指标${i}` } }));
    const err = await importGoalBytes(await renderDocx(goalDocument(huge)), 'huge.docx').catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'IMPORT.TOO_MANY_INDICATORS' });
    expect((err as { message: string }).message).toContain('501 行，超过上限 500 行');
  });
});

describe('a 自评表 given as goals', () => {
  it.each([
    ['office/xinjiang-changji-zhengfawei-2021.docx', '自评表'],
    ['office/hebei-dachang-zhengfawei-2023.xlsx', '自评得分'],
    ['seeds/ningxia-yanchi-xianweiban-2022.txt', '自评'],
    ['golden/shanxi-yunzhou-zhengfawei-2022.form-01.json', '自评表（JSON）'],
  ])('%s → IMPORT.NOT_A_GOAL_FORM, in Chinese, naming what showed it', async (f, word) => {
    const err = await importGoalFile(join(fixtures, f)).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.code).toBe('IMPORT.NOT_A_GOAL_FORM');
    expect(err?.message).toContain('不是项目支出绩效目标申报表');
    expect(err?.message).toContain(word);
  });

  it('a goal title over a table with 实际完成值 and 得分 columns is still a 自评表', async () => {
    const g = structuredClone(wellSet);
    const doc = goalDocument(g);
    const table = doc.sections[0]!.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    const header = table.table.rows.find((r) => r.cells.some((c) => c.text === '分值'))!;
    header.cells.find((c) => c.text === '指标值设定依据')!.text = '实际完成值';
    const err = await importGoalBytes(await renderDocx(doc), 'mixed.docx').catch((e: { code: string; message: string; details: { src?: unknown } }) => e);
    expect(err).toMatchObject({ code: 'IMPORT.NOT_A_GOAL_FORM', details: { src: { table: 1 } } });
    expect((err as { message: string }).message).toContain('实际完成值');
  });
});

const tools = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
describe.runIf(tools)('PDF through the LibreOffice queue', () => {
  it('prints the national layout with its title, money and targets', async () => {
    const pdf = new PdfConverter({ workers: 1 });
    try {
      const out = mkdtempSync(join(tmpdir(), 'jixiao-goal-pdf-'));
      writeFileSync(join(out, 'goal.pdf'), await renderGoalForm(wellSet, 'pdf', pdf));
      const text = execFileSync('pdftotext', ['-layout', join(out, 'goal.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const s of [
        '项目支出绩效目标申报表',
        '平安乡村网格化服务管理项目',
        '年度资金总额',
        '中长期指标值',
        '≤800元/人次',
        '≥12次',
        '分值',
        '计划标准',
        '历史标准',
      ])
        expect(text).toContain(s);
    } finally {
      await pdf.close();
    }
  }, 120_000);
});
