import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import type { Translate } from '../shared/i18n/I18nProvider';
import { DELIVERY_STATUSES } from './api';
import { deliveryStatusLabel, redeliverable } from './labels';

const t = ((key: keyof typeof en) => en[key]) as Translate;

describe('delivery statuses', () => {
  it('each have a label, and unknown ones are shown as they are', () => {
    for (const status of DELIVERY_STATUSES) {
      expect(deliveryStatusLabel(t, status)).not.toBe(status);
    }
    expect(deliveryStatusLabel(t, 'lost')).toBe('lost');
  });

  it('can be sent again only when failed or parked', () => {
    expect(DELIVERY_STATUSES.filter(redeliverable)).toEqual(['failed', 'parked']);
  });
});
