import { Form, Input } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import { accessApi, type WriteKey } from './api';
import { CredentialsSettings } from './CredentialsSettings';

export default function WriteKeysPage() {
  const { t } = useI18n();
  return (
    <CredentialsSettings<WriteKey, { name: string }>
      title={t('nav.writeKeys')}
      subtitle={t('writeKeys.subtitle')}
      createLabel={t('writeKeys.create')}
      createTestId="create-write-key"
      rowTestId="write-key-row"
      emptyText={t('writeKeys.empty')}
      load={accessApi.writeKeys}
      create={({ name }) => accessApi.createWriteKey(name.trim())}
      revoke={accessApi.revokeWriteKey}
      fields={
        <Form.Item
          name="name"
          label={t('credential.name')}
          extra={t('writeKeys.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={100} autoFocus placeholder={t('writeKeys.namePlaceholder')} data-testid="credential-name" />
        </Form.Item>
      }
    />
  );
}
