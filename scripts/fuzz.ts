/**
 * The fuzzing suites (`*.fuzz.test.ts`: readers, value parser, API request schemas) with a long
 * budget. `npm test` runs them too, briefly and with a fixed seed. Settings by environment:
 * FUZZ_RUNS (default 1000 per property), FUZZ_SEED (default: a new one, printed so that a failure can
 * be run again), FUZZ_TIME_MS (the bound on one run, default 10,000 ms).
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.FUZZ_RUNS ??= '1000';
env.FUZZ_SEED ??= String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${env.FUZZ_SEED}${env.FUZZ_TIME_MS ? ` FUZZ_TIME_MS=${env.FUZZ_TIME_MS}` : ''}`);
const r = spawnSync('npx', ['vitest', 'run', '.fuzz.test.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
