import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { channelLabel } from '../shared/labels';
import { messagingApi, type MessageTemplate } from './api';
import { purposeLabel } from './labels';

type Shown = 'active' | 'archived' | 'all';

/** Every message template: its key, purpose and newest version; archived ones on request. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const [shown, setShown] = useState<Shown>('active');
  const { data, error, loading, reload } = useApi((signal) => messagingApi.templates(signal), []);
  const templates = useMemo(
    () => (data ?? []).filter((template) => shown === 'all' || (shown === 'archived') === Boolean(template.archivedAt)),
    [data, shown],
  );

  const columns: TableColumnsType<MessageTemplate> = [
    {
      title: t('template.key'),
      dataIndex: 'key',
      width: 220,
      render: (key: string, template) => (
        <Link to={`/messaging/templates/${template.id}`} className="mono" data-testid="template-link">
          {key}
        </Link>
      ),
    },
    {
      title: t('template.name'),
      dataIndex: 'name',
      render: (name: string, template) => (
        <span>
          {name}
          {template.archivedAt && (
            <Tag style={{ marginInlineStart: 8 }} data-testid="template-archived">
              {t('template.archived')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('message.channel'), dataIndex: 'channel', width: 100, render: (channel: string) => channelLabel(t, channel) },
    {
      title: t('template.purpose'),
      dataIndex: 'purpose',
      width: 130,
      render: (purpose: string) => <Tag color={purpose === 'marketing' ? 'magenta' : 'geekblue'}>{purposeLabel(t, purpose)}</Tag>,
    },
    { title: t('template.version'), dataIndex: 'version', width: 90, align: 'right', render: (version: number) => `v${version}` },
    {
      title: t('template.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      defaultSortOrder: 'descend',
      render: (at: string) => format.dateTime(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.templates')}
        subtitle={t('template.listSubtitle')}
        breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.templates') }]}
        extra={
          can('templates:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/messaging/templates/new')} data-testid="template-new">
              {t('template.new')}
            </Button>
          )
        }
      />
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <Card variant="borderless" className="table-card">
        <div className="messaging-filters">
          <Segmented<Shown>
            value={shown}
            onChange={setShown}
            options={[
              { value: 'active', label: t('template.active') },
              { value: 'archived', label: t('template.archived') },
              { value: 'all', label: t('filter.all') },
            ]}
          />
        </div>
        <ListTable<MessageTemplate>
          size="middle"
          columns={columns}
          rows={templates}
          loading={loading}
          paged
          rowTestId="template-row"
          onOpen={(template) => navigate(`/messaging/templates/${template.id}`)}
          empty={t(shown === 'active' ? 'template.empty' : 'template.noMatch')}
        />
      </Card>
    </>
  );
}
