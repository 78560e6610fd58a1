import { Select } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../access/SessionProvider';
import { commerceApi } from '../../../commerce/api';
import { useApi } from '../../../shared/hooks/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SuggestInput } from '../inputs';

interface ProductPickerProps {
  value: string;
  onChange: (productId: string) => void;
  status?: 'error';
}

/** A product of the catalogue, searched by name, SKU or id; typed as an id by operators who may not see the catalogue. */
export function ProductPicker({ value, onChange, status }: ProductPickerProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const mayRead = can('commerce:read');
  const [query, setQuery] = useState('');
  const products = useApi(
    (signal) => (mayRead ? commerceApi.products({ q: query || undefined }, undefined, signal) : Promise.resolve({ items: [] })),
    [query, mayRead],
  );
  if (!mayRead) {
    return <SuggestInput value={value} onChange={onChange} suggestions={[]} placeholder={t('builder.productId')} status={status} />;
  }
  const options = (products.data?.items ?? []).map((product) => ({
    value: product.productId,
    label: `${product.name ?? product.productId} · ${product.productId}`,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value || undefined}
      onChange={onChange}
      status={status}
      loading={products.loading}
      placeholder={t('builder.product')}
      className="builder-input-l"
      popupMatchSelectWidth={false}
      data-testid="rule-product"
      options={options}
    />
  );
}
