import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ListTable } from '../shared/components/ListTable';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { OrderSummary } from './api';
import { OrderStatusTag } from './OrderStatusTag';

interface OrdersTableProps {
  orders: OrderSummary[];
  loading: boolean;
  showCustomer?: boolean;
  emptyText: string;
}

/** Orders as rows; a row opens the order. */
export function OrdersTable({ orders, loading, showCustomer = true, emptyText }: OrdersTableProps) {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t('order.id'),
      dataIndex: 'orderId',
      width: 140,
      fixed: 'left',
      render: (orderId: string) => (
        <Link to={`/orders/${encodeURIComponent(orderId)}`} className="mono" onClick={(event) => event.stopPropagation()}>
          {orderId}
        </Link>
      ),
    },
    ...(showCustomer
      ? [
          {
            title: t('order.customer'),
            dataIndex: 'customerId',
            width: 110,
            render: (id: number) => (
              <Link to={`/customers/${id}`} onClick={(event) => event.stopPropagation()}>
                #{id}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('order.status'),
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, order: OrderSummary) => <OrderStatusTag status={order.status} refunded={order.refundedTotal > 0} />,
    },
    {
      title: t('order.total'),
      dataIndex: 'total',
      width: 120,
      align: 'right',
      render: (total: number, order: OrderSummary) => <span className="amount">{format.money(total, order.currency)}</span>,
    },
    {
      title: t('order.refundedTotal'),
      dataIndex: 'refundedTotal',
      width: 110,
      align: 'right',
      render: (amount: number, order: OrderSummary) =>
        amount > 0 ? <span className="amount negative">{format.money(amount, order.currency)}</span> : <span className="muted">—</span>,
    },
    { title: t('order.coupon'), dataIndex: 'coupon', width: 120, render: (coupon?: string) => coupon ?? '—' },
    { title: t('order.placedAt'), dataIndex: 'placedAt', width: 160, render: (at?: string) => format.dateTime(at) },
    {
      title: t('order.closedAt'),
      key: 'closedAt',
      width: 160,
      render: (_: unknown, order: OrderSummary) => format.dateTime(order.cancelledAt ?? order.completedAt),
    },
  ];
  return (
    <ListTable<OrderSummary>
      rowKey="orderId"
      size="middle"
      columns={columns}
      rows={orders}
      loading={loading}
      scroll={{ x: showCustomer ? 1070 : 960 }}
      rowTestId="order-row"
      onOpen={(order) => navigate(`/orders/${encodeURIComponent(order.orderId)}`)}
      empty={emptyText}
    />
  );
}
