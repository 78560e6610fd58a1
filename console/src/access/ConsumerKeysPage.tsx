import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Form, Input, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { FormDialog } from '../shared/components/FormDialog';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { testProps } from '../shared/components/testProps';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { accessApi, type ConsumerKey, type ConsumerKeyStatus } from './api';

const STATUS_COLORS: Record<ConsumerKeyStatus, string> = { active: 'green', retiring: 'orange', revoked: 'red' };

/** How a shop makes a key pair with Node.js: the page shows it, docs/consumer-api.md explains the rest. */
const NODE_SAMPLE = `import { generateKeyPair, exportJWK } from 'jose';

const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(publicKey)), kid: 'shop-2026-11', alg: 'ES256', use: 'sig' };
console.log(JSON.stringify(jwk)); // paste this here; privateKey stays on your backend`;

interface NewKeyForm {
  name: string;
  jwk: string;
}

/** Reads the pasted JWK: a JSON object, or nothing when it is not one. */
function parseJwk(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The shop's public keys for the consumer API: added by pasting a JWK, retired when a newer one signs, revoked. */
export default function ConsumerKeysPage() {
  const { t } = useI18n();
  const format = useFormat();
  const title = t('nav.consumerKeys');
  const { data, error, loading, reload, setData } = useApi(accessApi.consumerKeys, []);
  const [adding, setAdding] = useState(false);
  const registration = useSubmission();
  const change = useSubmission();
  const [changing, setChanging] = useState<string>();
  const [form] = Form.useForm<NewKeyForm>();

  const replace = (key: ConsumerKey) => setData((data ?? []).map((entry) => (entry.kid === key.kid ? key : entry)));

  const submit = ({ name, jwk }: NewKeyForm) =>
    registration.submit(() => accessApi.registerConsumerKey(name.trim(), parseJwk(jwk) ?? {}), {
      success: (key) => t('consumerKeys.registered', { name: key.name }),
      onSuccess: (key) => {
        setAdding(false);
        form.resetFields();
        setData([key, ...(data ?? [])]);
      },
    });

  const act = (key: ConsumerKey, call: (kid: string) => Promise<ConsumerKey>, success: string) => {
    setChanging(key.kid);
    void change.submit(() => call(key.kid), { success, onSuccess: replace }).finally(() => setChanging(undefined));
  };

  const columns: TableColumnsType<ConsumerKey> = [
    { title: t('credential.name'), dataIndex: 'name', width: 200, render: (name: string) => <strong>{name}</strong> },
    { title: t('consumerKeys.kid'), dataIndex: 'kid', width: 240, render: (kid: string) => <span className="mono">{kid}</span> },
    { title: t('consumerKeys.alg'), dataIndex: 'alg', width: 100 },
    {
      title: t('credential.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: ConsumerKeyStatus) => (
        <Tag color={STATUS_COLORS[status]} variant="filled" data-testid="consumer-key-status">
          {t(`consumerKeyStatus.${status}`)}
        </Tag>
      ),
    },
    { title: t('credential.createdBy'), dataIndex: 'createdBy', width: 130 },
    { title: t('credential.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => format.dateTime(at) },
    {
      title: t('table.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, key: ConsumerKey) => (
        <Space size={0}>
          {key.status === 'active' ? (
            <Popconfirm
              title={t('consumerKeys.retireTitle', { name: key.name })}
              description={t('consumerKeys.retireWarning')}
              okText={t('consumerKeys.retire')}
              okButtonProps={testProps('confirm-retire')}
              cancelText={t('action.cancel')}
              onConfirm={() => act(key, accessApi.retireConsumerKey, t('consumerKeys.retired', { name: key.name }))}
            >
              <Button type="link" size="small" loading={changing === key.kid} data-testid="retire">
                {t('consumerKeys.retire')}
              </Button>
            </Popconfirm>
          ) : null}
          {key.status !== 'revoked' ? (
            <Popconfirm
              title={t('credential.revokeTitle', { name: key.name })}
              description={t('consumerKeys.revokeWarning')}
              okText={t('credential.revoke')}
              okButtonProps={{ danger: true, ...testProps('confirm-revoke') }}
              cancelText={t('action.cancel')}
              onConfirm={() => act(key, accessApi.revokeConsumerKey, t('credential.revoked', { name: key.name }))}
            >
              <Button type="link" danger size="small" loading={changing === key.kid} data-testid="revoke">
                {t('credential.revoke')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={title}
        subtitle={t('consumerKeys.subtitle')}
        breadcrumb={[{ title: t('nav.settings') }, { title }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="create-consumer-key">
            {t('consumerKeys.create')}
          </Button>
        }
      />
      <Card variant="borderless" className="table-card">
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'how',
              label: t('consumerKeys.howTitle'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('consumerKeys.how')}</Typography.Paragraph>
                  <Typography.Paragraph type="secondary">{t('consumerKeys.sample')}</Typography.Paragraph>
                  <pre className="mono small">{NODE_SAMPLE}</pre>
                </>
              ),
            },
          ]}
        />
        {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
        {change.failure ? <ProblemAlert error={change.failure} className="page-alert" /> : null}
        <ListTable<ConsumerKey>
          columns={columns}
          rows={data ?? []}
          loading={loading}
          rowKey="kid"
          size="middle"
          scroll={{ x: 1120 }}
          rowClassName={(key) => (key.status === 'revoked' ? 'revoked-row' : '')}
          rowTestId="consumer-key-row"
          empty={t('consumerKeys.empty')}
        />
      </Card>
      <FormDialog<NewKeyForm>
        open={adding}
        title={t('consumerKeys.create')}
        okText={t('consumerKeys.create')}
        okTestId="create-submit"
        submission={registration}
        onCancel={() => {
          setAdding(false);
          registration.clear();
        }}
        form={form}
        name="create-consumer-key"
        onFinish={(values) => void submit(values)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('credential.name')}
          extra={t('consumerKeys.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={100} autoFocus placeholder={t('consumerKeys.namePlaceholder')} data-testid="credential-name" />
        </Form.Item>
        <Form.Item
          name="jwk"
          label={t('consumerKeys.jwk')}
          extra={t('consumerKeys.jwkHint')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            {
              validator: (_, value: string | undefined) =>
                !value || parseJwk(value) ? Promise.resolve() : Promise.reject(new Error(t('consumerKeys.notJson'))),
            },
          ]}
        >
          <Input.TextArea rows={6} className="mono" spellCheck={false} data-testid="consumer-key-jwk" />
        </Form.Item>
      </FormDialog>
    </>
  );
}
