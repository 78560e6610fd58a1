import { EyeOutlined, LinkOutlined, ShoppingOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { SendRow, SendState } from './api';
import { sendStateLabel, STATE_COLOURS } from './labels';

export function SendStateTag({ state }: { state: SendState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="send-state" data-state={state}>
      {sendStateLabel(t, state)}
    </Tag>
  );
}

/**
 * Whether the customer opened the message and followed a link in it, each with its time, and the orders attributed to
 * it with what they brought.
 */
export function EngagementMarks({ row }: { row: Pick<SendRow, 'openedAt' | 'clickedAt'> & Partial<Pick<SendRow, 'conversions' | 'revenue'>> }) {
  const { t } = useI18n();
  const format = useFormat();
  const conversions = row.conversions ?? 0;
  if (!row.openedAt && !row.clickedAt && conversions === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <Space size={6}>
      {row.openedAt && (
        <Tooltip title={t('message.openedAt', { at: format.dateTime(row.openedAt) })}>
          <Tag icon={<EyeOutlined />} color="cyan" data-testid="message-opened">
            {t('message.opened')}
          </Tag>
        </Tooltip>
      )}
      {row.clickedAt && (
        <Tooltip title={t('message.clickedAt', { at: format.dateTime(row.clickedAt) })}>
          <Tag icon={<LinkOutlined />} color="purple" data-testid="message-clicked">
            {t('message.clicked')}
          </Tag>
        </Tooltip>
      )}
      {conversions > 0 && (
        <Tooltip title={t('message.convertedDetail', { count: conversions, revenue: format.money(row.revenue ?? 0) })}>
          <Tag icon={<ShoppingOutlined />} color="green" data-testid="message-converted" data-conversions={conversions}>
            {t('message.converted')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** A link to a customer's profile, by id: the ledger names customers by id only. */
export function CustomerLink({ id }: { id: number }) {
  const { t } = useI18n();
  return (
    <Link to={`/customers/${id}`} data-testid="customer-link" onClick={(event) => event.stopPropagation()}>
      {t('customer.anonymous', { id })}
    </Link>
  );
}
