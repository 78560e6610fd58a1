import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { interpolate } from '../shared/i18n/language';
import type { Translate } from '../shared/i18n/I18nProvider';
import type { JourneyCatalog } from './catalog';
import { nodeSummary, triggerSummary } from './describe';
import type { JourneyGraph, JourneyNode, Trigger } from './graph';

const t: Translate = (key, values) => interpolate(en[key], values);
const endpoint = { id: 3, name: 'Shop backend', url: 'https://shop.example.com/hooks', enabled: true } as JourneyCatalog['webhooks'][number];
const catalog: JourneyCatalog = { events: [], segments: [], tags: [], models: [], actions: [], templates: [], webhooks: [endpoint] };
const graph = (trigger: Trigger): JourneyGraph => ({ trigger, first: null, nodes: [] });
describe('the calendar triggers in one line', () => {
  it('names a broadcast’s segment and its cron expression', () => {
    expect(triggerSummary(t, catalog, graph({ type: 'schedule', segment: 12, cron: '0 0 10 * * MON' }))).toBe('Broadcast to “#12” on 0 0 10 * * MON');
  });

  it('says a one-off broadcast without a time is not set', () => {
    expect(triggerSummary(t, catalog, graph({ type: 'schedule', segment: null, at: null }))).toBe('Broadcast to “not set” at not set');
  });

  it('says how far a date trigger lies from the date, and when', () => {
    expect(triggerSummary(t, catalog, graph({ type: 'date', attribute: 'birthday', offsetDays: 0, at: '09:00' }))).toBe('On their birthday at 09:00');
    expect(triggerSummary(t, catalog, graph({ type: 'date', attribute: 'birthday', offsetDays: -7, at: '10:30' }))).toBe('7 days before their birthday at 10:30');
    expect(triggerSummary(t, catalog, graph({ type: 'date', attribute: 'last_order', offsetDays: 30 }))).toBe('30 days after their last order at 09:00');
    expect(triggerSummary(t, catalog, graph({ type: 'date', attribute: 'member_since', offsetDays: 0 }))).toBe('On their member_since at 09:00');
  });
});

describe('a webhook call on the canvas', () => {
  it('names the endpoint and the event type', () => {
    const node: JourneyNode = { id: 'hook', type: 'action', action: 'call_webhook', config: { endpoint: 3, eventType: 'journey.welcomed' }, next: null };
    expect(nodeSummary(t, catalog, node)).toBe('Call “Shop backend” with journey.welcomed');
  });

  it('says what is not set yet', () => {
    const node: JourneyNode = { id: 'hook', type: 'action', action: 'call_webhook', config: { eventType: '' }, next: null };
    expect(nodeSummary(t, catalog, node)).toBe(`Call “${en['journey.unset']}” with ${en['journey.unset']}`);
  });
});

describe('points granted on the canvas', () => {
  it('says how many points the node grants', () => {
    const node: JourneyNode = { id: 'gift', type: 'action', action: 'grant_points', config: { points: 200 }, next: null };
    expect(nodeSummary(t, catalog, node)).toBe('Grant 200 points');
  });
});
