import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { identityLabel } from '../../shared/labels';
import type { IdentityConflict, Merge, Profile } from '../api';
import { EmptyState } from '../../shared/components/EmptyState';
import { ListTable } from '../../shared/components/ListTable';

function profileLink(id: number | null | undefined) {
  // the server reports 0 when the other side of a conflict is not a stored profile
  return id ? <Link to={`/customers/${id}`}>#{id}</Link> : <span className="muted">—</span>;
}

/** How this profile came to be: the profiles merged into it, and the links the identity rules refused. */
export function MergeHistory({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const format = useFormat();
  const mergeColumns: TableColumnsType<Merge> = [
    { title: t('merge.at'), dataIndex: 'mergedAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('merge.absorbed'), dataIndex: 'absorbedId', render: (id: number) => <span className="mono">#{id}</span> },
    { title: t('merge.survivor'), dataIndex: 'survivorId', render: (id: number) => profileLink(id) },
    {
      title: t('merge.linkedBy'),
      dataIndex: 'linkedByType',
      render: (type?: string) => (type ? identityLabel(t, type) : '—'),
    },
    { title: t('merge.eventsMoved'), dataIndex: 'eventsMoved', align: 'right', render: (count: number) => format.number(count) },
  ];
  const conflictColumns: TableColumnsType<IdentityConflict> = [
    { title: t('merge.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
    {
      title: t('conflict.identityType'),
      dataIndex: 'identityType',
      width: 130,
      render: (type?: string) => (type ? identityLabel(t, type) : '—'),
    },
    { title: t('conflict.other'), dataIndex: 'otherCustomerId', width: 110, render: (id?: number | null) => profileLink(id) },
    { title: t('conflict.reason'), dataIndex: 'reason' },
  ];
  if (profile.merges.length === 0 && profile.identityConflicts.length === 0) {
    return (
      <div data-testid="profile-merges">
        <EmptyState description={t('merge.none')} />
      </div>
    );
  }
  return (
    <div data-testid="profile-merges" className="merge-history">
      <Typography.Title level={5}>{t('merge.merges')}</Typography.Title>
      <ListTable<Merge>
        rowKey={(merge) => `${merge.absorbedId}-${merge.mergedAt}`}
        columns={mergeColumns}
        rows={profile.merges}
        scroll={{ x: 640 }}
        empty={t('merge.noMerges')}
      />
      <Typography.Title level={5} className="section-gap">
        {t('merge.conflicts')}
      </Typography.Title>
      <ListTable<IdentityConflict>
        rowKey={(conflict) => `${conflict.at}-${conflict.identityType}-${conflict.otherCustomerId}`}
        columns={conflictColumns}
        rows={profile.identityConflicts}
        scroll={{ x: 640 }}
        empty={t('merge.noConflicts')}
      />
    </div>
  );
}
