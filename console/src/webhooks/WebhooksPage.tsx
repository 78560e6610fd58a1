import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Switch, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { SecretReveal } from '../access/SecretReveal';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { EndpointDialog, type EndpointForm } from './EndpointDialog';
import { webhooksApi, type NewWebhookEndpoint, type WebhookEndpoint, type WebhookSecret } from './api';

export function EnabledTag({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={enabled ? 'green' : 'default'} data-testid="webhook-enabled" data-enabled={enabled}>
      {t(enabled ? 'webhooks.enabled' : 'webhooks.disabled')}
    </Tag>
  );
}

/** The webhook endpoints operators registered: Siyu's signed calls to the brand's own systems. */
export default function WebhooksPage() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const writable = can('webhooks:write');
  const { data, error, reload, loading, setData } = useApi((signal) => webhooksApi.endpoints(signal), []);
  const [creating, setCreating] = useState(false);
  const creation = useSubmission({ resetOn: creating });
  const [revealed, setRevealed] = useState<WebhookSecret>();

  const create = (values: EndpointForm) =>
    creation.submit(
      () =>
        webhooksApi.create({
          name: values.name.trim(),
          url: values.url.trim(),
          enabled: values.enabled ?? true,
        } satisfies NewWebhookEndpoint),
      {
        onSuccess: (created) => {
          setCreating(false);
          setRevealed(created);
          setData([...(data ?? []), created.endpoint]);
        },
      },
    );

  const columns: TableColumnsType<WebhookEndpoint> = [
    {
      title: t('webhooks.name'),
      dataIndex: 'name',
      render: (name: string, endpoint) => (
        <Link to={`/settings/webhooks/${endpoint.id}`} onClick={(event) => event.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true },
    { title: t('webhooks.status'), dataIndex: 'enabled', width: 110, render: (enabled: boolean) => <EnabledTag enabled={enabled} /> },
    { title: t('webhooks.secret'), dataIndex: 'secretPrefix', width: 150, render: (prefix: string) => <code>{prefix}</code> },
    { title: t('webhooks.created'), dataIndex: 'createdAt', width: 170, render: (at: string) => format.dateTime(at) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.webhooks')}
        subtitle={t('webhooks.subtitle')}
        breadcrumb={[{ title: t('nav.settings') }, { title: t('nav.webhooks') }]}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
              {t('webhooks.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless" className="table-card">
        {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
        <ListTable<WebhookEndpoint>
          rows={data ?? []}
          loading={loading}
          columns={columns}
          rowTestId="webhook-row"
          onOpen={(endpoint) => void navigate(`/settings/webhooks/${endpoint.id}`)}
          empty={t('webhooks.empty')}
        />
      </Card>
      <EndpointDialog
        open={creating}
        title={t('webhooks.create')}
        okText={t('action.create')}
        okTestId="webhook-submit"
        submission={creation}
        onCancel={() => setCreating(false)}
        initialValues={{ enabled: true }}
        onFinish={(values) => void create(values)}
      >
        <Form.Item name="enabled" label={t('webhooks.status')} valuePropName="checked">
          <Switch data-testid="webhook-enabled-switch" />
        </Form.Item>
      </EndpointDialog>
      <SecretReveal
        secret={revealed?.secret}
        name={revealed?.endpoint.name}
        usage={t('webhooks.secretUsage')}
        onClose={() => setRevealed(undefined)}
      />
    </>
  );
}
