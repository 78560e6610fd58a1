import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { FormDialog } from '../shared/components/FormDialog';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import type { NewSecret, WriteKey } from './api';
import { CredentialsTable } from './CredentialsTable';
import { SecretReveal } from './SecretReveal';

/** The kinds of credential, named as their messages are: `nav.<kind>`, `<kind>.subtitle`, `<kind>.create` and so on. */
type CredentialKind = 'apiTokens' | 'writeKeys';

interface CredentialsSettingsProps<T extends WriteKey, V> {
  kind: CredentialKind;
  /** Names the test ids: `create-<testId>` for the create button, `<testId>-row` for each row. */
  testId: string;
  showRole?: boolean;
  showScope?: boolean;
  load: (signal: AbortSignal) => Promise<T[]>;
  create: (values: V) => Promise<NewSecret<T>>;
  revoke: (id: number) => Promise<T>;
  /** The create form's fields after the name. */
  fields: ReactNode;
  initialValues?: Partial<V>;
}

/** A settings page for one kind of credential: the list, a create dialog that reveals the secret once, and revoking. */
export function CredentialsSettings<T extends WriteKey, V extends object>(props: CredentialsSettingsProps<T, V>) {
  const { t } = useI18n();
  const { kind } = props;
  const title = t(`nav.${kind}`);
  const createLabel = t(`${kind}.create`);
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
        title={title}
        subtitle={t(`${kind}.subtitle`)}
        breadcrumb={[{ title: t('nav.settings') }, { title }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`create-${props.testId}`}>
            {createLabel}
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
          emptyText={t(`${kind}.empty`)}
          testId={`${props.testId}-row`}
        />
      </Card>
      <FormDialog<V>
        open={creating}
        title={createLabel}
        okText={t('action.create')}
        okTestId="create-submit"
        submission={creation}
        onCancel={() => {
          setCreating(false);
          creation.clear();
        }}
        form={form}
        name={`create-${props.testId}`}
        onFinish={(values) => void submit(values)}
        initialValues={props.initialValues}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('credential.name')}
          extra={t(`${kind}.nameHint`)}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={100} autoFocus placeholder={t(`${kind}.namePlaceholder`)} data-testid="credential-name" />
        </Form.Item>
        {props.fields}
      </FormDialog>
      <SecretReveal secret={revealed?.secret} name={revealed?.issued.name} onClose={() => setRevealed(undefined)} />
    </>
  );
}
