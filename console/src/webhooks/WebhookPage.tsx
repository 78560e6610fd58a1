import { EditOutlined, KeyOutlined, RedoOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Select, Space, Switch, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { SecretReveal } from '../access/SecretReveal';
import { CursorTable, TruncatedText } from '../shared/components/CursorTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { DELIVERY_STATUSES, webhooksApi, type DeliveryStatus, type WebhookDelivery, type WebhookSecret } from './api';
import { DELIVERY_COLOURS, deliveryStatusLabel, redeliverable } from './labels';
import { EndpointDialog, type EndpointForm } from './EndpointDialog';
import { EnabledTag } from './WebhooksPage';

function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={DELIVERY_COLOURS[status]} data-testid="delivery-status" data-status={status}>
      {deliveryStatusLabel(t, status)}
    </Tag>
  );
}

function RedeliverButton({ delivery, onDone }: { delivery: WebhookDelivery; onDone: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission();
  return (
    <Button
      size="small"
      icon={<RedoOutlined />}
      loading={submission.submitting}
      data-testid="delivery-redeliver"
      onClick={() =>
        void submission.submit(() => webhooksApi.redeliver(delivery.endpointId, delivery.id), {
          success: t('webhooks.redelivered'),
          onSuccess: onDone,
        })
      }
    >
      {t('webhooks.redeliver')}
    </Button>
  );
}

/** One webhook endpoint: its settings, a new secret when needed, and its deliveries with what each receiver said. */
export default function WebhookPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const writable = can('webhooks:write');
  const { data: endpoint, error, reload, setData } = useApi((signal) => webhooksApi.endpoint(id, signal), [id]);
  const [status, setStatus] = useState<DeliveryStatus>();
  const deliveries = useCursorList(
    (cursor, signal) => webhooksApi.deliveries(Number(id), status, cursor, signal),
    [id, status],
  );
  const [editing, setEditing] = useState(false);
  const change = useSubmission({ resetOn: editing });
  const action = useSubmission();
  const [revealed, setRevealed] = useState<WebhookSecret>();
  const crumbs = [{ title: t('nav.settings') }, { title: t('nav.webhooks'), path: '/settings/webhooks' }];
  if (error || !endpoint) {
    return <RecordPending kind="webhook" id={id} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }

  const save = (values: EndpointForm) =>
    change.submit(() => webhooksApi.change(endpoint.id, { name: values.name.trim(), url: values.url.trim() }), {
      success: t('webhooks.saved'),
      onSuccess: (saved) => {
        setEditing(false);
        setData(saved);
      },
    });

  const columns: TableColumnsType<WebhookDelivery> = [
    { title: t('webhooks.queuedAt'), dataIndex: 'queuedAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('webhooks.eventType'), dataIndex: 'eventType', width: 170, render: (type: string) => <span className="mono">{type}</span> },
    { title: t('webhooks.status'), dataIndex: 'status', width: 110, render: (value: DeliveryStatus) => <DeliveryStatusTag status={value} /> },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', width: 90 },
    {
      title: t('webhooks.lastCode'),
      dataIndex: 'lastStatusCode',
      width: 100,
      render: (code?: number) => (code ? <span data-testid="delivery-code">{code}</span> : <span className="muted">—</span>),
    },
    {
      title: t('webhooks.lastAnswer'),
      key: 'answer',
      ellipsis: { showTitle: false },
      render: (_: unknown, delivery: WebhookDelivery) => {
        const text = [delivery.lastError, delivery.responseExcerpt].filter(Boolean).join(' · ');
        return text ? <TruncatedText text={text} /> : <span className="muted">—</span>;
      },
    },
    {
      title: t('webhooks.key'),
      dataIndex: 'idempotencyKey',
      width: 200,
      ellipsis: { showTitle: false },
      render: (key: string) => <TruncatedText text={key} />,
    },
    ...(writable
      ? [
          {
            title: t('table.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, delivery: WebhookDelivery) =>
              redeliverable(delivery.status) ? <RedeliverButton delivery={delivery} onDone={deliveries.reload} /> : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="webhook-title">{endpoint.name}</span>}
        documentTitle={endpoint.name}
        breadcrumb={[...crumbs, { title: endpoint.name }]}
        extra={
          writable && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="webhook-edit">
                {t('action.edit')}
              </Button>
              <Popconfirm
                title={t('webhooks.rotateConfirm')}
                okText={t('webhooks.rotate')}
                cancelText={t('action.cancel')}
                onConfirm={() =>
                  action.submit(() => webhooksApi.rotate(endpoint.id), {
                    onSuccess: (rotated) => {
                      setData(rotated.endpoint);
                      setRevealed(rotated);
                    },
                  })
                }
              >
                <Button icon={<KeyOutlined />} data-testid="webhook-rotate">
                  {t('webhooks.rotate')}
                </Button>
              </Popconfirm>
              <Button
                icon={<SendOutlined />}
                data-testid="webhook-test"
                onClick={() =>
                  void action.submit(() => webhooksApi.test(endpoint.id), {
                    success: t('webhooks.testQueued'),
                    onSuccess: deliveries.reload,
                  })
                }
              >
                {t('webhooks.test')}
              </Button>
            </Space>
          )
        }
      />
      {action.failure ? <ProblemAlert error={action.failure} className="page-alert" /> : null}
      <Card variant="borderless" className="section-card">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('webhooks.url')}>
            <span className="mono break-all" data-testid="webhook-url-value">
              {endpoint.url}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.status')}>
            {writable ? (
              <Switch
                checked={endpoint.enabled}
                loading={action.submitting}
                data-testid="webhook-toggle"
                checkedChildren={t('webhooks.enabled')}
                unCheckedChildren={t('webhooks.disabled')}
                onChange={(enabled) =>
                  void action.submit(() => webhooksApi.change(endpoint.id, { enabled }), { onSuccess: setData })
                }
              />
            ) : (
              <EnabledTag enabled={endpoint.enabled} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.secret')}>
            <code>{endpoint.secretPrefix}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('webhooks.created')}>
            {format.dateTime(endpoint.createdAt)} · {endpoint.createdBy}
          </Descriptions.Item>
          {endpoint.previousSecretUntil && (
            <Descriptions.Item label={t('webhooks.previousSecret')}>
              {t('webhooks.previousSecretUntil', { at: format.dateTime(endpoint.previousSecretUntil) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card variant="borderless" className="filter-card">
        <Select<DeliveryStatus | ''>
          value={status ?? ''}
          onChange={(value) => setStatus(value || undefined)}
          style={{ width: 180 }}
          data-testid="delivery-status-filter"
          options={[
            { value: '', label: t('webhooks.anyStatus') },
            ...DELIVERY_STATUSES.map((value) => ({ value, label: deliveryStatusLabel(t, value) })),
          ]}
        />
      </Card>
      <CursorTable<WebhookDelivery>
        list={deliveries}
        columns={columns}
        rowTestId="delivery-row"
        empty={t(status ? 'webhooks.noDeliveriesMatch' : 'webhooks.noDeliveries')}
      />
      <EndpointDialog
        open={editing}
        title={t('webhooks.edit')}
        okText={t('action.save')}
        okTestId="webhook-save"
        submission={change}
        onCancel={() => setEditing(false)}
        initialValues={{ name: endpoint.name, url: endpoint.url }}
        onFinish={(values) => void save(values)}
      />
      <SecretReveal
        secret={revealed?.secret}
        name={revealed?.endpoint.name}
        usage={t('webhooks.secretUsage')}
        onClose={() => setRevealed(undefined)}
      />
    </>
  );
}
