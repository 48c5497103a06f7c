import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditForms, checkSummaryTable, disclosureText, getScheme, overallReport, renderReportText, summarizeDepartment, SummaryTable } from '../src/index.ts';
import { GOLDEN_DIR, goldenForm } from './golden.ts';

const forms = Array.from({ length: 11 }, (_, i) => goldenForm(`hebei-dachang-zhengfawei-2023.form-${String(i + 1).padStart(2, '0')}`));
const scheme = getScheme('hebei');
const { scores, findings } = auditForms(forms);
const written = SummaryTable.parse(JSON.parse(readFileSync(join(GOLDEN_DIR, 'hebei-dachang-zhengfawei-2023.summary-1.json'), 'utf8')));
const summary = summarizeDepartment(forms, scores, scheme, { fundTypes: new Map(written.rows.map((r) => [r.name.raw, r.fundType.raw])) });

describe('department summary (汇总表) from the forms', () => {
  it('rows, 合计, rates, grade counts, 自评率', () => {
    expect(summary.rows.map((r) => [r.project, r.budget, r.executed, r.score, r.grade])).toEqual([
      ['社会治安综合治理工作经费', '17', '16.94', '100.00', '优'],
      ['2023年“雪亮安防工程”运行维护费', '344.83', '343.57', '100.00', '优'],
      ['见义勇为基金', '1', '0.5', '74.26', '中'],
      ['全县扫黑除恶斗争工作经费', '1', '1', '95.00', '优'],
      ['特困干警补贴', '3.5', '0', '20.00', '差'],
      ['政法四级网光纤传输及维保费', '62.55', '62.55', '90.00', '优'],
      ['军队退役人员辅助性岗位资金', '5.46', '5.42', '90.00', '优'],
      ['“群众说事、干部解题”信息化平台运行维护费', '6', '6', '90.00', '优'],
      ['严重精神障碍患者监护人责任险', '5.25', '5.18', '90.00', '优'],
      ['大厂县综合治理9+X系统网格员终端邮电费项目', '9.33', '9.29', '90.00', '优'],
      ['易地交流干部保障住房费用', '3.19', '3.19', '90.00', '优'],
    ]);
    expect(summary.total).toEqual({ budget: '459.11', executed: '453.64', rate: '98.81' });
    expect(summary.gradeCounts).toEqual({ 优: 9, 良: 0, 中: 1, 差: 1 });
    expect([summary.evaluated, summary.expected, summary.selfEvaluationRate]).toEqual([11, 11, '100.00']);
    expect(summary.rows[0]!.fundType).toBe('县级专项项目');
  });

  it('the written 汇总表 against the forms (A10/A5)', () => {
    const f = checkSummaryTable(written, forms, summary, scheme);
    expect(f.map((x) => [x.code, x.location.form?.project, x.numbers])).toEqual([
      ['A5.SUMMARY_SCORE', '见义勇为基金', { summary: '65', form: '70', computed: '74.26' }],
      ['A5.SUMMARY_SCORE', '特困干警补贴', { summary: '0', form: '70', computed: '20.00' }],
      ['A5.SUMMARY_GRADE', '特困干警补贴', { summary: '差', form: '中', computed: '差' }],
    ]);
  });

  it('a 合计 that is not the sum of its rows is found', () => {
    const bad = structuredClone(written);
    bad.total!.budget = { raw: '460', value: '460' };
    expect(checkSummaryTable(bad, forms, summary, scheme).find((x) => x.code === 'A10.SUMMARY_TOTAL')!.numbers).toEqual({ written: '460', sum: '459.11' });
  });
});

describe('report content', () => {
  const input = { forms, scores, summary, findings };

  it('整体绩效自评工作报告: the five sections, sentences from the numbers, slots for what numbers cannot say', () => {
    const r = overallReport(input);
    expect(r.sections.map((s) => s.title)).toEqual([
      '一、绩效自评工作组织开展情况',
      '二、绩效目标实现情况',
      '三、绩效目标设定质量情况',
      '四、综合评价结论',
      '五、整改措施及结果应用',
    ]);
    const t = renderReportText(r);
    expect(t).toContain('纳入绩效自评的项目11个，全年预算数459.11万元，全年执行数453.64万元，预算执行率98.81%');
    expect(t).toContain('本单位11个项目绩效自评为9个优、1个中、1个差');
    expect(t).toContain('“见义勇为基金”得分74.26分');
    expect(t).toContain('评为“差”的“特困干警补贴”，取消或大幅压减下年度预算');
    const slots = r.sections.flatMap(function all(s): string[] {
      return [...s.content.filter((n) => n.kind === 'slot').map((n) => (n.kind === 'slot' ? n.id : '')), ...s.sections.flatMap(all)];
    });
    expect(slots).toEqual(['preparation', 'implementation', 'quality-notes', 'measures']);
    expect(renderReportText(r, { preparation: '组长张三。' })).toContain('（一）前期准备\n组长张三。');
  });

  it('决算公开绩效情况说明: coverage, totals, grade, and a 综述 of the three largest budgets by default', () => {
    const d = disclosureText(input);
    expect(d.attachments).toEqual([1, 5, 0]);
    const t = renderReportText(d);
    expect(t).toContain('涉及预算资金459.11万元');
    expect(t).toContain('〔待编辑：占一般公共预算项目支出总额的比例〕');
    expect(t).toContain(
      '2023年“雪亮安防工程”运行维护费项目绩效自评综述\n根据年初设定的绩效目标，绩效自评得分100.00分（优）。全年预算数344.83万元，到位资金344.83万元，实际执行343.57万元，预算执行率99.63%。',
    );
    const chosen = disclosureText(input, { projects: [2, 4, 8], projectSpending: '918.22' });
    expect(chosen.attachments).toEqual([2, 4, 8]);
    expect(renderReportText(chosen)).toContain('占一般公共预算项目支出总额的50.00%');
    expect(renderReportText(chosen)).toContain('发现的问题及原因：本年度按照实际申报见义勇为行为进行奖励');
  });
});
