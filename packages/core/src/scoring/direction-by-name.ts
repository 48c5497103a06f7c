/**
 * The direction of a target written without a symbol, from what the indicator measures (R4; A8/G7:
 * "rates that are better lower take ≤"). A rate that is better lower — 事故率, 投诉率, 结转结余率, 超支率,
 * 调整率, the 控制率 of a cost — is reverse; a scorer that assumed "higher is better" would reward the
 * opposite of what the indicator's own name asks for (issue 21, item 5). A 控制率 of something that is not
 * a cost (疾病控制率, 血压控制率: better higher) says nothing certain: the scorer abstains and says why.
 * Names measuring a fall of such a rate (`投诉率下降`, `事故发生率降低幅度`) are better higher: no answer here.
 */
import { squash } from '../values/normalize.ts';

export type NamedDirection =
  /** the name says lower is better: score as reverse (R4) */
  | { op: '<='; why: string }
  /** the name cannot tell: do not score by ratio */
  | { op: null; why: string };

/** Rates that are better lower, as the end of an indicator's name (before any bracketed note). */
const LOWER_BETTER =
  /(调整率|结转结余率|结余率|结转率|超支率|超预算率|事故率|事故发生率|投诉率|发生率|差错率|出错率|错误率|失误率|故障率|返工率|死亡率|病死率|误报率|漏报率|漏检率|流失率|空置率|闲置率|违规率|违约率|逾期率|不合格率|偏差率|超标率|损耗率|损失率|变更率|发案率|犯罪率|复发率|感染率|差评率|退回率|延误率|返贫率|致贫率)$/;

/** A cost whose 控制率 (actual ÷ budgeted) must stay at or below its target. */
const COST_CONTROL = /(成本|费用|经费|支出|预算|造价|开支|投资|资金)\S{0,6}控制率$/;

/** Words that turn a rate into its fall, which is better higher. */
const FALL = /(下降|降低|减少|压降|减幅|降幅|下降幅度|降低幅度)/;

/** The indicator's name without numbering (`指标1：`), bracketed notes (`（%）`) and trailing colons. */
function core(name: string): string {
  return squash(name)
    .replace(/^指标\d+[:：]/, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/[:：。.]+$/, '');
}

export function directionByName(name: string): NamedDirection | null {
  const t = core(name);
  if (t === '' || FALL.test(t)) return null;
  const m = LOWER_BETTER.exec(t);
  if (m) return { op: '<=', why: `目标未写比较符号，指标名称中的“${m[1]}”越低越好，按反向指标计（R4）` };
  if (COST_CONTROL.test(t)) return { op: '<=', why: '目标未写比较符号，成本（费用）控制率越低越好，按反向指标计（R4）' };
  if (t.endsWith('控制率')) return { op: null, why: `目标未写比较符号，“${t}”可能越高越好也可能越低越好，无法确定方向，不按比例计分；请在目标前写明“≥”或“≤”` };
  return null;
}
