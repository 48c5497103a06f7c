/** What the documents page reads before a download, the report's content, and the .zip jobs (department/*.ts). */
import { z } from 'zod';
import { Status } from './forms.ts';

export const DocumentCheck = z
  .object({
    differences: z.array(
      z.object({
        form: z.number().int(),
        seq: z.number().int(),
        project: z.string(),
        field: z.enum(['total', 'grade']),
        claimed: z.string(),
        computed: z.string(),
      }),
    ),
    drafts: z.array(z.object({ seq: z.number().int(), project: z.string(), status: Status, statusLabel: z.string() })),
    withErrors: z.array(z.object({ seq: z.number().int(), project: z.string(), errors: z.number().int() })),
    mark: z.string().nullable().describe('每页的标记（如 草稿（未审核）），定稿为 null'),
    warning: z.string().nullable(),
  })
  .meta({ id: 'DocumentCheck', description: '下载前检查' });
export type DocumentCheck = z.infer<typeof DocumentCheck>;

const ReportNode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), paragraph: z.boolean().optional() }),
  z.object({ kind: z.literal('slot'), id: z.string(), label: z.string(), text: z.string(), paragraph: z.boolean().optional() }),
]);

export interface ReportSection {
  id: string;
  title: string;
  content: Array<z.infer<typeof ReportNode>>;
  sections: ReportSection[];
}
/** named (an id), so that the OpenAPI document refers to it from inside itself */
export const ReportSection: z.ZodType<ReportSection> = z
  .lazy(() => z.object({ id: z.string(), title: z.string(), content: z.array(ReportNode), sections: z.array(ReportSection) }))
  .meta({ id: 'ReportSection', description: '报告的一节' });

export const ReportContent = z
  .object({
    kind: z.enum(['overall-report', 'disclosure']),
    title: z.string(),
    sections: z.array(ReportSection),
    attachments: z.array(z.number().int()),
  })
  .meta({ id: 'ReportContent', description: '报告内容（章节、由数字生成的文字和待编辑段落）' });
export type ReportContent = z.infer<typeof ReportContent>;

export const ZipJobStarted = z
  .object({ job: z.string().describe('任务编号'), total: z.number().int() })
  .meta({ id: 'ZipJobStarted', description: '打包任务已开始' });
export type ZipJobStarted = z.infer<typeof ZipJobStarted>;

export const ZipJobProgress = z
  .object({
    done: z.number().int(),
    total: z.number().int(),
    state: z.enum(['running', 'done', 'failed']),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'ZipJobProgress', description: '打包任务的进度' });
export type ZipJobProgress = z.infer<typeof ZipJobProgress>;

/** A file download (a document, a .zip, a CSV, an uploaded original): bytes, never serialised as JSON. */
export const FileDownload = z.any().meta({ type: 'string', format: 'binary', description: '文件' });
