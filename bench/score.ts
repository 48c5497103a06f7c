/**
 * bench/score.ts — scoring speed against reading the data.
 *
 * Scores N synthetic forms of 10 indicators each from their raw text (targets and actuals are parsed
 * as part of scoring) and compares the time with JSON.parse of the same forms serialized, run in the
 * same process. Goal (issue 2): ratio ≤ 1. Then score + audit (A1–A12, departments of 1,000 forms for
 * the copy detection) of up to 10,000 of them against JSON.parse of the same forms, each dropped at
 * once — the baseline the goal was set with (issue 9: ratio ≤ 1); and, reported beside it, against
 * JSON.parse keeping a department's parsed forms until the department is done (the baseline the goal
 * was measured against on 2026-12-04 only, when it was changed to meet the goal: issue 25).
 * Usage: npx tsx bench/score.ts [N=100000] [rounds=3]
 */
import { cpus, totalmem } from 'node:os';
import { auditForms, getScheme, scoreEvaluation, syntheticForms, type Evaluation } from '@jixiao/core';
import { median, report, time } from './measure.ts';

const n = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
let forms = syntheticForms(n, 42);
let texts = forms.map((f) => JSON.stringify(f));
const scheme = getScheme('national');

let sink = 0;
const parse = () => {
  for (const t of texts) sink += (JSON.parse(t) as Evaluation).indicators.length;
};
const score = () => {
  for (const f of forms) sink += scoreEvaluation(f, scheme).total.length;
};
// Score + audit on at most 10,000 of the forms, against JSON.parse of the same ones, measured after
// the scoring rounds with the other forms released: the audit keeps a department's scores and findings
// (≈ 13 MB per 1,000 forms), and with 100,000 forms resident (≈ 4 GB) each of those promotions can
// start a full collection of the whole heap — which measured the heap, not the audit (the same code
// gave 5.68 in one run and 1.60 in the next). A server audits a department with that department in memory.
const auditN = Math.min(n, 10_000);
const department = 1000;
const auditTexts = texts.slice(0, auditN);
const auditForms10k = forms.slice(0, auditN);
const audit = () => {
  for (let d = 0; d < auditForms10k.length; d += department) sink += auditForms(auditForms10k.slice(d, d + department)).findings.length;
};
// The goal (issue 9) was set against reading each form and dropping it at once, and is held to that.
// The audit keeps a department's results until the department is done (A9 compares them all), so part
// of its cost is what it keeps (page faults: 1.0 in rounds without them, 2.0 with, bench/README.md);
// reading that keeps a department's parsed forms as long is reported beside it, not as the goal's
// baseline (issue 25: a goal is met by the work, not by a new baseline).
const parseKept = () => {
  for (let d = 0; d < auditTexts.length; d += department) sink += auditTexts.slice(d, d + department).map((t) => JSON.parse(t) as Evaluation).length;
};
const parseDropped = () => {
  for (const t of auditTexts) sink += (JSON.parse(t) as Evaluation).indicators.length;
};
// warm up every path so that none pays for JIT compilation in the measured rounds
parse();
score();
const parseMs: number[] = [];
const scoreMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  parseMs.push(time(parse));
  scoreMs.push(time(score));
}
forms = [];
texts = [];
parseKept();
parseDropped();
audit();
const auditMs: number[] = [];
const parseKeptMs: number[] = [];
const parseDroppedMs: number[] = [];
// Page faults during the audit rounds: the audit keeps each department's results, so the heap grows
// into memory the process has not touched yet, and on this project's virtual machines a first touch
// costs ≈ 13 µs a page — the same code measured 1.2 and 1.8 depending on it (bench/README.md).
const faults: number[] = [];
for (let i = 0; i < rounds; i++) {
  parseKeptMs.push(time(parseKept));
  parseDroppedMs.push(time(parseDropped));
  const f0 = process.resourceUsage().minorPageFault;
  auditMs.push(time(audit));
  faults.push(process.resourceUsage().minorPageFault - f0);
}
const p = median(parseMs);
const s = median(scoreMs);
const a = median(auditMs);
const pk = median(parseKeptMs);
const pd = median(parseDroppedMs);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
console.log(`forms: ${n} × 10 indicators, median of ${rounds} rounds`);
console.log(`baseline JSON.parse: ${p.toFixed(0)} ms (${((n / p) * 1000).toFixed(0)} forms/s)`);
console.log(`score (parse values + R3–R7): ${s.toFixed(0)} ms (${((n / s) * 1000).toFixed(0)} forms/s)`);
console.log(`ratio score / JSON.parse: ${(s / p).toFixed(2)} (goal ≤ 1)`);
console.log(`score + audit A1–A12 of ${auditN} forms, departments of ${department}: ${a.toFixed(0)} ms; page faults per audit round ${faults.join(', ')}`);
console.log(
  `  JSON.parse of the same, each form dropped at once: ${pd.toFixed(0)} ms; ratio ${(a / pd).toFixed(2)} (goal ≤ 1: ${a / pd <= 1 ? 'met' : 'MISSED'})`,
);
console.log(`  JSON.parse of the same, a department's forms kept: ${pk.toFixed(0)} ms; ratio ${(a / pk).toFixed(2)} (reported)`);
report('score', [
  { what: `score ${n} forms (vs JSON.parse of the same)`, value: s, unit: 'ms', baseline: p, ratio: s / p, goal: 'ratio ≤ 1', met: s / p <= 1 },
  {
    what: `score + audit ${auditN} forms by departments of ${department} (vs JSON.parse of the same, each form dropped: the goal's baseline)`,
    value: a,
    unit: 'ms',
    baseline: pd,
    ratio: a / pd,
    goal: 'ratio ≤ 1',
    met: a / pd <= 1,
  },
  {
    what: `score + audit ${auditN} forms (vs JSON.parse of the same, a department's forms kept)`,
    value: a,
    unit: 'ms',
    baseline: pk,
    ratio: a / pk,
    goal: 'reported',
    met: null,
  },
]);
if (sink === 0) console.log('');
