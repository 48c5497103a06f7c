/**
 * bench/audit.ts — audit of a department of N synthetic forms (A1–A12, copy detection across all of
 * them), against scoring alone of the same forms, in the same process. Goal (issue 3): ratio ≤ 2.
 * Usage: npx tsx bench/audit.ts [N=1000] [rounds=15]
 */
import { cpus, totalmem } from 'node:os';
import { auditForms, getScheme, scoreEvaluation, syntheticForms } from '@jixiao/core';
import { keptBytes, median, report, time } from './measure.ts';

const n = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 15);
const forms = syntheticForms(n, 7);
const scheme = getScheme('national');

let sink = 0;
// The baseline keeps the department's scores, as the audit does (it returns them): a baseline that
// dropped each score at once would leave the garbage collector nothing to keep, and the ratio would
// measure retaining 1,000 scores rather than the rules.
const score = () => {
  sink += forms.map((f) => scoreEvaluation(f, scheme)).length;
};
const audit = () => {
  sink += auditForms(forms).findings.length;
};
score();
audit();
const s: number[] = [];
const a: number[] = [];
for (let i = 0; i < rounds; i++) {
  s.push(time(score));
  a.push(time(audit));
}
// What a department's results keep alive (scores and findings), measured after a full collection:
// the audit's cost on this kind of machine follows it (see bench/README.md, audit section).
const kept = await keptBytes(() => auditForms(forms));
const findings = kept.value.findings;
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
console.log(
  `department: ${n} forms × 10 indicators, median of ${rounds} rounds; ${findings.length} findings (${findings.filter((f) => f.rule === 'A9').length} A9)`,
);
console.log(`results kept: ${(kept.bytes / 2 ** 20).toFixed(1)} MiB (${(kept.bytes / n / 1024).toFixed(1)} KiB per form)`);
console.log(`baseline score only: ${median(s).toFixed(1)} ms`);
console.log(`audit A1–A12 incl. copy detection: ${median(a).toFixed(1)} ms`);
console.log(`ratio audit / score: ${(median(a) / median(s)).toFixed(2)} (goal ≤ 2)`);
report('audit', [
  {
    what: `audit ${n} forms A1–A12 (vs scoring them)`,
    value: median(a),
    unit: 'ms',
    baseline: median(s),
    ratio: median(a) / median(s),
    goal: 'ratio ≤ 2',
    met: median(a) / median(s) <= 2,
  },
]);
if (sink < 0) console.log(sink);
