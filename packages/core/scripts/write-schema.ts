/** Writes docs/evaluation.schema.json (JSON Schema of the Evaluation model) from the zod definition. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationJsonSchema } from '../src/model/json-schema.ts';

const out = join(import.meta.dirname, '../../../docs/evaluation.schema.json');
writeFileSync(out, JSON.stringify(evaluationJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
