import { Select } from 'antd';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { CHANNEL_CODES, channelLabel } from '../../../shared/labels';
import {
  DATE_OPERATORS,
  DAY_FACTS,
  FACTS,
  NUMBER_FACTS,
  NUMBER_OPERATORS,
  OPERATORS,
  PRESENCE_OPERATORS,
  CONSENT_STATES,
  type ChannelCondition,
  type ConsentCondition,
  type ConsentState,
  type FactCondition,
  withOperator,
  type Operator,
  type TraitCondition,
} from '../../condition/model';
import { consentCategoryLabel, consentStateLabel, factLabel } from '../../labels';
import { useFieldStatus } from '../context';
import { ComparisonFields, SuggestInput } from '../inputs';
import { useSuggestions } from '../suggestions';

function useChannelOptions() {
  const { t } = useI18n();
  return CHANNEL_CODES.map((code) => ({ value: code, label: channelLabel(t, code) }));
}

export function TraitRule({ node, onChange }: { node: TraitCondition; onChange: (node: TraitCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { traits } = useSuggestions();
  return (
    <>
      <SuggestInput
        value={node.trait}
        onChange={(trait) => onChange({ ...node, trait })}
        suggestions={traits}
        placeholder={t('builder.traitName')}
        status={status('trait')}
        testId="rule-trait"
      />
      <ComparisonFields node={node} operators={OPERATORS} numeric={false} onChange={onChange} />
    </>
  );
}

type FactKind = 'number' | 'day' | 'text';

function factKind(fact: string): FactKind {
  if ((DAY_FACTS as readonly string[]).includes(fact)) {
    return 'day';
  }
  return (NUMBER_FACTS as readonly string[]).includes(fact) ? 'number' : 'text';
}

const FACT_OPERATORS: Record<FactKind, readonly Operator[]> = {
  number: [...NUMBER_OPERATORS, ...PRESENCE_OPERATORS],
  day: [...DATE_OPERATORS, ...PRESENCE_OPERATORS],
  text: ['in', 'not_in', 'equals', ...PRESENCE_OPERATORS],
};

const DEFAULT_OPERATOR: Record<FactKind, Operator> = { number: 'at_least', day: 'within_last_days', text: 'in' };

/** A fact of the profile (orders, money spent, first and last times, channel) compared with a value. */
export function FactRule({ node, onChange }: { node: FactCondition; onChange: (node: FactCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const channels = useChannelOptions();
  const kind = factKind(node.fact);
  const changeFact = (fact: string) => {
    const next = factKind(fact);
    if (next === kind) {
      onChange({ ...node, fact });
    } else {
      const blank: FactCondition = { type: 'fact', fact, operator: 'exists' };
      onChange(withOperator(blank, DEFAULT_OPERATOR[next], next === 'number'));
    }
  };
  return (
    <>
      <Select
        value={node.fact}
        onChange={changeFact}
        status={status('fact')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        data-testid="rule-fact"
        options={FACTS.map((fact) => ({ value: fact, label: factLabel(t, fact) }))}
      />
      <ComparisonFields
        node={node}
        operators={FACT_OPERATORS[kind]}
        numeric={kind === 'number'}
        onChange={onChange}
        textOptions={kind === 'text' ? channels : undefined}
      />
    </>
  );
}

/** Came from one of these channels. */
export function ChannelRule({ node, onChange }: { node: ChannelCondition; onChange: (node: ChannelCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const channels = useChannelOptions();
  return (
    <Select<string[]>
      mode="tags"
      value={node.values ?? []}
      onChange={(values) => onChange({ ...node, values })}
      status={status('values')}
      className="builder-input-l"
      placeholder={t('builder.channels')}
      data-testid="rule-channels"
      options={channels}
    />
  );
}

/** Granted, denied or never decided a category of consent: a channel such as SMS, or a purpose. */
export function ConsentRule({ node, onChange }: { node: ConsentCondition; onChange: (node: ConsentCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { consentCategories } = useSuggestions();
  return (
    <>
      <Select<string>
        showSearch
        value={node.category}
        onChange={(category) => onChange({ ...node, category })}
        status={status('category')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        placeholder={t('builder.consentCategory')}
        data-testid="rule-consent-category"
        options={consentCategories.map((category) => ({ value: category, label: consentCategoryLabel(t, category) }))}
      />
      <Select<ConsentState>
        value={node.state}
        onChange={(state) => onChange({ ...node, state })}
        status={status('state')}
        className="builder-input-s"
        popupMatchSelectWidth={false}
        data-testid="rule-consent-state"
        options={CONSENT_STATES.map((state) => ({ value: state, label: consentStateLabel(t, state) }))}
      />
    </>
  );
}
