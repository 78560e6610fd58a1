import { Button, Card, Typography, type TableColumnsType } from 'antd';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import type { MessageKey } from '../shared/i18n/en';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi, type TemplateVersion } from './api';

/** The values a template sees (docs/messaging.md, "Templates"), each with what it holds. */
const VARIABLES: { name: string; meaning: MessageKey }[] = [
  { name: '{{customer.first_name}}', meaning: 'variables.customer' },
  { name: '{{customer.id}}', meaning: 'variables.customerId' },
  { name: '{{facts.order_count}}', meaning: 'variables.facts' },
  { name: '{{data.x}}', meaning: 'variables.data' },
  { name: '{{brand.name}}', meaning: 'variables.brand' },
  { name: '{{links.unsubscribe}}', meaning: 'variables.unsubscribe' },
];

export function VariablesHelp() {
  const { t } = useI18n();
  return (
    <Card variant="borderless" className="section-card" title={t('variables.title')} data-testid="template-variables">
      <dl className="variables-list">
        {VARIABLES.map((variable) => (
          <div key={variable.name}>
            <dt className="mono">{variable.name}</dt>
            <dd>{t(variable.meaning)}</dd>
          </div>
        ))}
      </dl>
      <Typography.Paragraph type="secondary" className="small" style={{ marginBottom: 0 }}>
        {t('variables.escaping')}
      </Typography.Paragraph>
    </Card>
  );
}

interface TemplateVersionsProps {
  templateId: number;
  /** The newest version: the list loads again when it changes. */
  version: number;
  /** Puts an older version's parts back into the editor (saving makes them the next version). */
  onLoad?: (content: TemplateVersion['content']) => void;
}

/** Every saved version of a template, newest first. */
export function TemplateVersions({ templateId, version, onLoad }: TemplateVersionsProps) {
  const { t } = useI18n();
  const format = useFormat();
  const { data, error, loading, reload } = useApi((signal) => messagingApi.versions(templateId, signal), [templateId, version]);
  const columns: TableColumnsType<TemplateVersion> = [
    { title: t('template.version'), dataIndex: 'version', width: 90, render: (number: number) => `v${number}` },
    { title: t('message.subject'), key: 'subject', ellipsis: true, render: (_, saved) => saved.content.subject },
    { title: t('template.savedAt'), dataIndex: 'savedAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('template.savedBy'), dataIndex: 'savedBy', width: 130 },
    ...(onLoad
      ? [
          {
            title: t('table.actions'),
            key: 'load',
            width: 130,
            render: (_: unknown, saved: TemplateVersion) =>
              saved.version === version ? (
                <span className="muted small">{t('template.current')}</span>
              ) : (
                <Button size="small" onClick={() => onLoad(saved.content)} data-testid="template-version-load">
                  {t('template.loadVersion')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card variant="borderless" className="section-card" title={t('template.versions')}>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      <ListTable<TemplateVersion>
        rowKey="version"
        columns={columns}
        rows={data ?? []}
        loading={loading}
        paged
        rowTestId="template-version-row"
        empty={t('template.noVersions')}
      />
    </Card>
  );
}
