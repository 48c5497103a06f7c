/** Writes docs/goal-form.schema.json (JSON Schema of the GoalForm model) from the zod definition. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goalFormJsonSchema } from '../src/kinds/goal/goal-form.ts';

const out = join(import.meta.dirname, '../../../docs/goal-form.schema.json');
writeFileSync(out, JSON.stringify(goalFormJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
