import { Card, Input, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CursorTable } from '../shared/components/CursorTable';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { customersApi, type CustomerQuery, type CustomerSummary } from './api';
import { useCustomerColumns } from './customerColumns';
import { CustomerFilters, filtersFromParams } from './CustomerFilters';

export default function CustomersPage() {
  const { t } = useI18n();
  const format = useFormat();
  const column = useCustomerColumns();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: CustomerQuery = useMemo(() => filtersFromParams(params), [params]);
  const list = useCursorList(
    (cursor, signal) => customersApi.search(query, cursor, signal),
    [JSON.stringify(query)],
  );

  const apply = (next: CustomerQuery) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) {
      if (value !== undefined && value !== null && String(value).trim() !== '') {
        search.set(name, String(value).trim());
      }
    }
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<CustomerSummary> = [
    { title: t('customer.id'), dataIndex: 'id', width: 72, fixed: 'left', render: (id: number) => <span className="mono">{id}</span> },
    { ...column('name', 140), fixed: 'left' },
    { title: t('customer.email'), dataIndex: 'email', ellipsis: true, render: (email?: string) => email ?? '—' },
    column('phone', 146),
    column('channel', 112),
    { title: t('customer.firstSeen'), dataIndex: 'firstSeenAt', width: 112, render: (at?: string) => format.date(at) },
    column('lastSeen', 150),
    { title: t('customer.events'), dataIndex: 'eventCount', width: 76, align: 'right', render: (count: number) => format.number(count) },
    column('orders', 76),
    column('totalSpent', 120),
  ];

  return (
    <>
      <PageHeader title={t('customers.title')} subtitle={t('customers.subtitle')} />
      <Card variant="borderless" className="filter-card">
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          enterButton={t('action.search')}
          size="large"
          placeholder={t('customers.searchPlaceholder')}
          data-testid="customer-search"
          onSearch={(q) => apply({ ...query, q })}
          className="customer-search"
        />
        <CustomerFilters value={query} onApply={apply} />
      </Card>
      <CursorTable<CustomerSummary>
        list={list}
        columns={columns}
        scroll={{ x: 1120 }}
        rowTestId="customer-row"
        onOpen={(customer) => navigate(`/customers/${customer.id}`)}
        empty={t(Object.keys(query).length > 0 ? 'customers.noMatch' : 'customers.empty')}
      />
    </>
  );
}
