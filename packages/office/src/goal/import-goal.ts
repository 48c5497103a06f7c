/**
 * Import of goal forms from .docx/.xlsx (and .doc/.xls through LibreOffice) with the readers every
 * import uses, and from the public JSON format. A 自评表 given as goals is refused with
 * `IMPORT.NOT_A_GOAL_FORM`, whichever the format.
 */
import { basename, extname } from 'node:path';
import { Evaluation, GoalForm } from '@jixiao/core';
import { ImportError } from '../errors.ts';
import { DEFAULT_MAX_BYTES, readFileWithin, readGrid } from '../import-file.ts';
import { recognizeGoalForms } from './recognize-goal.ts';

export interface GoalImportOptions {
  maxBytes?: number;
  /** the 评分方案 of the forms read from .docx/.xlsx (the file does not say; default national) */
  schemeId?: string;
}

export async function importGoalBytes(bytes: Uint8Array, name: string, opts: GoalImportOptions = {}): Promise<GoalForm[]> {
  if (extname(name).toLowerCase() === '.json') return [goalFormFromJson(new TextDecoder().decode(bytes), name)];
  const forms = recognizeGoalForms(await readGrid(bytes, name, opts), opts);
  return forms.map((f) => ({ ...f, source: { file: name, index: f.source?.index ?? 0 } }));
}

/** A goal form in the public JSON format; a 自评表's JSON is named as such. */
export function goalFormFromJson(json: string, name: string): GoalForm {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ImportError('IMPORT.BAD_JSON', `“${name}”不是有效的 JSON：${(e as Error).message}`, { file: name });
  }
  const r = GoalForm.safeParse(data);
  if (r.success) return r.data;
  if ((data as { kind?: unknown } | null)?.kind !== 'goal' && Evaluation.safeParse(data).success)
    throw new ImportError('IMPORT.NOT_A_GOAL_FORM', `“${name}”不是项目支出绩效目标申报表：这是项目支出绩效自评表（JSON），请在自评表导入处使用`, {
      file: name,
    });
  const first = r.error.issues[0]!;
  throw new ImportError('IMPORT.BAD_GOAL_FORM', `“${name}”不符合目标申报表格式：${first.path.join('.') || '(根)'} ${first.message}`, {
    file: name,
    path: first.path.map(String),
  });
}

export async function importGoalFile(path: string, opts: GoalImportOptions = {}): Promise<GoalForm[]> {
  return importGoalBytes(await readFileWithin(path, opts.maxBytes ?? DEFAULT_MAX_BYTES), basename(path), opts);
}
