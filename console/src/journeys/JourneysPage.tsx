import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { FormDialog } from '../shared/components/FormDialog';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { journeysApi, type Journey } from './api';
import { JourneyStatusTag } from './JourneyStatusTag';
import { STARTERS, starterGraph, type Starter } from './starters';
import './journeys.css';

interface NewJourney {
  name: string;
  description?: string;
  starter: Starter;
}

function CreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewJourney>();
  const submission = useSubmission({ resetOn: open });
  const create = ({ name, description, starter }: NewJourney) =>
    submission.submit(() => journeysApi.create({ name: name.trim(), description: description?.trim() || undefined, draft: starterGraph(starter) }), {
      success: t('journey.created'),
      onSuccess: (journey) => navigate(`/journeys/${journey.id}`),
    });
  return (
    <FormDialog<NewJourney>
      open={open}
      title={t('journey.new')}
      okText={t('action.create')}
      okTestId="journey-create-submit"
      submission={submission}
      onCancel={onClose}
      form={form}
      initialValues={{ starter: 'empty' }}
      onFinish={create}
    >
      <Form.Item name="name" label={t('journey.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input placeholder={t('journey.namePlaceholder')} maxLength={200} data-testid="journey-name" />
      </Form.Item>
      <Form.Item name="description" label={t('journey.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="starter" label={t('journey.starter')}>
        <Radio.Group className="starter-choice">
          {STARTERS.map((starter) => (
            <Radio key={starter} value={starter} data-testid={`starter-${starter}`}>
              <strong>{t(`journey.starter.${starter}`)}</strong>
              <div className="muted small">{t(`journey.starter.${starter}.hint`)}</div>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </FormDialog>
  );
}

/** Every journey with its status and version; marketers start new ones from a shape. */
export default function JourneysPage() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi((signal) => journeysApi.list(signal), []);

  const columns: TableColumnsType<Journey> = [
    {
      title: t('journey.name'),
      key: 'name',
      render: (_, journey) => (
        <div className="segment-name-cell">
          <Link to={`/journeys/${journey.id}`} data-testid="journey-link">
            {journey.name}
          </Link>
          {journey.description && <span className="segment-summary">{journey.description}</span>}
        </div>
      ),
    },
    { title: t('journey.status'), dataIndex: 'status', width: 130, render: (_, journey) => <JourneyStatusTag status={journey.status} /> },
    {
      title: t('journey.version'),
      dataIndex: 'version',
      width: 140,
      align: 'right',
      render: (version?: number) => (version ? <Tag color="blue">v{version}</Tag> : <span className="muted">{t('journey.unpublished')}</span>),
    },
    { title: t('segment.createdBy'), dataIndex: 'createdBy', width: 130 },
    {
      title: t('segment.updatedAt'),
      dataIndex: 'updatedAt',
      width: 180,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (at: string) => format.dateTime(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.journeys')}
        subtitle={t('journey.listSubtitle')}
        extra={
          can('journeys:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="journey-new">
              {t('journey.new')}
            </Button>
          )
        }
      />
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <Card variant="borderless" className="table-card">
        <ListTable<Journey>
          size="large"
          columns={columns}
          rows={data ?? []}
          loading={loading}
          paged
          rowTestId="journey-row"
          onOpen={(journey) => navigate(`/journeys/${journey.id}`)}
          empty={t('journey.empty')}
          data-testid="journeys-table"
        />
      </Card>
      <CreateDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
