/**
 * Words that promise a direction without a measure (进一步提高, 明显改善, 有效促进, 逐步提高, 持续提升,
 * 显著提升 …): practitioners' guidance names them as the typical defect of goal forms, and a reviewer
 * cannot tell at year end whether they were met. An adverb of degree followed by a verb of change.
 */
const VAGUE =
  /(进一步|明显|显著|有效|逐步|持续|不断|稳步|有所|大幅|大力|全面|切实|较大|较好|积极|充分|普遍)(地)?(提高|提升|改善|促进|加强|增强|增加|改进|好转|降低|减少|推进|推动|优化|完善|发挥)/;
/** A target that is only a promise of degree (`长期`, `持续`, `良好`) without a verb is just as unmeasurable. */
const BARE = /^(长期|持续|逐步|不断|稳步|良好|较好|明显|显著|有效|大幅)$/;

/** The vague phrase in a text, or null. */
export function vaguePhrase(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  const m = VAGUE.exec(t);
  if (m) return m[0];
  return BARE.test(t) ? t : null;
}
