/** Canonical names of the indicator tree (docs/rules.md, R8), from however a form writes them. */
import { squash } from '../values/normalize.ts';

/**
 * `产出 指 标 (40分)` → 产出指标; `满意度指标（10）` → 满意度指标; a range of points after it (重庆:
 * `成本指标(0-20)分`) and 值 for 指标 (山东 临邑: `产出值`, `效益值`) name the level all the same. Unknown
 * headings come back squashed, without what they declare in brackets.
 */
export function canonicalLevel1(raw: string): string {
  const t = squash(raw).replace(/[(（][^)）]*[)）]分?/g, '');
  if (t.includes('产出')) return '产出指标';
  if (t.includes('效益')) return '效益指标';
  if (t.includes('满意')) return '满意度指标';
  if (t.includes('预算执行')) return '预算执行率';
  if (t.includes('成本')) return '成本指标';
  return t;
}

const LEVEL2 = [
  ['数量', '数量指标'],
  ['质量', '质量指标'],
  ['时效', '时效指标'],
  ['经济成本', '经济成本指标'],
  ['社会成本', '社会成本指标'],
  ['生态环境成本', '生态环境成本指标'],
  ['成本', '成本指标'],
  ['经济效益', '经济效益指标'],
  ['社会效益', '社会效益指标'],
  ['生态效益', '生态效益指标'],
  ['可持续', '可持续影响指标'],
  ['满意', '服务对象满意度指标'],
  ['预算执行', '预算执行率'],
] as const;

/** `社会 效 益 指 标` → 社会效益指标; `满意度指标` → 服务对象满意度指标. */
const level2Memo = new Map<string, string>();

export function canonicalLevel2(raw: string): string {
  let name = level2Memo.get(raw);
  if (name === undefined) {
    name = canonicalLevel2Uncached(raw);
    if (level2Memo.size < 10_000) level2Memo.set(raw, name);
  }
  return name;
}

function canonicalLevel2Uncached(raw: string): string {
  const t = squash(raw);
  for (const [key, name] of LEVEL2) if (t.includes(key)) return name;
  return t;
}

/** Points declared in a 一级 heading: `产出指标（50）` → "50", `产出 指 标 (40分)` → "40". */
export function declaredPoints(raw: string): string | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]/.exec(squash(raw));
  return m ? m[1]! : null;
}

/** R8: the 一级 a canonical 二级 belongs to; null for a name outside the tree. */
export function level1OfLevel2(level2: string): string | null {
  if (/^(数量|质量|时效|成本)指标$/.test(level2)) return '产出指标';
  if (/^(经济效益|社会效益|生态效益|可持续影响)指标$/.test(level2)) return '效益指标';
  if (/^(经济成本|社会成本|生态环境成本)指标$/.test(level2)) return '成本指标';
  if (level2 === '服务对象满意度指标') return '满意度指标';
  if (level2 === '预算执行率') return '预算执行率';
  return null;
}
