/**
 * Downloads of the official documents, made from the stored forms on request so that they always agree
 * with the screen: a form in its layout, and a department's 汇总表, 整体自评报告 and 决算公开说明; all
 * forms of a department (or a selection) as one .zip, directly or as a job whose progress the browser
 * polls. One score source per document, computed by default; made from drafts or forms with errors,
 * every page is marked 草稿（未审核）, and `documents/status` says so (and lists the claimed-vs-computed
 * differences) before the download.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contract,
  departmentName,
  disclosureText,
  documentScores,
  documentStatus,
  DRAFT_MARK,
  summaryWithScores,
  getScheme,
  outOfRangeMessage,
  overallReport,
  scoreDifferences,
  STATUS_LABELS,
  type StoredEvaluation,
} from '@jixiao/core';
import type { Actor, DepartmentUseCases, FormUseCases } from '@jixiao/app';
import {
  checkFormat,
  departmentDocument,
  DOCUMENT_FORMATS,
  fileName,
  formsZip,
  storedFormDocument,
  MIME,
  renderDocument,
  type DocumentFormat,
  type DocumentKind,
  type OfficialDocument,
  type PdfConverter,
} from '@jixiao/office';
import { IdParams } from '../schemas.ts';
import { actor, requireDepartment } from '../auth/guard.ts';
import { HttpError } from '../errors.ts';
import { answers } from '../contract.ts';

/** the media types of a document download, for the OpenAPI document */
const DOCUMENT_MIMES = DOCUMENT_FORMATS.map((f) => MIME[f]);

/** 万元, within the money bound of the forms (values/bounds.ts): a huge figure is refused before any arithmetic */
const SPENDING = /^\d{1,9}(\.\d{1,10})?$/;

const Format = z.enum(DOCUMENT_FORMATS).default('docx').describe('docx、xlsx（自评表、汇总表）或 pdf');
const Scores = z
  .enum(['computed', 'claimed'])
  .default('computed')
  .describe('computed：按评分规则计算的得分（默认）；claimed：各表填报的得分。全文档统一一种口径');

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
const ContentQuery = DepartmentQuery.omit({ format: true }).extend({ kind: z.enum(['report', 'disclosure']) });

const ZipQuery = DepartmentQuery.omit({ projectSpending: true }).extend({
  projects: DepartmentQuery.shape.projects.describe('要打包的自评表序号（汇总表中的序号，从 1 起）；不填为全部'),
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, '表的编号用逗号分隔，如 12,15')
    .optional()
    .describe('要打包的表的编号（待办、汇总表中所选的表；与序号二选一）'),
});
const ZipBody = DepartmentBody.pick({ format: true, scores: true, year: true }).extend({
  projects: z.array(z.number().int().positive()).max(5000).optional().describe('要打包的自评表序号（从 1 起）；不填为全部'),
});
const JobParams = z.object({ job: z.string().uuid() });
const StatusQuery = DepartmentQuery.pick({ year: true, projects: true });

const KindParams = IdParams.extend({
  kind: z.enum(['summary', 'report', 'disclosure']).describe('summary 汇总表、report 整体自评报告、disclosure 决算公开说明'),
});

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

async function formsFor(departments: DepartmentUseCases, who: Actor, id: number, year: number | undefined) {
  const data = await departments.load(who, id, year);
  if (data.stored.length === 0) throw new HttpError(422, 'EXPORT.NO_FORMS', `部门“${data.d.name}”${year ? `${year}年度` : ''}没有自评表，无法生成文档`);
  return data;
}

/** 序号 (from 1) → indices into the forms, refused when outside the 汇总表. */
function checkedProjects(seqs: number[] | undefined, stored: readonly StoredEvaluation[]): number[] | undefined {
  if (seqs?.some((p) => p < 1 || p > stored.length))
    throw new HttpError(422, 'EXPORT.BAD_PROJECTS', `项目序号应在 1 到 ${stored.length} 之间`, { projects: seqs });
  return seqs?.map((p) => p - 1);
}

/** The forms chosen by their ids (a batch download of a list's selection), as indices; an id not among them is refused. */
function checkedIds(ids: number[] | undefined, stored: readonly StoredEvaluation[]): number[] | undefined {
  if (ids === undefined) return undefined;
  const at = new Map(stored.map((s, i) => [s.id, i]));
  const missing = ids.filter((id) => !at.has(id));
  if (missing.length) throw new HttpError(422, 'EXPORT.BAD_PROJECTS', `所选的表不在本部门该年度中：${missing.join('、')}`, { ids: missing });
  return [...new Set(ids)].map((id) => at.get(id)!);
}

/** The mark of one stored form: a draft, or a form with error findings, is not final. */
function formMark(stored: readonly StoredEvaluation[], findings: Parameters<typeof documentStatus>[1], i: number): string | null {
  return documentStatus(
    [i],
    findings,
    stored.map((s) => s.status),
  ).mark;
}

interface ZipJob {
  user: number;
  done: number;
  total: number;
  state: 'running' | 'done' | 'failed';
  bytes?: Uint8Array;
  name: string;
  error?: { code: string; message: string };
  /** when it may be forgotten */
  expires: number;
}

/** A finished archive waits this long for its download. */
const JOB_TTL_MS = 10 * 60 * 1000;

async function departmentDoc(
  departments: DepartmentUseCases,
  who: Actor,
  id: number,
  kind: Exclude<DocumentKind, 'form'>,
  q: DepartmentChoices,
): Promise<OfficialDocument> {
  checkFormat(kind, q.format); // before reading anything
  const { d, stored, ...data } = await formsFor(departments, who, id, q.year);
  const projects = checkedProjects(q.projects, stored);
  return departmentDocument(
    kind,
    { ...data, forms: [...data.forms], department: d.name, statuses: stored.map((s) => s.status) },
    {
      scores: q.scores,
      ...(projects && { projects }),
      ...(q.projectSpending && { projectSpending: q.projectSpending }),
      ...(q.fills && { fills: q.fills }),
    },
  );
}

export function documentRoutes(app: FastifyInstance, formUseCases: FormUseCases, departments: DepartmentUseCases, pdf: PdfConverter | undefined): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/evaluations/:id/document',
    {
      schema: {
        tags: ['文档'],
        summary: '下载自评表（按其表式：全国、河北、云州、宁夏）',
        params: IdParams,
        querystring: FormQuery,
        produces: DOCUMENT_MIMES,
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      const s = await formUseCases.find(actor(req), req.params.id);
      // the finance review (复核得分, 复核后总分, 复核意见) printed under the form's table
      const review = await formUseCases.printedReview(s);
      const doc = storedFormDocument(s.kind, s.evaluation, { scheme: getScheme(s.schemeId), scores: req.query.scores, review });
      // its findings as the department page computes them (A9 compares across the department's forms)
      const dept = await departments.load(actor(req), s.departmentId, s.year ?? undefined);
      const i = dept.stored.findIndex((x) => x.id === s.id);
      const mark = i < 0 ? (s.status === 'draft' || s.status === 'submitted' ? DRAFT_MARK : null) : formMark(dept.stored, dept.findings, i);
      return send(reply, mark ? { ...doc, mark } : doc, req.query.format, 'form', pdf);
    },
  );

  // ---- what the documents page shows before a download ----
  r.get(
    '/api/departments/:id/documents/status',
    {
      schema: {
        tags: ['文档'],
        summary: '下载前检查：填报得分与计算得分的差异、草稿或有错误的自评表',
        params: IdParams,
        querystring: StatusQuery,
        response: answers({ 200: contract.DocumentCheck }),
      },
    },
    async (req) => {
      requireDepartment(req, req.params.id);
      const { stored, findings, scores, forms } = await formsFor(departments, actor(req), req.params.id, req.query.year);
      const chosen = checkedProjects(req.query.projects?.split(',').map(Number), stored) ?? stored.map((_, i) => i);
      const st = documentStatus(
        chosen,
        findings,
        stored.map((s) => s.status),
      );
      const project = (i: number) => forms[i]!.project.name.raw;
      return {
        differences: scoreDifferences(
          forms.map((f) => f.project.name.raw),
          scores,
        )
          .filter((d) => chosen.includes(d.form))
          .map((d) => ({ ...d, seq: d.form + 1 })),
        drafts: st.drafts.map((i) => ({ seq: i + 1, project: project(i), status: stored[i]!.status, statusLabel: STATUS_LABELS[stored[i]!.status] })),
        withErrors: st.withErrors.map((i) => ({
          seq: i + 1,
          project: project(i),
          errors: findings.filter((f) => f.severity === 'error' && f.location.form?.index === i).length,
        })),
        mark: st.mark,
        warning: st.warning,
      };
    },
  );

  // ---- all forms of a department as one .zip ----
  const jobs = new Map<string, ZipJob>();
  // A finished job's archive is dropped when its time is up, downloaded or not (a department's PDFs are
  // tens of MB); a running one is never dropped under the job.
  const forget = () => {
    const now = Date.now();
    for (const [k, j] of jobs) if (j.state !== 'running' && j.expires < now) jobs.delete(k);
  };
  const dropLater = () => setTimeout(forget, JOB_TTL_MS + 1000).unref();
  async function zipOf(
    who: Actor,
    id: number,
    q: { format: DocumentFormat; scores: 'claimed' | 'computed'; year?: number | undefined; projects?: number[] | undefined; ids?: number[] | undefined },
    onProgress?: (done: number, total: number) => void,
  ) {
    if (q.format === 'pdf' && !pdf) throw new HttpError(503, 'EXPORT.CONVERTER_MISSING', '服务器未配置 PDF 转换（LibreOffice），请下载 docx');
    const data = await formsFor(departments, who, id, q.year);
    const { d, stored, findings, forms: documents } = data;
    const chosen = checkedIds(q.ids, stored) ?? checkedProjects(q.projects, stored) ?? stored.map((_, i) => i);
    // each form's finance review (复核得分, 复核意见) printed under its table, as on a single download
    const reviews = await departments.printedReviews(data, chosen);
    // one pass over the findings for all forms (a department may have a thousand)
    const st = documentStatus(
      chosen,
      findings,
      stored.map((s) => s.status),
    );
    const unfinished = new Set([...st.drafts, ...st.withErrors]);
    const forms = chosen.map((i, k) => ({
      evaluation: documents[i]!,
      seq: i + 1,
      scheme: getScheme(stored[i]!.schemeId),
      mark: unfinished.has(i) ? DRAFT_MARK : null,
      review: reviews[k]!,
    }));
    const z = await formsZip(forms, { format: q.format, scores: q.scores, ...(pdf && { pdf }), ...(onProgress && { onProgress }) });
    return { bytes: z.bytes, name: `${fileName(`${d.name}_自评表`, q.format).replace(/\.[a-z]+$/, '')}.zip`, total: forms.length };
  }
  const sendZip = (reply: FastifyReply, bytes: Uint8Array, name: string) =>
    reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="forms.zip"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

  r.get(
    '/api/departments/:id/documents/forms.zip',
    {
      schema: {
        tags: ['文档'],
        summary: '全部（或所选）自评表打包下载：序号_项目名称_自评表.docx/xlsx/pdf',
        params: IdParams,
        querystring: ZipQuery,
        produces: ['application/zip'],
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      requireDepartment(req, req.params.id);
      const { projects, ids, ...q } = req.query;
      const z = await zipOf(actor(req), req.params.id, { ...q, projects: projects?.split(',').map(Number), ids: ids?.split(',').map(Number) });
      return sendZip(reply, z.bytes, z.name);
    },
  );

  r.post(
    '/api/departments/:id/documents/forms-zip',
    {
      schema: {
        tags: ['文档'],
        summary: '打包下载作为任务开始：返回任务编号，进度见 /api/document-jobs/{job}',
        params: IdParams,
        body: ZipBody,
        response: answers({ 202: contract.ZipJobStarted }),
      },
    },
    async (req, reply) => {
      requireDepartment(req, req.params.id);
      forget();
      const { stored } = await formsFor(departments, actor(req), req.params.id, req.body.year);
      const total = req.body.projects?.length ?? stored.length;
      checkedProjects(req.body.projects, stored);
      if (req.body.format === 'pdf' && !pdf) throw new HttpError(503, 'EXPORT.CONVERTER_MISSING', '服务器未配置 PDF 转换（LibreOffice），请下载 docx');
      const id = randomUUID();
      const job: ZipJob = { user: req.auth!.user.id, done: 0, total, state: 'running', name: '', expires: Date.now() + JOB_TTL_MS };
      jobs.set(id, job);
      zipOf(actor(req), req.params.id, req.body, (done) => (job.done = done)).then(
        (z) => {
          Object.assign(job, { state: 'done', bytes: z.bytes, name: z.name, done: z.total, expires: Date.now() + JOB_TTL_MS });
          dropLater();
        },
        (e: unknown) => {
          Object.assign(job, {
            state: 'failed',
            error: { code: (e as { code?: string }).code ?? 'EXPORT.FAILED', message: e instanceof Error ? e.message : String(e) },
            expires: Date.now() + JOB_TTL_MS,
          });
          dropLater();
        },
      );
      return reply.code(202).send({ job: id, total });
    },
  );

  const myJob = (req: { auth: { user: { id: number } } | null }, id: string): ZipJob => {
    forget(); // an expired job is not downloadable, even by its owner
    const job = jobs.get(id);
    // another user's job is as unknown as a missing one
    if (!job || job.user !== req.auth?.user.id) throw new HttpError(404, 'EXPORT.NO_JOB', '打包任务不存在或已过期，请重新开始');
    return job;
  };
  r.get(
    '/api/document-jobs/:job',
    { schema: { tags: ['文档'], summary: '打包任务的进度', params: JobParams, response: answers({ 200: contract.ZipJobProgress }) } },
    async (req) => {
      const { done, total, state, error } = myJob(req, req.params.job);
      return { done, total, state, ...(error && { error }) };
    },
  );
  r.get(
    '/api/document-jobs/:job/file',
    {
      schema: {
        tags: ['文档'],
        summary: '下载打包好的 .zip',
        params: JobParams,
        produces: ['application/zip'],
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      const job = myJob(req, req.params.job);
      if (job.state === 'failed') throw new HttpError(422, job.error?.code ?? 'EXPORT.FAILED', job.error?.message ?? '打包失败');
      if (job.state !== 'done' || !job.bytes) throw new HttpError(409, 'EXPORT.NOT_READY', `尚未完成（${job.done}/${job.total}）`);
      jobs.delete(req.params.job);
      return sendZip(reply, job.bytes, job.name);
    },
  );

  r.get(
    '/api/departments/:id/documents/:kind',
    {
      schema: {
        tags: ['文档'],
        summary: '下载部门文档：汇总表、整体绩效自评工作报告、决算公开绩效情况说明',
        params: KindParams,
        querystring: DepartmentQuery,
        produces: DOCUMENT_MIMES,
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      requireDepartment(req, req.params.id);
      const { projects, ...q } = req.query;
      const doc = await departmentDoc(departments, actor(req), req.params.id, req.params.kind, { ...q, projects: projects?.split(',').map(Number) });
      return send(reply, doc, q.format, req.params.kind, pdf);
    },
  );
  r.post(
    '/api/departments/:id/documents/:kind',
    {
      schema: {
        tags: ['文档'],
        summary: '下载部门文档（请求体可带报告待编辑段落的文字）',
        params: KindParams,
        body: DepartmentBody,
        produces: DOCUMENT_MIMES,
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      requireDepartment(req, req.params.id);
      const doc = await departmentDoc(departments, actor(req), req.params.id, req.params.kind, req.body);
      return send(reply, doc, req.body.format, req.params.kind, pdf);
    },
  );

  r.get(
    '/api/departments/:id/report-content',
    {
      schema: {
        tags: ['文档'],
        summary: '报告内容（章节、由数字生成的文字和待编辑段落），供预览和编辑',
        params: IdParams,
        querystring: ContentQuery,
        response: answers({ 200: contract.ReportContent }),
      },
    },
    async (req) => {
      requireDepartment(req, req.params.id);
      const q = req.query;
      const { d, stored, ...data } = await formsFor(departments, actor(req), req.params.id, q.year);
      const projects = checkedProjects(q.projects?.split(',').map(Number), stored);
      // the preview reads the scores the download will print (one source per document)
      const scheme = getScheme(stored[0]!.schemeId);
      const scores = documentScores(data.scores, q.scores);
      const summary = q.scores === 'computed' ? data.summary : summaryWithScores(data.summary, scores, scheme);
      const input = {
        ...data,
        scores,
        summary,
        department: departmentName({ forms: data.forms, department: d.name }),
        scoreSource: q.scores,
        scorePlaces: scheme.decimals,
      };
      return q.kind === 'report'
        ? overallReport(input)
        : disclosureText(input, { ...(projects && { projects }), ...(q.projectSpending && { projectSpending: q.projectSpending }) });
    },
  );
}
