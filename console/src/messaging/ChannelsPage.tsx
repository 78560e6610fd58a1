import { App, Card, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../access/SessionProvider';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { channelLabel } from '../shared/labels';
import { messagingApi, type ProviderCheck, type ProviderSettingsRequest, type ProviderView } from './api';
import { ProviderSettingsForm, SourceTag } from './ProviderSettingsForm';

/**
 * Each channel's provider (渠道设置): where its settings come from (the console, the environment, or none: the
 * sandbox), and a form per channel to set them, check them against the provider, or return to the environment's.
 * Admins only: credentials send in the brand's name.
 */
export default function ChannelsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const providers = useApi((signal) => messagingApi.providers(signal), []);
  const writable = can('providers:manage');

  const replace = (saved: ProviderView) =>
    providers.setData((providers.data ?? []).map((view) => (view.channel === saved.channel ? saved : view)));

  return (
    <>
      <PageHeader
        title={t('nav.channels')}
        subtitle={t('providers.subtitle')}
        breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.channels') }]}
      />
      {providers.error ? <ProblemAlert error={providers.error} onRetry={providers.reload} className="page-alert" /> : null}
      {!providers.data ? (
        <Skeleton active />
      ) : (
        providers.data.map((view) => (
          <ChannelCard
            key={view.channel}
            view={view}
            writable={writable}
            onChange={replace}
            formatTime={(at) => format.dateTime(at)}
          />
        ))
      )}
    </>
  );
}

function ChannelCard({
  view,
  writable,
  onChange,
  formatTime,
}: {
  view: ProviderView;
  writable: boolean;
  onChange: (view: ProviderView) => void;
  formatTime: (at: string) => string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const submission = useSubmission();
  const [check, setCheck] = useState<ProviderCheck>();

  const save = (request: ProviderSettingsRequest) =>
    submission.submit(() => messagingApi.saveProvider(view.channel, request), {
      success: t('providers.saved'),
      onSuccess: (saved) => {
        setCheck(undefined);
        onChange(saved);
      },
    });
  const returnToEnvironment = () =>
    submission.submit(() => messagingApi.deleteProvider(view.channel), {
      success: t('providers.returned'),
      onSuccess: (saved) => {
        setCheck(undefined);
        onChange(saved);
      },
    });
  const runCheck = () =>
    messagingApi.checkProvider(view.channel).then(setCheck, () => void message.error(t('providers.checkFailed')));

  return (
    <Card
      variant="borderless"
      className="section-card"
      data-testid={`provider-${view.channel}`}
      title={
        <Space>
          {channelLabel(t, view.channel)}
          <Typography.Text type="secondary">{view.provider}</Typography.Text>
          <SourceTag source={view.source} testId={`provider-${view.channel}-source`} />
        </Space>
      }
    >
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      {check && (
        <Typography.Paragraph
          type={check.outcome === 'ok' ? 'success' : check.outcome === 'failed' ? 'danger' : 'secondary'}
          data-testid={`provider-${view.channel}-outcome`}
        >
          {t(`providers.outcome.${check.outcome}` as Parameters<typeof t>[0])}
          {check.detail ? ` — ${check.detail}` : ''}
        </Typography.Paragraph>
      )}
      <ProviderSettingsForm
        view={view}
        writable={writable}
        submitting={submission.submitting}
        fieldError={submission.fieldError}
        onSave={save}
        onCheck={runCheck}
        onReturn={returnToEnvironment}
        formatTime={formatTime}
      />
    </Card>
  );
}
