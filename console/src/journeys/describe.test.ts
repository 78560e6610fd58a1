import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../shared/i18n/en';
import type { JourneyCatalog } from './catalog';
import { nodeSummary } from './describe';
import type { JourneyNode } from './graph';

const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  en[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

const endpoint = { id: 3, name: 'Shop backend', url: 'https://shop.example.com/hooks', enabled: true } as JourneyCatalog['webhooks'][number];
const catalog: JourneyCatalog = { events: [], segments: [], tags: [], models: [], actions: [], templates: [], webhooks: [endpoint] };

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
