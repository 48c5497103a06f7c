/**
 * `jixiao lint [--json] [--previous FILE] FILE…`: the goal linter (G1–G11) on 项目支出绩效目标申报表 files
 * (.docx/.xlsx in the national layout, or .json), findings printed as `jixiao audit` prints them.
 * Exit 1 when any error remains, 2 on bad input (a 自评表 given as goals: IMPORT.NOT_A_GOAL_FORM).
 */
import { lintGoalForm, previousYearFromEvaluation, squash, type Finding, type GoalForm, type PreviousYear } from '@jixiao/core';
import { ImportError, importGoalFile } from '@jixiao/office';
import { CliError } from '../errors.ts';
import { loadFile } from '../load-forms.ts';
import { formatFindings } from '../print-findings.ts';

export interface LintOptions {
  json?: boolean;
  scheme?: string;
  /** last year's 自评表 of the same project(s), for G10 */
  previous?: string;
}

async function readGoals(path: string, schemeId: string | undefined): Promise<GoalForm[]> {
  try {
    return await importGoalFile(path, schemeId ? { schemeId } : {});
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(e.code, e.message);
    throw e;
  }
}

/** Last year's record of each goal form's project: the 自评表 of the same name, or the only one given. */
async function previousYears(path: string | undefined): Promise<(g: GoalForm) => PreviousYear | undefined> {
  if (!path) return () => undefined;
  const { evaluations } = await loadFile(path);
  if (evaluations.length === 0) throw new CliError('INPUT.NO_FORMS', `“${path}”中没有识别出自评表，无法作为上年记录`);
  return (g) => {
    const same = evaluations.find((e) => squash(e.project.name.raw) === squash(g.project.name.raw)) ?? (evaluations.length === 1 ? evaluations[0] : undefined);
    return same ? previousYearFromEvaluation(same) : undefined;
  };
}

export async function lintCommand(files: string[], opts: LintOptions, out: (s: string) => void): Promise<number> {
  const forms: GoalForm[] = [];
  for (const f of files) forms.push(...(await readGoals(f, opts.scheme)));
  const previous = await previousYears(opts.previous);
  const findings: Finding[] = forms.flatMap((g, index) => {
    const prev = previous(g);
    return lintGoalForm(g, { index, ...(prev ? { previous: prev } : {}) });
  });
  if (opts.json) out(JSON.stringify(findings, null, 2));
  else {
    formatFindings(findings).forEach((l) => out(l));
    const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
    out(`${forms.length} 张绩效目标申报表：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
