/** The published JSON Schema of an Evaluation (docs/evaluation.schema.json), generated from zod. */
import { z } from 'zod';
import { Evaluation } from './evaluation.ts';

export function evaluationJsonSchema(): Record<string, unknown> {
  return {
    title: '项目支出绩效自评表 (jixiao Evaluation)',
    ...z.toJSONSchema(Evaluation, { target: 'draft-2020-12' }),
  };
}
