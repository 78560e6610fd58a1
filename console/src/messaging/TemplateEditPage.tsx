import { InboxOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Radio, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { ApiError, type FieldError } from '../shared/api/client';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { channelLabel } from '../shared/labels';
import { CHANNELS, messagingApi, PURPOSES, type Draft, type TemplateDetail, type TemplatePurpose } from './api';
import { purposeLabel } from './labels';
import { TemplatePreview } from './TemplatePreview';
import { TemplateVersions, VariablesHelp } from './TemplateHelp';
import { TestSendDialog } from './TestSendDialog';

/** What the editor holds: the template's settings and its three parts, as typed. */
export interface Edited {
  key: string;
  name: string;
  channel: string;
  purpose: TemplatePurpose;
  subject: string;
  html: string;
  text: string;
}

const STARTER: Edited = {
  key: '',
  name: '',
  channel: 'email',
  purpose: 'marketing',
  subject: '',
  html: '',
  text: '',
};

function edited(detail: TemplateDetail): Edited {
  const { template, current } = detail;
  return {
    key: template.key,
    name: template.name,
    channel: template.channel,
    purpose: template.purpose,
    subject: current.content.subject,
    html: current.content.html ?? '',
    text: current.content.text,
  };
}

export function draftOf(values: Edited): Draft {
  return { subject: values.subject, html: values.html.trim() ? values.html : undefined, text: values.text };
}

/** The rules a failed call names, by field: those of a refused save, or of a draft the preview could not render. */
function fieldErrors(failure: unknown): FieldError[] {
  return failure instanceof ApiError ? (failure.problem.errors ?? []) : [];
}

/** The first rule broken by a field, as "rule: detail"; a draft's parts may be named with or without `draft.`. */
function errorOf(errors: FieldError[], field: string): string | undefined {
  const error = errors.find((entry) => entry.field === field || entry.field === `draft.${field}`);
  return error && (error.rule ? `${error.rule}: ${error.detail}` : error.detail);
}

const FIELDS: (keyof Edited)[] = ['key', 'name', 'channel', 'purpose', 'subject', 'html', 'text'];

function Editor({ detail, onSaved }: { detail?: TemplateDetail; onSaved: (saved: TemplateDetail) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { can } = useSession();
  const [values, setValues] = useState<Edited>(() => (detail ? edited(detail) : STARTER));
  const [previewErrors, setPreviewErrors] = useState<FieldError[]>([]);
  const [testing, setTesting] = useState(false);
  const [previewCustomer, setPreviewCustomer] = useState<number>();
  const submission = useSubmission();
  const archiving = useSubmission();
  const template = detail?.template;
  const archived = Boolean(template?.archivedAt);
  const writable = can('templates:write') && !archived;
  const draft = useMemo(() => draftOf(values), [values]);

  const saveErrors = fieldErrors(submission.failure);
  const errors = saveErrors.length > 0 ? saveErrors : previewErrors;
  const unplaced = submission.failure !== undefined && !saveErrors.some((error) => FIELDS.includes(error.field as keyof Edited));

  const set = <K extends keyof Edited>(field: K, value: Edited[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    submission.clear();
  };

  const item = (field: keyof Edited) => {
    const error = errorOf(errors, field);
    return {
      validateStatus: error ? ('error' as const) : undefined,
      help: error ? <span data-testid="template-field-error" data-field={field}>{error}</span> : undefined,
    };
  };

  const save = () => {
    const request = {
      key: template ? undefined : values.key.trim(),
      channel: template ? undefined : values.channel,
      name: values.name.trim(),
      purpose: values.purpose,
      ...draft,
    };
    return submission.submit(
      () => (template ? messagingApi.saveTemplate(template.id, request) : messagingApi.createTemplate(request)),
      {
        success: (saved) => t(template ? 'template.saved' : 'template.created', { version: saved.template.version }),
        onSuccess: (saved) => {
          if (template) {
            onSaved(saved);
          } else {
            navigate(`/messaging/templates/${saved.template.id}`, { replace: true });
          }
        },
      },
    );
  };

  const archive = () =>
    template &&
    archiving.submit(() => messagingApi.archiveTemplate(template.id), {
      success: t('template.archivedDone'),
      onSuccess: (archivedTemplate) => detail && onSaved({ ...detail, template: archivedTemplate }),
    });

  const crumbs = [{ title: t('nav.messaging') }, { title: t('nav.templates'), path: '/messaging/templates' }];
  const title = template ? t('template.editTitle', { key: template.key }) : t('template.newTitle');
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[...crumbs, { title: template ? template.key : t('template.newTitle') }]}
        subtitle={template ? t('template.versionSubtitle', { version: template.version, name: template.name }) : t('template.newSubtitle')}
        extra={
          <Space wrap>
            {template && can('messages:send') && !archived && (
              <Button icon={<SendOutlined />} onClick={() => setTesting(true)} data-testid="template-test-send">
                {t('template.testSend')}
              </Button>
            )}
            {template && writable && (
              <Popconfirm
                title={t('template.archiveConfirm')}
                okText={t('template.archive')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true, loading: archiving.submitting }}
                onConfirm={archive}
              >
                <Button danger icon={<InboxOutlined />} data-testid="template-archive">
                  {t('template.archive')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => navigate('/messaging/templates')}>{t('action.back')}</Button>
            {writable || !template ? (
              <Button
                type="primary"
                loading={submission.submitting}
                onClick={save}
                disabled={!can('templates:write')}
                data-testid="template-save"
              >
                {template ? t('template.saveVersion') : t('template.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {archived && <Alert className="page-alert" type="info" showIcon title={t('template.archivedNotice')} data-testid="template-archived-notice" />}
      {archiving.failure ? <ProblemAlert error={archiving.failure} className="page-alert" /> : null}
      {unplaced && <ProblemAlert error={submission.failure} className="page-alert" />}
      <Row gutter={16} align="top">
        <Col xs={24} xl={13}>
          <Card variant="borderless" className="section-card" title={t('template.content')}>
            <Form layout="vertical" requiredMark={false} disabled={!writable && Boolean(template)} data-testid="template-form">
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('template.key')} required extra={template ? undefined : t('template.keyHint')} {...item('key')}>
                    <Input
                      className="mono"
                      value={values.key}
                      disabled={Boolean(template)}
                      maxLength={60}
                      placeholder="welcome-1"
                      onChange={(event) => set('key', event.target.value)}
                      data-testid="template-key"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('template.name')} required {...item('name')}>
                    <Input
                      value={values.name}
                      maxLength={200}
                      placeholder={t('template.namePlaceholder')}
                      onChange={(event) => set('name', event.target.value)}
                      data-testid="template-name"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('message.channel')} {...item('channel')}>
                    <Select
                      value={values.channel}
                      disabled={Boolean(template)}
                      onChange={(channel: string) => set('channel', channel)}
                      options={CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))}
                      data-testid="template-channel"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item label={t('template.purpose')} {...item('purpose')}>
                    <Radio.Group
                      value={values.purpose}
                      onChange={(event) => set('purpose', event.target.value as TemplatePurpose)}
                      optionType="button"
                      options={PURPOSES.map((purpose) => ({ value: purpose, label: purposeLabel(t, purpose) }))}
                      data-testid="template-purpose"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Alert
                className="form-alert"
                type={values.purpose === 'marketing' ? 'warning' : 'info'}
                showIcon
                title={t(values.purpose === 'marketing' ? 'template.marketingExplain' : 'template.transactionalExplain')}
              />
              <Form.Item label={t('message.subject')} required {...item('subject')}>
                <Input
                  value={values.subject}
                  maxLength={500}
                  placeholder={t('template.subjectPlaceholder')}
                  onChange={(event) => set('subject', event.target.value)}
                  data-testid="template-subject"
                />
              </Form.Item>
              <Form.Item label={t('template.html')} extra={t('template.htmlHint')} {...item('html')}>
                <Input.TextArea
                  className="code-input"
                  value={values.html}
                  autoSize={{ minRows: 10, maxRows: 28 }}
                  spellCheck={false}
                  placeholder={'<p>{{customer.first_name}}, …</p>'}
                  onChange={(event) => set('html', event.target.value)}
                  data-testid="template-html"
                />
              </Form.Item>
              <Form.Item label={t('template.text')} required extra={t('template.textHint')} {...item('text')} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  className="code-input"
                  value={values.text}
                  autoSize={{ minRows: 5, maxRows: 16 }}
                  spellCheck={false}
                  onChange={(event) => set('text', event.target.value)}
                  data-testid="template-text"
                />
              </Form.Item>
            </Form>
          </Card>
          {template && (
            <TemplateVersions
              templateId={template.id}
              version={template.version}
              onLoad={
                writable
                  ? (content) => setValues((current) => ({ ...current, subject: content.subject, html: content.html ?? '', text: content.text }))
                  : undefined
              }
            />
          )}
        </Col>
        <Col xs={24} xl={11}>
          {template ? (
            <TemplatePreview
              templateId={template.id}
              draft={draft}
              customerId={previewCustomer}
              onCustomer={setPreviewCustomer}
              onDraftErrors={setPreviewErrors}
            />
          ) : (
            <Card variant="borderless" className="section-card" title={t('template.preview')}>
              <Typography.Paragraph type="secondary" data-testid="template-preview-after-save">
                {t('template.previewAfterSave')}
              </Typography.Paragraph>
            </Card>
          )}
          <VariablesHelp />
        </Col>
      </Row>
      {template && (
        <TestSendDialog
          open={testing}
          templateId={template.id}
          draft={draft}
          customerId={previewCustomer}
          onClose={() => setTesting(false)}
        />
      )}
    </>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, reload, setData } = useApi((signal) => messagingApi.template(id, signal), [id]);
  const crumbs = [{ title: t('nav.messaging') }, { title: t('nav.templates'), path: '/messaging/templates' }];
  if (error || !data) {
    return <RecordPending kind="template" id={id} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }
  // a new version or an archive starts the editor afresh from what the server holds now
  return <Editor key={`${data.template.version}-${data.template.archivedAt ?? ''}`} detail={data} onSaved={setData} />;
}

/**
 * Creating a template (/messaging/templates/new) or changing one (/messaging/templates/:id): its parts beside a live
 * preview on a real customer, the variables it may use, its versions, a test send and archiving.
 */
export default function TemplateEditPage() {
  const { id } = useParams();
  return id ? <EditExisting key={id} id={id} /> : <Editor onSaved={() => undefined} />;
}
