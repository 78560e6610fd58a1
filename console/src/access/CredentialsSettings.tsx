import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { testProps } from '../shared/components/testProps';
import { useApi } from '../shared/hooks/useApi';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import type { NewSecret, WriteKey } from './api';
import { CredentialsTable } from './CredentialsTable';
import { SecretReveal } from './SecretReveal';

interface CredentialsSettingsProps<T extends WriteKey, V> {
  title: string;
  subtitle: string;
  createLabel: string;
  createTestId: string;
  rowTestId: string;
  emptyText: string;
  showRole?: boolean;
  showScope?: boolean;
  load: (signal: AbortSignal) => Promise<T[]>;
  create: (values: V) => Promise<NewSecret<T>>;
  revoke: (id: number) => Promise<T>;
  /** The create form's fields. */
  fields: ReactNode;
  initialValues?: Partial<V>;
}

/** A settings page for one kind of credential: the list, a create dialog that reveals the secret once, and revoking. */
export function CredentialsSettings<T extends WriteKey, V extends object>(props: CredentialsSettingsProps<T, V>) {
  const { t } = useI18n();
  const { data, error, loading, reload, setData } = useApi(props.load, []);
  const [creating, setCreating] = useState(false);
  const creation = useSubmission();
  const [revealed, setRevealed] = useState<NewSecret<T>>();
  const [revoking, setRevoking] = useState<number>();
  const revocation = useSubmission();
  const [form] = Form.useForm<V>();

  const submit = (values: V) =>
    creation.submit(() => props.create(values), {
      onSuccess: (issued) => {
        setCreating(false);
        form.resetFields();
        setRevealed(issued);
        setData([issued.issued, ...(data ?? [])]);
      },
    });

  const revoke = (credential: T) => {
    setRevoking(credential.id);
    void revocation
      .submit(() => props.revoke(credential.id), {
        success: t('credential.revoked', { name: credential.name }),
        onSuccess: (revoked) => setData((data ?? []).map((entry) => (entry.id === revoked.id ? revoked : entry))),
      })
      .finally(() => setRevoking(undefined));
  };

  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        breadcrumb={[{ title: t('nav.settings') }, { title: props.title }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={props.createTestId}>
            {props.createLabel}
          </Button>
        }
      />
      <Card variant="borderless" className="table-card">
        {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
        {revocation.failure ? <ProblemAlert error={revocation.failure} className="page-alert" /> : null}
        <CredentialsTable<T>
          credentials={data ?? []}
          loading={loading}
          showRole={props.showRole}
          showScope={props.showScope}
          revoking={revoking}
          onRevoke={revoke}
          emptyText={props.emptyText}
          testId={props.rowTestId}
        />
      </Card>
      <Modal
        open={creating}
        title={props.createLabel}
        okText={t('action.create')}
        cancelText={t('action.cancel')}
        confirmLoading={creation.submitting}
        onOk={() => form.submit()}
        onCancel={() => {
          setCreating(false);
          creation.clear();
        }}
        okButtonProps={testProps('create-submit')}
        destroyOnHidden
      >
        {creation.failure ? <ProblemAlert error={creation.failure} className="form-alert" /> : null}
        <Form<V>
          name={props.createTestId}
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={props.initialValues}
          preserve={false}
        >
          {props.fields}
        </Form>
      </Modal>
      <SecretReveal secret={revealed?.secret} name={revealed?.issued.name} onClose={() => setRevealed(undefined)} />
    </>
  );
}
