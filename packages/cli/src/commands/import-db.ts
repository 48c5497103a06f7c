/**
 * `jixiao import --db PATH|URL FILE...`: recognise the files and store their forms in a database, each
 * file (forms and original) in one transaction. A file that fails is reported and stores nothing.
 * Without `--kind` each file is read as the kind of form its title names, as an upload in the web app is
 * (a 项目支出绩效目标申报表 as goals, anything else as 自评表); with `--kind goal` the files are
 * 绩效目标申报表 (a 自评表 given as goals: IMPORT.NOT_A_GOAL_FORM).
 */
import { operator, storeImported } from '@jixiao/app';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { connect, KyselyStore } from '@jixiao/store';
import { getFormKind, type FormDocument, type FormKind } from '@jixiao/core';
import { importFile, importGoalFile, importUploadFile } from '@jixiao/office';
import { CliError } from '../errors.ts';

export interface ImportDbOptions {
  db: string;
  departmentCode?: string;
  departmentName?: string;
  /** the kind of form the files hold (default: each file's title says) */
  kind?: string;
}

/** The forms of a file, read as the kind given: the recogniser of each kind (office) by its id. */
const READERS: Record<string, (path: string) => Promise<readonly FormDocument[]>> = {
  'self-evaluation': async (path) => (await importFile(path)).evaluations,
  goal: (path) => importGoalFile(path),
};

/** The forms of a file and their kind: the kind given, else the kind the file's title names. */
async function readForms(path: string, given: FormKind | undefined): Promise<{ kind: FormKind; forms: readonly FormDocument[] }> {
  if (given) return { kind: given, forms: await READERS[given.id]!(path) };
  const r = await importUploadFile(path);
  return r.goals.length ? { kind: getFormKind('goal'), forms: r.goals } : { kind: getFormKind('self-evaluation'), forms: r.evaluations };
}

export async function importToDatabase(files: string[], opts: ImportDbOptions, out: (s: string) => void): Promise<number> {
  const given = opts.kind === undefined ? undefined : getFormKind(opts.kind);
  if (given && !READERS[given.id]) throw new CliError('FORM.UNKNOWN_KIND', `不能从文件导入“${given.title}”`);
  const store = new KyselyStore(await connect(opts.db));
  let failed = 0;
  try {
    for (const path of files) {
      try {
        const { kind, forms } = await readForms(path, given);
        if (forms.length === 0) {
          out(`${path}：没有${kind.label}，跳过`);
          continue;
        }
        const first = forms[0]!.project;
        const name = opts.departmentName ?? first.department?.name.raw ?? first.implementer?.name.raw ?? basename(path);
        const dept = await store.ensureDepartment({ code: opts.departmentCode ?? first.department?.code?.raw ?? name, name });
        const bytes = new Uint8Array(readFileSync(path));
        const saved = await storeImported(store, operator(), dept.id, {
          evaluations: forms,
          source: { name: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes },
        });
        out(`${path}：已保存 ${saved.length} 张${kind.label}到“${dept.name}”`);
      } catch (e) {
        failed++;
        const err = e as Error & { code?: string };
        out(`${path}：未保存 [${err.code ?? 'ERROR'}] ${err.message}`);
      }
    }
  } finally {
    await store.close();
  }
  if (failed === files.length) throw new CliError('IMPORT.NOTHING_SAVED', '没有文件被保存');
  return failed ? 1 : 0;
}
