import { describe, expect, it } from 'vitest';
import type { RespectSettings } from './api';
import { EVERY_CHANNEL, formOf, requestOf, TIME_OF_DAY } from './respectSettings';

const saved: RespectSettings = {
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
  caps: [
    { limit: 2, windowHours: 24 },
    { limit: 1, windowHours: 24, channel: 'email' },
  ],
  policies: [
    { channel: 'email', whenQuiet: 'wait', whenCapped: 'skip' },
    { channel: 'sms', whenQuiet: 'skip', whenCapped: 'wait' },
  ],
};

describe('respect settings form', () => {
  it('shows a cap on every channel as its own choice and sends it back without a channel', () => {
    const form = formOf(saved);
    expect(form.caps.map((cap) => cap.channel)).toEqual([EVERY_CHANNEL, 'email']);
    expect(requestOf(form)).toEqual({
      quietHours: { enabled: true, start: '21:00', end: '08:00' },
      caps: [
        { limit: 2, windowHours: 24, channel: undefined },
        { limit: 1, windowHours: 24, channel: 'email' },
      ],
      policies: [
        { channel: 'email', whenQuiet: 'wait', whenCapped: 'skip' },
        { channel: 'sms', whenQuiet: 'skip', whenCapped: 'wait' },
      ],
    });
  });

  it('sends switched-off quiet hours with their times, trimmed', () => {
    const request = requestOf({ enabled: false, start: ' 22:30 ', end: '07:00', caps: [], policies: [] });
    expect(request.quietHours).toEqual({ enabled: false, start: '22:30', end: '07:00' });
    expect(request.caps).toEqual([]);
  });

  it('takes times of day as HH:MM only', () => {
    expect(['00:00', '08:00', '21:00', '23:59'].every((time) => TIME_OF_DAY.test(time))).toBe(true);
    expect(['24:00', '8:00', '21:60', '9pm', '21:00:00'].some((time) => TIME_OF_DAY.test(time))).toBe(false);
  });
});
