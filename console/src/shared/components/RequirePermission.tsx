import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../access/permissions';
import { useSession } from '../../access/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';

/** Shows a page only to operators whose role has the permission it needs; the server checks again on every call. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (!can(permission)) {
    return <Result status="403" title={t('error.forbidden')} subTitle={t('error.forbiddenPage', { permission })} />;
  }
  return children;
}
