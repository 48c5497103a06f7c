/**
 * `jixiao new --db PATH|URL --department CODE|ID …`: a new form in a database, as the web UI makes one —
 * blank in the department's layout, or from the project's form of the year before; with `--all`, this
 * year's forms of every project of the department from last year's, in one transaction.
 */
import { FormUseCases, operator } from '@jixiao/app';
import { FORM_KIND_IDS, getFormKind } from '@jixiao/core';
import { connect, KyselyStore } from '@jixiao/store';
import { CliError } from '../errors.ts';

export interface NewOptions {
  db: string;
  department: string;
  project?: string;
  year: string;
  from?: string;
  kind?: string;
  all?: boolean;
  json?: boolean;
}

export async function newCommand(opts: NewOptions, out: (s: string) => void): Promise<void> {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new CliError('INPUT.BAD_YEAR', `--year 应为 1990 到 2100 之间的年份：${opts.year}`);
  const from = opts.from ?? (opts.all ? 'previous-year' : 'blank');
  const kind = opts.kind ?? 'self-evaluation';
  if (!FORM_KIND_IDS.includes(kind)) throw new CliError('FORM.UNKNOWN_KIND', `没有“${kind}”这种表：可用的有 ${FORM_KIND_IDS.join('、')}`);
  // and the forms of other kinds this kind starts from (a 自评表 from the approved goals: --from goals)
  const sources = getFormKind(kind).startsFrom.map((f) => f.from);
  if (from !== 'blank' && from !== 'previous-year' && !(sources.includes(from) && !opts.all))
    throw new CliError(
      'INPUT.BAD_FROM',
      `--from 只能是 blank（空白表）或 previous-year（从上年复制）${sources.map((f) => `或 ${f}（从本年度的表生成）`).join('')}：${from}`,
    );
  const store = new KyselyStore(await connect(opts.db));
  try {
    const d = (await store.listDepartments()).find((x) => x.code === opts.department || String(x.id) === opts.department);
    if (!d) throw new CliError('INPUT.NO_DEPARTMENT', `数据库中没有部门“${opts.department}”（按编码或编号）`);
    const forms = new FormUseCases(store);
    const who = operator();
    if (opts.all) {
      const { created, existing } = await forms.carryOverDepartment(who, d.id, year, kind);
      if (opts.json) out(JSON.stringify({ created: created.map((s) => ({ id: s.id, project: s.evaluation.project.name.raw })), existing }));
      else out(`已为“${d.name}”从 ${year - 1} 年度生成 ${year} 年度的表 ${created.length} 张${existing ? `（${existing} 个项目本年度已有，未动）` : ''}`);
      return;
    }
    if (!opts.project) throw new CliError('INPUT.NO_PROJECT', '请用 --project 给出项目名称（或用 --all 为全部项目从上年生成）');
    const name = opts.project.trim();
    const existing = (await store.listProjects(d.id)).find((p) => p.name === name || String(p.id) === name);
    const view = await forms.create(who, { kind, year, from, ...(existing ? { projectId: existing.id } : { newProject: { departmentId: d.id, name } }) });
    if (opts.json) out(JSON.stringify(view));
    else
      out(
        `已新建“${view.project}”${year} 年度的表（编号 ${view.id}，${from === 'blank' ? '空白' : from === 'previous-year' ? `从 ${year - 1} 年度复制` : `从 ${from} 生成`}，${view.evaluation.indicators.length} 个指标）`,
      );
  } finally {
    await store.close();
  }
}
