/** Demo data: the four seed files, each imported as its own department, on first start. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operator, storeImported } from '@jixiao/app';
import type { Store } from '@jixiao/core';
import { importBytes } from '@jixiao/office';

export const SEED_DIR = join(import.meta.dirname, '../../../fixtures/seeds');

const SEEDS: Array<{ file: string; code: string; name: string }> = [
  { file: 'hebei-dachang-zhengfawei-2023.txt', code: 'hebei-dachang-zfw', name: '大厂县政法委（河北）' },
  { file: 'shanxi-yunzhou-zhengfawei-2022.txt', code: 'shanxi-yunzhou-zfw', name: '云州区政法委（山西）' },
  { file: 'xinjiang-changji-zhengfawei-2021.txt', code: 'xinjiang-changji-zfw', name: '昌吉州政法委（新疆）' },
  { file: 'ningxia-yanchi-xianweiban-2022.txt', code: 'ningxia-yanchi-xwb', name: '盐池县委办（宁夏）' },
];

/** Loads the seeds when the database holds no department yet; returns the number of forms loaded. */
export async function loadDemo(store: Store): Promise<number> {
  if ((await store.listDepartments()).length > 0) return 0;
  let n = 0;
  for (const s of SEEDS) {
    const bytes = new Uint8Array(readFileSync(join(SEED_DIR, s.file)));
    const r = await importBytes(bytes, s.file);
    const d = await store.ensureDepartment({ code: s.code, name: s.name });
    await storeImported(store, operator('demo'), d.id, {
      evaluations: r.evaluations,
      source: { name: s.file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes },
    });
    n += r.evaluations.length;
  }
  return n;
}
