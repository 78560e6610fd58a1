import { Form, Select } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import { roleLabel } from '../shared/labels';
import { accessApi, type ApiToken } from './api';
import { CredentialsSettings } from './CredentialsSettings';
import { ROLES, type Role } from './permissions';

export default function ApiTokensPage() {
  const { t } = useI18n();
  return (
    <CredentialsSettings<ApiToken, { name: string; role: Role }>
      kind="apiTokens"
      testId="api-token"
      showRole
      load={accessApi.apiTokens}
      create={({ name, role }) => accessApi.createApiToken(name.trim(), role)}
      revoke={accessApi.revokeApiToken}
      initialValues={{ role: 'ANALYST' }}
      fields={
        <Form.Item name="role" label={t('credential.role')} extra={t('apiTokens.roleHint')} rules={[{ required: true }]}>
          <Select data-testid="credential-role" options={ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))} />
        </Form.Item>
      }
    />
  );
}
