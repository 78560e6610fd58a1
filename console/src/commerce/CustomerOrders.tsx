import { ProblemAlert } from '../shared/components/ProblemAlert';
import { LoadMore } from '../shared/components/LoadMore';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useI18n } from '../shared/i18n/I18nProvider';
import { commerceApi } from './api';
import { OrdersTable } from './OrdersTable';

/** One customer's orders, for the profile page. */
export function CustomerOrders({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const list = useCursorList((cursor, signal) => commerceApi.customerOrders(customerId, cursor, signal), [customerId]);
  return (
    <div data-testid="profile-orders">
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <OrdersTable orders={list.items} loading={list.loading} showCustomer={false} emptyText={t('orders.customerEmpty')} />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </div>
  );
}
