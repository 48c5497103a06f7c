/**
 * bench/score.ts — scoring speed against reading the data.
 *
 * Scores N synthetic forms of 10 indicators each from their raw text (targets and actuals are parsed
 * as part of scoring) and compares the time with JSON.parse of the same forms serialized, run in the
 * same process. Goal (issue 2): ratio ≤ 1. Then score + audit (A1–A12, departments of 1,000 forms for
 * the copy detection) against the same baseline (issue 9: ratio ≤ 1).
 * Usage: npx tsx bench/score.ts [N=100000] [rounds=3]
 */
import { cpus, totalmem } from 'node:os';
import { auditForms, getScheme, scoreEvaluation, syntheticForms, type Evaluation } from '@jixiao/core';
import { median, report, time } from './measure.ts';

const n = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const forms = syntheticForms(n, 42);
const texts = forms.map((f) => JSON.stringify(f));
const scheme = getScheme('national');


let sink = 0;
const parse = () => {
  for (const t of texts) sink += (JSON.parse(t) as Evaluation).indicators.length;
};
const score = () => {
  for (const f of forms) sink += scoreEvaluation(f, scheme).total.length;
};
const audit = () => {
  for (let d = 0; d < forms.length; d += 1000) sink += auditForms(forms.slice(d, d + 1000)).findings.length;
};
// warm up every path so that none pays for JIT compilation in the measured rounds
parse();
score();
audit();
const parseMs: number[] = [];
const scoreMs: number[] = [];
const auditMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  parseMs.push(time(parse));
  scoreMs.push(time(score));
  auditMs.push(time(audit));
}
const p = median(parseMs);
const s = median(scoreMs);
const a = median(auditMs);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
console.log(`forms: ${n} × 10 indicators, median of ${rounds} rounds`);
console.log(`baseline JSON.parse: ${p.toFixed(0)} ms (${((n / p) * 1000).toFixed(0)} forms/s)`);
console.log(`score (parse values + R3–R7): ${s.toFixed(0)} ms (${((n / s) * 1000).toFixed(0)} forms/s)`);
console.log(`ratio score / JSON.parse: ${(s / p).toFixed(2)} (goal ≤ 1)`);
console.log(`score + audit A1–A12: ${a.toFixed(0)} ms; ratio to JSON.parse ${(a / p).toFixed(2)} (goal ≤ 1)`);
report('score', [
  { what: `score ${n} forms (vs JSON.parse of the same)`, value: s, unit: 'ms', baseline: p, ratio: s / p, goal: 'ratio ≤ 1', met: s / p <= 1 },
  { what: `score + audit ${n} forms (vs JSON.parse of the same)`, value: a, unit: 'ms', baseline: p, ratio: a / p, goal: 'ratio ≤ 1', met: a / p <= 1 },
]);
if (sink === 0) console.log('');
