import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { CustomerSummary } from './api';
import { ChannelTag } from './ChannelTag';
import { CustomerName } from './CustomerName';

type CustomerColumn = TableColumnType<CustomerSummary>;

/**
 * The columns a list of customers may show, each as every such list shows it; a list picks the ones it wants and
 * their widths. The name links to the profile (a click on it opens the profile, not what the row opens).
 */
export function useCustomerColumns() {
  const { t } = useI18n();
  const format = useFormat();
  const columns = {
    name: {
      title: t('customer.name'),
      dataIndex: 'displayName',
      ellipsis: true,
      render: (_, customer) => (
        <Link to={`/customers/${customer.id}`} onClick={(event) => event.stopPropagation()}>
          <CustomerName id={customer.id} name={customer.displayName} />
        </Link>
      ),
    },
    phone: { title: t('customer.phone'), dataIndex: 'phone', render: (phone?: string) => <span className="nowrap">{phone ?? '—'}</span> },
    channel: { title: t('customer.channel'), dataIndex: 'channel', render: (channel?: string) => <ChannelTag channel={channel} /> },
    lastSeen: { title: t('customer.lastSeen'), dataIndex: 'lastSeenAt', render: (at?: string) => format.dateTime(at) },
    orders: { title: t('customer.orders'), dataIndex: 'orderCount', align: 'right', render: (count: number) => format.number(count) },
    totalSpent: {
      title: t('customer.totalSpent'),
      dataIndex: 'totalSpent',
      align: 'right',
      render: (amount: number) => <span className="amount">{format.money(amount)}</span>,
    },
  } satisfies Record<string, CustomerColumn>;
  return (name: keyof typeof columns, width?: number): CustomerColumn => ({ ...columns[name], width });
}
