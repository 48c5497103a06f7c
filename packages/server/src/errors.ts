/**
 * Every error leaves the server as `{code, message, details}` with a fitting status. Codes are stable
 * and English; messages are Chinese. This is the one place that maps codes to HTTP statuses.
 */
import { ExportError, ImportError } from '@jixiao/office';
import { NotFound, UnknownFormKind, VersionConflict } from '@jixiao/core';
import { AppError, type AppErrorCode } from '@jixiao/app';
import { StoreError } from '@jixiao/store';

export interface ApiError {
  status: number;
  body: { code: string; message: string; details: Record<string, unknown> };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const IMPORT_STATUS: Record<string, number> = {
  'IMPORT.TOO_LARGE': 413,
  // a file over a cap (packages/office/src/limits.ts) or over what one user may hold
  'IMPORT.ZIP_BOMB': 413,
  'IMPORT.TOO_MANY_ENTRIES': 413,
  'IMPORT.TOO_MANY_ROWS': 413,
  'IMPORT.MEMORY_LIMIT': 413,
  'IMPORT.PREVIEW_LIMIT': 413,
  'IMPORT.UNAVAILABLE': 503,
  'IMPORT.UNSUPPORTED_FORMAT': 415,
  'IMPORT.CONVERTER_MISSING': 503,
};

const STORE_STATUS: Record<string, number> = {
  'STORE.DUPLICATE': 409,
  'IMPORT.ALREADY_COMMITTED': 409,
  'STORE.NOT_FOUND': 404,
  'STORE.NO_PARENT': 422,
  'STORE.NO_PROJECT_NAME': 422,
  'STORE.KIND_CHANGED': 422,
  'STORE.VALUE_OUT_OF_RANGE': 422,
  'STORE.OPEN_FAILED': 503,
  'STORE.MIGRATION_FAILED': 503,
};

const APP_STATUS: Record<AppErrorCode, number> = {
  'STORE.NOT_FOUND': 404,
  'AUTH.FORBIDDEN': 403,
  'WORKFLOW.NOT_YOURS': 403,
  'WORKFLOW.READ_ONLY': 409,
  'WORKFLOW.NOT_ALLOWED': 409,
  'WORKFLOW.COMMENT_REQUIRED': 422,
  'WORKFLOW.BLOCKED': 422,
  'FORM.NO_PREVIOUS_YEAR': 422,
  'FORM.DUPLICATE_INDICATOR_ID': 422,
  'REVIEW.BAD_INDICATOR': 422,
  'REVIEW.BAD_SCORE': 422,
  'FORM.BAD_INPUT': 422,
  'FORM.WRONG_KIND': 422,
  'FORM.NO_SOURCE': 422,
  'FORM.SOURCE_NOT_READY': 409,
  'GOAL.APPROVED_FROZEN': 409,
};

export function toApiError(e: unknown): ApiError {
  const err = e as Error & { code?: string; statusCode?: number; validation?: unknown };
  const make = (status: number, code: string, message: string, details: Record<string, unknown> = {}): ApiError => ({
    status,
    body: { code, message, details },
  });
  if (e instanceof HttpError) return make(e.status, e.code, e.message, e.details);
  if (e instanceof VersionConflict) return make(409, e.code, e.message, { current: e.current });
  if (e instanceof NotFound) return make(404, e.code, e.message);
  if (e instanceof AppError) return make(APP_STATUS[e.code], e.code, e.message, e.details);
  if (e instanceof UnknownFormKind) return make(422, e.code, e.message, { kind: e.kind });
  if (e instanceof ImportError) return make(IMPORT_STATUS[e.code] ?? 422, e.code, e.message, e.details);
  if (e instanceof ExportError) return make(e.code === 'EXPORT.FORMAT_UNSUPPORTED' ? 422 : 503, e.code, e.message, e.details);
  if (e instanceof StoreError) return make(STORE_STATUS[e.code] ?? 500, e.code, e.message, e.details);
  if (err.validation) {
    // A value outside the domain (a money, points, year or text bound of the model): its own code and
    // the field, so that a client can point at it (issue 24).
    const issues = err.validation as Array<{ keyword?: string; instancePath?: string; message?: string; params?: { origin?: string } }>;
    const bound =
      (err as { validationContext?: string }).validationContext !== 'body'
        ? undefined
        : issues.find(
            (i) =>
              i.keyword === 'too_big' ||
              (i.keyword === 'too_small' && i.params?.origin === 'number') ||
              (i.keyword === 'invalid_format' && i.message?.startsWith('数值超出范围')),
          );
    if (bound) {
      const field = (bound.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const tooLong = bound.keyword === 'too_big' && (bound.params?.origin === 'string' || bound.params?.origin === 'array');
      const said = bound.message && /[\u4e00-\u9fa5]/.test(bound.message) ? bound.message : tooLong ? '文字过长或项目过多' : '超出允许范围';
      return make(422, tooLong ? 'VALUE.TOO_LONG' : 'VALUE.OUT_OF_RANGE', `“${field}”${said}`, { field, issues });
    }
    return make(400, 'REQUEST.INVALID', `请求参数不正确：${err.message}`, { issues: err.validation });
  }
  // A path the static files refuse (`/../../etc/passwd`, a NUL byte, a directory): for the client
  // simply no such address (issue 24: these were 500s, logged as faults of the server).
  if (err.code === 'FST_STATIC_FORBIDDEN_PATH' || err.code === 'ENOENT' || err.code === 'ENAMETOOLONG' || err.code === 'EISDIR' || err.statusCode === 404)
    return make(404, 'NOT_FOUND', '没有这个地址');
  if (err.code === 'SCHEME.INVALID') return make(422, err.code, err.message);
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return make(413, 'UPLOAD.TOO_LARGE', '上传的文件过大，已拒绝（超过服务器设置的上限）');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return make(415, 'REQUEST.MEDIA_TYPE', '请求的内容类型不受支持');
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err.code?.startsWith('FST_')))
    return make(400, 'REQUEST.INVALID', `请求格式不正确：${err.message}`);
  // PostgreSQL 23505 / SQLite UNIQUE: two requests created the same thing at once; the loser is told so,
  // as when it came second (issue 24: ten concurrent creates of one form gave five 500s).
  if (err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return make(409, 'STORE.DUPLICATE', '同一内容刚刚已被另一请求保存（重复），本次未保存；请刷新后查看');
  if (err.code === 'SQLITE_READONLY' || err.code === 'SQLITE_READONLY_DBMOVED')
    return make(503, 'STORE.READ_ONLY', '数据库文件只读，无法保存；请检查数据目录的写权限');
  if (err.code === 'SQLITE_FULL' || err.code === '53100') return make(507, 'STORE.FULL', '磁盘已满，数据库无法写入；本次修改未保存');
  if (err.code === 'SQLITE_CANTOPEN') return make(503, 'STORE.OPEN_FAILED', '无法打开数据库文件');
  return make(500, 'INTERNAL', '服务器内部错误，请稍后重试；如持续出现请联系管理员', {});
}
