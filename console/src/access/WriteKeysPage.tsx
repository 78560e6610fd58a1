import { Form, Radio } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import { writeKeyScopeLabel } from '../shared/labels';
import { accessApi, WRITE_KEY_SCOPES, type WriteKey, type WriteKeyScope } from './api';
import { CredentialsSettings } from './CredentialsSettings';

export default function WriteKeysPage() {
  const { t } = useI18n();
  return (
    <CredentialsSettings<WriteKey, { name: string; scope: WriteKeyScope }>
      kind="writeKeys"
      testId="write-key"
      showScope
      load={accessApi.writeKeys}
      create={({ name, scope }) => accessApi.createWriteKey(name.trim(), scope)}
      revoke={accessApi.revokeWriteKey}
      initialValues={{ scope: 'browser' }}
      fields={
        <Form.Item name="scope" label={t('writeKeys.scope')} extra={t('writeKeys.scopeHint')} rules={[{ required: true }]}>
          <Radio.Group data-testid="credential-scope" className="scope-choice">
            {WRITE_KEY_SCOPES.map((scope) => (
              <Radio key={scope} value={scope} data-testid={`scope-${scope}`}>
                <strong>{writeKeyScopeLabel(t, scope)}</strong>
                <div className="muted small">{t(`writeKeyScope.${scope}.description`)}</div>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      }
    />
  );
}
