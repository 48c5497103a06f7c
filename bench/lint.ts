/**
 * bench/lint.ts — the goal linter (G1–G11), issue 20:
 *  1. a keystroke in a 30-indicator goal form: one target cell changes (a new text every time, so the
 *     value parser's cache does not help) and the whole form is linted again; goal < 16 ms (one frame),
 *     p95 reported. The same core code runs in the browser.
 *  2. lint 10,000 goal forms against `JSON.parse` of the same forms' JSON: ratio ≤ 1.
 * Goal forms are the synthetic 自评表 forms' declared goals (goalFormFromEvaluation: 10 indicators
 * each, the seeds' mix of units, words and mistakes), with last year's actuals for half of them (G10).
 * Usage: npx tsx bench/lint.ts [N=10000] [rounds=5] [keystrokes=2000]
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GoalForm,
  goalFormFromEvaluation,
  lintGoalForm,
  previousYearFromEvaluation,
  syntheticForms,
  type GoalIndicator,
  type PreviousYear,
} from '@jixiao/core';
import { median, report, time } from './measure.ts';

const n = Number(process.argv[2] ?? 10000);
const rounds = Number(process.argv[3] ?? 5);
const keystrokes = Number(process.argv[4] ?? 2000);

// 1. keystrokes in a 30-indicator form: the well-set fixture's 8 indicators, varied, up to 30
const wellSet = GoalForm.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/goals/well-set.goal.json'), 'utf8')));
const big = structuredClone(wellSet);
big.indicators = Array.from({ length: 30 }, (_, i): GoalIndicator => {
  const base = structuredClone(wellSet.indicators[i % wellSet.indicators.length]!);
  return { ...base, id: `${base.id}-${i}`, name: { raw: `${base.name.raw}（${i + 1}）` } };
});
const previous: PreviousYear = { indicators: big.indicators.map((ind, i) => ({ id: ind.id, actual: i % 3 === 0 ? '13次' : '96%' })) };
const typed: number[] = [];
let sink = 0;
for (let k = 0; k < keystrokes; k++) {
  // the accountant types into row k % 30's target: ≥1, ≥12, ≥123 … a text never seen before
  const row = big.indicators[k % 30]!;
  row.target = { raw: `≥${k + 1}次` };
  typed.push(time(() => (sink += lintGoalForm(big, { previous }).length)));
}
const sorted = [...typed].sort((a, b) => a - b);
const p50 = median(typed.slice(100)); // after the JIT has warmed up, as in a session
const p95 = sorted[Math.floor(sorted.length * 0.95)]!;

// 2. 10,000 goal forms against JSON.parse of the same
const evaluations = syntheticForms(n, 11, { mistakes: true });
const forms = evaluations.map(goalFormFromEvaluation);
const previousOf = evaluations.map((e, i) => (i % 2 === 0 ? previousYearFromEvaluation(e) : undefined));
const texts = forms.map((f) => JSON.stringify(f));
const parseAll = () => {
  for (const t of texts) sink += (JSON.parse(t) as GoalForm).indicators.length;
};
const lintAll = () => {
  for (let i = 0; i < forms.length; i++) {
    const prev = previousOf[i];
    sink += lintGoalForm(forms[i]!, prev ? { previous: prev, index: i } : { index: i }).length;
  }
};
parseAll();
lintAll();
const p: number[] = [];
const l: number[] = [];
for (let r = 0; r < rounds; r++) {
  p.push(time(parseAll));
  l.push(time(lintAll));
}
let findings = 0;
for (let i = 0; i < forms.length; i++) findings += lintGoalForm(forms[i]!, previousOf[i] ? { previous: previousOf[i]! } : {}).length;

const ratio = median(l) / median(p);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
console.log(
  `keystroke in a 30-indicator goal form (${keystrokes} keystrokes, new text each): median ${p50.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${sorted[sorted.length - 1]!.toFixed(2)} ms (goal < 16 ms)`,
);
console.log(
  `${n} goal forms (${(texts.reduce((a, t) => a + t.length, 0) / n / 1024).toFixed(1)} KiB JSON each), ${findings} findings; median of ${rounds} rounds`,
);
console.log(`baseline JSON.parse: ${median(p).toFixed(1)} ms`);
console.log(`lint G1–G11: ${median(l).toFixed(1)} ms`);
console.log(`ratio lint / JSON.parse: ${ratio.toFixed(2)} (goal ≤ 1)`);
report('lint', [
  {
    what: `keystroke in a 30-indicator goal form, lint G1–G11, median (p95 ${p95.toFixed(2)} ms)`,
    value: p50,
    unit: 'ms',
    baseline: null,
    ratio: null,
    goal: '< 16 ms',
    met: p50 < 16 && p95 < 16,
  },
  {
    what: `lint ${n} goal forms G1–G11 (vs JSON.parse of the same)`,
    value: median(l),
    unit: 'ms',
    baseline: median(p),
    ratio,
    goal: 'ratio ≤ 1',
    met: ratio <= 1,
  },
]);
if (sink < 0) console.log(sink);
