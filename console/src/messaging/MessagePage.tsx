import { Alert, Card, Descriptions } from 'antd';
import { useParams } from 'react-router';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { channelLabel } from '../shared/labels';
import { messagingApi } from './api';
import { outcomeText, purposeLabel } from './labels';
import { CustomerLink, EngagementMarks, SendStateTag } from './SendStateTag';

/** One row of the send ledger: why the message exists, where it stands, and what the customer did with it. */
export default function MessagePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const format = useFormat();
  const { data: row, error, reload } = useApi((signal) => messagingApi.message(id, signal), [id]);
  const crumbs = [{ title: t('nav.messaging') }, { title: t('nav.messages'), path: '/messaging/messages' }];
  if (error || !row) {
    return <RecordPending kind="message" id={id} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }
  const outcome = outcomeText(t, row);
  const dash = <span className="muted">—</span>;
  return (
    <>
      <PageHeader
        title={
          <span className="title-with-tags">
            {t('message.title', { id: row.id })} <SendStateTag state={row.state} />
          </span>
        }
        documentTitle={t('message.title', { id: row.id })}
        breadcrumb={[...crumbs, { title: t('message.title', { id: row.id }) }]}
        subtitle={row.subject}
      />
      {outcome && (
        <Alert
          className="page-alert"
          type={row.state === 'skipped' ? 'warning' : row.state === 'queued' ? 'info' : 'error'}
          showIcon
          title={outcome}
          data-testid="message-outcome"
        />
      )}
      <Card variant="borderless" className="section-card" data-testid="message-detail">
        <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t('message.customer')}>
            <CustomerLink id={row.customerId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('message.address')}>{row.address ? <span className="mono">{row.address}</span> : dash}</Descriptions.Item>
          <Descriptions.Item label={t('message.template')}>
            <span className="mono">
              {row.templateKey} v{row.templateVersion}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('message.channel')}>
            {channelLabel(t, row.channel)} · {purposeLabel(t, row.purpose)}
          </Descriptions.Item>
          <Descriptions.Item label={t('message.reason')}>
            <span className="mono break-all">{row.reason}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('message.origin')}>
            <span className="mono">{row.origin}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('message.queuedAt')}>{format.preciseDateTime(row.queuedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('message.dueAt')}>{format.preciseDateTime(row.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('message.sentAt')}>{row.sentAt ? format.preciseDateTime(row.sentAt) : dash}</Descriptions.Item>
          <Descriptions.Item label={t('message.attempts')}>{format.number(row.attempts)}</Descriptions.Item>
          <Descriptions.Item label={t('message.provider')}>{row.provider ? <span className="mono">{row.provider}</span> : dash}</Descriptions.Item>
          <Descriptions.Item label={t('message.engagement')}>
            <EngagementMarks row={row} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
