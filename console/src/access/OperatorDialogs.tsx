import { Form, Input, Select, Switch } from 'antd';
import { FormDialog } from '../shared/components/FormDialog';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n, type Translate } from '../shared/i18n/I18nProvider';
import { roleLabel } from '../shared/labels';
import { accessApi, type NewOperator, type Operator, type OperatorChange } from './api';
import { ROLES, type Role } from './permissions';

/** The server's rule for operators' passwords. */
export const MINIMUM_PASSWORD_LENGTH = 10;

function roleOptions(t: Translate) {
  return ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

function PasswordFields({ t }: { t: Translate }) {
  return (
    <>
      <Form.Item
        name="password"
        label={t('operator.password')}
        extra={t('operator.passwordHint', { count: MINIMUM_PASSWORD_LENGTH })}
        rules={[
          { required: true, message: t('form.required') },
          { min: MINIMUM_PASSWORD_LENGTH, message: t('operator.passwordRule', { count: MINIMUM_PASSWORD_LENGTH }) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="operator-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('operator.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue('password')) {
                throw new Error(t('operator.passwordMismatch'));
              }
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="operator-password-confirm" />
      </Form.Item>
    </>
  );
}

interface CreateOperatorDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (operator: Operator) => void;
}

export function CreateOperatorDialog({ open, onClose, onCreated }: CreateOperatorDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Required<NewOperator> & { confirm: string }>();
  const submission = useSubmission({ resetOn: open });

  return (
    <FormDialog
      open={open}
      title={t('operators.create')}
      okText={t('action.create')}
      okTestId="create-submit"
      submission={submission}
      onCancel={onClose}
      form={form}
      name="create-operator"
      initialValues={{ role: 'MARKETER' satisfies Role }}
      onFinish={({ username, displayName, role, password }) =>
        void submission.submit(
          () => accessApi.createOperator({ username: username.trim(), displayName: displayName.trim(), role, password }),
          { onSuccess: onCreated },
        )
      }
    >
      <Form.Item
        name="username"
        label={t('operator.username')}
        extra={t('operator.usernameHint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required') },
          { pattern: /^[A-Za-z0-9._-]+$/, message: t('operator.usernameRule') },
        ]}
      >
        <Input autoComplete="off" maxLength={64} data-testid="operator-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('operator.displayName')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input maxLength={100} data-testid="operator-display-name" />
      </Form.Item>
      <Form.Item name="role" label={t('operator.role')} rules={[{ required: true }]}>
        <Select options={roleOptions(t)} data-testid="operator-role" />
      </Form.Item>
      <PasswordFields t={t} />
    </FormDialog>
  );
}

interface EditOperatorDialogProps {
  operator: Operator | undefined;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (operator: Operator) => void;
}

export function EditOperatorDialog({ operator, isSelf, onClose, onSaved }: EditOperatorDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Required<OperatorChange>>();
  const submission = useSubmission({ resetOn: operator });

  return (
    <FormDialog
      open={Boolean(operator)}
      title={t('operators.edit', { name: operator?.username ?? '' })}
      okText={t('action.save')}
      okTestId="save-operator"
      submission={submission}
      onCancel={onClose}
      form={form}
      formKey={operator?.id}
      name="edit-operator"
      initialValues={operator ? { displayName: operator.displayName, role: operator.role, disabled: operator.disabled } : undefined}
      onFinish={(values) => {
        if (!operator) {
          return;
        }
        // only what changed, so that a PATCH does not fight a change made meanwhile by someone else
        const change: OperatorChange = {};
        if (values.displayName.trim() !== operator.displayName) change.displayName = values.displayName.trim();
        if (values.role !== operator.role) change.role = values.role;
        if (values.disabled !== operator.disabled) change.disabled = values.disabled;
        if (Object.keys(change).length === 0) {
          onClose();
          return;
        }
        void submission.submit(() => accessApi.changeOperator(operator.id, change), { onSuccess: onSaved });
      }}
    >
      <Form.Item name="displayName" label={t('operator.displayName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="role" label={t('operator.role')} extra={isSelf ? t('operators.selfRoleHint') : undefined}>
        <Select options={roleOptions(t)} disabled={isSelf} />
      </Form.Item>
      <Form.Item
        name="disabled"
        label={t('operator.disabled')}
        valuePropName="checked"
        extra={isSelf ? t('operators.selfDisableHint') : t('operators.disableHint')}
      >
        <Switch disabled={isSelf} data-testid="operator-disabled" />
      </Form.Item>
    </FormDialog>
  );
}

interface ResetPasswordDialogProps {
  operator: Operator | undefined;
  onClose: () => void;
  onDone: (operator: Operator) => void;
}

export function ResetPasswordDialog({ operator, onClose, onDone }: ResetPasswordDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const submission = useSubmission({ resetOn: operator });

  return (
    <FormDialog
      open={Boolean(operator)}
      title={t('operators.resetPasswordOf', { name: operator?.username ?? '' })}
      okText={t('operators.resetPassword')}
      okTestId="save-password"
      submission={submission}
      onCancel={onClose}
      form={form}
      formKey={operator?.id}
      name="reset-password"
      onFinish={({ password }) => {
        if (operator) {
          void submission.submit(() => accessApi.resetPassword(operator.id, password), { onSuccess: () => onDone(operator) });
        }
      }}
    >
      <PasswordFields t={t} />
    </FormDialog>
  );
}
