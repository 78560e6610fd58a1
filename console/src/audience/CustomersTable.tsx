import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { CustomerSummary } from '../customers/api';
import { useCustomerColumns } from '../customers/customerColumns';
import { ListTable } from '../shared/components/ListTable';
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
  const column = useCustomerColumns();
  const columns: TableColumnsType<CustomerSummary> = [
    column('name'),
    column('phone', 150),
    column('channel', 110),
    column('lastSeen', 150),
    column('orders', 80),
    column('totalSpent', 120),
    ...(actions ? [{ title: t('table.actions'), key: 'actions', width: 100, render: (_: unknown, customer: CustomerSummary) => actions(customer) }] : []),
  ];
  return (
    <ListTable<CustomerSummary>
      columns={columns}
      rows={customers}
      loading={loading}
      scroll={{ x: 720 }}
      data-testid={testId}
      rowTestId={rowTestId}
      empty={emptyText}
    />
  );
}
