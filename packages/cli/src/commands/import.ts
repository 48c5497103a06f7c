/** `jixiao import FILE...`: what was recognised in each file (forms, budget, indicators). */
import { getScheme, scoreEvaluation } from '@jixiao/core';
import { loadFile } from '../load-forms.ts';
import { clip, renderTable } from '../text-table.ts';

export async function importCommand(files: string[], opts: { json?: boolean }, out: (s: string) => void): Promise<void> {
  const loaded = [];
  for (const f of files) loaded.push(await loadFile(f));
  if (opts.json) {
    out(
      JSON.stringify(
        loaded.map((l) => ({ file: l.file, evaluations: l.evaluations, summaries: l.recognized?.summaries ?? [], notes: l.recognized?.notes ?? [] })),
        null,
        2,
      ),
    );
    return;
  }
  for (const l of loaded) {
    out(`${l.file}：识别出 ${l.evaluations.length} 张自评表${l.recognized?.summaries.length ? `，${l.recognized.summaries.length} 张汇总表` : ''}`);
    const rows = l.evaluations.map((ev, i) => {
      const s = scoreEvaluation(ev, getScheme(ev.schemeId));
      return [String(i + 1), clip(ev.project.name.raw, 28), String(ev.year ?? ''), ev.layout, s.budget.budget ?? '', s.budget.executed ?? '', String(ev.indicators.length), ev.claimed.total?.raw ?? '', s.total];
    });
    out(renderTable(['#', '项目名称', '年度', '版式', '预算数(万元)', '执行数(万元)', '指标数', '填报总分', '计算总分'], rows, ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']));
    for (const n of l.recognized?.notes ?? []) out(`  提示 ${n.code}：${n.message}（${n.src?.file ?? ''} 第 ${n.src?.line ?? '?'} 行）`);
    out('');
  }
}
