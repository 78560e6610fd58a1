import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { interpolate } from '../shared/i18n/language';
import type { Translate } from '../shared/i18n/I18nProvider';
import { outcomeText } from './labels';

const t: Translate = (key, values) => interpolate(en[key], values);

describe('outcomeText', () => {
  it('says in words why a message was skipped', () => {
    expect(outcomeText(t, { state: 'skipped', outcome: 'consent-missing', attempts: 1 })).toBe(en['outcome.consent-missing']);
    expect(outcomeText(t, { state: 'skipped', outcome: 'suppressed', attempts: 1 })).toBe(en['outcome.suppressed']);
    expect(outcomeText(t, { state: 'skipped', outcome: 'no-address', attempts: 1 })).toBe(en['outcome.no-address']);
    expect(outcomeText(t, { state: 'skipped', outcome: 'frequency-cap', attempts: 1 })).toBe(en['outcome.frequency-cap']);
  });

  it('says that a message held for quiet hours waits for them to end, not that an attempt failed', () => {
    expect(outcomeText(t, { state: 'queued', outcome: 'quiet-hours', attempts: 0 })).toBe(en['outcome.quietHours']);
  });

  it("keeps the provider's words for a failure, a retry and a parked message", () => {
    expect(outcomeText(t, { state: 'failed', outcome: '550 no such user', attempts: 1 })).toContain('550 no such user');
    expect(outcomeText(t, { state: 'queued', outcome: 'attempt 2 failed: timeout', attempts: 2 })).toContain('timeout');
    expect(outcomeText(t, { state: 'parked', outcome: 'gave up after 6 attempts: timeout', attempts: 6 })).toContain(
      'gave up after 6 attempts',
    );
  });

  it('says nothing for a message on its way or sent', () => {
    expect(outcomeText(t, { state: 'sent', attempts: 1 })).toBeUndefined();
    expect(outcomeText(t, { state: 'queued', attempts: 0 })).toBeUndefined();
  });
});
