import { Card, Descriptions, type TableColumnsType } from 'antd';
import { useParams } from 'react-router';
import { ListTable } from '../shared/components/ListTable';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { channelLabel } from '../shared/labels';
import { messagingApi } from './api';
import { MessageFrame } from './MessageFrame';
import { LedgerLink } from './OutboxPage';
import { SandboxBanner } from './SandboxBanner';

interface Header {
  name: string;
  value: string;
}

/** One message of the sandbox outbox, as its customer would have seen it, with the headers it would have carried. */
export default function OutboxMessagePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const format = useFormat();
  const { data: message, error, reload } = useApi((signal) => messagingApi.outboxMessage(id, signal), [id]);
  const crumbs = [{ title: t('nav.messaging') }, { title: t('nav.outbox'), path: '/messaging/outbox' }];
  if (error || !message) {
    return <RecordPending kind="outboxMessage" id={id} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }
  const headers: Header[] = Object.entries(message.headers).map(([name, value]) => ({ name, value }));
  const headerColumns: TableColumnsType<Header> = [
    { title: t('outbox.headerName'), dataIndex: 'name', width: 240, render: (name: string) => <span className="mono">{name}</span> },
    { title: t('outbox.headerValue'), dataIndex: 'value', render: (value: string) => <span className="mono break-all">{value}</span> },
  ];
  return (
    <>
      <PageHeader
        title={<span data-testid="outbox-subject">{message.subject}</span>}
        documentTitle={message.subject}
        breadcrumb={[...crumbs, { title: t('outboxMessage.title', { id }) }]}
      />
      <SandboxBanner compact />
      <Card variant="borderless" className="section-card">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('message.time')}>{format.preciseDateTime(message.at)}</Descriptions.Item>
          <Descriptions.Item label={t('outbox.recipient')}>
            <span className="mono" data-testid="outbox-recipient">
              {message.recipient}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('message.channel')}>{channelLabel(t, message.channel)}</Descriptions.Item>
          <Descriptions.Item label={t('outbox.ledger')}>
            <LedgerLink sendId={message.sendId} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" className="section-card">
        <MessageFrame
          testId="outbox-message"
          html={message.html}
          text={message.text}
          height={640}
          extraTabs={[
            {
              key: 'headers',
              label: <span data-testid="outbox-message-tab-headers">{t('outbox.headers')}</span>,
              children: (
                <ListTable<Header> rowKey="name" columns={headerColumns} rows={headers} empty={t('outbox.noHeaders')} data-testid="outbox-headers" />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
