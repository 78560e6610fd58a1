import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import type { MessageKey } from '../shared/i18n/en';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { roleLabel } from '../shared/labels';
import { accessApi, type Operator } from './api';
import { CreateOperatorDialog, EditOperatorDialog, ResetPasswordDialog } from './OperatorDialogs';
import { PermissionMatrix } from './PermissionMatrix';
import { useSession } from './SessionProvider';

type Dialog = { kind: 'create' } | { kind: 'edit'; operator: Operator } | { kind: 'password'; operator: Operator };

export default function OperatorsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { message } = App.useApp();
  const { session } = useSession();
  const { data, error, loading, reload, setData } = useApi(accessApi.operators, []);
  const [dialog, setDialog] = useState<Dialog>();
  const unlocking = useSubmission();

  const replace = (changed: Operator) => {
    const operators = data ?? [];
    setData(
      operators.some((operator) => operator.id === changed.id)
        ? operators.map((operator) => (operator.id === changed.id ? changed : operator))
        : [...operators, changed],
    );
  };

  /** After a dialog's work: the dialog closes, the list shows the operator as it now is, and a message says what was done. */
  const finish = (done: MessageKey) => (operator: Operator) => {
    replace(operator);
    setDialog(undefined);
    void message.success(t(done, { name: operator.username }));
  };

  const unlock = (operator: Operator) =>
    unlocking.submit(() => accessApi.unlockOperator(operator.id), {
      success: t('operators.unlocked', { name: operator.username }),
      onSuccess: replace,
    });

  const columns: TableColumnsType<Operator> = [
    { title: t('operator.username'), dataIndex: 'username', width: 120, fixed: 'left', render: (name: string) => <span className="mono">{name}</span> },
    {
      title: t('operator.displayName'),
      dataIndex: 'displayName',
      width: 210,
      render: (name: string, operator) => (
        <span>
          {name}
          {operator.id === session?.id && (
            <Tag color="blue" className="self-tag">
              {t('operators.you')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('operator.role'), dataIndex: 'role', width: 120, render: (role: Operator['role']) => <Tag variant="filled">{roleLabel(t, role)}</Tag> },
    {
      title: t('operator.status'),
      key: 'status',
      width: 150,
      render: (_, operator) => (
        <Space size={4} wrap>
          {operator.disabled ? (
            <Tag color="default" variant="filled">
              {t('operator.disabled')}
            </Tag>
          ) : (
            <Tag color="green" variant="filled">
              {t('operator.active')}
            </Tag>
          )}
          {operator.signInHeldBack && (
            <Tooltip
              title={
                operator.signInHeldBackUntil ? t('operator.heldBackUntil', { time: format.dateTime(operator.signInHeldBackUntil) }) : undefined
              }
            >
              <Tag color="orange" variant="filled" data-testid="operator-held-back">
                {t('operator.heldBack')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('operator.lastSignIn'),
      dataIndex: 'lastSignInAt',
      width: 150,
      render: (at?: string) => (at ? format.dateTime(at) : <span className="muted">{t('operator.neverSignedIn')}</span>),
    },
    { title: t('operator.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => format.dateTime(at) },
    {
      title: t('table.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, operator) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', operator })} data-testid="edit-operator">
            {t('action.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', operator })} data-testid="reset-password">
            {t('operators.resetPassword')}
          </Button>
          {operator.signInHeldBack && (
            <Popconfirm
              title={t('operators.unlockTitle', { name: operator.username })}
              okText={t('operators.unlock')}
              cancelText={t('action.cancel')}
              onConfirm={() => unlock(operator)}
            >
              <Button type="link" size="small" data-testid="unlock-operator">
                {t('operators.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.operators')}
        subtitle={t('operators.subtitle')}
        breadcrumb={[{ title: t('nav.settings') }, { title: t('nav.operators') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-operator">
            {t('operators.create')}
          </Button>
        }
      />
      <Card variant="borderless" className="table-card" title={t('operators.list')}>
        {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
        {unlocking.failure ? <ProblemAlert error={unlocking.failure} className="page-alert" /> : null}
        <ListTable<Operator>
          columns={columns}
          rows={data ?? []}
          loading={loading}
          size="middle"
          scroll={{ x: 1080 }}
          rowTestId="operator-row"
          empty={t('operators.empty')}
        />
      </Card>
      <PermissionMatrix />
      <CreateOperatorDialog
        open={dialog?.kind === 'create'}
        onClose={() => setDialog(undefined)}
        onCreated={finish('operators.created')}
      />
      <EditOperatorDialog
        operator={dialog?.kind === 'edit' ? dialog.operator : undefined}
        isSelf={dialog?.kind === 'edit' && dialog.operator.id === session?.id}
        onClose={() => setDialog(undefined)}
        onSaved={finish('operators.saved')}
      />
      <ResetPasswordDialog
        operator={dialog?.kind === 'password' ? dialog.operator : undefined}
        onClose={() => setDialog(undefined)}
        onDone={finish('operators.passwordReset')}
      />
    </>
  );
}
