import type { Formatter } from '../../shared/hooks/useFormat';
import type { Translate } from '../../shared/i18n/I18nProvider';
import type { TimelineEvent } from '../api';

type Properties = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function amount(value: unknown): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
}

/** The headline of an event: a track's or page's own name, otherwise what the type means. */
export function eventTitle(event: TimelineEvent, t: Translate): string {
  if ((event.type === 'track' || event.type === 'page' || event.type === 'screen') && event.name) {
    return event.name;
  }
  return t(`timeline.title.${event.type}`);
}

/**
 * One line that tells what happened without opening the details: the order and its total, the product and its
 * price, the page's path, the traits an identify set.
 */
export function eventSummary(event: TimelineEvent, t: Translate, format: Formatter): string | undefined {
  const properties: Properties = event.properties ?? {};
  const currency = text(properties.currency);
  const parts: string[] = [];
  if (event.type === 'group') {
    const traits = properties.traits && typeof properties.traits === 'object' ? (properties.traits as Properties) : {};
    const group = text(properties.groupId) ?? text(properties.group_id);
    const name = text(traits.name);
    return group ? (name ? `${name} (${group})` : group) : name;
  }
  if (event.type === 'identify') {
    const names = Object.keys(properties);
    return names.length > 0 ? t('timeline.traitsSet', { names: names.slice(0, 6).join(', ') + (names.length > 6 ? '…' : '') }) : undefined;
  }
  if (event.type === 'page' || event.type === 'screen') {
    return text(properties.title) ?? text(properties.path) ?? text(properties.url);
  }
  const orderId = text(properties.order_id);
  if (orderId) {
    parts.push(t('timeline.order', { id: orderId }));
  }
  const name = text(properties.name);
  if (name && !orderId) {
    parts.push(name);
  }
  const total = amount(properties.total) ?? amount(properties.revenue) ?? (orderId ? undefined : amount(properties.price));
  if (total !== undefined) {
    parts.push(format.money(total, currency));
  }
  if (Array.isArray(properties.products) && properties.products.length > 0) {
    parts.push(t('timeline.products', { count: properties.products.length }));
  }
  const quantity = amount(properties.quantity);
  if (quantity !== undefined && !orderId) {
    parts.push(`× ${quantity}`);
  }
  if (parts.length === 0) {
    // an event of the shop's own: its first few plain properties say enough
    for (const [key, value] of Object.entries(properties)) {
      const shown = text(value) ?? (typeof value === 'boolean' ? String(value) : undefined);
      if (shown !== undefined && parts.length < 3) {
        parts.push(`${key}: ${shown}`);
      }
    }
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
