/**
 * Reads the files given on the command line into evaluations: JSON in the published schema (one
 * evaluation or an array), or forms in .txt/.docx/.xlsx/.doc/.xls through the importer.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Evaluation, type DepartmentText, type SummaryTable } from '@jixiao/core';
import { ImportError, importFile, type Recognized } from '@jixiao/office';
import { CliError } from './errors.ts';

export interface LoadedFile {
  file: string;
  evaluations: Evaluation[];
  recognized?: Recognized;
}

/** All forms, summary tables and texts of the files given, as one department. */
export interface Department {
  files: LoadedFile[];
  forms: Evaluation[];
  summaries: SummaryTable[];
  texts: DepartmentText[];
}

export async function loadDepartment(paths: string[]): Promise<Department> {
  const files: LoadedFile[] = [];
  for (const p of paths) files.push(await loadFile(p));
  return {
    files,
    forms: files.flatMap((f) => f.evaluations),
    summaries: files.flatMap((f) => f.recognized?.summaries ?? []),
    texts: files.flatMap((f) => f.recognized?.texts ?? []),
  };
}

/** JSON forms larger than this are not forms; refusing them early keeps memory bounded. */
const MAX_JSON_BYTES = 20 * 1024 * 1024;

export async function loadFile(path: string): Promise<LoadedFile> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new CliError('INPUT.NOT_FOUND', `找不到文件：${path}`);
    }
    if (size > MAX_JSON_BYTES) throw new CliError('INPUT.TOO_LARGE', `文件过大（${(size / 1048576).toFixed(1)} MB，上限 20 MB）：${path}`);
    return { file: path, evaluations: parseJson(readFileSync(path, 'utf8'), path) };
  }
  try {
    const recognized = await importFile(path);
    return { file: path, evaluations: recognized.evaluations, recognized };
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(e.code, e.message);
    const code = (e as { code?: string }).code;
    if (code && /^[A-Z]+\./.test(code)) throw new CliError(code, `${path}：${(e as Error).message}`);
    throw e;
  }
}

function parseJson(text: string, path: string): Evaluation[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError('INPUT.BAD_JSON', `不是有效的 JSON：${path}（${(e as Error).message}）`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    const r = Evaluation.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const where = [Array.isArray(data) ? `[${i}]` : '', ...issue.path.map(String)].filter(Boolean).join('.');
      throw new CliError('INPUT.NOT_AN_EVALUATION', `${path} 不符合自评表格式（docs/evaluation.schema.json）：${where || '(根)'} ${issue.message}`);
    }
    return r.data;
  });
}
