import { Card, Input, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CursorTable } from '../shared/components/CursorTable';
import { testProps } from '../shared/components/testProps';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { customersApi, type CustomerQuery, type CustomerSummary } from './api';
import { ChannelTag } from './ChannelTag';
import { CustomerFilters, filtersFromParams } from './CustomerFilters';
import { CustomerName } from './CustomerName';
import { EmptyState } from '../shared/components/EmptyState';

export default function CustomersPage() {
  const { t } = useI18n();
  const format = useFormat();
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
    {
      title: t('customer.name'),
      dataIndex: 'displayName',
      width: 140,
      fixed: 'left',
      ellipsis: true,
      render: (_, customer) => (
        <Link to={`/customers/${customer.id}`} onClick={(event) => event.stopPropagation()}>
          <CustomerName id={customer.id} name={customer.displayName} />
        </Link>
      ),
    },
    { title: t('customer.email'), dataIndex: 'email', ellipsis: true, render: (email?: string) => email ?? '—' },
    { title: t('customer.phone'), dataIndex: 'phone', width: 146, render: (phone?: string) => <span className="nowrap">{phone ?? '—'}</span> },
    { title: t('customer.channel'), dataIndex: 'channel', width: 112, render: (channel?: string) => <ChannelTag channel={channel} /> },
    { title: t('customer.firstSeen'), dataIndex: 'firstSeenAt', width: 112, render: (at?: string) => format.date(at) },
    { title: t('customer.lastSeen'), dataIndex: 'lastSeenAt', width: 150, render: (at?: string) => format.dateTime(at) },
    { title: t('customer.events'), dataIndex: 'eventCount', width: 76, align: 'right', render: (count: number) => format.number(count) },
    { title: t('customer.orders'), dataIndex: 'orderCount', width: 76, align: 'right', render: (count: number) => format.number(count) },
    {
      title: t('customer.totalSpent'),
      dataIndex: 'totalSpent',
      width: 120,
      align: 'right',
      render: (amount: number) => <span className="amount">{format.money(amount)}</span>,
    },
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
      <Card variant="borderless" className="table-card">
        <CursorTable<CustomerSummary>
          list={list}
          rowKey="id"
          columns={columns}
          scroll={{ x: 1120 }}
          rowClassName="clickable-row"
          onRow={(customer) => testProps('customer-row', () => navigate(`/customers/${customer.id}`))}
          locale={{ emptyText: <EmptyState description={t(Object.keys(query).length > 0 ? 'customers.noMatch' : 'customers.empty')} /> }}
        />
      </Card>
    </>
  );
}
