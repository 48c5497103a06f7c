/** The one error shape of the API: every refused or failed request answers with it (server/src/errors.ts). */
import { z } from 'zod';

export const ApiErrorBody = z
  .object({
    code: z.string().describe('稳定的错误代码，如 FORM.BAD_INPUT、STORE.VERSION_CONFLICT'),
    message: z.string().describe('给人看的中文说明'),
    details: z.record(z.string(), z.unknown()).describe('细节（字段、当前版本等）'),
  })
  .meta({ id: 'ApiErrorBody', description: '错误' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
