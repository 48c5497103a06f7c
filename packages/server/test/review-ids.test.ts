/**
 * 复核得分 belong to indicators, not rows (issue 19): a form reviewed by the finance bureau and returned
 * is reordered and has indicators deleted by its 填报人; every remaining 复核得分 is still on its own
 * indicator, the deleted one's score is gone from the form and kept in the history, and the reviewed
 * total follows. Through the real API with the three roles, on a real SQLite file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, ReviewScore } from '@jixiao/core';
import { connect, KyselyAccountStore, KyselyStore } from '@jixiao/store';
import { buildApp, loadDemo } from '../src/index.ts';
import { loginAs } from './session.ts';

let server: FastifyInstance;
let store: KyselyStore;
let accounts: KyselyAccountStore;

beforeAll(async () => {
  store = new KyselyStore(await connect(join(mkdtempSync(join(tmpdir(), 'jixiao-review-ids-')), 'jixiao.sqlite')));
  accounts = new KyselyAccountStore(store.conn);
  await loadDemo(store);
  server = await buildApp({ store, accounts, database: 'sqlite' });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

interface View {
  id: number;
  version: number;
  status: string;
  evaluation: Evaluation;
  reviews: ReviewScore[];
  reviewedTotal: string | null;
  score: { total: string; indicators: Array<{ score: string | null }> };
}

describe('a reviewed form, returned, reordered and trimmed', () => {
  it('keeps every 复核得分 on its own indicator; the deleted one’s is kept in the history, not moved', async () => {
    const dept = (await store.listDepartments()).find((d) => d.name.includes('昌吉'))!.id;
    const filler = await loginAs(server, accounts, { username: 'tianbao', role: 'filler', departmentId: dept });
    const unit = await loginAs(server, accounts, { username: 'shenhe', role: 'unit-reviewer', departmentId: dept });
    const finance = await loginAs(server, accounts, { username: 'caizheng', role: 'finance', assigned: [dept] });
    const form = (await store.listEvaluations({ departmentId: dept })).find((s) => s.evaluation.project.name.raw === '综治工作经费')!;
    const act = async (who: typeof filler, action: string, version: number, comment?: string) =>
      (
        await who.inject({ method: 'POST', url: `/api/evaluations/${form.id}/actions/${action}`, payload: { version, ...(comment && { comment }) } })
      ).json() as View;
    const submitted = await act(filler, 'submit', form.version);
    const approved = await act(unit, 'approve', submitted.version);
    const ind = approved.evaluation.indicators;
    // finance scores three indicators: rows 1, 2 and 5 of the form as it was handed in
    const reviewed = [
      { indicatorId: ind[0]!.id!, score: '3', reason: '园区数量核实为 9 个' },
      { indicatorId: ind[1]!.id!, score: '2', reason: '质量佐证不足' },
      { indicatorId: ind[4]!.id!, score: '4', reason: '时效核减' },
    ];
    const saved = await finance.inject({ method: 'PUT', url: `/api/evaluations/${form.id}/reviews`, payload: { scores: reviewed } });
    expect(saved.statusCode).toBe(200);
    const names = new Map(ind.map((i) => [i.id!, i.name.raw]));
    const before = (await finance.inject(`/api/evaluations/${form.id}`)).json() as View;
    const returned = await act(finance, 'return', before.version, '请核实第二个指标');
    expect(returned.status).toBe('draft');

    // the 填报人 reverses the rows and deletes the second reviewed indicator
    const edited: Evaluation = { ...returned.evaluation, indicators: [...returned.evaluation.indicators].reverse().filter((i) => i.id !== ind[1]!.id) };
    const put = await filler.inject({ method: 'PUT', url: `/api/evaluations/${form.id}`, payload: { version: returned.version, evaluation: edited } });
    expect(put.statusCode).toBe(200);
    const after = put.json() as View;

    // each remaining 复核得分 is on the indicator it was given to, wherever that row is now
    expect(after.reviews.map((r) => [names.get(r.indicatorId), r.score, r.reason]).sort()).toEqual(
      [
        [names.get(ind[0]!.id!), '3.00', '园区数量核实为 9 个'],
        [names.get(ind[4]!.id!), '4.00', '时效核减'],
      ].sort(),
    );
    for (const r of after.reviews) {
      const row = after.evaluation.indicators.findIndex((i) => i.id === r.indicatorId);
      expect(after.evaluation.indicators[row]!.name.raw).toBe(names.get(r.indicatorId));
    }
    // none landed on the row where the deleted indicator used to be, nor on any other indicator
    expect(after.reviews.some((r) => r.indicatorId === ind[1]!.id)).toBe(false);
    // the reviewed total: the computed total with those two scores in place of their own
    const rowOf = (id: string) => after.evaluation.indicators.findIndex((i) => i.id === id);
    const own = (id: string) => Number(after.score.indicators[rowOf(id)]!.score);
    const expected = Number(after.score.total) - own(ind[0]!.id!) + 3 - own(ind[4]!.id!) + 4;
    expect(Number(after.reviewedTotal)).toBeCloseTo(expected, 2);
    // the deleted indicator's 复核得分 is in the history, given and then removed with its indicator
    const history = (await finance.inject(`/api/evaluations/${form.id}/history`)).json() as Array<{
      field: string;
      before: string | null;
      after: string | null;
      actor: string;
    }>;
    expect(history.filter((c) => c.field === `复核得分 indicators[${ind[1]!.id}]`).map((c) => [c.actor, c.before, c.after])).toEqual([
      ['caizheng', null, '2（质量佐证不足）'],
      ['tianbao', '2.00（质量佐证不足）', null],
    ]);
    // and the frozen copy handed in still holds the form as it was reviewed
    const snapshots = (await finance.inject(`/api/evaluations/${form.id}/snapshots`)).json() as Array<{ status: string; evaluation: Evaluation }>;
    expect(snapshots.at(-1)!.evaluation.indicators.map((i) => i.id)).toEqual(ind.map((i) => i.id));
  });

  it('a 复核得分 for an indicator the form no longer has is refused with its code', async () => {
    const dept = (await store.listDepartments()).find((d) => d.name.includes('昌吉'))!.id;
    const finance = await loginAs(server, accounts, { username: 'caizheng2', role: 'finance', assigned: [dept] });
    // the form as the first test left it (a draft, its rows edited), moved on to 单位已审核 directly
    const form = (await store.listEvaluations({ departmentId: dept })).find((s) => s.evaluation.project.name.raw === '综治工作经费')!;
    const s1 = await store.setStatus(form.id, 'submitted', form.version, 'setup', {});
    await store.setStatus(form.id, 'unit-approved', s1.version, 'setup', {});
    const res = await finance.inject({
      method: 'PUT',
      url: `/api/evaluations/${form.id}/reviews`,
      payload: { scores: [{ indicatorId: 'nope', score: '1', reason: 'x' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'REVIEW.BAD_INDICATOR', message: expect.stringContaining('没有编号为“nope”的指标') });
  });
});
