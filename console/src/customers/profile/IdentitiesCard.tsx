import { LockOutlined } from '@ant-design/icons';
import { Tooltip, type TableColumnsType } from 'antd';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { identityLabel } from '../../shared/labels';
import type { Identity } from '../api';
import { SideTableCard } from './SideTableCard';

/** Every identifier that points at this customer; personal ones arrive masked for roles that may not see them. */
export function IdentitiesCard({ identities }: { identities: Identity[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<Identity> = [
    { title: t('identity.type'), dataIndex: 'type', width: 130, render: (type: string) => identityLabel(t, type) },
    {
      title: t('identity.value'),
      dataIndex: 'value',
      render: (value: string, identity) => (
        <span className="identity-value">
          {identity.personal && (
            <Tooltip title={t('identity.personal')}>
              <LockOutlined className="personal-lock" aria-label={t('identity.personal')} data-testid="identity-personal" />
            </Tooltip>
          )}
          <span className="mono">{value}</span>
        </span>
      ),
    },
    { title: t('identity.firstSeen'), dataIndex: 'firstSeenAt', width: 150, render: (at?: string) => format.dateTime(at) },
  ];
  return (
    <SideTableCard<Identity>
      title={t('profile.identities')}
      testId="profile-identities"
      rowKey={(identity) => `${identity.type}:${identity.value}`}
      columns={columns}
      rows={identities}
      scroll={{ x: 420 }}
      empty={t('profile.noIdentities')}
    />
  );
}
