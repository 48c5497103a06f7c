/**
 * `jixiao import --db PATH|URL FILE...`: recognise the files and store their forms in a database, each
 * file (forms and original) in one transaction. A file that fails is reported and stores nothing.
 */
import { operator, storeImported } from '@jixiao/app';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { connect, KyselyStore } from '@jixiao/store';
import { importFile } from '@jixiao/office';
import { CliError } from '../errors.ts';

export interface ImportDbOptions {
  db: string;
  departmentCode?: string;
  departmentName?: string;
}

export async function importToDatabase(files: string[], opts: ImportDbOptions, out: (s: string) => void): Promise<number> {
  const store = new KyselyStore(await connect(opts.db));
  let failed = 0;
  try {
    for (const path of files) {
      try {
        const r = await importFile(path);
        if (r.evaluations.length === 0) {
          out(`${path}：没有自评表，跳过`);
          continue;
        }
        const first = r.evaluations[0]!.project;
        const name = opts.departmentName ?? first.department?.name.raw ?? first.implementer?.name.raw ?? basename(path);
        const dept = await store.ensureDepartment({ code: opts.departmentCode ?? first.department?.code?.raw ?? name, name });
        const bytes = new Uint8Array(readFileSync(path));
        const saved = await storeImported(store, operator(), dept.id, {
          evaluations: r.evaluations,
          source: { name: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes },
        });
        out(`${path}：已保存 ${saved.length} 张自评表到“${dept.name}”`);
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
