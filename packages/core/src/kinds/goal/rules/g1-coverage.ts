/**
 * G1 coverage: the tree covers 产出 with 数量, 质量, 时效 (成本 is G2's), and 效益; and 满意度 where the
 * project serves people. 101号: "绩效目标通过具体绩效指标予以细化、量化描述，主要包括产出指标、效益指标和
 * 满意度指标等"; 10号 sets 产出 50 / 效益 30 / 满意度 10 as the default weights.
 */
import type { Finding } from '../../../audit/finding.ts';
import { goalFinding, type GoalLint } from '../lint-context.ts';
import { servesPeople } from '../project-traits.ts';

const OUTPUT_DIMENSIONS = ['数量指标', '质量指标', '时效指标'] as const;

export function g1Coverage(l: GoalLint, out: Finding[]): void {
  if (l.rows.length === 0) {
    out.push(
      goalFinding(
        l,
        'G1.NO_INDICATORS',
        '目标申报表没有任何绩效指标，绩效目标须细化为产出、效益、满意度指标',
        { section: 'indicators', field: 'indicators' },
        { indicators: 0 },
      ),
    );
    return;
  }
  const level1 = new Set(l.rows.map((r) => r.level1));
  const level2 = new Set(l.rows.map((r) => r.category));
  if (!level1.has('产出指标'))
    out.push(
      goalFinding(
        l,
        'G1.NO_OUTPUT',
        '缺少产出指标：应设数量、质量、时效、成本指标，说明项目要交付什么',
        { section: 'indicators', field: 'indicators' },
        { level1: '产出指标' },
      ),
    );
  else
    for (const d of OUTPUT_DIMENSIONS)
      if (!level2.has(d))
        out.push(
          goalFinding(
            l,
            'G1.MISSING_OUTPUT_DIMENSION',
            `产出指标缺少${d}：产出应从数量、质量、时效、成本四个方面设定`,
            { section: 'indicators', field: 'indicators' },
            { level2: d },
          ),
        );
  if (!level1.has('效益指标'))
    out.push(
      goalFinding(
        l,
        'G1.NO_BENEFIT',
        '缺少效益指标：应说明项目带来的经济、社会、生态效益或可持续影响',
        { section: 'indicators', field: 'indicators' },
        { level1: '效益指标' },
      ),
    );
  if (!level1.has('满意度指标')) {
    const word = servesPeople(l.form);
    if (word !== null)
      out.push(
        goalFinding(
          l,
          'G1.NO_SATISFACTION',
          `项目面向服务对象（“${word}”），应设服务对象满意度指标；如项目不直接服务群众，请在说明中注明`,
          { section: 'indicators', field: 'indicators' },
          { level1: '满意度指标', word },
        ),
      );
  }
}
