import { Card, DatePicker, Form, InputNumber, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { LoadMore } from '../shared/components/LoadMore';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useI18n } from '../shared/i18n/I18nProvider';
import { ORDER_STATUSES, orderStatusLabel } from '../shared/labels';
import { PageHeader } from '../shared/layout/PageHeader';
import { commerceApi, type OrderQuery, type OrderStatus } from './api';
import { OrdersTable } from './OrdersTable';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days in the URL (local calendar days) as the instants the API filters by: from the first day's start to the last day's end. */
export function orderQueryFromParams(params: URLSearchParams): OrderQuery {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const customerId = Number(params.get('customerId'));
  return {
    status: (ORDER_STATUSES as readonly string[]).includes(status ?? '') ? (status as OrderStatus) : undefined,
    from: from && DAY.test(from) ? dayjs(from).startOf('day').toISOString() : undefined,
    to: to && DAY.test(to) ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
    customerId: Number.isInteger(customerId) && customerId > 0 ? customerId : undefined,
  };
}

export default function OrdersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => orderQueryFromParams(params), [params]);
  const list = useCursorList((cursor, signal) => commerceApi.orders(query, cursor, signal), [JSON.stringify(query)]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) {
        next.set(name, value);
      } else {
        next.delete(name);
      }
    }
    setParams(next, { replace: true });
  };

  const from = params.get('from');
  const to = params.get('to');
  const range: [Dayjs, Dayjs] | null = from && to && DAY.test(from) && DAY.test(to) ? [dayjs(from), dayjs(to)] : null;

  return (
    <>
      <PageHeader title={t('orders.title')} subtitle={t('orders.subtitle')} />
      <Card variant="borderless" className="filter-card">
        <Form layout="inline" className="inline-filters">
          <Form.Item label={t('order.status')}>
            <Segmented<string>
              value={query.status ?? 'ALL'}
              onChange={(value) => update({ status: value === 'ALL' ? undefined : value })}
              data-testid="order-status-filter"
              options={[
                { value: 'ALL', label: t('filter.all') },
                ...ORDER_STATUSES.map((status) => ({ value: status, label: orderStatusLabel(t, status) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('orders.placedBetween')}>
            <DatePicker.RangePicker
              value={range}
              allowEmpty={[false, false]}
              onChange={(dates) =>
                update({
                  from: dates?.[0]?.format('YYYY-MM-DD'),
                  to: dates?.[1]?.format('YYYY-MM-DD'),
                })
              }
              presets={[
                { label: t('overview.window.7'), value: [dayjs().subtract(6, 'day'), dayjs()] },
                { label: t('overview.window.30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: t('overview.window.90'), value: [dayjs().subtract(89, 'day'), dayjs()] },
              ]}
              data-testid="order-date-range"
            />
          </Form.Item>
          <Form.Item label={t('order.customer')}>
            <InputNumber
              key={query.customerId ?? 'none'}
              min={1}
              precision={0}
              placeholder={t('orders.customerPlaceholder')}
              defaultValue={query.customerId}
              onBlur={(event) => update({ customerId: event.target.value.trim() || undefined })}
              onPressEnter={(event) => update({ customerId: event.currentTarget.value.trim() || undefined })}
              data-testid="order-customer-filter"
              className="customer-id-input"
            />
          </Form.Item>
        </Form>
      </Card>
      <Card variant="borderless" className="table-card">
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} className="page-alert" /> : null}
        <OrdersTable
          orders={list.items}
          loading={list.loading}
          emptyText={t(params.toString() ? 'orders.noMatch' : 'orders.empty')}
        />
        <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      </Card>
    </>
  );
}
