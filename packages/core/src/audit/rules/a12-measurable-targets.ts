/** A12: targets like `长期`, `持续提升`, `逐步提高` cannot be measured: a warning on quantitative sub-categories, a note elsewhere. */
import { finding, type FormAudit } from '../context.ts';
import type { Finding } from '../finding.ts';

const VAGUE = /^(长期|持续|逐步|不断|稳步|进一步|有效|明显|显著)?(提升|提高|改善|加强|增强|开展|推进|长期|持续|保持)?$/;
const QUANTITATIVE = new Set(['数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '服务对象满意度指标']);

export function a12MeasurableTargets(a: FormAudit, out: Finding[]): void {
  for (const s of a.score.indicators) {
    if (s.target.kind !== 'word') continue;
    const w = s.target.word;
    if (!VAGUE.test(w) || !/^(长期|持续|逐步|不断|稳步|进一步)/.test(w)) continue;
    const ind = a.ev.indicators[s.index]!;
    const quantitative = QUANTITATIVE.has(s.category);
    out.push(
      finding(
        a,
        quantitative ? 'A12.UNMEASURABLE' : 'A12.VAGUE',
        `“${ind.name.raw}”的指标值“${s.target.raw.trim()}”无法衡量${quantitative ? `，${s.category}应设定可量化的目标值` : '，建议设定可检验的目标'}`,
        { section: 'indicators', indicator: s.index, field: 'target', src: ind.target.src },
        { target: s.target.raw, category: s.category },
      ),
    );
  }
}
