/** `jixiao score FILE...`: the recomputed score of every form, beside what the form claims. */
import { getScheme, scoreEvaluation, type Evaluation, type EvaluationScore } from '@jixiao/core';
import { loadFile } from '../load-forms.ts';
import { clip, renderTable } from '../text-table.ts';

export interface ScoreOptions {
  json?: boolean;
  scheme?: string;
}

export async function scoreCommand(files: string[], opts: ScoreOptions, out: (s: string) => void): Promise<void> {
  const results: Array<{ file: string; project: string; score: EvaluationScore }> = [];
  for (const f of files) {
    for (const ev of (await loadFile(f)).evaluations) {
      results.push({ file: f, project: ev.project.name.raw, score: scoreEvaluation(ev, getScheme(opts.scheme ?? ev.schemeId)) });
      if (!opts.json) out(formatScore(ev, results[results.length - 1]!.score) + '\n');
    }
  }
  if (opts.json) out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
}

export function formatScore(ev: Evaluation, s: EvaluationScore): string {
  const head = `【${ev.project.name.raw}】 ${ev.year ?? ''}年度  评分方案：${getScheme(s.schemeId).name}`;
  const rows = s.indicators.map((x) => {
    const ind = ev.indicators[x.index]!;
    const target = ind.targetAdjusted?.raw.trim() ? ind.targetAdjusted.raw : ind.target.raw;
    const differs = x.score !== null && x.claimed !== null && Number(x.score) !== Number(x.claimed) ? ' ≠' : '';
    return [
      clip(x.level1.replace('指标', ''), 6),
      clip(x.category.replace('指标', ''), 12),
      clip(ind.name.raw, 22),
      clip(target, 14),
      clip(ind.actual.raw, 14),
      x.points ?? '?',
      x.claimed ?? '',
      (x.score ?? '—') + differs,
      x.rule,
    ];
  });
  const table = renderTable(['一级', '二级', '三级指标', '指标值', '实际值', '分值', '填报得分', '计算得分', '规则'], rows, [
    'left',
    'left',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'left',
  ]);
  const why = s.indicators.map((x, i) => `  ${i + 1}. ${x.explanation}`).join('\n');
  const groups = s.groups
    .map((g) => `${g.level1}${g.declared !== null ? `（标明${g.declared}分）` : ''}：分值合计 ${g.points}，计算 ${g.score}，填报 ${g.claimed}`)
    .join('\n');
  const b = s.budget;
  const budget = `预算执行：${b.explanation}${b.claimedScore !== null && b.score !== null && Number(b.claimedScore) !== Number(b.score) ? `（填报 ${b.claimedScore}分）` : ''}`;
  const total = `总分：计算 ${s.total} / ${s.maxTotal}（${s.grade}）   填报 ${s.claimedTotal ?? '未填'}${s.claimedGrade ? `（${s.claimedGrade}）` : ''}${s.manualCount ? `   其中 ${s.manualCount} 项按填报得分（规则无法判定）` : ''}`;
  return [head, table, '计分说明：', why, groups, budget, total].join('\n');
}
