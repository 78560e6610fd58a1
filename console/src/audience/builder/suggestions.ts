import { useMemo } from 'react';
import { useCatalog } from '../catalog';

/**
 * Names offered while typing: what the index knows now (the traits customers hold, the events seen, the indexed and
 * measured properties, the categories of consent), after the usual ones, so that a new installation offers sensible
 * names too. Any other name may be typed, and the server says in its answer when it does not know it.
 */
export const TRAIT_SUGGESTIONS = ['name', 'gender', 'birthday', 'city', 'province', 'city_tier', 'member_level', 'age', 'channel'];

export const EVENT_SUGGESTIONS = [
  'Product Viewed',
  'Product Added',
  'Product Removed',
  'Product Shared',
  'Checkout Started',
  'Order Completed',
  'Order Cancelled',
  'Order Refunded',
  'Coupon Applied',
  'Signed Up',
  'Live Room Joined',
  'Content Liked',
  'Comment Posted',
  '$page',
  '$screen',
  '$identify',
];

/** The default indexed properties: behaviour may be filtered on one of them ("viewed a product of category 护肤"). */
export const PROPERTY_SUGGESTIONS = ['category', 'product_id', 'brand'];

/** The default measures: behaviour may be tested on their sum, minimum or maximum. */
export const MEASURE_SUGGESTIONS = ['total', 'revenue', 'price', 'quantity', 'value', 'amount'];

/** The categories of consent Siyu's channels use. */
export const CONSENT_SUGGESTIONS = ['email', 'sms', 'push', 'wechat', 'wecom', 'inbox'];

export interface Suggestions {
  traits: string[];
  events: string[];
  properties: string[];
  measures: string[];
  consentCategories: string[];
}

function union(known: string[] | undefined, usual: string[]): string[] {
  return [...new Set([...(known ?? []), ...usual])];
}

/** The names to offer, from the index's vocabulary where it has loaded. */
export function useSuggestions(): Suggestions {
  const { vocabulary } = useCatalog();
  return useMemo(
    () => ({
      traits: union(
        vocabulary?.traits.map((trait) => trait.name),
        TRAIT_SUGGESTIONS,
      ),
      events: union(vocabulary?.events, EVENT_SUGGESTIONS),
      properties: vocabulary?.indexedProperties ?? PROPERTY_SUGGESTIONS,
      measures: vocabulary?.measures ?? MEASURE_SUGGESTIONS,
      consentCategories: union(vocabulary?.consentCategories, CONSENT_SUGGESTIONS),
    }),
    [vocabulary],
  );
}
