/** History fields in Chinese (issue 23, item 3): every path the store writes, named as the form names it. */
import { describe, expect, it } from 'vitest';
import { describeField, withIndicatorIds } from '../src/index.ts';
import { goldenForm } from './golden.ts';

const ev = withIndicatorIds(goldenForm('hebei-dachang-zhengfawei-2023.form-01'));

describe('describeField', () => {
  it('names an indicator by its name, wherever its row is, and says when it is gone', () => {
    expect(describeField('indicators[i2].actual', ev)).toBe(`指标“${ev.indicators[1]!.name.raw.trim()}” · 实际完成值`);
    expect(describeField('indicators[i1].target.parts.value', ev)).toBe(`指标“${ev.indicators[0]!.name.raw.trim()}” · 指标值`);
    expect(describeField('indicators[nabcdef012345].deviation', ev)).toBe('已删除的指标 · 偏差原因分析及改进措施');
    expect(describeField('复核得分 indicators[i3]', ev)).toBe(`复核得分 · 指标“${ev.indicators[2]!.name.raw.trim()}”`);
    // entries written before indicators had ids name the row they were on then
    expect(describeField('indicators[0].actual', ev)).toBe('第 1 行指标 · 实际完成值');
    expect(describeField('复核得分 indicators[4]', ev)).toBe('复核得分 · 第 5 行指标');
    // the finance review of the budget-execution score and the form's 复核意见
    expect(describeField('复核得分 indicators[#budget]', ev)).toBe('复核得分 · 预算执行率得分');
    expect(describeField('复核意见', ev)).toBe('复核意见');
  });

  it('budget lines by their label, the rest by the form’s own words; an unknown path in general words, never the path itself', () => {
    expect(describeField('budget.lines[0].executed', ev)).toBe(`预算资金“${ev.budget.lines[0]!.label.raw.trim()}” · 全年执行数`);
    expect(describeField('claimed.total', ev)).toBe('总分（填报）');
    expect(describeField('goals.expected', ev)).toBe('年度总体目标（预期）');
    expect(describeField('(状态)', ev)).toBe('状态');
    expect(describeField('year', null)).toBe('年度');
    expect(describeField('groups[0].declaredPoints', ev)).toBe(`“${ev.groups[0]!.name}”的分值`);
    expect(describeField('something.new', ev)).toBe('表中一处内容');
  });
});
