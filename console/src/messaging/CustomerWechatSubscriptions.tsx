import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi, type WechatSubscription } from './api';

/**
 * The customer's WeChat mini-program subscriptions on the profile: per template, how many subscribe messages they
 * still allow and what they last decided. Shown only when they have any.
 */
export function CustomerWechatSubscriptions({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const state = useApi((signal) => messagingApi.wechatSubscriptions(customerId, signal), [customerId]);
  if (state.error) {
    return <ProblemAlert error={state.error} onRetry={state.reload} />;
  }
  const subscriptions = state.data?.subscriptions ?? [];
  if (subscriptions.length === 0) {
    return null;
  }
  const columns: TableColumnsType<WechatSubscription> = [
    { title: t('subscriptions.template'), dataIndex: 'templateId', render: (id: string) => <span className="mono">{id}</span> },
    {
      title: t('subscriptions.remaining'),
      dataIndex: 'remaining',
      width: 160,
      render: (remaining: number) => (remaining > 0 ? format.number(remaining) : <span className="muted">0</span>),
    },
    {
      title: t('subscriptions.decision'),
      dataIndex: 'lastDecision',
      width: 160,
      render: (decision: string) => <Tag color={decision === 'accept' ? 'green' : 'default'}>{decisionLabel(t, decision)}</Tag>,
    },
    { title: t('subscriptions.decidedAt'), dataIndex: 'decidedAt', width: 180, render: (at: string) => format.dateTime(at) },
  ];
  return (
    <div data-testid="profile-wechat-subscriptions" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('subscriptions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subscriptions.hint')}</Typography.Paragraph>
      <Table<WechatSubscription> rowKey="templateId" size="small" pagination={false} columns={columns} dataSource={subscriptions} />
    </div>
  );
}

function decisionLabel(t: ReturnType<typeof useI18n>['t'], decision: string): string {
  switch (decision) {
    case 'accept':
      return t('subscriptions.accept');
    case 'reject':
      return t('subscriptions.reject');
    case 'ban':
      return t('subscriptions.ban');
    case 'filter':
      return t('subscriptions.filter');
    default:
      return decision;
  }
}
