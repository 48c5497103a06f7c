/**
 * Import of any supported file: .txt/.tsv text dumps, .docx, .xlsx, .pdf with a text layer, and .doc/.xls
 * through LibreOffice.
 * The file's kind is told by its extension and checked against its first bytes; anything else is a
 * clear error with a stable code. Nothing here writes anywhere but a private temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { readDocx } from './docx-grid.ts';
import { readPdf } from './pdf-grid.ts';
import { ImportError } from './errors.ts';
import { DEFAULT_LIMITS, limitsOf, refuse, type ImportLimits } from './limits.ts';
import type { GridDocument } from './grid.ts';
import { recognizeDocument, type Recognized } from './recognize/document.ts';
import { recognizeUpload, type RecognizedUpload, type UploadKind } from './recognize-upload.ts';
import { readTextGrid } from './text-grid.ts';
import { readXlsx } from './xlsx-grid.ts';

/** Larger files are refused before they are read whole (a form is a few hundred kB at most). */
export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;

export const SUPPORTED = ['.txt', '.tsv', '.docx', '.xlsx', '.doc', '.xls', '.pdf'] as const;

export interface ReadOptions {
  /** bytes of the file; kept beside `limits` for the callers that only ever set this one */
  maxBytes?: number;
  limits?: Partial<ImportLimits>;
  /** read as this kind whatever the name says: a .doc/.xls already converted by LibreOffice */
  as?: '.docx' | '.xlsx';
}

const limitsFor = (opts: ReadOptions): ImportLimits => limitsOf({ ...opts.limits, ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}) });

/** Text dumps come as UTF-8 or, from older Windows tools, GB18030 (GBK). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The extension a file is read by, or the clear refusal of one that is not supported. */
export function kindOf(name: string): (typeof SUPPORTED)[number] {
  const ext = extname(name).toLowerCase();
  if ((SUPPORTED as readonly string[]).includes(ext)) return ext as (typeof SUPPORTED)[number];
  throw new ImportError('IMPORT.UNSUPPORTED_FORMAT', `不支持的文件类型“${ext || '(无扩展名)'}”：${name}（可用 ${SUPPORTED.join('、')}）`, { file: name });
}

export async function readGrid(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<GridDocument> {
  const limits = limitsFor(opts);
  if (bytes.byteLength > limits.maxBytes) throw refuse.tooLarge(name, bytes.byteLength, limits.maxBytes);
  const ext = opts.as ?? kindOf(name);
  if (ext === '.txt' || ext === '.tsv') return readTextGrid(decodeText(bytes), name, limits);
  if (ext === '.docx') return readDocx(bytes, name, limits);
  if (ext === '.xlsx') return readXlsx(bytes, name, limits);
  if (ext === '.pdf') return readPdf(bytes, name);
  const converted = await convertLegacy(bytes, name, ext === '.doc' ? 'docx' : 'xlsx');
  return ext === '.doc' ? readDocx(converted, name, limits) : readXlsx(converted, name, limits);
}

export async function importBytes(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<Recognized> {
  return recognizeDocument(await readGrid(bytes, name, opts));
}

/** A file's bytes, an oversized one refused by its size before it is read whole. */
export async function readFileWithin(path: string, max: number): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ImportError('IMPORT.NOT_FOUND', `找不到文件：${path}`, { file: path });
  }
  if (size > max)
    throw new ImportError('IMPORT.TOO_LARGE', `“${basename(path)}”有 ${(size / 1048576).toFixed(1)} MB，超过上限 ${(max / 1048576).toFixed(0)} MB`, {
      file: path,
      bytes: size,
      max,
    });
  return new Uint8Array(await readFile(path));
}

/** Reads a file from disk as a self-evaluation file (自评表, 汇总表, report texts). */
export async function importFile(path: string, opts: ReadOptions = {}): Promise<Recognized> {
  return importBytes(await readFileWithin(path, limitsFor(opts).maxBytes), basename(path), opts);
}

/**
 * Reads a file from disk as an upload is read: as `kind` when it is given, else as the kind of form its
 * title names (a 绩效目标申报表 as goals, anything else as a self-evaluation file).
 */
export async function importUploadFile(path: string, kind?: UploadKind, opts: ReadOptions = {}): Promise<RecognizedUpload> {
  return recognizeUpload(await readGrid(await readFileWithin(path, limitsFor(opts).maxBytes), basename(path), opts), kind);
}

const run = promisify(execFile);

/** .doc/.xls → .docx/.xlsx with LibreOffice headless, in a private profile so conversions can run side by side. */
export async function convertLegacy(bytes: Uint8Array, name: string, to: 'docx' | 'xlsx'): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-convert-'));
  try {
    const input = join(dir, `input${extname(name).toLowerCase()}`);
    await writeFile(input, bytes);
    try {
      await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, input], {
        timeout: 120_000,
      });
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ImportError(
        missing ? 'IMPORT.CONVERTER_MISSING' : 'IMPORT.CONVERSION_FAILED',
        missing
          ? `读取旧版 ${extname(name)} 文件需要 LibreOffice（soffice），本机未安装`
          : `LibreOffice 无法转换“${name}”：${(e as Error).message.split('\n')[0]}`,
        { file: name },
      );
    }
    try {
      return new Uint8Array(await readFile(join(dir, `input.${to}`)));
    } catch {
      throw new ImportError('IMPORT.CONVERSION_FAILED', `LibreOffice 未能把“${name}”转换为 .${to}（文件可能已损坏或加密）`, { file: name });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
