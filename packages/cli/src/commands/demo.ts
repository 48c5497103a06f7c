/**
 * `jixiao demo --db PATH|URL [--scale seeds|province] [--seed N]`: demo data. `seeds` loads the four
 * real seed files; `province` generates 100 departments of 1,000 evaluations (deterministic for a seed,
 * with the seeds' kinds of mistakes) and stores them one department per transaction, so memory stays
 * flat: the peak RSS is reported at the end.
 */
import { preparedSelfEvaluations } from '@jixiao/app';
import { syntheticProvince } from '@jixiao/core';
import { loadDemo } from '@jixiao/server';
import { connect, KyselyStore } from '@jixiao/store';
import { CliError } from '../errors.ts';

export interface DemoOptions {
  db: string;
  scale?: string;
  seed?: string;
  departments?: string;
  perDepartment?: string;
}

const positive = (v: string | undefined, name: string, dflt: number) => {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new CliError('INPUT.BAD_NUMBER', `${name} 应为正整数：${v}`);
  return Number(v);
};

export async function demoCommand(opts: DemoOptions, out: (s: string) => void): Promise<void> {
  const scale = opts.scale ?? 'seeds';
  if (scale !== 'seeds' && scale !== 'province') throw new CliError('INPUT.BAD_SCALE', `--scale 只能是 seeds 或 province：${scale}`);
  const seed = positive(opts.seed, '--seed', 1);
  const departments = positive(opts.departments, '--departments', 100);
  const per = positive(opts.perDepartment, '--per-department', 1000);
  const store = new KyselyStore(await connect(opts.db));
  try {
    if (scale === 'seeds') {
      out(`已载入种子自评表 ${await loadDemo(store)} 张`);
      return;
    }
    if ((await store.listDepartments()).some((d) => d.code.startsWith('synthetic-')))
      throw new CliError('DEMO.EXISTS', '该数据库已有合成的省级数据；请换一个数据库');
    const start = performance.now();
    let stored = 0;
    let peak = 0;
    for (const d of syntheticProvince(departments, per, seed)) {
      const dept = await store.ensureDepartment({ code: d.code, name: d.name });
      await store.importEvaluations({ departmentId: dept.id, forms: preparedSelfEvaluations(d.forms), actor: 'demo' });
      stored += d.forms.length;
      peak = Math.max(peak, process.memoryUsage().rss);
      if ((d.index + 1) % 10 === 0 || d.index + 1 === departments)
        out(`${d.index + 1}/${departments} 个部门，${stored} 张自评表，${((stored / (performance.now() - start)) * 1000).toFixed(0)} 张/秒`);
    }
    const counts = await store.gradeCounts(2023);
    out(
      `完成：${stored} 张自评表，用时 ${((performance.now() - start) / 1000).toFixed(1)} 秒；等级 ${Object.entries(counts)
        .map(([g, n]) => `${g} ${n}`)
        .join('，')}`,
    );
    out(`内存峰值（RSS）：${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB`);
  } finally {
    await store.close();
  }
}
