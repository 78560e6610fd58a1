import { Typography } from 'antd';
import { Link } from 'react-router';
import { ListTable } from '../shared/components/ListTable';
import { LoadMore } from '../shared/components/LoadMore';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi, type SendRow } from './api';
import { CustomerWechatSubscriptions } from './CustomerWechatSubscriptions';
import { useMessageColumns, useMessageRows } from './MessagesTable';

/** What one customer was sent, and for what was held back, why: their rows of the send ledger, for the profile page. */
export function CustomerMessages({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const list = useCursorList((cursor, signal) => messagingApi.messages({ customerId }, cursor, signal), [customerId]);
  const columns = useMessageColumns(false);
  const rows = useMessageRows();
  return (
    <div data-testid="profile-messages">
      <Typography.Paragraph type="secondary">
        {t('profile.messagesHint')} <Link to={`/messaging/messages?customerId=${customerId}`}>{t('profile.messagesAll')}</Link>
      </Typography.Paragraph>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <ListTable<SendRow> columns={columns} {...rows} rows={list.items} loading={list.loading} empty={t('profile.noMessages')} />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      <CustomerWechatSubscriptions customerId={customerId} />
    </div>
  );
}
