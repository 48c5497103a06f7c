/**
 * Child process for the crash test: imports many forms into the SQLite file given, in one transaction,
 * saying "begin" before it starts writing and "done" if it ever finishes.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { connect, KyselyStore } from '../../src/index.ts';
import { syntheticForms } from '@jixiao/core';

const [path, count] = process.argv.slice(2) as [string, string];
const store = new KyselyStore(await connect(path));
const dept = await store.ensureDepartment({ code: 'crash', name: '崩溃测试' });
// checked before "begin": what is killed is the writing
const forms = preparedSelfEvaluations(syntheticForms(Number(count), 3));
process.stdout.write('begin\n');
await store.importEvaluations({ departmentId: dept.id, forms, actor: 'crash' });
process.stdout.write('done\n');
await store.close();
