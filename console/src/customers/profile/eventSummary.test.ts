import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Formatter } from '../../shared/hooks/useFormat';
import { interpolate } from '../../shared/i18n/language';
import { en, type MessageKey } from '../../shared/i18n/en';
import type { TimelineEvent } from '../api';
import { eventSummary, eventTitle } from './eventSummary';

const t = (key: MessageKey, values?: Record<string, string | number>) => interpolate(en[key], values);
const format = { money: (amount: number, currency?: string) => formatMoney(amount, currency, 'en-US') } as unknown as Formatter;

function event(partial: Partial<TimelineEvent>): TimelineEvent {
  return { id: 1, type: 'track', occurredAt: '2026-11-22T11:30:00Z', ...partial };
}

describe('eventTitle', () => {
  it("uses a track's or a page's own name", () => {
    expect(eventTitle(event({ name: 'Order Completed' }), t)).toBe('Order Completed');
    expect(eventTitle(event({ type: 'page', name: '首页' }), t)).toBe('首页');
  });

  it('says what the other types mean', () => {
    expect(eventTitle(event({ type: 'identify' }), t)).toBe('Profile updated');
    expect(eventTitle(event({ type: 'page' }), t)).toBe('Page viewed');
    expect(eventTitle(event({ type: 'alias' }), t)).toBe('Identities linked');
  });
});

describe('eventSummary', () => {
  it('tells the order, its total and how many products it had', () => {
    const summary = eventSummary(
      event({ name: 'Order Completed', properties: { order_id: 'o-1', total: 268, currency: 'CNY', products: [{}, {}] } }),
      t,
      format,
    );
    expect(summary).toBe('Order o-1 · ¥268.00 · 2 products');
  });

  it('tells the product, its price and the quantity', () => {
    const summary = eventSummary(
      event({ name: 'Product Added', properties: { name: '玻尿酸精华', price: 134, quantity: 2 } }),
      t,
      format,
    );
    expect(summary).toBe('玻尿酸精华 · ¥134.00 · × 2');
  });

  it('tells the page by its title or path', () => {
    expect(eventSummary(event({ type: 'page', properties: { path: '/list' } }), t, format)).toBe('/list');
    expect(eventSummary(event({ type: 'page', properties: { title: '首页', path: '/' } }), t, format)).toBe('首页');
  });

  it('lists the traits an identify set', () => {
    expect(eventSummary(event({ type: 'identify', properties: { name: '林', city: '上海' } }), t, format)).toBe(
      'Set name, city',
    );
  });

  it('names the group', () => {
    const summary = eventSummary(
      event({ type: 'group', properties: { groupId: 'community-上海', traits: { name: '上海会员群' } } }),
      t,
      format,
    );
    expect(summary).toBe('上海会员群 (community-上海)');
  });

  it("shows the first plain properties of the shop's own events", () => {
    const summary = eventSummary(
      event({ name: 'Live Room Joined', properties: { room_id: 'live-3', host: '小美', tags: ['a'], vip: true, extra: 1 } }),
      t,
      format,
    );
    expect(summary).toBe('room_id: live-3 · host: 小美 · vip: true');
  });

  it('says nothing when there is nothing to tell', () => {
    expect(eventSummary(event({ name: 'Signed In' }), t, format)).toBeUndefined();
  });
});
