import { UserOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { commerceApi, type OrderDetail, type OrderLine, type Refund } from './api';
import { OrderStatusTag } from './OrderStatusTag';
import { EmptyState } from '../shared/components/EmptyState';
import { ListTable } from '../shared/components/ListTable';
import { StatisticRow } from '../shared/components/StatisticRow';

export default function OrderDetailPage() {
  const { orderId = '' } = useParams();
  const { t } = useI18n();
  const { data: order, error, reload } = useApi((signal) => commerceApi.order(orderId, signal), [orderId]);
  const crumbs = [{ title: t('nav.orders'), path: '/orders' }, { title: orderId }];

  if (error || !order) {
    return <RecordPending kind="order" id={orderId} breadcrumb={crumbs} error={error} onRetry={reload} skeletonRows={10} />;
  }

  return (
    <>
      <PageHeader
        title={
          <span className="title-with-tags">
            {t('order.title', { id: order.orderId })}
            <OrderStatusTag status={order.status} refunded={order.refundedTotal > 0} />
          </span>
        }
        documentTitle={t('order.title', { id: order.orderId })}
        breadcrumb={crumbs}
        extra={
          <Link to={`/customers/${order.customerId}`}>
            <Button icon={<UserOutlined />} data-testid="order-customer-link">
              {t('order.viewCustomer', { id: order.customerId })}
            </Button>
          </Link>
        }
      />
      <Amounts order={order} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Lines order={order} />
          <Refunds order={order} />
        </Col>
        <Col xs={24} xl={8}>
          <Information order={order} />
        </Col>
      </Row>
    </>
  );
}

function Amounts({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const money = (amount: number | undefined) => format.money(amount, order.currency);
  const figures = [
    { title: t('order.total'), value: money(order.total) },
    { title: t('order.subtotal'), value: money(order.subtotal) },
    { title: t('order.discount'), value: money(order.discount) },
    { title: t('order.shipping'), value: money(order.shipping) },
    { title: t('order.tax'), value: money(order.tax) },
    { title: t('order.refundedTotal'), value: money(order.refundedTotal) },
  ];
  return (
    <Card variant="borderless" className="amounts-card" data-testid="order-amounts">
      <StatisticRow figures={figures} width={{ xs: 12, md: 8, xl: 4 }} />
    </Card>
  );
}

function Lines({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<OrderLine> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('order.product'),
      key: 'product',
      render: (_, line) => (
        <div className="line-product">
          {line.productId ? (
            <Link to={`/products/${encodeURIComponent(line.productId)}`}>{line.name ?? line.productId}</Link>
          ) : (
            <span>{line.name ?? '—'}</span>
          )}
          <div className="muted small">{[line.sku, line.brand, line.variant].filter(Boolean).join(' · ')}</div>
        </div>
      ),
    },
    { title: t('product.category'), dataIndex: 'category', width: 100, render: (category?: string) => category ?? '—' },
    { title: t('order.price'), dataIndex: 'price', width: 110, align: 'right', render: (price?: number) => format.money(price, order.currency) },
    { title: t('order.quantity'), dataIndex: 'quantity', width: 80, align: 'right' },
    {
      title: t('order.lineTotal'),
      key: 'lineTotal',
      width: 120,
      align: 'right',
      render: (_, line) => (line.price === undefined ? '—' : format.money(line.price * line.quantity, order.currency)),
    },
  ];
  return (
    <Card variant="borderless" title={t('order.lines')} className="section-card" data-testid="order-lines">
      <ListTable<OrderLine>
        rowKey="position"
        size="middle"
        columns={columns}
        rows={order.lines}
        scroll={{ x: 640 }}
        empty={t('order.noLines')}
      />
    </Card>
  );
}

function refundedItems(lines: unknown): string | undefined {
  if (!Array.isArray(lines)) {
    return undefined;
  }
  return lines
    .map((line) => {
      if (line && typeof line === 'object') {
        const { name, product_id: productId, quantity } = line as Record<string, unknown>;
        const label = typeof name === 'string' ? name : typeof productId === 'string' ? productId : undefined;
        return label ? `${label}${typeof quantity === 'number' ? ` × ${quantity}` : ''}` : undefined;
      }
      return undefined;
    })
    .filter(Boolean)
    .join(', ');
}

function Refunds({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<Refund> = [
    { title: t('refund.at'), dataIndex: 'refundedAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('refund.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (amount: number) => format.money(amount, order.currency) },
    { title: t('refund.items'), dataIndex: 'lines', render: (lines: unknown) => refundedItems(lines) || t('refund.wholeOrder') },
    { title: t('refund.messageId'), dataIndex: 'messageId', ellipsis: true, render: (id: string) => <span className="mono small">{id}</span> },
  ];
  return (
    <Card variant="borderless" title={t('order.refunds')} className="section-card" data-testid="order-refunds">
      {order.refunds.length === 0 ? (
        <EmptyState description={t('order.noRefunds')} />
      ) : (
        <ListTable<Refund> rowKey="messageId" size="middle" columns={columns} rows={order.refunds} scroll={{ x: 640 }} />
      )}
    </Card>
  );
}

function Information({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <Card variant="borderless" title={t('order.information')} className="section-card" data-testid="order-information">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'status', label: t('order.status'), children: <OrderStatusTag status={order.status} refunded={order.refundedTotal > 0} /> },
          { key: 'customer', label: t('order.customer'), children: <Link to={`/customers/${order.customerId}`}>#{order.customerId}</Link> },
          { key: 'placed', label: t('order.placedAt'), children: format.dateTime(order.placedAt) },
          { key: 'completed', label: t('order.completedAt'), children: format.dateTime(order.completedAt) },
          { key: 'cancelled', label: t('order.cancelledAt'), children: format.dateTime(order.cancelledAt) },
          { key: 'coupon', label: t('order.coupon'), children: order.coupon ?? '—' },
          { key: 'affiliation', label: t('order.affiliation'), children: order.affiliation ?? '—' },
          { key: 'checkout', label: t('order.checkoutId'), children: order.checkoutId ? <span className="mono">{order.checkoutId}</span> : '—' },
          { key: 'revenue', label: t('order.revenue'), children: format.money(order.revenue, order.currency) },
          { key: 'currency', label: t('order.currency'), children: order.currency },
        ]}
      />
    </Card>
  );
}
