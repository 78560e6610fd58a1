import { Tag, Typography, type TableColumnsType } from 'antd';
import { consentCategoryLabel } from '../../audience/labels';
import { ListTable } from '../../shared/components/ListTable';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { customersApi, type Consent, type ConsentChange } from '../api';

function StateTag({ granted }: { granted: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={granted ? 'green' : 'red'} variant="filled">
      {t(granted ? 'consentState.granted' : 'consentState.denied')}
    </Tag>
  );
}

/**
 * Where the customer stands on each category of consent (categories never decided are not listed: unknown), and every
 * change, from which message or merged profile it came.
 */
export function ConsentPanel({ customerId, consents }: { customerId: number; consents: Consent[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const changes = useApi((signal) => customersApi.consentChanges(customerId, signal), [customerId]);
  const current: TableColumnsType<Consent> = [
    { title: t('consent.category'), dataIndex: 'category', render: (category: string) => consentCategoryLabel(t, category) },
    { title: t('consent.state'), dataIndex: 'granted', width: 110, render: (granted: boolean) => <StateTag granted={granted} /> },
    { title: t('consent.since'), dataIndex: 'since', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('consent.confirmedAt'), dataIndex: 'confirmedAt', width: 170, render: (at: string) => format.dateTime(at) },
  ];
  const history: TableColumnsType<ConsentChange> = [
    { title: t('consent.decidedAt'), dataIndex: 'decidedAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('consent.category'), dataIndex: 'category', render: (category: string) => consentCategoryLabel(t, category) },
    { title: t('consent.state'), dataIndex: 'granted', width: 110, render: (granted: boolean) => <StateTag granted={granted} /> },
    {
      title: t('consent.source'),
      key: 'source',
      render: (_: unknown, change: ConsentChange) =>
        change.mergedFrom != null ? (
          t('consent.fromMerge', { id: change.mergedFrom })
        ) : (
          <span className="mono">{change.messageId ?? '—'}</span>
        ),
    },
    { title: t('consent.recordedAt'), dataIndex: 'recordedAt', width: 170, render: (at: string) => format.dateTime(at) },
  ];
  return (
    <div data-testid="profile-consent">
      <Typography.Paragraph type="secondary">{t('consent.hint')}</Typography.Paragraph>
      <ListTable<Consent> rowKey="category" columns={current} rows={consents} empty={t('consent.none')} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('consent.history')}
      </Typography.Title>
      {changes.error ? (
        <ProblemAlert error={changes.error} onRetry={changes.reload} />
      ) : (
        <ListTable<ConsentChange>
          rowKey={(change) => `${change.category}-${change.decidedAt}-${change.recordedAt}-${change.granted}`}
          loading={changes.loading}
          columns={history}
          rows={changes.data ?? []}
          scroll={{ x: 700 }}
          empty={t('consent.noChanges')}
        />
      )}
    </div>
  );
}
