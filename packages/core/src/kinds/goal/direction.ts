/**
 * Which way an indicator's target points: the symbol written, or the scheme's default for its 二级
 * when none is written (R4; `defaultDirection`). Shared by G5, G7 and G10.
 */
import type { Scheme } from '../../scheme/scheme.ts';
import type { Comparison } from '../../values/parse-value.ts';

export type Sense = 'higher' | 'lower' | 'exact';

export function senseOf(op: Comparison | null, category: string, scheme: Scheme): Sense {
  const o = op ?? ((scheme.defaultDirection[category] ?? scheme.defaultDirection['*'] ?? '>=') as Comparison);
  return o === '>=' || o === '>' ? 'higher' : o === '<=' || o === '<' ? 'lower' : 'exact';
}

/** Rates where less is better: written with ≥ they reward failure. */
export const LOWER_IS_BETTER =
  /故障率|发生率|事故率|投诉率|差错率|误差率|失误率|损失率|超支率|空置率|返工率|流失率|违约率|死亡率|犯罪率|发案率|复发率|不合格率|退回率|逾期率|错误率|偏差率|缺陷率/;
/** Rates where more is better: written with ≤ they cap success. */
export const HIGHER_IS_BETTER =
  /合格率|达标率|满意度|满意率|覆盖率|完成率|知晓率|到位率|完好率|优良率|通过率|验收率|执行率|及时率|准确率|参与率|入学率|结案率|化解率|调解成功率/;
