/**
 * vitest globalSetup: asks once per run whether PostgreSQL is there (helpers/postgres.ts) and hands the
 * answer to the test files (`inject('postgres')`: the url, or null to skip). Prints one line either way;
 * under CI=true an absent server fails the run here.
 */
import type { TestProject } from 'vitest/node';
import { decidePostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the PostgreSQL url the tests use, or null when its cases are skipped */
    postgres: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const { url, line } = await decidePostgres();
  process.stdout.write(`${line}\n`);
  project.provide('postgres', url);
}
