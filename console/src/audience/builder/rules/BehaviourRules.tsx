import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select } from 'antd';
import type { MessageKey } from '../../../shared/i18n/en';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { Aggregate, EventCondition, PurchaseCondition, Threshold } from '../../condition/model';
import { useCatalog } from '../../catalog';
import { useFieldStatus } from '../context';
import { SuggestInput, ThresholdFields, WindowFields } from '../inputs';
import { useSuggestions } from '../suggestions';
import { ProductPicker } from './ProductPicker';

const AT_LEAST_ONCE: Threshold = { operator: 'at_least', value: 1 };

/** An event's optional filter on one indexed property: "with category = 护肤". */
function WhereFields({ node, onChange }: { node: EventCondition; onChange: (node: EventCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { properties } = useSuggestions();
  if (!node.where) {
    return (
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        disabled={Boolean(node.aggregate)}
        onClick={() => onChange({ ...node, where: { property: properties[0] ?? 'category', value: '' } })}
        data-testid="rule-add-where"
      >
        {t('builder.where')}
      </Button>
    );
  }
  const where = node.where;
  return (
    <>
      <span className="builder-word">{t('builder.with')}</span>
      <SuggestInput
        value={where.property}
        onChange={(property) => onChange({ ...node, where: { ...where, property } })}
        suggestions={properties}
        placeholder={t('builder.property')}
        status={status('where.property')}
        className="builder-input-s"
      />
      <span className="builder-word">=</span>
      <Input
        value={String(where.value ?? '')}
        onChange={(event) => onChange({ ...node, where: { ...where, value: event.target.value } })}
        status={status('where.value')}
        placeholder={t('builder.value')}
        className="builder-input-s"
      />
      <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('builder.removeWhere')} onClick={() => onChange({ ...node, where: null })} />
    </>
  );
}

type Measure = 'count' | 'aggregate';

/** Did an event, a number of times or with a sum, minimum or maximum of a measured property, in a window. */
export function EventRule({ node, onChange }: { node: EventCondition; onChange: (node: EventCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { events, measures } = useSuggestions();
  const measure: Measure = node.aggregate ? 'aggregate' : 'count';
  const choose = (next: Measure) => {
    const { count, aggregate, ...rest } = node;
    onChange(
      next === 'count'
        ? { ...rest, count: count ?? AT_LEAST_ONCE }
        : { ...rest, where: null, aggregate: aggregate ?? { function: 'sum', property: 'total', operator: 'at_least', value: 100 } },
    );
  };
  const aggregate = node.aggregate;
  return (
    <>
      <div className="builder-line">
        <SuggestInput
          value={node.event}
          onChange={(event) => onChange({ ...node, event })}
          suggestions={events}
          placeholder={t('builder.eventName')}
          status={status('event')}
          testId="rule-event"
        />
        <WhereFields node={node} onChange={onChange} />
      </div>
      <div className="builder-line">
        <Select<Measure>
          value={measure}
          onChange={choose}
          className="builder-input-s"
          popupMatchSelectWidth={false}
          data-testid="rule-measure"
          options={(['count', 'aggregate'] as const).map((value) => ({ value, label: t(`builder.measure.${value}` as MessageKey) }))}
        />
        {aggregate ? (
          <>
            <Select<Aggregate['function']>
              value={aggregate.function}
              onChange={(fn) => onChange({ ...node, aggregate: { ...aggregate, function: fn } })}
              status={status('aggregate.function')}
              className="builder-input-xs"
              options={(['sum', 'min', 'max'] as const).map((value) => ({ value, label: t(`aggregate.${value}`) }))}
            />
            <SuggestInput
              value={aggregate.property}
              onChange={(property) => onChange({ ...node, aggregate: { ...aggregate, property } })}
              suggestions={measures}
              placeholder={t('builder.property')}
              status={status('aggregate.property')}
              className="builder-input-s"
            />
            <ThresholdFields value={aggregate} onChange={(next) => onChange({ ...node, aggregate: next })} field="aggregate" />
          </>
        ) : (
          <ThresholdFields
            value={node.count ?? AT_LEAST_ONCE}
            onChange={(count) => onChange({ ...node, count })}
            field="count"
            unit={t('builder.times')}
          />
        )}
        <WindowFields value={node.window} onChange={(window) => onChange({ ...node, window })} />
      </div>
    </>
  );
}

type Scope = 'anything' | 'product' | 'category';

/** Bought anything, a product or a category, a number of times or for an amount, in a window. */
export function PurchaseRule({ node, onChange }: { node: PurchaseCondition; onChange: (node: PurchaseCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { categories } = useCatalog();
  const scope: Scope = node.product != null ? 'product' : node.category != null ? 'category' : 'anything';
  const choose = (next: Scope) => {
    const { product, category, ...rest } = node;
    onChange(next === 'anything' ? rest : { ...rest, [next]: '' });
  };
  const toggle = (field: 'count' | 'spent', on: boolean) =>
    onChange({ ...node, [field]: on ? { operator: 'at_least', value: field === 'count' ? 1 : 100 } : null });
  return (
    <>
      <div className="builder-line">
        <Select<Scope>
          value={scope}
          onChange={choose}
          className="builder-input-s"
          popupMatchSelectWidth={false}
          data-testid="rule-purchase-scope"
          options={(['anything', 'product', 'category'] as const).map((value) => ({ value, label: t(`builder.scope.${value}`) }))}
        />
        {scope === 'product' && (
          <ProductPicker value={node.product ?? ''} onChange={(product) => onChange({ ...node, product })} status={status('product')} />
        )}
        {scope === 'category' && (
          <SuggestInput
            value={node.category ?? ''}
            onChange={(category) => onChange({ ...node, category })}
            suggestions={categories}
            placeholder={t('product.category')}
            status={status('category')}
          />
        )}
        <WindowFields value={node.window} onChange={(window) => onChange({ ...node, window })} />
      </div>
      <div className="builder-line">
        <Checkbox checked={Boolean(node.count)} onChange={(event) => toggle('count', event.target.checked)}>
          {t('builder.purchaseCount')}
        </Checkbox>
        {node.count && (
          <ThresholdFields value={node.count} onChange={(count) => onChange({ ...node, count })} field="count" unit={t('builder.times')} />
        )}
        <Checkbox checked={Boolean(node.spent)} onChange={(event) => toggle('spent', event.target.checked)}>
          {t('builder.purchaseSpent')}
        </Checkbox>
        {node.spent && <ThresholdFields value={node.spent} onChange={(spent) => onChange({ ...node, spent })} field="spent" unit="¥" />}
      </div>
    </>
  );
}
