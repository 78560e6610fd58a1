import { Card, Skeleton } from 'antd';
import { Link } from 'react-router';
import { CustomerName } from '../../customers/CustomerName';
import { EmptyState } from '../../shared/components/EmptyState';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LiveCount } from './LiveCount';
import type { useLiveAudience } from './useLiveAudience';

/**
 * The right-hand side of an editor: how many customers the definition matches now, and the first few of them. Returns
 * the live state too, so that the editor can place the server's complaints on the rules.
 */
export function LivePanel({ live }: { live: ReturnType<typeof useLiveAudience> }) {
  const { t } = useI18n();
  const format = useFormat();
  const { count, preview, settled } = live;
  const customers = preview.data?.customers ?? [];
  return (
    <div className="editor-side">
      <Card variant="borderless" title={t('builder.liveCount')} size="small">
        <LiveCount count={count} settled={settled} />
      </Card>
      <Card variant="borderless" title={t('builder.preview')} size="small" data-testid="live-preview">
        {preview.loading && !preview.data ? (
          <Skeleton active paragraph={{ rows: 5 }} title={false} />
        ) : customers.length === 0 ? (
          <EmptyState description={t('builder.previewEmpty')} />
        ) : (
          <ul className="preview-list">
            {customers.map((customer) => (
              <li key={customer.id} data-testid="preview-row">
                <Link to={`/customers/${customer.id}`}>
                  <CustomerName id={customer.id} name={customer.displayName} />
                </Link>
                <span className="muted small nowrap">
                  {t('builder.previewOrders', { orders: format.number(customer.orderCount) })} · {format.money(customer.totalSpent)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

