import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import type { Key, ReactNode } from 'react';
import type { Submission } from '../hooks/useSubmission';
import { useI18n } from '../i18n/I18nProvider';
import { ProblemAlert } from './ProblemAlert';
import { testProps } from './testProps';

type FormDialogProps<V> = Pick<FormProps<V>, 'name' | 'initialValues' | 'onFinish' | 'preserve'> & {
  open: boolean;
  title: string;
  /** The label of the button that submits the form. */
  okText: string;
  okTestId: string;
  /** The form's call to the server: its button waits while it runs, and why it failed stands above the form. */
  submission: Pick<Submission, 'submitting' | 'failure'>;
  onCancel: () => void;
  form: FormInstance<V>;
  /** A new key starts the form afresh, as for another record. */
  formKey?: Key;
  /** The form's fields. */
  children: ReactNode;
};

/** A dialog holding one form: its fields, submit and cancel buttons, and the problem the last submission ran into. */
export function FormDialog<V>({ open, title, okText, okTestId, submission, onCancel, form, formKey, children, ...formProps }: FormDialogProps<V>) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('action.cancel')}
      confirmLoading={submission.submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={testProps(okTestId)}
      destroyOnHidden
    >
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      <Form<V> key={formKey} form={form} layout="vertical" {...formProps}>
        {children}
      </Form>
    </Modal>
  );
}
