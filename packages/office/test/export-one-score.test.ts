/**
 * One score per project everywhere in a document (issue 22, item 1), over every seed department and
 * both score sources: the 决算公开说明's 综述 sentence, its attached forms read back from the .docx by
 * the importer, the 汇总表 row, and the 整体报告's sentence all print the same figure — the computed
 * total by default (R7), or the claimed one when asked — to the scheme's places (R4), and the
 * document says which it prints. (The Shanxi 雪亮工程 said 95.84 in the text and 94.85 on its form.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditForms, cmp, documentScores, getScheme, projectNoun, quote, round, summarizeDepartment, type Evaluation, type ScoreSource } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { departmentDocument, importBytes, renderDocx, renderXlsx, type DocBlock, type OfficialDocument } from '../src/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/golden');
const byDepartment = new Map<string, Evaluation[]>();
for (const f of readdirSync(dir)
  .filter((x) => x.includes('.form-'))
  .sort()) {
  const d = f.split('.form-')[0]!;
  byDepartment.set(d, [...(byDepartment.get(d) ?? []), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Evaluation]);
}

const blocks = (doc: OfficialDocument): DocBlock[] => doc.sections.flatMap((s) => s.blocks);
const paragraphs = (doc: OfficialDocument) => blocks(doc).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe.each([...byDepartment.keys()])('%s', (name) => {
  const forms = byDepartment.get(name)!;
  const scheme = getScheme(forms[0]!.schemeId);
  const { scores, findings } = auditForms(forms);
  const data = { forms, scores, findings, summary: summarizeDepartment(forms, scores, scheme) };

  it.each(['computed', 'claimed'] as ScoreSource[])('%s scores: the same figure in the text, the attached forms, the 汇总表 and the report', async (source) => {
    const expected = scores.map((s) => round(source === 'claimed' ? (s.claimedTotal ?? s.total) : s.total, scheme.decimals));
    const projects = forms.map((_, i) => i);
    const disclosure = departmentDocument('disclosure', data, { projects, ...(source === 'claimed' && { scores: 'claimed' }) });

    // the 综述: the paragraph under each project's heading
    const b = blocks(disclosure);
    forms.forEach((ev, i) => {
      const at = b.findIndex((x) => x.kind === 'heading' && x.text === `${projectNoun(ev.project.name.raw)}绩效自评综述`);
      const next = b[at + 1];
      expect(next?.kind === 'paragraph' && next.text, ev.project.name.raw).toContain(`绩效自评得分${expected[i]}分`);
    });
    // the document says which scores it prints
    expect(paragraphs(disclosure).join('')).toContain(source === 'computed' ? '按评分规则重新计算的得分' : '自评表填报的得分');

    // the attached forms, as the importer reads them from the file
    const back = await importBytes(await renderDocx(disclosure), 'disclosure.docx');
    expect(back.evaluations.map((e) => e.project.name.raw)).toEqual(forms.map((f) => f.project.name.raw));
    back.evaluations.forEach((e, i) => expect(round(e.claimed.total!.value!, scheme.decimals), e.project.name.raw).toBe(expected[i]));

    // the 汇总表: the score column, in the .docx model and in the workbook's cells
    const summary = departmentDocument('summary', data, { ...(source === 'claimed' && { scores: 'claimed' }) });
    const table = blocks(summary).find((x) => x.kind === 'table');
    const rows = table?.kind === 'table' ? table.table.rows.slice(2, 2 + forms.length) : [];
    expect(rows.map((r) => r.cells[5]!.text)).toEqual(expected);
    const wb = await importBytes(await renderXlsx([summary]), 'summary.xlsx');
    expect(wb.summaries[0]?.rows.map((r) => round(r.score.value!, scheme.decimals))).toEqual(expected);

    // the 整体报告's sentences name each project that lost points with the same figure
    const report = paragraphs(departmentDocument('report', data, { ...(source === 'claimed' && { scores: 'claimed' }) })).join('');
    let named = 0;
    for (const [i, s] of documentScores(scores, source).entries()) {
      const lost = s.indicators.some((x) => x.score !== null && x.points !== null && cmp(x.score, x.points) < 0);
      if (!lost) continue;
      expect(report).toContain(`${quote(forms[i]!.project.name.raw)}得分${expected[i]}分`);
      named++;
    }
    expect(named).toBeGreaterThan(0);
  });
});
