/** `jixiao summary FILE...`: the 汇总表 computed from the forms. */
import { runDepartment } from '../department-run.ts';
import { clip, renderTable } from '../text-table.ts';

export async function summaryCommand(files: string[], opts: { json?: boolean; scheme?: string }, out: (s: string) => void): Promise<void> {
  const { summary: s } = await runDepartment(files, opts.scheme);
  if (opts.json) {
    out(JSON.stringify(s, null, 2));
    return;
  }
  out(`绩效自评情况汇总表（${s.year ?? ''}年度）  单位：万元`);
  const rows = s.rows.map((r) => [
    String(r.seq),
    clip(r.project, 30),
    r.budget ?? '',
    r.executed ?? '',
    r.rate === null ? '' : `${r.rate}%`,
    r.fundType,
    r.score,
    r.grade,
    r.claimedScore ?? '',
  ]);
  rows.push(['合计', '', s.total.budget, s.total.executed, s.total.rate === null ? '' : `${s.total.rate}%`, '', '', '', '']);
  out(
    renderTable(['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '资金类型', '自评得分', '自评等级', '填报得分'], rows, [
      'right',
      'left',
      'right',
      'right',
      'right',
      'left',
      'right',
      'left',
      'right',
    ]),
  );
  out(
    `等级：${Object.entries(s.gradeCounts)
      .map(([g, n]) => `${g} ${n}`)
      .join('，')}；自评率 ${s.evaluated}/${s.expected} = ${s.selfEvaluationRate}%；平均得分 ${s.averageScore ?? '—'}（${s.overallGrade ?? '—'}）`,
  );
}
