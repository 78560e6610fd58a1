import { InboxOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Radio, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { ApiError, type FieldError } from '../shared/api/client';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useSubmission } from '../shared/hooks/useSubmission';
import type { MessageKey } from '../shared/i18n/en';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { channelLabel } from '../shared/labels';
import { CHANNELS, messagingApi, PURPOSES, type Draft, type TemplateDetail, type TemplatePurpose, type TemplateVersion } from './api';
import { purposeLabel } from './labels';
import { formatParameters, parseParameters, wordingParameters } from './smsParameters';
import { TemplatePreview } from './TemplatePreview';
import { TemplateVersions, VariablesHelp } from './TemplateHelp';
import { TestSendDialog } from './TestSendDialog';

/** What a marketing template promises, per channel; the other channels share one explanation. */
const MARKETING_EXPLAIN: Partial<Record<string, MessageKey>> = {
  email: 'template.marketingExplain',
  sms: 'template.marketingExplainSms',
  push: 'template.marketingExplainPush',
  wecom: 'template.marketingExplainWecom',
};

/** The hint under a template's text, per channel; e-mail's is the default. */
const TEXT_HINT: Partial<Record<string, MessageKey>> = {
  wechat_subscribe: 'template.wechatWordingHint',
  wechat_template: 'template.wechatWordingHint',
  sms: 'template.smsWordingHint',
  inbox: 'template.inboxTextHint',
  push: 'template.pushTextHint',
  wecom: 'template.wecomTextHint',
};

/** What the editor holds: the template's settings and its parts, as typed (for SMS, the provider's template too). */
export interface Edited {
  key: string;
  name: string;
  channel: string;
  purpose: TemplatePurpose;
  subject: string;
  html: string;
  text: string;
  templateCode: string;
  signName: string;
  /** One parameter per line, `name = Handlebars template` (an SMS template's parameters, a WeChat template's keys). */
  parameters: string;
  /** A WeChat template's id in the mini-program's or official account's back office. */
  wechatTemplateId: string;
  /** The mini-program page a WeChat message opens. */
  page: string;
  /** The address an inbox or official-account message opens. */
  link: string;
}

const STARTER: Edited = {
  key: '',
  name: '',
  channel: 'email',
  purpose: 'marketing',
  subject: '',
  html: '',
  text: '',
  templateCode: '',
  signName: '',
  parameters: '',
  wechatTemplateId: '',
  page: '',
  link: '',
};

type Parts = Pick<
  Edited,
  'subject' | 'html' | 'text' | 'templateCode' | 'signName' | 'parameters' | 'wechatTemplateId' | 'page' | 'link'
>;

/** A saved version's parts as the editor holds them. */
function partsOf(content: TemplateVersion['content']): Parts {
  return {
    subject: content.subject,
    html: content.html ?? '',
    text: content.text,
    templateCode: content.sms?.templateCode ?? '',
    signName: content.sms?.signName ?? '',
    parameters: formatParameters(content.sms?.parameters ?? content.wechat?.parameters),
    wechatTemplateId: content.wechat?.templateId ?? '',
    page: content.wechat?.page ?? '',
    link: content.link ?? '',
  };
}

/** Whether a message of a channel opens a link of its own (a web address or a path in the shop's app). */
export const opensLink = (channel: string) => channel === 'inbox' || channel === 'push' || channel === 'wechat_template';

/** Whether a channel sends a template picked in WeChat's back office. */
export const isWechat = (channel: string) => channel === 'wechat_subscribe' || channel === 'wechat_template';

function edited(detail: TemplateDetail): Edited {
  const { template, current } = detail;
  return {
    key: template.key,
    name: template.name,
    channel: template.channel,
    purpose: template.purpose,
    ...partsOf(current.content),
  };
}

export function draftOf(values: Edited): Draft {
  if (values.channel === 'sms') {
    return {
      subject: values.subject,
      text: values.text,
      sms: {
        templateCode: values.templateCode.trim(),
        signName: values.signName.trim() || undefined,
        parameters: parseParameters(values.parameters),
      },
    };
  }
  if (isWechat(values.channel)) {
    return {
      subject: values.subject,
      text: values.text,
      link: values.channel === 'wechat_template' && values.link.trim() ? values.link.trim() : undefined,
      wechat: {
        templateId: values.wechatTemplateId.trim(),
        page: values.page.trim() || undefined,
        parameters: parseParameters(values.parameters),
      },
    };
  }
  return {
    subject: values.subject,
    html: values.channel !== 'push' && values.channel !== 'wecom' && values.html.trim() ? values.html : undefined,
    text: values.text,
    link: opensLink(values.channel) && values.link.trim() ? values.link.trim() : undefined,
  };
}

/** The rules a failed call names, by field: those of a refused save, or of a draft the preview could not render. */
function fieldErrors(failure: unknown): FieldError[] {
  return failure instanceof ApiError ? (failure.problem.errors ?? []) : [];
}

/**
 * The first rule broken by a field, as "rule: detail"; a draft's parts may be named with or without `draft.`, and an
 * SMS template's parameters each by its name (`sms.parameters.name`).
 */
function errorOf(errors: FieldError[], field: string): string | undefined {
  const error = errors.find((entry) =>
    [field, `draft.${field}`].some((name) => entry.field === name || entry.field.startsWith(`${name}.`)),
  );
  if (!error) {
    return undefined;
  }
  const message = error.rule ? `${error.rule}: ${error.detail}` : error.detail;
  const part = error.field.slice(error.field.indexOf(field) + field.length + 1);
  return part ? `${part} — ${message}` : message;
}

/** Where the server names each of the editor's fields. */
const SERVER_FIELDS: Record<keyof Edited, string> = {
  key: 'key',
  name: 'name',
  channel: 'channel',
  purpose: 'purpose',
  subject: 'subject',
  html: 'html',
  text: 'text',
  templateCode: 'sms.templateCode',
  signName: 'sms.signName',
  parameters: 'sms.parameters',
  wechatTemplateId: 'wechat.templateId',
  page: 'wechat.page',
  link: 'link',
};
const PLACED = new Set([...Object.values(SERVER_FIELDS), 'wechat.parameters']);

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
  const unplaced =
    submission.failure !== undefined &&
    !saveErrors.some(
      (error) =>
        PLACED.has(error.field) || /^(sms|wechat)\.parameters\./.test(error.field) || error.field === 'sms' || error.field === 'wechat',
    );
  const sms = values.channel === 'sms';
  const wechat = isWechat(values.channel);
  const provided = sms || wechat;

  const set = <K extends keyof Edited>(field: K, value: Edited[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    submission.clear();
  };

  /** A part written as a template: monospaced, unchecked for spelling, growing with what is typed. */
  const codeArea = (field: 'parameters' | 'html' | 'text', minRows: number, maxRows: number, testId: string, placeholder?: string) => (
    <Input.TextArea
      className="code-input"
      value={values[field]}
      autoSize={{ minRows, maxRows }}
      spellCheck={false}
      placeholder={placeholder}
      onChange={(event) => set(field, event.target.value)}
      data-testid={testId}
    />
  );

  const item = (field: keyof Edited) => {
    const error = errorOf(errors, field === 'parameters' && wechat ? 'wechat.parameters' : SERVER_FIELDS[field]);
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
                title={t(
                  values.purpose !== 'marketing'
                    ? 'template.transactionalExplain'
                    : (MARKETING_EXPLAIN[values.channel] ?? 'template.marketingExplainOther'),
                )}
              />
              {sms && (
                <>
                  <Alert className="form-alert" type="info" showIcon title={t('template.smsExplain')} />
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('template.smsCode')} required extra={t('template.smsCodeHint')} {...item('templateCode')}>
                        <Input
                          className="mono"
                          value={values.templateCode}
                          maxLength={30}
                          placeholder="SMS_154950909"
                          onChange={(event) => set('templateCode', event.target.value)}
                          data-testid="template-sms-code"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('template.smsSign')} extra={t('template.smsSignHint')} {...item('signName')}>
                        <Input
                          value={values.signName}
                          maxLength={12}
                          placeholder="思语商城"
                          onChange={(event) => set('signName', event.target.value)}
                          data-testid="template-sms-sign"
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </>
              )}
              {wechat && (
                <>
                  <Alert
                    className="form-alert"
                    type="info"
                    showIcon
                    title={t(values.channel === 'wechat_subscribe' ? 'template.wechatSubscribeExplain' : 'template.wechatTemplateExplain')}
                  />
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('template.wechatTemplateId')} required extra={t('template.wechatTemplateIdHint')} {...item('wechatTemplateId')}>
                        <Input
                          className="mono"
                          value={values.wechatTemplateId}
                          maxLength={64}
                          placeholder="bDmywsp2oEHjwAadTGKkUHpC0RgBVPvfAIkCyLnj2kI"
                          onChange={(event) => set('wechatTemplateId', event.target.value)}
                          data-testid="template-wechat-id"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('template.wechatPage')} extra={t('template.wechatPageHint')} {...item('page')}>
                        <Input
                          className="mono"
                          value={values.page}
                          placeholder="pages/order/detail?id={{data.orderId}}"
                          onChange={(event) => set('page', event.target.value)}
                          data-testid="template-wechat-page"
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </>
              )}
              <Form.Item
                label={t(values.channel === 'inbox' || values.channel === 'push' ? 'template.inboxTitle' : 'message.subject')}
                required={!provided}
                extra={provided ? t(wechat ? 'template.wechatSubjectHint' : 'template.smsSubjectHint') : undefined}
                {...item('subject')}
              >
                <Input
                  value={values.subject}
                  maxLength={500}
                  placeholder={t('template.subjectPlaceholder')}
                  onChange={(event) => set('subject', event.target.value)}
                  data-testid="template-subject"
                />
              </Form.Item>
              {provided && (
                <Form.Item
                  label={t(wechat ? 'template.wechatKeys' : 'template.smsParameters')}
                  extra={t(wechat ? 'template.wechatKeysHint' : 'template.smsParametersHint', {
                    names: wordingParameters(values.text).join(', ') || '—',
                  })}
                  {...item('parameters')}
                >
                  {codeArea(
                    'parameters',
                    3,
                    12,
                    'template-sms-parameters',
                    wechat ? 'thing1 = {{data.product}}' : 'name = {{customer.first_name}}',
                  )}
                </Form.Item>
              )}
              <Form.Item label={t('template.html')} extra={t('template.htmlHint')} {...item('html')} hidden={provided || values.channel === 'push' || values.channel === 'wecom'}>
                {codeArea('html', 10, 28, 'template-html', '<p>{{customer.first_name}}, …</p>')}
              </Form.Item>
              <Form.Item
                label={t(provided ? 'template.smsWording' : 'template.text')}
                required
                extra={t(TEXT_HINT[values.channel] ?? 'template.textHint')}
                {...item('text')}
                style={{ marginBottom: 0 }}
              >
                {codeArea('text', 5, 16, 'template-text')}
              </Form.Item>
              {opensLink(values.channel) && (
                <Form.Item label={t('template.link')} style={{ marginTop: 24, marginBottom: 0 }} extra={t('template.linkHint')} {...item('link')}>
                  <Input
                    className="mono"
                    value={values.link}
                    placeholder="https://shop.example.com/orders/{{data.orderId}}"
                    onChange={(event) => set('link', event.target.value)}
                    data-testid="template-link"
                  />
                </Form.Item>
              )}
            </Form>
          </Card>
          {template && (
            <TemplateVersions
              templateId={template.id}
              version={template.version}
              onLoad={
                writable
                  ? (content) => setValues((current) => ({ ...current, ...partsOf(content) }))
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
          channel={template.channel}
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
