/**
 * The goal form on the API, on SQLite and PostgreSQL (issue 20), by the three roles: a 填报人 makes it
 * and fixes what the linter finds, the unit approves, the finance bureau approves (批复); the approved
 * targets are frozen but for adjustments; the year's 自评表 starts from them; the lists filter by kind
 * and the 汇总表 counts self-evaluations only. Bad input: the other kind's document, a value out of bounds,
 * a target edited after approval — each a code and a Chinese message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp } from '../src/index.ts';
import { loginAs, type Client } from './session.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const wellSet = { ...JSON.parse(readFileSync(join(fixtures, 'goals/well-set.goal.json'), 'utf8')), year: 2025 };
const aSelfEvaluation = JSON.parse(readFileSync(join(fixtures, 'golden/hebei-dachang-zhengfawei-2023.form-01.json'), 'utf8'));
const PG_URL = process.env.JIXIAO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `jixiao_api_goals_${process.pid}_${Date.now()}`;

const targets = [
  { name: 'SQLite', url: () => join(mkdtempSync(join(tmpdir(), 'jixiao-api-goals-')), 'jixiao.sqlite'), opts: {}, cleanup: async () => {} },
  {
    name: 'PostgreSQL',
    url: () => PG_URL,
    opts: { schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  },
];

interface View {
  id: number;
  kind: string;
  version: number;
  status: string;
  statusLabel: string;
  projectId: number;
  score: unknown;
  total: string | null;
  evaluation: { kind?: string; indicators: Array<{ id: string; target: { raw: string }; targetAdjusted?: { raw: string }; adjusted?: unknown }> };
  findings: Array<{ code: string; rule: string; severity: string; location: { indicatorId?: string; field?: string } }>;
  permissions: { edit: boolean; adjust: boolean; review: boolean; actions: string[] };
}

describe.each(targets)('goal forms on the API, $name', { timeout: 60_000 }, (target) => {
  let store: KyselyStore;
  let app: FastifyInstance;
  let filler: Client;
  let unit: Client;
  let finance: Client;
  let dept: number;
  beforeAll(async () => {
    if (target.name === 'PostgreSQL') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await c.end();
    }
    store = new KyselyStore(await connect(target.url(), target.opts));
    const accounts = new KyselyAccountStore(store.conn);
    app = await buildApp({ store, accounts });
    dept = (await store.ensureDepartment({ code: 'goal-dept', name: '县政法委' })).id;
    filler = await loginAs(app, accounts, { username: 'tianbao', role: 'filler', departmentId: dept });
    unit = await loginAs(app, accounts, { username: 'danwei', role: 'unit-reviewer', departmentId: dept });
    finance = await loginAs(app, accounts, { username: 'caizheng', role: 'finance', assigned: [dept] });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await target.cleanup();
  });

  let form: View;
  const put = (who: Client, evaluation: unknown, version = form.version) =>
    who.inject({ method: 'PUT', url: `/api/evaluations/${form.id}`, payload: { version, evaluation } });
  const act = async (who: Client, action: string) => {
    const res = await who.inject({ method: 'POST', url: `/api/evaluations/${form.id}/actions/${action}`, payload: { version: form.version } });
    expect(res.statusCode, res.body).toBe(200);
    form = res.json();
  };

  it('a 填报人 makes a blank goal form: kind goal, no score, the linter’s findings by indicator id', async () => {
    const res = await filler.inject({
      method: 'POST',
      url: '/api/forms',
      payload: { kind: 'goal', newProject: { departmentId: dept, name: '网格化服务管理' }, year: 2025, from: 'blank' },
    });
    expect(res.statusCode, res.body).toBe(201);
    form = res.json();
    expect(form).toMatchObject({ kind: 'goal', status: 'draft', statusLabel: '填报中', score: null, total: null, evaluation: { kind: 'goal' } });
    expect(form.findings.find((f) => f.code === 'G3.EMPTY')).toMatchObject({ rule: 'G3', severity: 'error', location: { indicatorId: 'i1' } });
    expect(form.permissions).toMatchObject({ edit: true, actions: ['submit'] });
    expect((await filler.inject(`/api/evaluations/${form.id}`)).json()).toMatchObject({ id: form.id, kind: 'goal', evaluation: { kind: 'goal' } });
    const kinds = (await filler.inject('/api/form-kinds')).json() as Array<{ id: string; statusLabels: Record<string, string>; scored: boolean }>;
    expect(kinds.find((k) => k.id === 'goal')).toMatchObject({ scored: false, statusLabels: { 'finance-reviewed': '财政已批复' } });
  });

  it('bad input: a 自评表 sent as the goals, a figure out of bounds — each a code and a Chinese message; nothing stored', async () => {
    const wrong = await put(filler, aSelfEvaluation);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'FORM.WRONG_KIND', message: '提交的内容是“项目支出绩效自评表”，不是“项目支出绩效目标申报表”' });
    const huge = await put(filler, { ...wellSet, money: { ...wellSet.money, annual: { raw: '1e99', value: '1e99' } } });
    expect(huge.statusCode).toBe(422);
    expect(huge.json()).toMatchObject({ code: 'VALUE.OUT_OF_RANGE', details: { field: 'evaluation.money.annual.value' } });
    expect((await store.getEvaluation(form.id))!.version).toBe(form.version);
  });

  it('fixed, handed in by the 填报人, approved by the unit and by the finance bureau (批复)', async () => {
    const res = await put(filler, { ...wellSet, project: { ...wellSet.project, name: { raw: '网格化服务管理' } } });
    expect(res.statusCode, res.body).toBe(200);
    form = res.json();
    expect(form.findings).toEqual([]);
    // the unit's reviewer does not edit, and nobody approves a draft
    expect((await put(unit, wellSet)).statusCode).toBe(403);
    expect(
      (await unit.inject({ method: 'POST', url: `/api/evaluations/${form.id}/actions/approve`, payload: { version: form.version } })).json(),
    ).toMatchObject({
      code: 'WORKFLOW.NOT_ALLOWED',
    });
    await act(filler, 'submit');
    const early = await filler.inject({
      method: 'POST',
      url: '/api/forms',
      payload: { kind: 'self-evaluation', projectId: form.projectId, year: 2025, from: 'goals' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'FORM.SOURCE_NOT_READY' });
    await act(unit, 'approve');
    await act(finance, 'finalize');
    expect(form).toMatchObject({ status: 'finance-reviewed', statusLabel: '财政已批复', permissions: { edit: false, review: false, actions: [] } });
  });

  it('approved, a target edited in place is refused (409 GOAL.APPROVED_FROZEN); an adjustment with its reason is kept beside it', async () => {
    const approved = (await filler.inject(`/api/evaluations/${form.id}`)).json() as View & { evaluation: typeof wellSet };
    expect(approved.permissions).toMatchObject({ edit: false, adjust: true });
    const edited = structuredClone(approved.evaluation);
    edited.indicators[1].target = { raw: '≥10次' };
    const refused = await put(filler, edited);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'GOAL.APPROVED_FROZEN',
      message: expect.stringContaining('“开展矛盾纠纷集中排查次数”的年度指标值“≥12次”不能修改'),
      details: { problems: [{ code: 'GOAL.APPROVED_TARGET_EDITED', details: { indicatorId: 'dispute-screening', field: 'indicators[1].target' } }] },
    });
    const adjusted = structuredClone(approved.evaluation);
    adjusted.indicators[1].adjusted = { target: { raw: '≥10次' }, reason: { raw: '任务调减' } };
    const ok = await put(filler, adjusted);
    expect(ok.statusCode, ok.body).toBe(200);
    form = ok.json();
    expect(form.status).toBe('finance-reviewed');
  });

  it('the year’s 自评表 starts from the approved goals, with both values of the adjusted target', async () => {
    const res = await filler.inject({
      method: 'POST',
      url: '/api/forms',
      payload: { kind: 'self-evaluation', projectId: form.projectId, year: 2025, from: 'goals' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json() as View;
    expect(ev.kind).toBe('self-evaluation');
    expect(ev.evaluation.indicators.map((i) => i.id)).toEqual(wellSet.indicators.map((i: { id: string }) => i.id));
    expect([ev.evaluation.indicators[1]!.target.raw, ev.evaluation.indicators[1]!.targetAdjusted?.raw]).toEqual(['≥12次', '≥10次']);
  });

  it('an adjustment saved after the 自评表 was started reaches it (a draft) and the answer says so, in its contract', async () => {
    const approved = (await filler.inject(`/api/evaluations/${form.id}`)).json() as View & { evaluation: typeof wellSet };
    const adjusted = structuredClone(approved.evaluation);
    adjusted.indicators[0].adjusted = { target: { raw: '＝500人次' }, reason: { raw: '网格员减员' } };
    const ok = await put(filler, adjusted);
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = ok.json() as View & { followUps: Array<{ evaluationId: number; written: boolean; indicatorIds: string[]; message: string }> };
    form = saved;
    expect(saved.followUps).toEqual([
      expect.objectContaining({ written: true, indicatorIds: ['grid-training'], message: expect.stringContaining('已同时写入') }),
    ]);
    const se = (await filler.inject(`/api/evaluations/${saved.followUps[0]!.evaluationId}`)).json() as View;
    expect([se.kind, se.evaluation.indicators[0]!.targetAdjusted?.raw]).toEqual(['self-evaluation', '＝500人次']);
  });

  it('lists filter by kind; the 汇总表 counts self-evaluations only', async () => {
    const goals = (await finance.inject(`/api/evaluations?departmentId=${dept}&kind=goal`)).json() as Array<{
      kind: string;
      total: string | null;
      statusLabel: string;
    }>;
    expect(goals).toEqual([expect.objectContaining({ kind: 'goal', total: null, statusLabel: '财政已批复' })]);
    const summary = (await finance.inject(`/api/departments/${dept}/summary?year=2025`)).json() as { summary: { rows: Array<{ project: string }> } };
    expect(summary.summary.rows).toHaveLength(1);
    const doc = await finance.inject(`/api/evaluations/${form.id}/document?format=docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('officedocument');
  });
});
