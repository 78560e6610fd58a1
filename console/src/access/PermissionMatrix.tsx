import { CheckCircleFilled, MinusOutlined } from '@ant-design/icons';
import { Card, Tooltip, type TableColumnsType } from 'antd';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useI18n } from '../shared/i18n/I18nProvider';
import { permissionLabel, roleLabel } from '../shared/labels';
import { accessApi, type PermissionDescription, type RolePermissions } from './api';
import { ListTable } from '../shared/components/ListTable';

interface Matrix {
  roles: RolePermissions[];
  permissions: PermissionDescription[];
}

async function loadMatrix(signal: AbortSignal): Promise<Matrix> {
  const [roles, permissions] = await Promise.all([accessApi.roles(signal), accessApi.permissions(signal)]);
  return { roles, permissions };
}

/** Which role may do what, as the server defines it: permissions down, roles across. */
export function PermissionMatrix() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi(loadMatrix, []);
  const granted = new Map((data?.roles ?? []).map((role) => [role.role, new Set(role.permissions.map((p) => p.authority))]));

  const columns: TableColumnsType<PermissionDescription> = [
    {
      title: t('permission.title'),
      dataIndex: 'authority',
      fixed: 'left',
      width: 260,
      render: (authority: string, permission) => (
        <Tooltip title={permission.description} placement="right">
          <div className="permission-cell">
            <span>{permissionLabel(t, authority)}</span>
            <span className="mono muted small">{authority}</span>
          </div>
        </Tooltip>
      ),
    },
    ...(data?.roles ?? []).map((role) => ({
      title: roleLabel(t, role.role),
      key: role.role,
      align: 'center' as const,
      width: 120,
      render: (_: unknown, permission: PermissionDescription) =>
        granted.get(role.role)?.has(permission.authority) ? (
          <CheckCircleFilled className="granted" aria-label={t('permission.granted')} />
        ) : (
          <MinusOutlined className="not-granted" aria-label={t('permission.notGranted')} />
        ),
    })),
  ];

  return (
    <Card variant="borderless" className="table-card" title={t('permission.matrix')} data-testid="permission-matrix">
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <ListTable<PermissionDescription>
        rowKey="authority"
        size="middle"
        columns={columns}
        rows={data?.permissions ?? []}
        loading={loading}
        scroll={{ x: 260 + 120 * (data?.roles.length ?? 5) }}
      />
    </Card>
  );
}
