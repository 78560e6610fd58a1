import { Alert, Form, Input } from 'antd';
import { FormDialog } from '../shared/components/FormDialog';
import { useSubmission } from '../shared/hooks/useSubmission';
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
  /** The editor's parts as they stand, saved or not. */
  draft: Draft;
  /** The customer the preview shows, rendered for by default. */
  customerId?: number;
  onClose: () => void;
}

/** Sends the editor's draft to an address the operator gives, marked [TEST], and says what the provider answered. */
export function TestSendDialog({ open, templateId, draft, customerId, onClose }: TestSendDialogProps) {
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
        extra={t('testSend.toHint')}
        rules={[
          { required: true, message: t('form.required') },
          { type: 'email', message: t('testSend.invalidAddress') },
        ]}
        validateStatus={submission.fieldError('to') ? 'error' : undefined}
        help={submission.fieldError('to')}
      >
        <Input type="email" autoComplete="email" placeholder="operator@brand.example" data-testid="test-send-to" />
      </Form.Item>
      <Form.Item name="customerId" label={t('testSend.customer')} extra={t('testSend.customerHint')}>
        <CustomerPicker testId="test-send-customer" />
      </Form.Item>
      {result && (
        <Alert
          type={result.status === 'SENT' ? 'success' : result.status === 'RETRY' ? 'warning' : 'error'}
          showIcon
          data-testid="test-send-result"
          data-status={result.status}
          title={t(result.status === 'SENT' ? (result.provider === 'sandbox' ? 'testSend.sentSandbox' : 'testSend.sent') : result.status === 'RETRY' ? 'testSend.retry' : 'testSend.rejected', {
            provider: result.provider,
          })}
          description={result.detail}
        />
      )}
    </FormDialog>
  );
}
