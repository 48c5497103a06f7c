/**
 * Downloads of the official documents, made from the stored forms on request so that they always agree
 * with the screen: a form in its layout, and a department's 汇总表, 整体自评报告 and 决算公开说明.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { departmentName, disclosureText, getScheme, outOfRangeMessage, overallReport, type Store, type StoredEvaluation } from '@jixiao/core';
import { reviewedTotals, type DepartmentAudits } from './department-data.ts';
import { checkFormat, departmentDocument, DOCUMENT_FORMATS, fileName, formDocument, MIME, renderDocument, type DocumentFormat, type DocumentKind, type OfficialDocument, type PdfConverter } from '@jixiao/office';
import { IdParams } from '../schemas.ts';
import { requireDepartment, requireEvaluation } from '../auth/guard.ts';
import { HttpError } from '../errors.ts';

/** 万元, within the money bound of the forms (values/bounds.ts): a huge figure is refused before any arithmetic */
const SPENDING = /^\d{1,9}(\.\d{1,10})?$/;

const Format = z.enum(DOCUMENT_FORMATS).default('docx').describe('docx、xlsx（自评表、汇总表）或 pdf');
const Scores = z.enum(['claimed', 'computed']).default('claimed').describe('claimed：保留与计算值不同的填报得分（默认）；computed：一律输出计算得分');

const FormQuery = z.object({ format: Format, scores: Scores });
const DepartmentQuery = z.object({
  format: Format,
  scores: Scores,
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  projects: z
    .string()
    .regex(/^\d+(,\d+)*$/, '项目序号用逗号分隔，如 1,3,5')
    .optional()
    .describe('公开说明：附表和综述的项目序号（汇总表中的序号，从 1 起）'),
  projectSpending: z.string().regex(SPENDING, outOfRangeMessage('money')).optional().describe('公开说明：一般公共预算项目支出总额，万元'),
});
/** The same choices in a JSON body, with the user's texts for the report's slots (too long for a URL). */
const DepartmentBody = z.object({
  format: Format,
  scores: Scores,
  year: z.number().int().min(1990).max(2100).optional(),
  projects: z.array(z.number().int().positive()).max(500).optional().describe('公开说明：附表和综述的项目序号（从 1 起）'),
  projectSpending: z.string().regex(SPENDING, outOfRangeMessage('money')).optional(),
  fills: z.record(z.string().max(200), z.string().max(20_000)).optional().describe('报告中待编辑段落的文字，键为段落编号'),
});
const ContentQuery = DepartmentQuery.omit({ format: true, scores: true }).extend({ kind: z.enum(['report', 'disclosure']) });

const KindParams = IdParams.extend({ kind: z.enum(['summary', 'report', 'disclosure']).describe('summary 汇总表、report 整体自评报告、disclosure 决算公开说明') });

async function send(reply: FastifyReply, doc: OfficialDocument, format: DocumentFormat, kind: DocumentKind, pdf: PdfConverter | undefined) {
  if (format === 'pdf' && !pdf) throw new HttpError(503, 'EXPORT.CONVERTER_MISSING', '服务器未配置 PDF 转换（LibreOffice），请下载 docx');
  const bytes = await renderDocument(doc, format, kind, pdf);
  const name = fileName(doc.name, format);
  return reply
    .header('content-type', MIME[format])
    .header('content-disposition', `attachment; filename="document.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

interface DepartmentChoices {
  format: DocumentFormat;
  scores: 'claimed' | 'computed';
  year?: number | undefined;
  /** 汇总表 序号, from 1 */
  projects?: number[] | undefined;
  projectSpending?: string | undefined;
  fills?: Record<string, string> | undefined;
}

async function formsFor(audits: DepartmentAudits, id: number, year: number | undefined) {
  const data = await audits.load(id, year);
  if (data.stored.length === 0) throw new HttpError(422, 'EXPORT.NO_FORMS', `部门“${data.d.name}”${year ? `${year}年度` : ''}没有自评表，无法生成文档`);
  return data;
}

/** 序号 (from 1) → indices into the forms, refused when outside the 汇总表. */
function checkedProjects(seqs: number[] | undefined, stored: readonly StoredEvaluation[]): number[] | undefined {
  if (seqs?.some((p) => p < 1 || p > stored.length)) throw new HttpError(422, 'EXPORT.BAD_PROJECTS', `项目序号应在 1 到 ${stored.length} 之间`, { projects: seqs });
  return seqs?.map((p) => p - 1);
}

async function departmentDoc(store: Store, audits: DepartmentAudits, id: number, kind: Exclude<DocumentKind, 'form'>, q: DepartmentChoices): Promise<OfficialDocument> {
  checkFormat(kind, q.format); // before reading anything
  const { d, stored, ...data } = await formsFor(audits, id, q.year);
  const projects = checkedProjects(q.projects, stored);
  return departmentDocument(kind, { ...data, department: d.name, reviewed: await reviewedTotals(store, stored, data.scores) }, {
    scores: q.scores,
    ...(projects && { projects }),
    ...(q.projectSpending && { projectSpending: q.projectSpending }),
    ...(q.fills && { fills: q.fills }),
  });
}

export function documentRoutes(app: FastifyInstance, store: Store, audits: DepartmentAudits, pdf: PdfConverter | undefined): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/evaluations/:id/document', { schema: { tags: ['文档'], summary: '下载自评表（按其表式：全国、河北、云州、宁夏）', params: IdParams, querystring: FormQuery } }, async (req, reply) => {
    const s = await requireEvaluation(req, store, req.params.id);
    return send(reply, formDocument(s.evaluation, { scheme: getScheme(s.schemeId), scores: req.query.scores }), req.query.format, 'form', pdf);
  });

  r.get('/api/departments/:id/documents/:kind', { schema: { tags: ['文档'], summary: '下载部门文档：汇总表、整体绩效自评工作报告、决算公开绩效情况说明', params: KindParams, querystring: DepartmentQuery } }, async (req, reply) => {
    requireDepartment(req, req.params.id);
    const { projects, ...q } = req.query;
    const doc = await departmentDoc(store, audits, req.params.id, req.params.kind, { ...q, projects: projects?.split(',').map(Number) });
    return send(reply, doc, q.format, req.params.kind, pdf);
  });
  r.post('/api/departments/:id/documents/:kind', { schema: { tags: ['文档'], summary: '下载部门文档（请求体可带报告待编辑段落的文字）', params: KindParams, body: DepartmentBody } }, async (req, reply) => {
    requireDepartment(req, req.params.id);
    const doc = await departmentDoc(store, audits, req.params.id, req.params.kind, req.body);
    return send(reply, doc, req.body.format, req.params.kind, pdf);
  });

  r.get('/api/departments/:id/report-content', { schema: { tags: ['文档'], summary: '报告内容（章节、由数字生成的文字和待编辑段落），供预览和编辑', params: IdParams, querystring: ContentQuery } }, async (req) => {
    requireDepartment(req, req.params.id);
    const q = req.query;
    const { d, stored, ...data } = await formsFor(audits, req.params.id, q.year);
    const projects = checkedProjects(q.projects?.split(',').map(Number), stored);
    const input = { ...data, department: departmentName({ forms: data.forms, department: d.name }) };
    return q.kind === 'report' ? overallReport(input) : disclosureText(input, { ...(projects && { projects }), ...(q.projectSpending && { projectSpending: q.projectSpending }) });
  });
}
