import type { MessageKey } from '../../shared/i18n/en';
import type { Translate } from '../../shared/i18n/I18nProvider';
import { channelLabel } from '../../shared/labels';
import { consentCategoryLabel, consentStateLabel, factLabel, rfmGroupLabel } from '../labels';
import {
  isGroup,
  isNot,
  NUMBER_FACTS,
  valueShape,
  type Comparison,
  type Condition,
  type EventCondition,
  type PurchaseCondition,
  type RfmCondition,
  type Rule,
  type Scalar,
  type Threshold,
  type Window,
} from './model';

/** What describing a condition needs to know besides the words: names of segments and stages, and numbers. */
export interface DescribeContext {
  t: Translate;
  number: (value: number) => string;
  segmentName: (id: number) => string | undefined;
  stageLabel: (model: string, stage: string) => string;
  modelLabel: (model: string) => string;
}

const quote = (value: Scalar | undefined) => `“${value ?? ''}”`;
const list = (values: Scalar[] | undefined) => (values ?? []).map(quote).join(', ');

function comparison(node: Comparison, numeric: boolean, { t, number }: DescribeContext): string {
  const key = `condition.op.${node.operator}` as MessageKey;
  const shown = (value: unknown) => (typeof value === 'number' ? number(value) : String(value ?? ''));
  switch (valueShape(node.operator, numeric)) {
    case 'text':
      return t(key, { value: quote(node.value) });
    case 'number':
      return t(key, { value: shown(node.value) });
    case 'list':
      return t(key, { values: list(node.values) });
    case 'range':
    case 'dates':
      return t(key, { from: shown(node.from), to: shown(node.to) });
    case 'date':
      return t(key, { date: node.date ?? '' });
    case 'days':
      return t(key, { days: shown(node.days) });
    case 'none':
      return t(key);
  }
}

export function thresholdText(threshold: Threshold, { t, number }: DescribeContext): string {
  return t(`condition.threshold.${threshold.operator}` as MessageKey, {
    value: number(threshold.value ?? 0),
    from: number(threshold.from ?? 0),
    to: number(threshold.to ?? 0),
  });
}

export function windowText(window: Window | undefined, { t, number }: DescribeContext): string {
  if (!window || window === 'ever') {
    return t('condition.window.ever');
  }
  if ('lastDays' in window) {
    return t('condition.window.lastDays', { days: number(window.lastDays) });
  }
  return t('condition.window.between', { from: window.from, to: window.to });
}

function event(node: EventCondition, context: DescribeContext): string {
  const { t } = context;
  const where = node.where ? t('condition.where', { property: node.where.property, value: quote(node.where.value) }) : '';
  let measure = t('condition.atLeastOnce');
  if (node.aggregate) {
    measure = t('condition.aggregate', {
      function: t(`aggregate.${node.aggregate.function}` as MessageKey),
      property: node.aggregate.property,
      threshold: thresholdText(node.aggregate, context),
    });
  } else if (node.count && !(node.count.operator === 'at_least' && node.count.value === 1)) {
    measure = t('condition.times', { threshold: thresholdText(node.count, context) });
  }
  return t('condition.event', { event: node.event, where, measure, window: windowText(node.window, context) });
}

function purchase(node: PurchaseCondition, context: DescribeContext): string {
  const { t } = context;
  const what = node.product
    ? t('condition.purchase.product', { product: node.product })
    : node.category
      ? t('condition.purchase.category', { category: node.category })
      : t('condition.purchase.anything');
  const measures = [
    node.count ? t('condition.times', { threshold: thresholdText(node.count, context) }) : undefined,
    node.spent ? t('condition.spent', { threshold: thresholdText(node.spent, context) }) : undefined,
  ].filter(Boolean);
  return t('condition.purchase', {
    what,
    measure: measures.length > 0 ? measures.join(t('condition.listSeparator')) : t('condition.atLeastOnce'),
    window: windowText(node.window, context),
  });
}

function rfm(node: RfmCondition, { t }: DescribeContext): string {
  if (node.group) {
    return t('condition.rfmGroup', { group: rfmGroupLabel(t, node.group) });
  }
  const ranges = (['recency', 'frequency', 'monetary'] as const)
    .filter((score) => node[score])
    .map((score) => t(`condition.rfm.${score}` as MessageKey, { from: node[score]![0], to: node[score]![1] }));
  return t('condition.rfmScores', { ranges: ranges.join(t('condition.listSeparator')) });
}

/** One rule in a sentence, as an operator would say it: "Order count is at least 1". */
export function describeRule(node: Rule, context: DescribeContext): string {
  const { t } = context;
  switch (node.type) {
    case 'trait':
      return t('condition.attribute', { name: node.trait || '?', comparison: comparison(node, false, context) });
    case 'fact':
      return t('condition.attribute', {
        name: factLabel(t, node.fact),
        comparison: comparison(node, (NUMBER_FACTS as readonly string[]).includes(node.fact), context),
      });
    case 'channel':
      return t('condition.channel', { values: (node.values ?? []).map((code) => channelLabel(t, code)).join(', ') });
    case 'consent':
      return t('condition.consent', {
        category: consentCategoryLabel(t, node.category),
        state: consentStateLabel(t, node.state),
      });
    case 'event':
      return event(node, context);
    case 'purchase':
      return purchase(node, context);
    case 'tag':
      return node.operator
        ? t('condition.tagValue', {
            tag: node.tag,
            comparison: t(`condition.op.${node.operator}` as MessageKey, {
              value: quote(node.value),
              values: list(node.values),
            }),
          })
        : t('condition.tag', { tag: node.tag });
    case 'segment':
      return t('condition.segment', {
        segment: node.segment === undefined ? '?' : (context.segmentName(node.segment) ?? `#${node.segment}`),
      });
    case 'lifecycle':
      return t('condition.lifecycle', {
        model: context.modelLabel(node.model),
        stage: context.stageLabel(node.model, node.stage),
      });
    case 'rfm':
      return rfm(node, context);
    default:
      return JSON.stringify(node);
  }
}

/** A whole condition on one line, groups in brackets: for tables and short summaries. */
export function describeCondition(node: Condition, context: DescribeContext): string {
  const { t } = context;
  if (isGroup(node)) {
    const joiner = ` ${t(node.type === 'all' ? 'condition.and' : 'condition.or')} `;
    const parts = (node.conditions ?? []).map((child) =>
      isGroup(child) && child.conditions.length > 1 ? `(${describeCondition(child, context)})` : describeCondition(child, context),
    );
    return parts.join(joiner);
  }
  if (isNot(node)) {
    return t('condition.not', { condition: describeCondition(node.condition, context) });
  }
  return describeRule(node, context);
}
