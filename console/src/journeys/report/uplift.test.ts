import { describe, expect, it } from 'vitest';
import type { JourneyEffect } from '../api';
import { conversionRows, direction, evidence, finite, revenueRow } from './uplift';

// Cookie Cats, 7-day retention (docs/journeys.md): control 8,502 of 44,700, treated 8,279 of 45,489
const effect = {
  conversion: {
    controlRate: 0.1902,
    treatedRate: 0.182,
    difference: -0.0082013,
    interval: { low: -0.0132816, high: -0.003121 },
    method: 'WALD',
    z: -3.164359,
    p: 0.00155425,
    relativeDifference: -0.0431,
    relativeInterval: { low: -0.0692, high: -0.017 },
  },
  revenue: {
    controlMean: 10,
    treatedMean: 12,
    difference: 2,
    standardError: 1,
    degreesOfFreedom: 17.8,
    t: 1.86,
    p: 0.0794,
    interval: { low: -0.2, high: 4.2 },
  },
  sampleRatio: { chiSquare: 6.9024, p: 0.0086, mismatch: true },
} as JourneyEffect;

describe('the uplift chart', () => {
  it('draws conversion in percentage points and relative per cent', () => {
    const [absolute, relative] = conversionRows(effect);
    expect(absolute.key).toBe('absolute');
    expect(absolute.estimate).toBeCloseTo(-0.82013, 5);
    expect(absolute.low).toBeCloseTo(-1.32816, 5);
    expect(absolute.high).toBeCloseTo(-0.3121, 5);
    expect(relative).toMatchObject({ key: 'relative' });
    expect(relative.estimate).toBeCloseTo(-4.31, 5);
  });

  it('leaves out the relative row when the control group converted no one', () => {
    const none = { ...effect, conversion: { ...effect.conversion, relativeDifference: undefined, relativeInterval: undefined } };
    expect(conversionRows(none).map((row) => row.key)).toEqual(['absolute']);
  });

  it('draws revenue in money, when there is a revenue comparison', () => {
    expect(revenueRow(effect)).toEqual({ key: 'revenue', estimate: 2, low: -0.2, high: 4.2 });
    expect(revenueRow({ ...effect, revenue: undefined })).toBeUndefined();
  });

  it('tells whether an interval lies above, below or across zero', () => {
    expect(direction(conversionRows(effect)[0])).toBe('down');
    expect(direction(revenueRow(effect)!)).toBe('unclear');
    expect(direction({ key: 'absolute', estimate: 1, low: 0.5, high: 2 })).toBe('up');
  });
});

describe('p-values in words', () => {
  it('call an effect likely real only below 0.05', () => {
    expect(evidence(0.00155425)).toBe('likely');
    expect(evidence(0.0499)).toBe('likely');
    expect(evidence(0.05)).toBe('chance');
    expect(evidence(0.0794)).toBe('chance');
    expect(evidence('NaN')).toBeUndefined();
  });

  it('read only real numbers', () => {
    expect(finite(1.5)).toBe(1.5);
    expect(finite(Number.NaN)).toBeUndefined();
    expect(finite(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(finite(null)).toBeUndefined();
  });
});
