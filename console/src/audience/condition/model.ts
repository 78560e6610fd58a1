import type { FieldError } from '../../shared/api/client';

/**
 * The condition language of segments, tags and lifecycle stages (version 1), as the server reads it. The builder edits
 * these objects as they are, so that the JSON view and the server see exactly what the operator built.
 */
export const DEFINITION_VERSION = 1;

export type Window = 'ever' | { lastDays: number } | { from: string; to: string };

export const THRESHOLD_OPERATORS = ['at_least', 'at_most', 'equals', 'not_equals', 'greater_than', 'less_than', 'between'] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

export interface Threshold {
  operator: ThresholdOperator;
  value?: number;
  from?: number;
  to?: number;
}

export const TEXT_OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'starts_with'] as const;
export const NUMBER_OPERATORS = ['equals', 'not_equals', 'greater_than', 'at_least', 'less_than', 'at_most', 'between'] as const;
export const DATE_OPERATORS = ['before', 'after', 'on_or_between_dates', 'within_last_days', 'more_than_days_ago'] as const;
export const PRESENCE_OPERATORS = ['exists', 'not_exists'] as const;
export const OPERATORS = [
  ...TEXT_OPERATORS,
  ...PRESENCE_OPERATORS,
  'greater_than',
  'at_least',
  'less_than',
  'at_most',
  'between',
  ...DATE_OPERATORS,
  'anniversary_within_next_days',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Scalar = string | number | boolean;

/** The value part of a comparison: which members it has depends on the operator. */
export interface Comparison {
  operator: Operator;
  value?: Scalar;
  values?: Scalar[];
  from?: number | string;
  to?: number | string;
  date?: string;
  days?: number;
}

export interface GroupCondition {
  type: 'all' | 'any';
  conditions: Condition[];
}

export interface NotCondition {
  type: 'not';
  condition: Condition;
}

export interface TraitCondition extends Comparison {
  type: 'trait';
  trait: string;
}

export interface FactCondition extends Comparison {
  type: 'fact';
  fact: string;
}

export interface ChannelCondition {
  type: 'channel';
  values: string[];
}

export const CONSENT_STATES = ['granted', 'denied', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Where a customer stands on a category of consent (a channel such as sms, or a purpose). */
export interface ConsentCondition {
  type: 'consent';
  category: string;
  state: ConsentState;
}

export interface Aggregate extends Threshold {
  function: 'sum' | 'min' | 'max';
  property: string;
}

export interface EventCondition {
  type: 'event';
  event: string;
  where?: { property: string; value: Scalar } | null;
  count?: Threshold | null;
  aggregate?: Aggregate | null;
  window?: Window;
}

export interface PurchaseCondition {
  type: 'purchase';
  product?: string | null;
  category?: string | null;
  count?: Threshold | null;
  spent?: Threshold | null;
  window?: Window;
}

export interface TagCondition {
  type: 'tag';
  tag: string;
  operator?: 'equals' | 'in' | 'contains';
  value?: string;
  values?: string[];
}

export interface SegmentCondition {
  type: 'segment';
  segment?: number;
}

export interface LifecycleCondition {
  type: 'lifecycle';
  model: string;
  stage: string;
}

export type ScoreRange = [number, number];

export interface RfmCondition {
  type: 'rfm';
  group?: string;
  recency?: ScoreRange;
  frequency?: ScoreRange;
  monetary?: ScoreRange;
}

export type Rule =
  | TraitCondition
  | FactCondition
  | ChannelCondition
  | ConsentCondition
  | EventCondition
  | PurchaseCondition
  | TagCondition
  | SegmentCondition
  | LifecycleCondition
  | RfmCondition;

export type Condition = GroupCondition | NotCondition | Rule;

export interface Definition {
  version: number;
  condition: Condition;
}

export const RULE_TYPES = ['trait', 'fact', 'channel', 'consent', 'event', 'purchase', 'tag', 'segment', 'lifecycle', 'rfm'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const NUMBER_FACTS = ['order_count', 'total_spent', 'average_order_value', 'event_count'] as const;
export const DAY_FACTS = ['last_seen_at', 'first_seen_at', 'last_order_at', 'first_order_at'] as const;
export const FACTS = [...NUMBER_FACTS, ...DAY_FACTS, 'channel'] as const;

export const RFM_GROUPS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;

export function isGroup(condition: Condition): condition is GroupCondition {
  return condition.type === 'all' || condition.type === 'any';
}

export function isNot(condition: Condition): condition is NotCondition {
  return condition.type === 'not';
}

export function definitionOf(condition: Condition): Definition {
  return { version: DEFINITION_VERSION, condition };
}

/** A new rule of a type, filled with values that make sense, so that the live count answers at once where it can. */
export function newRule(type: RuleType): Rule {
  switch (type) {
    case 'trait':
      return { type, trait: '', operator: 'equals', value: '' };
    case 'fact':
      return { type, fact: 'order_count', operator: 'at_least', value: 1 };
    case 'channel':
      return { type, values: [] };
    case 'consent':
      return { type, category: 'sms', state: 'granted' };
    case 'event':
      return { type, event: '', count: { operator: 'at_least', value: 1 }, window: { lastDays: 30 } };
    case 'purchase':
      return { type, count: { operator: 'at_least', value: 1 }, window: { lastDays: 90 } };
    case 'tag':
      return { type, tag: '' };
    case 'segment':
      return { type };
    case 'lifecycle':
      return { type, model: 'value', stage: '' };
    case 'rfm':
      return { type, group: 'champions' };
  }
}

/** What a new segment starts with: everyone who has ordered. */
export function starterCondition(): GroupCondition {
  return { type: 'all', conditions: [newRule('fact')] };
}

/** The inputs an operator needs: one text, a list, a number, a range, a date, two dates, a number of days or none. */
export type ValueShape = 'text' | 'list' | 'number' | 'range' | 'date' | 'dates' | 'days' | 'none';

export function valueShape(operator: Operator, numeric: boolean): ValueShape {
  switch (operator) {
    case 'equals':
    case 'not_equals':
      return numeric ? 'number' : 'text';
    case 'contains':
    case 'starts_with':
      return 'text';
    case 'in':
    case 'not_in':
      return 'list';
    case 'greater_than':
    case 'at_least':
    case 'less_than':
    case 'at_most':
      return 'number';
    case 'between':
      return 'range';
    case 'before':
    case 'after':
      return 'date';
    case 'on_or_between_dates':
      return 'dates';
    case 'within_last_days':
    case 'more_than_days_ago':
    case 'anniversary_within_next_days':
      return 'days';
    case 'exists':
    case 'not_exists':
      return 'none';
  }
}

/** The comparison with another operator: the values that no longer fit are dropped, the new ones start sensibly. */
export function withOperator<T extends Comparison>(node: T, operator: Operator, numeric: boolean): T {
  const { value, values, from, to, date, days, ...rest } = node;
  const kept = rest as T;
  const before = valueShape(node.operator, numeric);
  const shape = valueShape(operator, numeric);
  if (before === shape) {
    return { ...node, operator };
  }
  switch (shape) {
    case 'text':
      return { ...kept, operator, value: typeof value === 'string' ? value : '' };
    case 'number':
      return { ...kept, operator, value: typeof value === 'number' ? value : 0 };
    case 'list':
      return { ...kept, operator, values: value !== undefined && value !== '' ? [value] : [] };
    case 'range':
      return { ...kept, operator, from: 0, to: 100 };
    case 'date':
      return { ...kept, operator, date: date ?? today() };
    case 'dates':
      return { ...kept, operator, from: today(-30), to: today() };
    case 'days':
      return { ...kept, operator, days: days ?? 30 };
    case 'none':
      return { ...kept, operator };
  }
}

/** A threshold with another operator, keeping its number where it can. */
export function withThresholdOperator<T extends Threshold>(threshold: T, operator: ThresholdOperator): T {
  const { value, from, to, ...rest } = threshold;
  if (operator === 'between') {
    return { ...rest, operator, from: from ?? value ?? 0, to: to ?? Math.max(value ?? 0, 1) } as T;
  }
  return { ...rest, operator, value: value ?? from ?? 0 } as T;
}

/** An ISO day, today or some days from it, in the browser's time zone. */
export function today(offsetDays = 0): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Where a child of a condition stands in the definition, in the server's notation for field errors. */
export function childPath(path: string, index?: number): string {
  return index === undefined ? `${path}.condition` : `${path}.conditions[${index}]`;
}

function collectPaths(condition: Condition | undefined, path: string, into: string[]): void {
  if (!condition || typeof condition !== 'object') {
    return;
  }
  into.push(path);
  if (isGroup(condition) && Array.isArray(condition.conditions)) {
    condition.conditions.forEach((child, index) => collectPaths(child, childPath(path, index), into));
  } else if (isNot(condition)) {
    collectPaths(condition.condition, childPath(path), into);
  }
}

function within(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
}

/**
 * Hands each field error of a 400 answer to the condition it names: the deepest condition whose path starts the error's
 * field ("definition.condition.conditions[1].window" belongs to the second rule). Errors that name no condition, such
 * as "name", are kept under the empty path.
 */
export function placeErrors(condition: Condition | undefined, rootPath: string, errors: FieldError[]): Map<string, FieldError[]> {
  const paths: string[] = [];
  collectPaths(condition, rootPath, paths);
  paths.sort((a, b) => b.length - a.length);
  const placed = new Map<string, FieldError[]>();
  for (const error of errors) {
    const owner = paths.find((path) => within(error.field, path)) ?? '';
    placed.set(owner, [...(placed.get(owner) ?? []), error]);
  }
  return placed;
}

/** The part of an error's field below a condition's path: "window.lastDays" for a rule's window. */
export function relativeField(field: string, path: string): string {
  return field.startsWith(path) ? field.slice(path.length).replace(/^\./, '') : field;
}

/** Whether a value parsed from the JSON view is a definition the builder can show (the server judges the rest). */
export function isDefinition(value: unknown): value is Definition {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const condition = (value as { condition?: unknown }).condition;
  return Boolean(condition) && typeof condition === 'object' && typeof (condition as { type?: unknown }).type === 'string';
}
