/**
 * bench/response-check.ts — what checking an answer against its schema costs (server/src/contract.ts):
 * the answer of GET /api/evaluations/:id for the 见义勇为基金 form (a FormView, ≈ 12 k characters of JSON),
 * written with JSON.stringify alone (production) against zod's parse of it, the comparison that nothing
 * was stripped, and then JSON.stringify (under the tests). Alternated rounds in one process.
 * Usage: npx tsx bench/response-check.ts [n=2000] [rounds=5]
 */
import { FormUseCases, operator } from '@jixiao/app';
import { contract } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { loadDemo } from '@jixiao/server';
import { responseSerializer } from '../packages/server/src/contract.ts';
import { median, report, time } from './measure.ts';

const n = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 5);

const store = new KyselyStore(await connect(':memory:'));
await loadDemo(store);
const stored = (await store.listEvaluations()).find((e) => e.evaluation.project.name.raw === '见义勇为基金')!;
const view = await new FormUseCases(store).read(operator(), stored.id);
const at = { schema: contract.FormView, method: 'GET', url: '/api/evaluations/:id', httpStatus: '200' };
const fast = responseSerializer(false)(at);
const checked = responseSerializer(true)(at);
if (checked(view) !== fast(view)) throw new Error('the checked answer differs from the plain one');

let sink = 0;
const plain: number[] = [];
const check: number[] = [];
for (let r = 0; r < rounds; r++) {
  plain.push(
    time(() => {
      for (let i = 0; i < n; i++) sink += fast(view).length;
    }),
  );
  check.push(
    time(() => {
      for (let i = 0; i < n; i++) sink += checked(view).length;
    }),
  );
}
const us = (ms: number) => (ms * 1000) / n;
const a = us(median(check));
const b = us(median(plain));
console.log(
  `answer of ${fast(view).length} characters: checked ${a.toFixed(1)} µs, JSON.stringify alone ${b.toFixed(1)} µs; ratio ${(a / b).toFixed(2)} (median of ${rounds} rounds of ${n}) ${sink > 0 ? '' : '!'}`,
);
report('response-check', [
  {
    what: 'a form answer checked against its schema (zod parse + nothing stripped + JSON.stringify)',
    value: a,
    unit: 'µs',
    baseline: b,
    ratio: a / b,
    goal: 'reported',
    met: null,
  },
]);
await store.close();
