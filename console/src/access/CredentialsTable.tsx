import { Button, Popconfirm, Tag, Tooltip, type TableColumnsType } from 'antd';
import { testProps } from '../shared/components/testProps';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { roleLabel, writeKeyScopeLabel } from '../shared/labels';
import type { WriteKey } from './api';
import { ListTable } from '../shared/components/ListTable';

interface CredentialsTableProps<T extends WriteKey> {
  credentials: T[];
  loading: boolean;
  showRole?: boolean;
  showScope?: boolean;
  revoking: number | undefined;
  onRevoke: (credential: T) => void;
  emptyText: string;
  testId: string;
}

/** Write keys or API tokens: who made them, when they were last used, and a way to revoke them. */
export function CredentialsTable<T extends WriteKey>({
  credentials,
  loading,
  showRole = false,
  showScope = false,
  revoking,
  onRevoke,
  emptyText,
  testId,
}: CredentialsTableProps<T>) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<T> = [
    { title: t('credential.name'), dataIndex: 'name', width: 180, render: (name: string) => <strong>{name}</strong> },
    { title: t('credential.prefix'), dataIndex: 'prefix', width: 150, render: (prefix: string) => <span className="mono">{prefix}</span> },
    ...(showRole
      ? [
          {
            title: t('credential.role'),
            dataIndex: 'role',
            width: 130,
            render: (_: unknown, credential: T) =>
              'role' in credential ? <Tag variant="filled">{roleLabel(t, String(credential.role))}</Tag> : '—',
          },
        ]
      : []),
    ...(showScope
      ? [
          {
            title: t('writeKeys.scope'),
            dataIndex: 'scope',
            width: 120,
            render: (_: unknown, credential: T) => (
              <Tag color={credential.scope === 'server' ? 'purple' : 'blue'} variant="filled" data-testid="write-key-scope">
                {writeKeyScopeLabel(t, credential.scope)}
              </Tag>
            ),
          },
        ]
      : []),
    { title: t('credential.createdBy'), dataIndex: 'createdBy', width: 130 },
    { title: t('credential.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => format.dateTime(at) },
    {
      title: t('credential.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 140,
      render: (at?: string) =>
        at ? (
          <Tooltip title={format.dateTime(at)}>
            <span>{format.relative(at)}</span>
          </Tooltip>
        ) : (
          <span className="muted">{t('credential.neverUsed')}</span>
        ),
    },
    {
      title: t('credential.status'),
      dataIndex: 'revokedAt',
      width: 190,
      render: (revokedAt?: string) =>
        revokedAt ? (
          <Tag color="red" variant="filled">
            {t('credential.revokedAt', { time: format.dateTime(revokedAt) })}
          </Tag>
        ) : (
          <Tag color="green" variant="filled">
            {t('credential.active')}
          </Tag>
        ),
    },
    {
      title: t('table.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, credential: T) =>
        credential.revokedAt ? null : (
          <Popconfirm
            title={t('credential.revokeTitle', { name: credential.name })}
            description={t('credential.revokeWarning')}
            okText={t('credential.revoke')}
            okButtonProps={{ danger: true, ...testProps('confirm-revoke') }}
            cancelText={t('action.cancel')}
            onConfirm={() => onRevoke(credential)}
          >
            <Button type="link" danger size="small" loading={revoking === credential.id} data-testid="revoke">
              {t('credential.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <ListTable<T>
      columns={columns}
      rows={credentials}
      loading={loading}
      size="middle"
      scroll={{ x: showRole || showScope ? 1180 : 1050 }}
      rowClassName={(credential) => (credential.revokedAt ? 'revoked-row' : '')}
      rowTestId={testId}
      empty={emptyText}
    />
  );
}
