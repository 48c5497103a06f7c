/**
 * Deterministic synthetic forms for benchmarks and the province-scale demo (`jixiao demo --scale
 * province`): indicator mixes, units and qualitative rows in the proportions of the seeds, and — when
 * asked — the seeds' kinds of mistakes. Same seed, same forms. Pure: no clock, no I/O.
 */
import type { Evaluation, Indicator } from '../model/evaluation.ts';

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
  [
    '产出指标',
    '数量指标',
    (r) => {
      const a = num(r, 1, 2000);
      return [`≥${a}个`, `${Math.round(Number(a) * (0.7 + r() * 0.5))}个`];
    },
  ],
  [
    '产出指标',
    '数量指标',
    (r) => {
      const a = num(r, 1, 500);
      return [`＝${a}人`, `＝${r() < 0.8 ? a : num(r, 1, 500)}人`];
    },
  ],
  ['产出指标', '质量指标', (r) => [`≥${num(r, 80, 99)}%`, `${num(r, 70, 100, 1)}%`]],
  [
    '产出指标',
    '时效指标',
    (r) => (r() < 0.5 ? ['及时', r() < 0.9 ? '及时' : '达成预期指标'] : [`${num(r, 1, 12)}月${num(r, 1, 28)}日`, `${num(r, 1, 12)}月${num(r, 1, 28)}日`]),
  ],
  [
    '产出指标',
    '成本指标',
    (r) => {
      const a = num(r, 1, 900, 2);
      return [`≤${a}万元`, `${(Number(a) * (0.8 + r() * 0.3)).toFixed(2)}万元`];
    },
  ],
  [
    '效益指标',
    '社会效益指标',
    (r) => (r() < 0.6 ? ['显著', r() < 0.85 ? '显著' : '部分达成预期指标并具有一定效果'] : [`≥${num(r, 80, 98)}%`, `${num(r, 75, 100)}%`]),
  ],
  ['效益指标', '可持续影响指标', (r) => ['长期', r() < 0.5 ? '长期' : '持续提升']],
  ['效益指标', '经济效益指标', (r) => [`≥${num(r, 1, 50)}万元`, `${num(r, 1, 60, 1)}万元`]],
  ['满意度指标', '服务对象满意度指标', (r) => [`≥${num(r, 85, 95)}%`, `${num(r, 80, 100)}%`]],
  ['产出指标', '数量指标', (r) => [`≥${num(r, 1, 60)}次`, `${num(r, 1, 60)}${r() < 0.1 ? '余' : ''}次`]],
];
const POINTS = ['10', '10', '10', '5', '15', '10', '5', '10', '10', '5'];

const NAMES = [
  '社会治安综合治理',
  '网格员意外伤害保险',
  '政务内网线路租用',
  '雪亮工程运行维护',
  '见义勇为奖励',
  '专职网格员工资',
  '法律宣传进万家',
  '综治中心升级改造',
];
const UNITS = ['政法委', '县委办公室', '财政局', '公安局', '司法局', '民政局'];

/**
 * One synthetic form shaped like an imported one: every cell carries its provenance (file, table,
 * row, column), the identity, a three-line budget block, goals, narrative blocks and the claimed
 * total, with texts of the seeds' typical lengths. Its JSON is ≈ 11 k characters, like the seeds'
 * average (11.7 k), so that reading it costs what reading a real form costs.
 */
export interface SyntheticOptions {
  /**
   * Put in the mistakes the seed forms make, at rates like theirs: 一级 headings whose declared points
   * differ from their rows' (A1), a claimed score above its points (A2), execution above the budget
   * (A3), a grade that does not match the claimed total (A5); goals copied between projects (A9) are
   * always there (one form in twenty).
   */
  mistakes?: boolean;
}

export function syntheticForm(r: () => number, i: number, opts: SyntheticOptions = {}): Evaluation {
  const file = `department-${Math.floor(i / 1000)}.docx`;
  let row = 1;
  const at = (col: number) => ({ file, table: 1 + (i % 1000), row, col });
  const text = (raw: string, col = 2) => ({ raw, src: at(col) });
  const money = (v: string, col: number) => ({ raw: v, value: v, src: at(col) });
  const budget = num(r, 1, 1000, 2);
  const executed = (Number(budget) * (0.5 + r() * 0.5)).toFixed(2);
  const rate = ((Number(executed) / Number(budget)) * 100).toFixed(2);
  const project = `${NAMES[i % NAMES.length]}第${i}号项目经费`;
  const unit = UNITS[i % UNITS.length]!;
  row = 2;
  const identity = {
    name: text(project),
    department: { name: text(`中共某某县委${unit}`), code: text(`${100 + (i % 900)}`) },
    implementer: { name: text(`中共某某县委${unit}`, 4), code: text(`${100 + (i % 900)}001`, 4) },
  };
  row = 5;
  const lines = (['total', 'fiscal', 'other'] as const).map((kind, k) => {
    row = 5 + k;
    const b = kind === 'other' ? '0' : budget;
    const e = kind === 'other' ? '0' : executed;
    return {
      kind,
      label: text(kind === 'total' ? '年度资金总额' : kind === 'fiscal' ? '其中：财政资金' : '其他资金', 1),
      initial: money(b, 2),
      adjusted: money(b, 3),
      executed: money(e, 4),
      ...(kind === 'total' && { points: money('10', 5), rate: { raw: `${rate}%`, value: rate, src: at(6) }, score: money('10', 7) }),
    };
  });
  row = 9;
  const goals = {
    // one form in twenty reuses a goal text of another (A9 has something to find)
    expected: text(
      `通过项目实施，保障${r() < 0.05 ? '全县社会治安稳定，维护人民群众合法权益，提升群众安全感和满意度' : `第${i}项工作任务按期完成，服务对象${num(r, 100, 9999)}人次，按规定标准及时足额发放相关经费，确保工作正常开展`}，提升群众安全感和满意度，为全县经济社会发展营造良好环境。`,
      1,
    ),
    achieved: text(`已完成${num(r, 1, 99)}项年度任务，服务对象满意度${num(r, 85, 99)}%，资金按计划拨付，项目实施情况良好，达到了年初设定的绩效目标。`, 2),
  };
  const indicators: Indicator[] = ROWS.map(([level1, level2, make], k) => {
    row = 12 + k;
    const [target, actual] = make(r);
    return {
      level1,
      level2: text(level2, 2),
      // names as specific as real ones; one form in twenty copies a template name
      name: text(
        r() < 0.05 ? `${level2.replace('指标', '')}：按模板完成的工作任务${k + 1}` : `${level2.replace('指标', '')}：${project}任务${k + 1}完成情况`,
        3,
      ),
      points: money(POINTS[k]!, 6),
      target: text(target, 4),
      actual: text(actual, 5),
      claimedScore: money(POINTS[k]!, 7),
      deviation: text(k % 4 === 0 ? '按计划完成，无偏差。' : '', 8),
      src: { file, table: 1 + (i % 1000), row },
    };
  });
  row = 23;
  const declared = (name: string, points: string) =>
    opts.mistakes && r() < 0.1 ? String(Number(points) + (r() < 0.5 ? -5 : 5)) : opts.mistakes ? points : null;
  if (opts.mistakes && r() < 0.03) indicators[0] = { ...indicators[0]!, claimedScore: money(String(Number(POINTS[0]) + 5), 7) };
  if (opts.mistakes && r() < 0.02) lines[0] = { ...lines[0]!, executed: money((Number(budget) * 1.1).toFixed(2), 4) };
  const grade = opts.mistakes && r() < 0.05 ? '良' : '优';
  return {
    formatVersion: 1,
    schemeId: 'national',
    layout: 'national',
    year: 2023,
    title: text('项目支出绩效自评表', 1),
    project: identity,
    budget: { unit: '万元', lines },
    goals,
    groups: [
      { name: '产出指标', label: text('产出指标', 2), declaredPoints: declared('产出指标', '55') },
      { name: '效益指标', label: text('效益指标', 2), declaredPoints: declared('效益指标', '25') },
      { name: '满意度指标', label: text('满意度指标', 2), declaredPoints: declared('满意度指标', '10') },
    ],
    indicators,
    narratives: [
      {
        kind: 'problems',
        label: text('存在的主要问题及原因分析', 2),
        text: text('部分资金拨付时间较晚，项目前期准备不够充分，个别指标设置不够细化，绩效目标的可衡量性有待提高。', 3),
      },
      {
        kind: 'measures',
        label: text('下一步改进措施及管理建议', 2),
        text: text('加强预算执行进度管理，细化量化绩效指标，强化绩效运行监控，提高资金使用效益。', 3),
      },
    ],
    claimed: { total: money('100', 6), grade: text(grade, 7) },
    filler: { name: text('张某某', 1), phone: text('0000000', 3) },
  };
}

export function syntheticForms(n: number, seed = 1, opts: SyntheticOptions = {}): Evaluation[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => syntheticForm(r, i, opts));
}

/**
 * A province, one department at a time (so a caller can store each and let it go: memory stays flat
 * whatever the size): `departments` departments of `perDepartment` forms, forms numbered across the
 * province so that names stay unique.
 */
export function* syntheticProvince(
  departments: number,
  perDepartment: number,
  seed = 1,
): Generator<{ index: number; code: string; name: string; forms: Evaluation[] }> {
  const r = rng(seed);
  for (let d = 0; d < departments; d++) {
    const forms = Array.from({ length: perDepartment }, (_, k) => syntheticForm(r, d * perDepartment + k, { mistakes: true }));
    yield { index: d, code: `synthetic-${String(d + 1).padStart(3, '0')}`, name: `示例部门${d + 1}（${UNITS[d % UNITS.length]}）`, forms };
  }
}
