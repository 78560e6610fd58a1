import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';

interface SecretRevealProps {
  secret: string | undefined;
  name: string | undefined;
  onClose: () => void;
  /** How the secret is used, when it is not a write key or an API token. */
  usage?: string;
}

/** Shows a new credential's secret the one time the server gives it out, with a way to copy it. */
export function SecretReveal({ secret, name, onClose, usage }: SecretRevealProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={Boolean(secret)}
      title={t('secret.title', { name: name ?? '' })}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('secret.warning')} className="secret-warning" />
      <div className="secret-box">
        <Typography.Text
          code
          className="secret-value"
          data-testid="new-secret"
          copyable={{ text: secret ?? '', tooltips: [t('secret.copy'), t('secret.copied')] }}
        >
          {secret}
        </Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" className="secret-usage">
        {usage ?? t('secret.usage')}
      </Typography.Paragraph>
    </Modal>
  );
}
