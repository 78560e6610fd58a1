import { Tag } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import { orderStatusLabel } from '../shared/labels';
import type { OrderStatus } from './api';

const COLOURS: Record<OrderStatus, string> = { PENDING: 'gold', COMPLETED: 'green', CANCELLED: 'default' };

export function OrderStatusTag({ status, refunded }: { status: OrderStatus; refunded?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="status-tags">
      <Tag color={COLOURS[status] ?? 'default'} variant="filled">
        {orderStatusLabel(t, status)}
      </Tag>
      {refunded && (
        <Tag color="red" variant="filled">
          {t('order.refunded')}
        </Tag>
      )}
    </span>
  );
}
