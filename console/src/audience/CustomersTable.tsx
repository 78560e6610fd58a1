import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChannelTag } from '../customers/ChannelTag';
import { CustomerName } from '../customers/CustomerName';
import type { CustomerSummary } from '../customers/api';
import { EmptyState } from '../shared/components/EmptyState';
import { testProps } from '../shared/components/testProps';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';

/** Customers in a table, each linking to the profile; phones and e-mails as the server sends them (masked or not). */
export function CustomersTable({
  customers,
  loading,
  testId,
  rowTestId,
  emptyText,
  actions,
}: {
  customers: CustomerSummary[];
  loading: boolean;
  testId: string;
  rowTestId?: string;
  emptyText: string;
  /** What may be done with one customer, in a last column. */
  actions?: (customer: CustomerSummary) => ReactNode;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<CustomerSummary> = [
    {
      title: t('customer.name'),
      dataIndex: 'displayName',
      ellipsis: true,
      render: (_, customer) => (
        <Link to={`/customers/${customer.id}`}>
          <CustomerName id={customer.id} name={customer.displayName} />
        </Link>
      ),
    },
    { title: t('customer.phone'), dataIndex: 'phone', width: 150, render: (phone?: string) => <span className="nowrap">{phone ?? '—'}</span> },
    { title: t('customer.channel'), dataIndex: 'channel', width: 110, render: (channel?: string) => <ChannelTag channel={channel} /> },
    { title: t('customer.lastSeen'), dataIndex: 'lastSeenAt', width: 150, render: (at?: string) => format.dateTime(at) },
    { title: t('customer.orders'), dataIndex: 'orderCount', width: 80, align: 'right', render: (count: number) => format.number(count) },
    {
      title: t('customer.totalSpent'),
      dataIndex: 'totalSpent',
      width: 120,
      align: 'right',
      render: (amount: number) => <span className="amount">{format.money(amount)}</span>,
    },
    ...(actions ? [{ title: t('table.actions'), key: 'actions', width: 100, render: (_: unknown, customer: CustomerSummary) => actions(customer) }] : []),
  ];
  return (
    <Table<CustomerSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={customers}
      loading={loading}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid={testId}
      onRow={() => (rowTestId ? testProps(rowTestId) : {})}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
    />
  );
}
