import { describe, expect, it } from 'vitest';
import { fromIso, toIso } from './duration';

describe('durations', () => {
  it('are written as the server reads them', () => {
    expect(toIso({ amount: 30, unit: 'minutes' })).toBe('PT30M');
    expect(toIso({ amount: 4, unit: 'hours' })).toBe('PT4H');
    expect(toIso({ amount: 2, unit: 'days' })).toBe('P2D');
  });

  it('are read in the largest unit that measures them whole', () => {
    expect(fromIso('PT30M')).toEqual({ amount: 30, unit: 'minutes' });
    expect(fromIso('PT4H')).toEqual({ amount: 4, unit: 'hours' });
    expect(fromIso('P2D')).toEqual({ amount: 2, unit: 'days' });
    expect(fromIso('PT48H')).toEqual({ amount: 2, unit: 'days' });
    expect(fromIso('P1DT12H')).toEqual({ amount: 36, unit: 'hours' });
    expect(fromIso('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(fromIso('PT120S')).toEqual({ amount: 2, unit: 'minutes' });
  });

  it('are not read when they are not a whole number of minutes, or not durations', () => {
    for (const text of ['', 'P', 'PT', 'PT30S', '2 days', 'P1W', undefined, null]) {
      expect(fromIso(text), String(text)).toBeUndefined();
    }
  });
});
