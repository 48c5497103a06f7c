/**
 * Deterministic synthetic forms for benchmarks: indicator mixes, units and qualitative rows in the
 * proportions of the seeds. Same seed, same forms.
 */
import type { Evaluation, Indicator } from '@jixiao/core';

/** mulberry32: a small, fast, deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const num = (r: () => number, lo: number, hi: number, places = 0) => (lo + r() * (hi - lo)).toFixed(places);

type Row = [level1: string, level2: string, make: (r: () => number) => [string, string]];

const ROWS: Row[] = [
  ['产出指标', '数量指标', (r) => { const a = num(r, 1, 2000); return [`≥${a}个`, `${Math.round(Number(a) * (0.7 + r() * 0.5))}个`]; }],
  ['产出指标', '数量指标', (r) => { const a = num(r, 1, 500); return [`＝${a}人`, `＝${r() < 0.8 ? a : num(r, 1, 500)}人`]; }],
  ['产出指标', '质量指标', (r) => [`≥${num(r, 80, 99)}%`, `${num(r, 70, 100, 1)}%`]],
  ['产出指标', '时效指标', (r) => (r() < 0.5 ? ['及时', r() < 0.9 ? '及时' : '达成预期指标'] : [`${num(r, 1, 12)}月${num(r, 1, 28)}日`, `${num(r, 1, 12)}月${num(r, 1, 28)}日`])],
  ['产出指标', '成本指标', (r) => { const a = num(r, 1, 900, 2); return [`≤${a}万元`, `${(Number(a) * (0.8 + r() * 0.3)).toFixed(2)}万元`]; }],
  ['效益指标', '社会效益指标', (r) => (r() < 0.6 ? ['显著', r() < 0.85 ? '显著' : '部分达成预期指标并具有一定效果'] : [`≥${num(r, 80, 98)}%`, `${num(r, 75, 100)}%`])],
  ['效益指标', '可持续影响指标', (r) => ['长期', r() < 0.5 ? '长期' : '持续提升']],
  ['效益指标', '经济效益指标', (r) => [`≥${num(r, 1, 50)}万元`, `${num(r, 1, 60, 1)}万元`]],
  ['满意度指标', '服务对象满意度指标', (r) => [`≥${num(r, 85, 95)}%`, `${num(r, 80, 100)}%`]],
  ['产出指标', '数量指标', (r) => [`≥${num(r, 1, 60)}次`, `${num(r, 1, 60)}${r() < 0.1 ? '余' : ''}次`]],
];
const POINTS = ['10', '10', '10', '5', '15', '10', '5', '10', '10', '5'];

export function syntheticForm(r: () => number, i: number): Evaluation {
  const budget = num(r, 1, 1000, 2);
  const executed = (Number(budget) * (0.5 + r() * 0.5)).toFixed(2);
  const indicators: Indicator[] = ROWS.map(([level1, level2, make], k) => {
    const [target, actual] = make(r);
    return {
      level1,
      level2: { raw: level2 },
      name: { raw: `指标${k + 1}` },
      points: { raw: POINTS[k]!, value: POINTS[k]! },
      target: { raw: target },
      actual: { raw: actual },
      claimedScore: { raw: POINTS[k]!, value: POINTS[k]! },
    };
  });
  return {
    formatVersion: 1,
    schemeId: 'national',
    layout: 'national',
    year: 2023,
    project: { name: { raw: `合成项目${i}` } },
    budget: {
      unit: '万元',
      lines: [{ kind: 'total', label: { raw: '年度资金总额' }, adjusted: { raw: budget, value: budget }, executed: { raw: executed, value: executed }, points: { raw: '10', value: '10' } }],
    },
    goals: {
      // one form in twenty reuses a goal text of another (A9 has something to find)
      expected: { raw: `通过项目实施，保障${r() < 0.05 ? '全县社会治安稳定' : `第${i}项工作任务按期完成，服务对象${num(r, 100, 9999)}人次`}，提升群众安全感和满意度。` },
      achieved: { raw: `已完成${num(r, 1, 99)}项年度任务，服务对象满意度${num(r, 85, 99)}%。` },
    },
    groups: [],
    indicators,
    narratives: [],
    claimed: { total: { raw: '100', value: '100' } },
  };
}

export function syntheticForms(n: number, seed = 1): Evaluation[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => syntheticForm(r, i));
}
