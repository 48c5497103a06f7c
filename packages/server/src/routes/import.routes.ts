/**
 * Import in two steps: upload (multipart) → a preview of the recognised forms and their findings,
 * kept for 30 minutes under a token; then commit, which stores every file's forms and the file itself
 * (by SHA-256) in one transaction each. A file the importer rejects is reported and stored nowhere.
 * Each file is read as the kind its title names — a 自评表 (scored and audited in the preview) or a
 * 绩效目标申报表 (linted, G1–G11, not scored) — or as the kind `?kind=` chooses; each previewed form says
 * its kind, and is stored as that kind (issue 20).
 *
 * Untrusted files are read in the parse pool's worker threads (capped heap and time), one at a time
 * per request; a file refused for any cap is listed with its own code while the request's other
 * files go on. What one user holds — previews kept plus uploads being read — is capped in count and
 * bytes: past the cap their oldest previews are dropped first, then a file that still does not fit is
 * refused (`IMPORT.PREVIEW_LIMIT`).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditForms, contract, getFormKind, lintGoalForm, NotFound, selfEvaluationKind, type Store } from '@jixiao/core';
import { answers } from '../contract.ts';
import { ImportError, type ParsePool, type RecognizedUpload } from '@jixiao/office';
import { HttpError, toApiError } from '../errors.ts';
import { CommitImport, ImportQuery } from '../schemas.ts';
import { brief, commitImportedFiles, evaluationReadout, goalReadout } from '@jixiao/app';
import { actor, auth, requireDepartment, requireRole } from '../auth/guard.ts';
import { inScope } from '../auth/scope.ts';

interface Preview {
  expires: number;
  created: number;
  /** bytes of the files it holds */
  bytes: number;
  /** the user who uploaded: only they may commit it */
  owner: number;
  files: Array<{ name: string; sha256: string; bytes: Uint8Array; recognized: RecognizedUpload }>;
}

const TTL_MS = 30 * 60 * 1000;

type PreviewForm = contract.ImportPreview['files'][number]['evaluations'][number];

export interface PreviewCaps {
  /** previews one user holds at once (default 5) */
  perUser: number;
  /** bytes of files one user holds in previews and uploads being read, together (default 100 MB) */
  bytesPerUser: number;
}

export const DEFAULT_PREVIEW_CAPS: PreviewCaps = { perUser: 5, bytesPerUser: 100 * 1024 * 1024 };

export function importRoutes(app: FastifyInstance, store: Store, maxUploadBytes: number, pool: ParsePool, caps: PreviewCaps = DEFAULT_PREVIEW_CAPS): void {
  const previews = new Map<string, Preview>();
  /** bytes of uploads being read now, per user: counted with the previews they hold */
  const reading = new Map<number, number>();
  const sweep = () => {
    const now = Date.now();
    for (const [k, p] of previews) if (p.expires < now) previews.delete(k);
  };
  const held = (user: number) => [...previews.values()].filter((p) => p.owner === user).reduce((n, p) => n + p.bytes, 0) + (reading.get(user) ?? 0);
  /** Drops the user's oldest previews until `room` more bytes fit; false when even none left is not enough. */
  const makeRoom = (user: number, room: number): boolean => {
    const mine = [...previews.entries()].filter(([, p]) => p.owner === user).sort((a, b) => a[1].created - b[1].created);
    while (held(user) + room > caps.bytesPerUser && mine.length > 0) previews.delete(mine.shift()![0]);
    return held(user) + room <= caps.bytesPerUser;
  };
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/import',
    {
      schema: {
        tags: ['导入'],
        summary: '上传 .docx/.xlsx/.pdf/.txt/.doc/.xls（multipart，可多个文件），按标题识别自评表或绩效目标申报表（或按所选种类），返回识别结果与校验预览',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: answers({ 200: contract.ImportPreview }),
      },
    },
    async (req) => {
      sweep();
      requireRole(req, ['filler', 'admin'], '导入表格');
      if (!req.isMultipart()) throw new HttpError(415, 'REQUEST.MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const files: Preview['files'] = [];
      const rejected: Array<{ name: string; error: ReturnType<typeof toApiError>['body'] }> = [];
      const user = auth(req).user.id;
      const reject = (name: string, e: unknown) => {
        const err = toApiError(e);
        if (err.status >= 500) throw e;
        rejected.push({ name, error: err.body });
      };
      let received = 0;
      try {
        // the size limit is checked per file (not thrown): a file over it is refused alone and the next one is read
        for await (const part of req.files({ limits: { fileSize: maxUploadBytes }, throwFileSizeLimit: false })) {
          // Stops reading at the limit: the file is never held whole in memory (busboy drops the rest).
          const bytes = new Uint8Array(await part.toBuffer());
          if (part.file.truncated) {
            reject(
              part.filename,
              new HttpError(413, 'UPLOAD.TOO_LARGE', `“${part.filename}”超过上传上限 ${(maxUploadBytes / 1048576).toFixed(0)} MB，已拒绝`, {
                file: part.filename,
                max: maxUploadBytes,
              }),
            );
            continue;
          }
          received++;
          if (!makeRoom(user, bytes.byteLength)) {
            reject(
              part.filename,
              new ImportError(
                'IMPORT.PREVIEW_LIMIT',
                `“${part.filename}”未读取：您的导入预览与正在读取的文件已达 ${(caps.bytesPerUser / 1048576).toFixed(0)} MB 上限，请先保存或放弃已有的预览`,
                { file: part.filename, max: caps.bytesPerUser },
              ),
            );
            continue;
          }
          reading.set(user, (reading.get(user) ?? 0) + bytes.byteLength);
          try {
            const recognized = await pool.parse(bytes, part.filename, req.query.kind);
            files.push({ name: part.filename, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, recognized });
          } catch (e) {
            // a refused file holds nothing (and is uncounted before a server fault ends the request)
            reading.set(user, (reading.get(user) ?? 0) - bytes.byteLength);
            reject(part.filename, e);
          }
        }
      } finally {
        const kept = files.reduce((n, f) => n + f.bytes.byteLength, 0);
        const left = (reading.get(user) ?? 0) - kept;
        if (left > 0) reading.set(user, left);
        else reading.delete(user);
      }
      // nothing at all could be received (every file over the upload limit): the request as a whole is refused
      if (received === 0 && rejected.length > 0 && rejected.every((x) => x.error.code === 'UPLOAD.TOO_LARGE'))
        throw new HttpError(413, 'UPLOAD.TOO_LARGE', '上传的文件过大，已拒绝（超过服务器设置的上限）');
      if (files.length === 0 && rejected.length === 0) throw new HttpError(400, 'IMPORT.NO_FILE', '没有收到文件');
      const token = randomUUID();
      const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
      previews.set(token, { expires: Date.now() + TTL_MS, created: Date.now(), bytes, files, owner: user });
      // this user's previews beyond the count go: those that hold no file first, then the oldest
      const mine = [...previews.entries()]
        .filter(([, p]) => p.owner === user)
        .sort((a, b) => Math.sign(a[1].bytes) - Math.sign(b[1].bytes) || a[1].created - b[1].created);
      for (const [k] of mine.slice(0, Math.max(0, mine.length - caps.perUser))) previews.delete(k);
      return {
        token,
        expiresAt: new Date(Date.now() + TTL_MS).toISOString(),
        files: files.map((f) => {
          const audit = auditForms(f.recognized.evaluations);
          // goal forms are linted (G1–G11), not scored; each after the file's self-evaluations by index
          const first = f.recognized.evaluations.length;
          const goalFindings = f.recognized.goals.map((g, i) => lintGoalForm(g, { index: first + i }));
          const goal = getFormKind('goal');
          return {
            name: f.name,
            sha256: f.sha256,
            size: f.bytes.byteLength,
            evaluations: f.recognized.evaluations
              .map((ev, i): PreviewForm => ({
                index: i,
                kind: selfEvaluationKind.id,
                kindTitle: selfEvaluationKind.title,
                project: ev.project.name.raw,
                year: ev.year,
                schemeId: ev.schemeId,
                layout: ev.layout,
                department: ev.project.department?.name.raw ?? ev.project.implementer?.name.raw ?? null,
                indicators: ev.indicators.length,
                claimedTotal: ev.claimed.total?.value ?? null,
                total: audit.scores[i]!.total,
                grade: audit.scores[i]!.grade,
                errors: audit.findings.filter((x) => x.location.form?.index === i && x.severity === 'error').length,
                warnings: audit.findings.filter((x) => x.location.form?.index === i && x.severity === 'warning').length,
                read: evaluationReadout(ev),
              }))
              .concat(
                f.recognized.goals.map((g, i) => ({
                  index: first + i,
                  kind: goal.id,
                  kindTitle: goal.title,
                  project: g.project.name.raw,
                  year: g.year,
                  schemeId: g.schemeId,
                  layout: g.layout,
                  department: g.project.department?.name.raw ?? g.project.implementer?.name.raw ?? null,
                  indicators: g.indicators.length,
                  claimedTotal: null,
                  total: null,
                  grade: null,
                  errors: goalFindings[i]!.filter((x) => x.severity === 'error').length,
                  warnings: goalFindings[i]!.filter((x) => x.severity === 'warning').length,
                  read: goalReadout(g),
                })),
              ),
            summaries: f.recognized.summaries.length,
            texts: f.recognized.texts.map((t) => t.title.raw),
            notes: f.recognized.notes,
            reports: f.recognized.reports,
            findings: [...audit.findings, ...goalFindings.flat()],
          };
        }),
        rejected,
      };
    },
  );

  /** tokens being committed or committed (until their preview would have expired): a second commit is a 409 */
  const spent = new Map<string, number>();
  r.post(
    '/api/import/:token/commit',
    {
      schema: {
        tags: ['导入'],
        summary: '保存预览中的表（自评表、绩效目标申报表）：所有文件在一个事务中，全部保存或全部不保存；同一预览只能保存一次',
        params: z.object({ token: z.string().uuid() }),
        body: CommitImport,
        response: answers({ 201: contract.ImportCommitted }),
      },
    },
    async (req, reply) => {
      sweep();
      const now = Date.now();
      for (const [k, until] of spent) if (until < now) spent.delete(k);
      const { token } = req.params;
      const p = previews.get(token);
      if (!p || p.owner !== auth(req).user.id) {
        if (spent.has(token)) throw new HttpError(409, 'IMPORT.ALREADY_COMMITTED', '这次导入已经保存过（或正在保存），不会重复保存', { token });
        throw new HttpError(404, 'IMPORT.PREVIEW_EXPIRED', '导入预览不存在或已过期（30 分钟），请重新上传');
      }
      if (req.body.departmentId === undefined) requireRole(req, ['admin'], '新建部门');
      else requireDepartment(req, req.body.departmentId);
      // Claimed before the first await: a concurrent commit of the same token finds it spent (issue 24:
      // four concurrent commits stored it four times). The store checks the token again in its transaction.
      previews.delete(token);
      spent.set(token, p.expires);
      try {
        const files = p.files
          .filter((f) => f.recognized.evaluations.length + f.recognized.goals.length > 0)
          .map((f) => ({ evaluations: [...f.recognized.evaluations, ...f.recognized.goals], source: { name: f.name, sha256: f.sha256, bytes: f.bytes } }));
        const department = req.body.departmentId !== undefined ? { id: req.body.departmentId } : req.body.department!;
        // all files in one transaction: a refused file (a duplicate, say) leaves nothing of the others stored
        const saved = await commitImportedFiles(store, actor(req), department, files, token);
        return reply.code(201).send({ departmentId: saved.departmentId, evaluations: saved.evaluations.map(brief) });
      } catch (e) {
        // nothing was stored: the same preview may be committed again (into another department, say)
        if (!(e instanceof Error && 'code' in e && e.code === 'IMPORT.ALREADY_COMMITTED')) {
          spent.delete(token);
          previews.set(token, p);
        }
        throw e;
      }
    },
  );

  r.get(
    '/api/source-files/:sha256',
    {
      schema: {
        tags: ['导入'],
        summary: '下载导入时的原始文件',
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        produces: ['application/octet-stream'],
        response: answers({ 200: contract.FileDownload }),
      },
    },
    async (req, reply) => {
      const a = auth(req);
      const f = await store.sourceFile(req.params.sha256);
      // A file is theirs to download when one of the forms read from it is in their departments.
      if (!f || !(await store.sourceFileDepartments(req.params.sha256)).some((d) => inScope(a.scope, d))) throw new NotFound('原始文件不存在');
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(Buffer.from(f.bytes));
    },
  );
}
