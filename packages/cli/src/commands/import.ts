/**
 * `jixiao import FILE...`: what was recognised in each file (forms, budget, indicators), the importer's
 * notes, and the audit findings of the forms; `--json` gives the evaluations in the published schema.
 */
import { auditForms } from '@jixiao/core';
import { loadFile, type LoadedFile } from '../load-forms.ts';
import { countLine, formatFindings } from '../print-findings.ts';
import { clip, renderTable } from '../text-table.ts';

export async function importCommand(files: string[], opts: { json?: boolean }, out: (s: string) => void): Promise<void> {
  const loaded: LoadedFile[] = [];
  for (const f of files) loaded.push(await loadFile(f));
  const results = loaded.map((l) => ({ l, audit: auditForms(l.evaluations) }));
  if (opts.json) {
    out(
      JSON.stringify(
        results.map(({ l, audit }) => ({
          file: l.file,
          evaluations: l.evaluations,
          summaries: l.recognized?.summaries ?? [],
          texts: l.recognized?.texts ?? [],
          notes: l.recognized?.notes ?? [],
          findings: audit.findings,
        })),
        null,
        2,
      ),
    );
    return;
  }
  for (const { l, audit } of results) {
    const r = l.recognized;
    out(
      `${l.file}：识别出 ${l.evaluations.length} 张自评表${r?.summaries.length ? `，${r.summaries.length} 张汇总表` : ''}${r?.texts.length ? `，${r.texts.map((t) => t.title.raw).join('、')}` : ''}`,
    );
    const rows = l.evaluations.map((ev, i) => {
      const s = audit.scores[i]!;
      return [
        String(i + 1),
        clip(ev.project.name.raw, 28),
        String(ev.year ?? ''),
        ev.layout,
        s.budget.budget ?? '',
        s.budget.executed ?? '',
        s.budget.ratePercent === null ? '' : `${s.budget.ratePercent}%`,
        String(ev.indicators.length),
        ev.claimed.total?.raw ?? '',
        s.total,
      ];
    });
    out(
      renderTable(['#', '项目名称', '年度', '版式', '预算数(万元)', '执行数(万元)', '执行率', '指标数', '填报总分', '计算总分'], rows, [
        'right',
        'left',
        'left',
        'left',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
      ]),
    );
    for (const n of r?.notes ?? [])
      out(
        `  导入提示 ${n.code}：${n.message}（${n.src?.file ?? ''} ${n.src?.line !== undefined ? `第 ${n.src.line} 行` : `表${n.src?.table ?? 1} 第${n.src?.row ?? '?'}行`}）`,
      );
    out('');
    formatFindings(audit.findings).forEach((x) => out(x));
    out(countLine(l.evaluations.length, audit.findings));
    out('');
  }
}
