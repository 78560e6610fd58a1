/**
 * Names offered while typing. The server has no list of the traits and events it has seen, nor of its indexed and
 * measured properties (siyu.audience.indexed-properties and .measures), so these are the usual ones; any other name
 * may be typed, and the server says in its answer when it does not know it.
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
