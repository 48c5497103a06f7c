/**
 * Regenerates fixtures/golden/ from fixtures/seeds/. Run only after checking every changed value
 * against the seed by hand (`git diff fixtures/golden`): the golden files are the reference the
 * importer is tested against, so they must never just follow the code.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../src/index.ts';

const seeds = join(import.meta.dirname, '../../../fixtures/seeds');
const golden = join(import.meta.dirname, '../../../fixtures/golden');
for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
  const base = f.replace(/\.txt$/, '');
  const r = importText(readFileSync(join(seeds, f), 'utf8'), f);
  r.evaluations.forEach((ev, i) => {
    writeFileSync(join(golden, `${base}.form-${String(i + 1).padStart(2, '0')}.json`), JSON.stringify(ev, null, 2) + '\n');
  });
  r.summaries.forEach((s, i) => writeFileSync(join(golden, `${base}.summary-${i + 1}.json`), JSON.stringify(s, null, 2) + '\n'));
  r.texts.forEach((t, i) => writeFileSync(join(golden, `${base}.text-${i + 1}.json`), JSON.stringify(t, null, 2) + '\n'));
  console.log(`${f}: ${r.evaluations.length} forms, ${r.summaries.length} summary tables, ${r.texts.length} texts`);
}
