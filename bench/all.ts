/**
 * `npm run bench`: every benchmark, each in a process of its own (so that one's heap and JIT state do
 * not colour the next), then one table of every figure with its baseline and ratio, and the machine.
 * Each benchmark measures its baseline itself, in the same process as the figure.
 *
 *   npm run bench                 the sizes the issues name (score 100,000, store 100,000 on both
 *                                 databases: the store run alone takes ≈ 15 minutes)
 *   npm run bench -- --quick      small sizes, a few minutes, for a check that everything runs
 *   npm run bench -- --only api,web
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './measure.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only'))?.split('=')[1] ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);

const RUNS: Array<{ bench: string; full: string[]; quick: string[] }> = [
  { bench: 'score', full: ['100000', '3'], quick: ['5000', '3'] },
  { bench: 'audit', full: ['1000', '15'], quick: ['1000', '5'] },
  { bench: 'lint', full: ['10000', '5', '2000'], quick: ['2000', '3', '500'] },
  { bench: 'import', full: ['1000', '3'], quick: ['100', '2'] },
  { bench: 'import-pdf', full: ['100', '3'], quick: ['20', '2'] }, // making the 100 PDFs with LibreOffice takes ≈ 1 minute more, not timed
  { bench: 'export', full: ['1000', '3', '8'], quick: ['100', '2', '4'] },
  { bench: 'export-set', full: ['200', '2'], quick: ['20', '2'] }, // ≈ 4–5 minutes at full size, half of it the soffice baseline
  { bench: 'store', full: ['100000'], quick: ['5000'] }, // five loads of 100,000 forms (SQLite raw and store; PostgreSQL INSERTs, COPY and store)
  { bench: 'forms', full: ['200', '100000'], quick: ['50', '2000'] },
  { bench: 'todo', full: ['100000', '30'], quick: ['5000', '10'] }, // issue 23: a finance reviewer's to-do list; loads 101,000 forms into each database (≈ 10 minutes) // issue 19: a save through the API, next year's forms, an upgrade
  { bench: 'api', full: ['5', '10', '5'], quick: ['2', '10', '2'] },
  { bench: 'response-check', full: ['2000', '5'], quick: ['500', '3'] }, // what checking an answer against its schema costs (server/src/contract.ts)
  { bench: 'web', full: ['200', '7', '60'], quick: ['200', '3', '30'] },
];

const results: Array<{ bench: string; figures: Figure[]; error?: string }> = [];
for (const run of RUNS) {
  if (only && !only.split(',').includes(run.bench)) continue;
  const argv = quick ? run.quick : run.full;
  process.stderr.write(`▶ ${run.bench} ${argv.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${run.bench}.ts`), ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stderr.write(
    r.stdout
      .split('\n')
      .filter((l) => l && !l.startsWith('BENCH '))
      .map((l) => `  ${l}\n`)
      .join(''),
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line) results.push({ bench: run.bench, figures: [], error: `exit ${r.status}` });
  else results.push(JSON.parse(line.slice(6)) as { bench: string; figures: Figure[] });
}

const fmt = (x: number | null) => (x === null ? '' : x >= 100 ? x.toFixed(0) : x.toFixed(2));
const lines = [
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${quick ? 'quick sizes' : 'full sizes'}`,
  '',
  '| bench | figure | value | baseline | ratio | goal | met |',
  '|---|---|---|---|---|---|---|',
  ...results.flatMap((r) =>
    r.error
      ? [`| ${r.bench} | failed (${r.error}) | | | | | ✗ |`]
      : r.figures.map(
          (f) =>
            `| ${r.bench} | ${f.what} | ${fmt(f.value)} ${f.unit} | ${fmt(f.baseline)} | ${fmt(f.ratio)} | ${f.goal} | ${f.met === null ? '—' : f.met ? 'yes' : 'no'} |`,
        ),
  ),
];
process.stdout.write(lines.join('\n') + '\n');
process.exitCode = results.some((r) => r.error) ? 1 : 0;
