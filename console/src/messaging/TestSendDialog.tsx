import { Alert, Form, Input } from 'antd';
import { FormDialog } from '../shared/components/FormDialog';
import { useSubmission } from '../shared/hooks/useSubmission';
import type { MessageKey } from '../shared/i18n/en';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi, type Draft, type TestResult } from './api';
import { CustomerPicker } from './CustomerPicker';
import { useState } from 'react';

interface TestSendForm {
  to: string;
  customerId?: number;
}

interface TestSendDialogProps {
  open: boolean;
  templateId: number;
  /** The template's channel: an SMS test goes to a phone number. */
  channel: string;
  /** The editor's parts as they stand, saved or not. */
  draft: Draft;
  /** The customer the preview shows, rendered for by default. */
  customerId?: number;
  onClose: () => void;
}

/** Where a test of each channel goes, and how the address is checked before it is sent. */
const TO: Record<string, { hint: MessageKey; invalid: MessageKey; placeholder: string; email?: boolean; pattern?: RegExp }> = {
  email: { hint: 'testSend.toHint', invalid: 'testSend.invalidAddress', placeholder: 'operator@brand.example', email: true },
  sms: { hint: 'testSend.toPhoneHint', invalid: 'testSend.invalidPhone', placeholder: '+8613812345678', pattern: /^\+?[0-9 -]{7,20}$/ },
  wechat_subscribe: { hint: 'testSend.toOpenidHint', invalid: 'testSend.invalidOpenid', placeholder: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', pattern: /^[A-Za-z0-9_-]{10,64}$/ },
  wechat_template: { hint: 'testSend.toOpenidHint', invalid: 'testSend.invalidOpenid', placeholder: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', pattern: /^[A-Za-z0-9_-]{10,64}$/ },
  push: { hint: 'testSend.toRegistrationIdHint', invalid: 'testSend.invalidRegistrationId', placeholder: '1a0018970af2a4e5b6c', pattern: /^[A-Za-z0-9]{10,64}$/ },
  wecom: { hint: 'testSend.toWecomHint', invalid: 'testSend.invalidWecom', placeholder: 'wmAJ2GCAAAXtWyujaWJHDDGi0mACAAAA', pattern: /^[A-Za-z0-9_-]{10,64}$/ },
  inbox: { hint: 'testSend.toCustomerHint', invalid: 'testSend.invalidCustomer', placeholder: '1024', pattern: /^[1-9][0-9]{0,17}$/ },
};

/** Sends the editor's draft to an address the operator gives, marked [TEST], and says what the provider answered. */
export function TestSendDialog({ open, templateId, channel, draft, customerId, onClose }: TestSendDialogProps) {
  const sms = channel === 'sms';
  const to = TO[channel] ?? TO.email;
  const { t } = useI18n();
  const [form] = Form.useForm<TestSendForm>();
  const [result, setResult] = useState<TestResult>();
  const submission = useSubmission({ resetOn: open });

  const send = (values: TestSendForm) => {
    setResult(undefined);
    return submission.submit(() => messagingApi.testSend(templateId, values.to.trim(), values.customerId, draft), {
      onSuccess: setResult,
    });
  };
  const close = () => {
    setResult(undefined);
    onClose();
  };

  return (
    <FormDialog<TestSendForm>
      open={open}
      title={t('testSend.title')}
      okText={t('testSend.send')}
      okTestId="test-send-submit"
      submission={submission}
      onCancel={close}
      form={form}
      name="test-send"
      initialValues={{ customerId }}
      onFinish={send}
    >
      <Form.Item
        name="to"
        label={t('testSend.to')}
        extra={t(to.hint)}
        rules={[{ required: true, message: t('form.required') }, to.email ? { type: 'email', message: t(to.invalid) } : { pattern: to.pattern, message: t(to.invalid) }]}
        validateStatus={submission.fieldError('to') ? 'error' : undefined}
        help={submission.fieldError('to')}
      >
        {sms ? (
          <Input type="tel" autoComplete="tel" placeholder="+8613812345678" data-testid="test-send-to" />
        ) : (
          <Input type={to.email ? 'email' : 'text'} autoComplete={to.email ? 'email' : 'off'} placeholder={to.placeholder} data-testid="test-send-to" />
        )}
      </Form.Item>
      <Form.Item name="customerId" label={t('testSend.customer')} extra={t('testSend.customerHint')}>
        <CustomerPicker testId="test-send-customer" />
      </Form.Item>
      {result && (
        <Alert
          type={result.status === 'SENT' ? 'success' : result.status === 'RETRY' || result.status === 'DEFERRED' ? 'warning' : 'error'}
          showIcon
          data-testid="test-send-result"
          data-status={result.status}
          title={t(result.status === 'SENT' ? (result.provider === 'sandbox' ? 'testSend.sentSandbox' : 'testSend.sent') : result.status === 'RETRY' || result.status === 'DEFERRED' ? 'testSend.retry' : 'testSend.rejected', {
            provider: result.provider,
          })}
          description={result.detail}
        />
      )}
    </FormDialog>
  );
}
