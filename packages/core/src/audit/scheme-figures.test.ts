import { describe, expect, it } from 'vitest';
import { getScheme } from '../scheme/registry.ts';
import { oneMinus, onePlus, percentOf } from './scheme-figures.ts';

describe('figures derived from scheme settings', () => {
  it('are exact, and the same when asked again', () => {
    expect(percentOf('0.3')).toBe('30');
    expect(percentOf('0.125')).toBe('12.5');
    expect(percentOf('0.3')).toBe('30');
    expect(onePlus('0.3')).toBe('1.3');
    expect(oneMinus('0.3')).toBe('0.7');
    expect(oneMinus('0.25')).toBe('0.75');
  });
  it('of the national scheme', () => {
    const { audit, overCompletionThreshold } = getScheme('national');
    expect(Number(percentOf(audit.lowExecutionRate))).toBe(Number(audit.lowExecutionRate) * 100);
    expect(Number(percentOf(overCompletionThreshold))).toBeCloseTo(Number(overCompletionThreshold) * 100, 10);
  });
});
