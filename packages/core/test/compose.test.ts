/**
 * The rules of composition (src/text/compose.ts) on their own, and over the reports of all four seed
 * departments: every generated paragraph of the 整体绩效自评工作报告 and the 决算公开绩效情况说明 —
 * with every project given a 综述, under both score sources — reads as Chinese a reader accepts
 * (issue 22: no stitched fragments, no ；after 。, no doubled 项目 or quotes, no "0个项目").
 */
import { describe, expect, it } from 'vitest';
import {
  auditForms,
  clause,
  countPhrase,
  disclosureText,
  documentScores,
  getScheme,
  keepUnits,
  list,
  numberUnitPieces,
  overallReport,
  paragraph,
  printedTitle,
  projectNoun,
  quote,
  renderReportText,
  sentence,
  sentences,
  summarizeDepartment,
  summaryWithScores,
  WORD_JOINER,
  type ScoreSource,
} from '../src/index.ts';
import { goldenForms } from './golden.ts';

describe('the rules', () => {
  it('a sentence ends in one 。; a clause has no end mark', () => {
    expect(sentence('已达到预期目标')).toBe('已达到预期目标。');
    expect(sentence('建议尽快完成验收工作。')).toBe('建议尽快完成验收工作。');
    expect(sentence('已全部安装完成；')).toBe('已全部安装完成。');
    expect(sentence('群众满意度高！')).toBe('群众满意度高！');
    expect(sentence('（详见附表。）')).toBe('（详见附表。）');
    expect(clause('已实现全覆盖。')).toBe('已实现全覆盖');
    expect(clause(' 已实现全覆盖；\n')).toBe('已实现全覆盖');
  });

  it('pieces as one paragraph: ；between clauses, sentences kept whole, 无 and repeats dropped (the 雪亮工程 case)', () => {
    expect(paragraph(['已实现全覆盖', '已全部安装完成；', '无', '已实现全覆盖。'])).toBe('已实现全覆盖；已全部安装完成。');
    expect(paragraph(['项目尚未验收，建议尽快完成验收工作。', '已实现全覆盖', '已全部安装完成'])).toBe(
      '项目尚未验收，建议尽快完成验收工作；已实现全覆盖；已全部安装完成。',
    );
    expect(paragraph(['设备老化。已申请更换', '已实现全覆盖'])).toBe('设备老化。已申请更换。已实现全覆盖。');
    expect(paragraph(['无', '', '—'])).toBe('');
    expect(sentences(['发现的问题：设备老化', '下一步改进措施：更新设备。'])).toBe('发现的问题：设备老化。下一步改进措施：更新设备。');
  });

  it('lists by 、; names quoted once, inner quotes as ‘’; 项目 not doubled', () => {
    expect(list(['9个优', '1个中。', ''])).toBe('9个优、1个中');
    expect(quote('见义勇为基金')).toBe('“见义勇为基金”');
    expect(quote('“雪亮工程”')).toBe('“雪亮工程”');
    expect(quote('2023年“雪亮安防工程”运行维护费')).toBe('“2023年‘雪亮安防工程’运行维护费”');
    expect(projectNoun('“雪亮工程”建设项目')).toBe('“雪亮工程”建设项目');
    expect(projectNoun('见义勇为基金')).toBe('见义勇为基金项目');
  });

  it('a title the filler doubled is printed once (the stored value is not touched)', () => {
    expect(printedTitle('“雪亮工程”建设项目项目支出绩效自评表')).toBe('“雪亮工程”建设项目支出绩效自评表');
    expect(printedTitle('项目支出绩效自评表项目支出绩效自评表')).toBe('项目支出绩效自评表');
    expect(printedTitle('项目支出绩效自评表 项目支出绩效自评表')).toBe('项目支出绩效自评表');
    expect(printedTitle('盐池县本级部门项目支出绩效自评表')).toBe('盐池县本级部门项目支出绩效自评表');
    expect(printedTitle('专职网格员工资项目支出绩效绩效自评表')).toBe('专职网格员工资项目支出绩效自评表');
    // one doubled character is Chinese, not a slip
    expect(printedTitle('县县通工程项目支出绩效自评表')).toBe('县县通工程项目支出绩效自评表');
  });

  it('counts as a reader says them', () => {
    const p = { noun: '项目', verb: '达到满分' };
    expect(countPhrase({ total: 3, count: 0, ...p })).toBe('3个项目均未达到满分');
    expect(countPhrase({ total: 3, count: 3, ...p })).toBe('3个项目均达到满分');
    expect(countPhrase({ total: 11, count: 2, ...p })).toBe('11个项目中，2个达到满分');
    expect(countPhrase({ total: 1, count: 0, ...p })).toBe('该项目未达到满分');
    expect(countPhrase({ total: 0, count: 0, ...p })).toBe('没有项目');
  });

  it('a number stays with its unit: a word joiner between them, nothing else changed', () => {
    const J = WORD_JOINER;
    expect(keepUnits('得分95.84分，预算6.695万元，执行率99.63%，2023年度')).toBe(`得分95.84${J}分，预算6.695${J}万${J}元，执行率99.63${J}%，2023${J}年${J}度`);
    expect(keepUnits('得分95.84分').replaceAll(J, '')).toBe('得分95.84分');
    // the pieces a .docx writes as runs of their own
    expect(numberUnitPieces('已自评3个，得分95.84分')).toEqual([
      { text: '已自评', keep: false },
      { text: `3${J}个`, keep: true },
      { text: '，得分', keep: false },
      { text: `95.84${J}分`, keep: true },
    ]);
  });
});

/** The seed departments: the golden forms grouped by their seed file. */
const byDepartment = new Map<string, ReturnType<typeof goldenForms>>();
for (const f of goldenForms()) {
  const d = f.id.split('.form-')[0]!;
  byDepartment.set(d, [...(byDepartment.get(d) ?? []), f]);
}
const departments = [...byDepartment.entries()];

/** What a careful reader refuses, each with the example. */
const REFUSED: Array<[RegExp, string]> = [
  [/。；|；。|。。|，。|、。|；；/, 'doubled or clashing punctuation (…验收工作。；已实现全覆盖)'],
  [/[^。！？”）)\n：]下一步改进措施/, 'a label run on without punctuation (…已达到预期目标下一步改进措施)'],
  [/项目项目/, '项目 doubled (“雪亮工程”建设项目项目绩效自评综述)'],
  [/““|””|“[^”]*“/, 'doubled quotes'],
  [/(^|[^0-9.])0个/, 'a zero count (0个项目…)'],
];

describe.each(departments)('the reports of %s', (name, golden) => {
  const forms = golden.map((g) => g.evaluation);
  const scheme = getScheme(forms[0]!.schemeId);
  const { scores, findings } = auditForms(forms);
  const summary = summarizeDepartment(forms, scores, scheme);

  it.each(['computed', 'claimed'] as ScoreSource[])('with %s scores, every paragraph reads as composed Chinese', (source) => {
    const printed = documentScores(scores, source);
    const input = {
      forms,
      scores: printed,
      summary: source === 'computed' ? summary : summaryWithScores(summary, printed, scheme),
      findings,
      scoreSource: source,
    };
    const texts = [renderReportText(overallReport(input)), renderReportText(disclosureText(input, { projects: forms.map((_, i) => i) }))];
    for (const t of texts) {
      for (const [re, what] of REFUSED) expect(t, `${name}: ${what}`).not.toMatch(re);
      // every line of prose (not a title or heading) closes its last sentence
      const prose = t.split('\n').filter((l) => l.length > 30 && !/(综述|情况说明|工作报告)$/.test(l));
      expect(prose.length).toBeGreaterThan(3);
      for (const l of prose) expect(l.replace(/〔待编辑：[^〕]*〕$/, ''), `${name}: ${l}`).toMatch(/[。！？）”]$/);
    }
    // each project's score in the text is the one of the chosen source, to the scheme's places
    const d = renderReportText(disclosureText(input, { projects: forms.map((_, i) => i) }));
    printed.forEach((s) => expect(d).toContain(`绩效自评得分${Number(s.total).toFixed(scheme.decimals)}分`));
  });
});
