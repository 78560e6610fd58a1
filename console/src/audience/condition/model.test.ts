import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { interpolate } from '../../shared/i18n/language';
import type { MessageKey } from '../../shared/i18n/en';
import { describeCondition, type DescribeContext } from './describe';
import { placeErrors, relativeField, withOperator, withThresholdOperator, type Condition, type TraitCondition } from './model';

const condition: Condition = {
  type: 'all',
  conditions: [
    { type: 'fact', fact: 'order_count', operator: 'at_least', value: 2 },
    { type: 'not', condition: { type: 'any', conditions: [{ type: 'trait', trait: '', operator: 'equals', value: 'x' }] } },
  ],
};

describe('placeErrors', () => {
  it('hands each field error to the deepest condition it names', () => {
    const placed = placeErrors(condition, 'definition.condition', [
      { field: 'definition.condition.conditions[0].value', detail: 'must be a number' },
      { field: 'definition.condition.conditions[1].condition.conditions[0].trait', detail: 'must be a non-empty text' },
      { field: 'name', detail: 'is required' },
    ]);
    expect(placed.get('definition.condition.conditions[0]')?.map((error) => error.detail)).toEqual(['must be a number']);
    expect(placed.get('definition.condition.conditions[1].condition.conditions[0]')?.[0].detail).toBe('must be a non-empty text');
    expect(placed.get('')?.[0].field).toBe('name');
  });

  it('does not confuse a rule with a later one whose index starts the same', () => {
    const many: Condition = { type: 'all', conditions: Array.from({ length: 12 }, () => ({ type: 'channel', values: [] })) };
    const placed = placeErrors(many, 'rule[0].condition', [{ field: 'rule[0].condition.conditions[11].values', detail: 'required' }]);
    expect([...placed.keys()]).toEqual(['rule[0].condition.conditions[11]']);
    expect(relativeField('rule[0].condition.conditions[11].values', 'rule[0].condition.conditions[11]')).toBe('values');
  });
});

describe('operators', () => {
  it('keep what fits and start the new inputs sensibly', () => {
    const rule: TraitCondition = { type: 'trait', trait: 'city', operator: 'equals', value: '上海' };
    expect(withOperator(rule, 'in', false)).toEqual({ type: 'trait', trait: 'city', operator: 'in', values: ['上海'] });
    expect(withOperator(rule, 'exists', false)).toEqual({ type: 'trait', trait: 'city', operator: 'exists' });
    expect(withThresholdOperator({ operator: 'at_least', value: 3 }, 'between')).toEqual({ operator: 'between', from: 3, to: 3 });
  });
});

describe('describeCondition', () => {
  it('reads a definition as a sentence', () => {
    const context: DescribeContext = {
      t: (key: MessageKey, values) => interpolate(en[key], values),
      number: String,
      segmentName: () => undefined,
      stageLabel: (_, stage) => stage,
      modelLabel: (model) => model,
    };
    expect(describeCondition(condition, context)).toBe('Order count is at least 2 AND NOT (? is “x”)');
    expect(describeCondition({ type: 'consent', category: 'sms', state: 'denied' }, context)).toBe('Consent to SMS: Denied');
    expect(describeCondition({ type: 'consent', category: 'Advertising', state: 'unknown' }, context)).toBe(
      'Consent to Advertising: Never decided',
    );
  });
});
