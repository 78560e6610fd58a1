import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { MessageKey } from '../shared/i18n/en';
import type { ProviderSettingsRequest, ProviderView } from './api';
import { formValuesOf, requestOf, type ProviderFormValues } from './providerSettings';

/** A duration as the server takes it: a whole number and ms, s, m, h or d. */
const DURATION = /^\s*\d{1,9}(ms|s|m|h|d)\s*$/;

export interface ProviderSettingsFormProps {
  view: ProviderView;
  writable: boolean;
  submitting?: boolean;
  /** The detail of the rule the server says a field broke, by the field's name. */
  fieldError?: (field: string) => string | undefined;
  onSave: (request: ProviderSettingsRequest) => void;
  onCheck: () => void;
  onReturn: () => void;
  /** When a secret was last given, as the operator reads it. */
  formatTime?: (instant: string) => string;
}

/**
 * One channel's provider settings: its fields, each secret write-only (set or not, and since when; left empty, the one
 * in force is kept), Save, Check connection and Return to environment settings.
 */
export function ProviderSettingsForm({
  view,
  writable,
  submitting,
  fieldError,
  onSave,
  onCheck,
  onReturn,
  formatTime = (instant) => instant,
}: ProviderSettingsFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProviderFormValues>();

  useEffect(() => {
    form.setFieldsValue(formValuesOf(view));
  }, [view, form]);

  const status = (field: string) => {
    const error = fieldError?.(field);
    return error ? { validateStatus: 'error' as const, help: error } : {};
  };
  const label = (name: string) => t(`providers.field.${name}` as MessageKey);

  return (
    <Form<ProviderFormValues>
      form={form}
      layout="vertical"
      disabled={!writable}
      initialValues={formValuesOf(view)}
      onFinish={(values) => onSave(requestOf(view, values))}
      name={`provider-${view.channel}`}
      data-testid={`provider-form-${view.channel}`}
    >
      {view.unreadable && <Alert className="form-alert" type="error" showIcon title={t('providers.unreadable')} />}
      {view.form.map((field) => {
        const required = field.required ? [{ required: !field.secret, message: t('form.required') }] : [];
        if (field.secret) {
          const secret = view.secrets.find((entry) => entry.name === field.name);
          const help = secret?.set
            ? secret.changedAt
              ? t('providers.secretSetSince', { at: formatTime(secret.changedAt) })
              : t('providers.secretSet')
            : t('providers.secretNotSet');
          const length = field.minLength > 0 ? [{ min: field.minLength, message: t('providers.minLength', { count: field.minLength }) }] : [];
          return (
            <Form.Item
              key={field.name}
              name={field.name}
              label={label(field.name)}
              extra={[
                help,
                field.minLength > 0 ? t('providers.minLength', { count: field.minLength }) : null,
                callbackAddress(t, field.name, typeof window === 'undefined' ? '' : window.location.origin),
              ]
                .filter(Boolean)
                .join(' · ')}
              rules={length}
              {...status(field.name)}
            >
              <Input.Password
                autoComplete="new-password"
                placeholder={secret?.set ? t('providers.secretKeep') : undefined}
                visibilityToggle={false}
                data-testid={`provider-${view.channel}-${field.name}`}
              />
            </Form.Item>
          );
        }
        if (field.kind === 'boolean') {
          return (
            <Form.Item key={field.name} name={field.name} label={label(field.name)} valuePropName="checked" {...status(field.name)}>
              <Switch data-testid={`provider-${view.channel}-${field.name}`} />
            </Form.Item>
          );
        }
        if (field.kind === 'port') {
          return (
            <Form.Item key={field.name} name={field.name} label={label(field.name)} rules={required} {...status(field.name)}>
              <InputNumber min={1} max={65535} style={{ width: 160 }} data-testid={`provider-${view.channel}-${field.name}`} />
            </Form.Item>
          );
        }
        if (field.kind === 'choice') {
          return (
            <Form.Item key={field.name} name={field.name} label={label(field.name)} rules={required} {...status(field.name)}>
              <Select
                style={{ width: 200 }}
                options={field.choices.map((choice) => ({ value: choice, label: choice }))}
                data-testid={`provider-${view.channel}-${field.name}`}
              />
            </Form.Item>
          );
        }
        if (field.kind === 'duration') {
          return (
            <Form.Item
              key={field.name}
              name={field.name}
              label={label(field.name)}
              extra={t('providers.durationHelp', { min: field.min ?? '', max: field.max ?? '' })}
              rules={[...required, { pattern: DURATION, message: t('providers.durationInvalid') }]}
              {...status(field.name)}
            >
              <Input style={{ width: 160 }} placeholder="10s" data-testid={`provider-${view.channel}-${field.name}`} />
            </Form.Item>
          );
        }
        return (
          <Form.Item key={field.name} name={field.name} label={label(field.name)} rules={required} {...status(field.name)}>
            <Input
              placeholder={field.kind === 'url' ? 'https://' : undefined}
              data-testid={`provider-${view.channel}-${field.name}`}
            />
          </Form.Item>
        );
      })}
      {writable && (
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid={`provider-${view.channel}-save`}>
            {t('providers.save')}
          </Button>
          <Button onClick={onCheck} disabled={false} data-testid={`provider-${view.channel}-check`}>
            {t('providers.check')}
          </Button>
          {view.source === 'console' && (
            <Popconfirm title={t('providers.returnConfirm')} onConfirm={onReturn}>
              <Button danger data-testid={`provider-${view.channel}-return`}>
                {t('providers.return')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {view.updatedBy && view.updatedAt && (
        <Typography.Paragraph type="secondary" className="form-footnote">
          {t('respect.savedBy', { by: view.updatedBy, at: formatTime(view.updatedAt) })}
        </Typography.Paragraph>
      )}
    </Form>
  );
}

/** The source of a channel's settings, as a tag. */
export function SourceTag({ source, testId }: { source: string; testId?: string }) {
  const { t } = useI18n();
  const color = source === 'console' ? 'blue' : source === 'environment' ? 'default' : 'orange';
  const known = ['console', 'environment', 'sandbox'].includes(source);
  return (
    <Tag color={color} data-testid={testId} data-source={source}>
      {known ? t(`providers.source.${source}` as MessageKey) : source}
    </Tag>
  );
}

/**
 * Where a provider calls Siyu back with the token a field holds, for the administrator to give in the provider's own
 * console: WeChat's message push, the SMS receipts and replies. Null for other fields.
 */
export function callbackAddress(t: (key: MessageKey, values?: Record<string, string | number>) => string, field: string, origin: string): string | null {
  switch (field) {
    case 'pushToken':
      return t('providers.pushAddress', { address: `${origin}/t/wechat/<Token>/push` });
    case 'callbackToken':
      return t('providers.smsAddresses', { receipts: `${origin}/t/sms/<token>/receipts`, replies: `${origin}/t/sms/<token>/replies` });
    default:
      return null;
  }
}
