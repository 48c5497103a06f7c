/**
 * Child process for the crash test: imports many forms into the SQLite file given, in one transaction,
 * saying "begin" before it starts writing and "done" if it ever finishes. With `files` as third
 * argument: as an import commit of 40 files (importFiles), its department created in the same transaction.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { connect, KyselyStore } from '../../src/index.ts';
import { syntheticForms } from '@jixiao/core';

const [path, count, mode] = process.argv.slice(2) as [string, string, string | undefined];
const store = new KyselyStore(await connect(path));
// checked before "begin": what is killed is the writing
const forms = preparedSelfEvaluations(syntheticForms(Number(count), 3));
if (mode === 'files') {
  const per = Math.ceil(forms.length / 40);
  const files = Array.from({ length: 40 }, (_, i) => ({
    source: { name: `file-${i}.docx`, sha256: i.toString(16).padStart(64, '0'), bytes: new Uint8Array([i]) },
    forms: forms.slice(i * per, (i + 1) * per),
  }));
  process.stdout.write('begin\n');
  await store.importFiles({ department: { code: 'crash-files', name: '崩溃测试（多文件）' }, files, actor: 'crash', commitKey: 'crash-token' });
} else {
  const dept = await store.ensureDepartment({ code: 'crash', name: '崩溃测试' });
  process.stdout.write('begin\n');
  await store.importEvaluations({ departmentId: dept.id, forms, actor: 'crash' });
}
process.stdout.write('done\n');
await store.close();
