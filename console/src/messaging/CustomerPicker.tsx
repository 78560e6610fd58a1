import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { customersApi, type CustomerSummary } from '../customers/api';
import { customerTitle } from '../customers/CustomerName';
import { useApi } from '../shared/hooks/useApi';
import { useDebouncedValue } from '../shared/hooks/useDebouncedValue';
import { useI18n } from '../shared/i18n/I18nProvider';

interface CustomerPickerProps {
  value?: number;
  onChange?: (id: number | undefined) => void;
  testId: string;
  placeholder?: string;
  style?: React.CSSProperties;
}

interface Option {
  value: number;
  label: string;
}

/**
 * Picks a customer by searching the customers (name, id, e-mail or phone, as the customer list searches) or by typing
 * an id. Contact details appear as the server shows them to the operator: masked unless their role may see them.
 */
export function CustomerPicker({ value, onChange, testId, placeholder, style }: CustomerPickerProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<Option>();
  const search = useDebouncedValue(typed.trim(), 300);
  const found = useApi(
    (signal) => (search ? customersApi.search({ q: search }, undefined, signal) : Promise.resolve({ items: [] as CustomerSummary[] })),
    [search],
  );
  const options = useMemo(() => {
    const describe = (customer: CustomerSummary): Option => ({
      value: customer.id,
      label: [customerTitle(t, customer.id, customer.displayName), customer.email ?? customer.phone, `#${customer.id}`]
        .filter(Boolean)
        .join(' · '),
    });
    const listed = (found.data?.items ?? []).slice(0, 20).map(describe);
    const id = /^\d+$/.test(search) ? Number(search) : undefined;
    const byId = id !== undefined && !listed.some((option) => option.value === id) ? [{ value: id, label: t('customer.anonymous', { id }) }] : [];
    const kept = chosen && chosen.value === value && ![...byId, ...listed].some((option) => option.value === chosen.value) ? [chosen] : [];
    const current = value !== undefined && !chosen && !listed.some((option) => option.value === value) ? [{ value, label: t('customer.anonymous', { id: value }) }] : [];
    return [...kept, ...current, ...byId, ...listed];
  }, [found.data, search, chosen, value, t]);

  return (
    <Select<number, Option>
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      allowClear
      value={value}
      options={options}
      loading={found.loading && Boolean(search)}
      placeholder={placeholder ?? t('picker.placeholder')}
      notFoundContent={search ? t('picker.none') : t('picker.hint')}
      onChange={(id, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(id);
      }}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
