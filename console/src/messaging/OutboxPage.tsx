import { Tag, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CursorTable, TruncatedText } from '../shared/components/CursorTable';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { channelLabel } from '../shared/labels';
import { PageHeader } from '../shared/layout/PageHeader';
import { messagingApi, type OutboxEntry } from './api';
import { SandboxBanner } from './SandboxBanner';

/** The ledger row a message of the outbox was sent for, or the mark of a test send, which has none. */
export function LedgerLink({ sendId }: { sendId?: number }) {
  const { t } = useI18n();
  if (sendId == null) {
    return <Tag data-testid="outbox-test-send">{t('outbox.testSend')}</Tag>;
  }
  return (
    <Link to={`/messaging/messages/${sendId}`} data-testid="outbox-ledger-link" onClick={(event) => event.stopPropagation()}>
      {t('outbox.ledgerRow', { id: sendId })}
    </Link>
  );
}

/** The sandbox outbox, newest first: every message kept instead of sent, as a mail catcher shows them. */
export default function OutboxPage() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const list = useCursorList((cursor, signal) => messagingApi.outbox(cursor, signal), []);
  const columns: TableColumnsType<OutboxEntry> = [
    { title: t('message.time'), dataIndex: 'at', width: 190, render: (at: string) => format.preciseDateTime(at) },
    { title: t('message.channel'), dataIndex: 'channel', width: 90, render: (channel: string) => channelLabel(t, channel) },
    { title: t('outbox.recipient'), dataIndex: 'recipient', width: 240, render: (to: string) => <span className="mono">{to}</span> },
    {
      title: t('message.subject'),
      dataIndex: 'subject',
      ellipsis: { showTitle: false },
      render: (subject: string) => <TruncatedText text={subject} />,
    },
    { title: t('outbox.ledger'), dataIndex: 'sendId', width: 160, render: (sendId?: number) => <LedgerLink sendId={sendId} /> },
  ];
  return (
    <>
      <PageHeader title={t('nav.outbox')} subtitle={t('outbox.subtitle')} breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.outbox') }]} />
      <SandboxBanner />
      <CursorTable<OutboxEntry>
        list={list}
        columns={columns}
        rowTestId="outbox-row"
        onOpen={(entry) => navigate(`/messaging/outbox/${entry.id}`)}
        empty={t('outbox.empty')}
        data-testid="outbox-table"
      />
    </>
  );
}
