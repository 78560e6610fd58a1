import { Alert } from 'antd';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi } from './api';

/**
 * Whether SMS goes out for real: with no provider configured, a warning that SMS stay in the sandbox outbox.
 */
function SmsSandboxNote({ sandbox }: { sandbox: boolean }) {
  const { t } = useI18n();
  return sandbox ? (
    <Alert className="page-alert" type="warning" showIcon data-testid="sms-sandbox-banner" title={t('outbox.smsSandboxTitle')} />
  ) : null;
}

/**
 * Whether e-mail (and SMS) go out for real: with no SMTP server configured, a warning that messages stay in the sandbox outbox
 * and were not sent, and how to configure one; with SMTP, a note that the outbox only holds messages from before.
 * `compact` shows only the warning, for pages other than the outbox.
 */
export function SandboxBanner({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi((signal) => messagingApi.channels(signal), []);
  if (error) {
    return <ProblemAlert error={error} onRetry={reload} className="page-alert" />;
  }
  const email = data?.find((channel) => channel.channel === 'email');
  const sms = <SmsSandboxNote sandbox={data?.find((channel) => channel.channel === 'sms')?.sandbox ?? false} />;
  if (!email) {
    return sms;
  }
  if (email.sandbox) {
    return (
      <>
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          data-testid="sandbox-banner"
          data-sandbox="true"
          title={t('outbox.sandboxTitle')}
          description={compact ? undefined : t('outbox.sandboxHow')}
        />
        {sms}
      </>
    );
  }
  if (compact) {
    return sms;
  }
  return (
    <>
      <Alert
        className="page-alert"
        type="info"
        showIcon
        data-testid="sandbox-banner"
        data-sandbox="false"
        title={t('outbox.liveTitle', { provider: email.provider })}
        description={t('outbox.liveHint')}
      />
      {sms}
    </>
  );
}
