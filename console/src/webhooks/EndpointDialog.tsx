import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { FormDialog } from '../shared/components/FormDialog';
import type { Submission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';

/** The form of a new endpoint and of a change to one. */
export interface EndpointForm {
  name: string;
  url: string;
  enabled?: boolean;
}

interface EndpointDialogProps {
  open: boolean;
  title: string;
  okText: string;
  okTestId: string;
  submission: Submission;
  onCancel: () => void;
  initialValues: Partial<EndpointForm>;
  onFinish: (values: EndpointForm) => void;
  /** Fields after the name and the URL. */
  children?: ReactNode;
}

/** The dialog that registers an endpoint or changes one: its name and URL, with the server's verdict on each. */
export function EndpointDialog({ submission, children, ...dialog }: EndpointDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<EndpointForm>();
  return (
    <FormDialog<EndpointForm> {...dialog} submission={submission} form={form} name="webhook" preserve={false}>
      <Form.Item
        name="name"
        label={t('webhooks.name')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        validateStatus={submission.fieldError('name') ? 'error' : undefined}
        help={submission.fieldError('name')}
      >
        <Input maxLength={120} autoFocus placeholder={t('webhooks.namePlaceholder')} data-testid="webhook-name" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('webhooks.url')}
        extra={t('webhooks.urlHint')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        validateStatus={submission.fieldError('url') ? 'error' : undefined}
        help={submission.fieldError('url')}
      >
        <Input maxLength={2000} placeholder="https://shop.example.com/hooks/siyu" data-testid="webhook-url" />
      </Form.Item>
      {children}
    </FormDialog>
  );
}
