import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useSession } from '../access/SessionProvider';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { channelLabel } from '../shared/labels';
import { CHANNELS, messagingApi } from './api';
import { EVERY_CHANNEL, formOf, requestOf, TIME_OF_DAY, type CapRow, type RespectForm } from './respectSettings';

/**
 * The brand's quiet hours (免打扰), frequency caps and per-channel policies: when marketing waits for the customer's
 * morning, how much of it one customer may get, and whether a message they stop waits or is skipped. Everyone who may see messages sees them; operators with `respect:write` change them.
 */
export default function RespectSettingsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [form] = Form.useForm<RespectForm>();
  const settings = useApi((signal) => messagingApi.respectSettings(signal), []);
  const submission = useSubmission();
  const writable = can('respect:write');
  const data = settings.data;

  useEffect(() => {
    if (data) {
      form.setFieldsValue(formOf(data));
    }
  }, [data, form]);

  const save = (values: RespectForm) =>
    submission.submit(() => messagingApi.saveRespectSettings(requestOf(values)), {
      success: t('respect.saved'),
      onSuccess: (saved) => settings.setData(saved),
    });

  const fieldStatus = (field: string) =>
    submission.fieldError(field) ? { validateStatus: 'error' as const, help: submission.fieldError(field) } : {};
  const timeRule = { pattern: TIME_OF_DAY, message: t('respect.timeOfDay') };

  return (
    <>
      <PageHeader
        title={t('nav.respect')}
        subtitle={t('respect.subtitle')}
        breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.respect') }]}
      />
      {settings.error ? <ProblemAlert error={settings.error} onRetry={settings.reload} className="page-alert" /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <Form<RespectForm> form={form} layout="vertical" disabled={!writable} onFinish={save} initialValues={formOf(data)} name="respect">
          {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
          <Card variant="borderless" className="section-card" title={t('respect.quietHours')} data-testid="respect-quiet-hours">
            <Alert className="form-alert" type="info" showIcon title={t('respect.quietExplain')} />
            <Form.Item name="enabled" label={t('respect.quietEnabled')} valuePropName="checked">
              <Switch data-testid="respect-quiet-enabled" />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item name="start" label={t('respect.from')} rules={[{ required: true, message: t('form.required') }, timeRule]} {...fieldStatus('quietHours.start')}>
                <Input placeholder="21:00" style={{ width: 120 }} data-testid="respect-quiet-start" />
              </Form.Item>
              <Form.Item name="end" label={t('respect.until')} rules={[{ required: true, message: t('form.required') }, timeRule]} {...fieldStatus('quietHours.end')}>
                <Input placeholder="08:00" style={{ width: 120 }} data-testid="respect-quiet-end" />
              </Form.Item>
            </Space>
          </Card>
          <Card variant="borderless" className="section-card" title={t('respect.caps')} data-testid="respect-caps">
            <Alert className="form-alert" type="info" showIcon title={t('respect.capsExplain')} />
            <Form.List name="caps">
              {(rows, { add, remove }) => (
                <>
                  {rows.length === 0 && <Typography.Paragraph type="secondary">{t('respect.noCaps')}</Typography.Paragraph>}
                  {rows.map((row, index) => (
                    <Space key={row.key} align="start" wrap data-testid="respect-cap">
                      <Form.Item name={[row.name, 'limit']} label={t('respect.limit')} rules={[{ required: true, message: t('form.required') }]} {...fieldStatus(`caps[${index}].limit`)}>
                        <InputNumber min={1} max={1000} suffix={t('respect.messages')} style={{ width: 150 }} data-testid="respect-cap-limit" />
                      </Form.Item>
                      <Form.Item name={[row.name, 'windowHours']} label={t('respect.window')} rules={[{ required: true, message: t('form.required') }]} {...fieldStatus(`caps[${index}].windowHours`)}>
                        <InputNumber min={1} max={2160} suffix={t('respect.hours')} style={{ width: 150 }} data-testid="respect-cap-window" />
                      </Form.Item>
                      <Form.Item name={[row.name, 'channel']} label={t('message.channel')} {...fieldStatus(`caps[${index}].channel`)}>
                        <Select
                          style={{ width: 160 }}
                          options={[
                            { value: EVERY_CHANNEL, label: t('respect.everyChannel') },
                            ...CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) })),
                          ]}
                          data-testid="respect-cap-channel"
                        />
                      </Form.Item>
                      {writable && (
                        <Form.Item label=" ">
                          <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('respect.removeCap')} />
                        </Form.Item>
                      )}
                    </Space>
                  ))}
                  {writable && (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ limit: 2, windowHours: 24, channel: EVERY_CHANNEL } satisfies CapRow)}
                      disabled={rows.length >= 10}
                      data-testid="respect-cap-add"
                    >
                      {t('respect.addCap')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
            {submission.fieldError('caps') && <Typography.Paragraph type="danger">{submission.fieldError('caps')}</Typography.Paragraph>}
          </Card>
          <Card variant="borderless" className="section-card" title={t('respect.policies')} data-testid="respect-policies">
            <Alert className="form-alert" type="info" showIcon title={t('respect.policiesExplain')} />
            <Form.List name="policies">
              {(rows) =>
                rows.map((row, index) => (
                  <Space key={row.key} align="start" wrap data-testid="respect-policy">
                    <Form.Item label={index === 0 ? t('message.channel') : undefined}>
                      <Typography.Text strong style={{ display: 'inline-block', width: 200 }}>
                        {channelLabel(t, form.getFieldValue(['policies', row.name, 'channel']))}
                      </Typography.Text>
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'whenQuiet']}
                      style={{ width: 200 }}
                      label={index === 0 ? t('respect.whenQuiet') : undefined}
                      extra={form.getFieldValue(['policies', row.name, 'channel']) === 'inbox' ? t('respect.inboxNotHeld') : undefined}
                      {...fieldStatus(`policies[${index}].whenQuiet`)}
                    >
                      <Select
                        style={{ width: 200 }}
                        disabled={form.getFieldValue(['policies', row.name, 'channel']) === 'inbox'}
                        options={[
                          { value: 'wait', label: t('respect.waitQuiet') },
                          { value: 'skip', label: t('respect.skip') },
                        ]}
                        data-testid="respect-policy-quiet"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'whenCapped']}
                      label={index === 0 ? t('respect.whenCapped') : undefined}
                      {...fieldStatus(`policies[${index}].whenCapped`)}
                    >
                      <Select
                        style={{ width: 200 }}
                        options={[
                          { value: 'skip', label: t('respect.skip') },
                          { value: 'wait', label: t('respect.waitCap') },
                        ]}
                        data-testid="respect-policy-capped"
                      />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
          </Card>
          <Typography.Paragraph type="secondary" data-testid="respect-saved-by">
            {data.updatedAt ? t('respect.savedBy', { by: data.updatedBy ?? '—', at: format.dateTime(data.updatedAt) }) : t('respect.defaults')}
          </Typography.Paragraph>
          {writable && (
            <Button type="primary" htmlType="submit" loading={submission.submitting} data-testid="respect-save">
              {t('action.save')}
            </Button>
          )}
        </Form>
      )}
    </>
  );
}
