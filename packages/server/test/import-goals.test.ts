/**
 * Goal forms uploaded in the browser (issue 20): `/api/import` recognises a 项目支出绩效目标申报表 by its
 * title (the goal kind's import titles) or reads the files as the kind chosen (`?kind=goal`), previews
 * each form with its kind, project, year, indicators and the linter's (G) findings, and commits it as a
 * goal form through the same preview/commit flow. A 自评表 uploaded as goals is refused with
 * IMPORT.NOT_A_GOAL_FORM and a Chinese message, and nothing of it is kept.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type GoalForm } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';
import { multipart } from './multipart.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const read = (f: string) => new Uint8Array(readFileSync(join(fixtures, f)));

describe('goal forms through /api/import', { timeout: 60_000 }, () => {
  let store: KyselyStore;
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-import-goals-')), 'jixiao.sqlite')));
    const accounts = new KyselyAccountStore(store.conn);
    app = await buildApp({ store, accounts });
    admin = await loginAs(app, accounts, { username: 'admin', role: 'admin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const upload = async (files: Array<{ name: string; bytes: Uint8Array }>, query = '') => {
    const res = await admin.inject({ method: 'POST', url: `/api/import${query}`, ...multipart(files) });
    expect(res.statusCode).toBe(200);
    return contract.ImportPreview.parse(res.json());
  };

  it.each([
    ['well-set.goal.docx', '平安乡村网格化服务管理项目', 2024],
    ['well-set.goal.xlsx', '平安乡村网格化服务管理项目', 2024],
    ['fanghuiju-2021.goal.docx', '访惠聚工作经费', 2021],
    ['fanghuiju-2021.goal.xlsx', '访惠聚工作经费', 2021],
  ])('%s is recognised as a goal form by its title and previewed with its kind and the linter’s findings', async (file, project, year) => {
    const preview = await upload([{ name: file, bytes: read(`goals/${file}`) }]);
    expect(preview.rejected).toEqual([]);
    const [f] = preview.files;
    expect(f!.evaluations).toHaveLength(1);
    const form = f!.evaluations[0]!;
    expect(form).toMatchObject({ kind: 'goal', kindTitle: '项目支出绩效目标申报表', project, year, total: null, grade: null, claimedTotal: null });
    expect(form.indicators).toBeGreaterThan(5);
    // the linter's findings are the G rules', counted per form as the file's findings list them
    expect(f!.findings.every((x) => /^G\d+/.test(x.rule))).toBe(true);
    expect(form.errors).toBe(f!.findings.filter((x) => x.severity === 'error').length);
    expect(form.warnings).toBe(f!.findings.filter((x) => x.severity === 'warning').length);
    if (file.startsWith('well-set')) expect(form.errors + form.warnings).toBe(0); // a well-set form gets no error or warning
  });

  it('the fanghuiju goals carry findings: their count in the preview is the linter’s', async () => {
    const preview = await upload([{ name: 'fanghuiju-2021.goal.docx', bytes: read('goals/fanghuiju-2021.goal.docx') }], '?kind=goal');
    const form = preview.files[0]!.evaluations[0]!;
    expect(form.kind).toBe('goal');
    expect(form.errors + form.warnings).toBeGreaterThan(0);
    expect(preview.files[0]!.findings.every((x) => x.location.form?.index === 0)).toBe(true);
    // what was read, column by column, is shown before saving, as for a 自评表
    expect(preview.files[0]!.reports.map((r) => [r.index, r.project, r.unplaced.length])).toEqual([[0, '访惠聚工作经费', 0]]);
    expect(preview.files[0]!.reports[0]!.tables[0]!.columns.find((c) => c.header === '权重')).toMatchObject({ role: 'points', meaning: '分值' });
    // and what was read, row by row, before saving: targets and points, no actuals on a goal form
    const got = form.read;
    expect(got.indicators.length).toBe(form.indicators);
    expect(got.indicators.every((i) => i.actual === null && i.score === null && i.target !== '')).toBe(true);
    expect(got.money.length).toBeGreaterThan(0);
  });

  it('a 自评表 in 元 is previewed with its money in 万元 and each goal text where the form puts it (上海 普陀)', async () => {
    const preview = await upload([{ name: 'putuo.xlsx', bytes: read('provinces/shanghai-putuo-tiyuzhongxin-2022.xlsx') }]);
    const r = preview.files[0]!.evaluations[0]!.read;
    expect(r.money[0]).toEqual({
      label: '年度资金总额',
      cells: [
        { column: '年初预算数', text: '25' },
        { column: '全年预算数', text: '25' },
        { column: '全年执行数', text: '21.54576' },
        { column: '执行率', text: '86.19%' },
        { column: '分值', text: '10' },
        { column: '得分', text: '8.62' },
      ],
    });
    expect(r.goals).toEqual([{ label: '实际完成情况', text: '已完成普陀体育中心与委托运营方费用结算。' }]);
    expect(r.indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '与委托运营方结算完成率',
      target: '=100%',
      actual: '100%',
      points: '10',
      score: '10',
    });
  });

  it('a self-evaluation beside it is previewed as one, with its score', async () => {
    const preview = await upload([{ name: 'changji.docx', bytes: read('office/xinjiang-changji-zhengfawei-2021.docx') }]);
    expect(preview.files[0]!.evaluations.map((e) => e.kind)).toEqual(['self-evaluation', 'self-evaluation']);
    expect(preview.files[0]!.evaluations[0]!.total).toMatch(/^\d/);
  });

  it('commits the previewed goal forms as goal forms (a .docx and a .xlsx in one commit)', async () => {
    const preview = await upload([
      { name: 'well-set.goal.docx', bytes: read('goals/well-set.goal.docx') },
      { name: 'fanghuiju-2021.goal.xlsx', bytes: read('goals/fanghuiju-2021.goal.xlsx') },
    ]);
    const res = await admin.inject({
      method: 'POST',
      url: `/api/import/${preview.token}/commit`,
      payload: { department: { code: 'goals', name: '目标申报测试' } },
    });
    expect(res.statusCode).toBe(201);
    const saved = contract.ImportCommitted.parse(res.json());
    expect(saved.evaluations.map((e) => [e.kind, e.project, e.year, e.status, e.total])).toEqual([
      ['goal', '平安乡村网格化服务管理项目', 2024, 'draft', null],
      ['goal', '访惠聚工作经费', 2021, 'draft', null],
    ]);
    // stored as the goal kind, its document a goal form read from the file
    const one = await admin.inject({ method: 'GET', url: `/api/evaluations/${saved.evaluations[0]!.id}` });
    expect(one.statusCode).toBe(200);
    const view = one.json() as { kind: string; evaluation: GoalForm; score: unknown };
    expect(view.kind).toBe('goal');
    expect(view.evaluation.kind).toBe('goal');
    expect(view.evaluation.indicators.length).toBeGreaterThan(5);
    expect(view.score).toBeNull();
  });

  it('a 自评表 uploaded as goals is refused with IMPORT.NOT_A_GOAL_FORM in Chinese, and nothing is kept of it', async () => {
    const preview = await upload(
      [
        { name: 'changji.docx', bytes: read('office/xinjiang-changji-zhengfawei-2021.docx') },
        { name: 'well-set.goal.xlsx', bytes: read('goals/well-set.goal.xlsx') },
      ],
      '?kind=goal',
    );
    expect(preview.rejected).toEqual([
      {
        name: 'changji.docx',
        error: expect.objectContaining({ code: 'IMPORT.NOT_A_GOAL_FORM', message: expect.stringMatching(/不是项目支出绩效目标申报表.*自评表/) }),
      },
    ]);
    expect(preview.files.map((f) => [f.name, f.evaluations.map((e) => e.kind)])).toEqual([['well-set.goal.xlsx', ['goal']]]);
  });

  it('an unknown kind is a 400 with the request’s code', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/import?kind=monitoring',
      ...multipart([{ name: 'a.docx', bytes: read('goals/well-set.goal.docx') }]),
    });
    expect(res.statusCode).toBe(400);
  });
});
