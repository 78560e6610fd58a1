import { Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { MessageKey } from '../shared/i18n/en';
import { loyaltyApi, type PointsLine } from './api';

const KIND_COLOR: Record<string, string> = { grant: 'green', redeem: 'blue', expire: 'default', reverse: 'orange', merge: 'purple' };

/** A member's points on the profile: the balance, and the ledger line by line that explains it, newest first. */
export function CustomerPoints({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const state = useApi((signal) => loyaltyApi.points(customerId, signal), [customerId]);
  const columns: TableColumnsType<PointsLine> = [
    { title: t('points.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
    {
      title: t('points.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => <Tag color={KIND_COLOR[kind] ?? 'default'}>{t(`points.kind.${kind}` as MessageKey)}</Tag>,
    },
    {
      title: t('points.points'),
      dataIndex: 'points',
      width: 110,
      align: 'right',
      render: (points: number) => (points > 0 ? `+${format.number(points)}` : format.number(points)),
    },
    { title: t('points.balanceAfter'), dataIndex: 'balanceAfter', width: 120, align: 'right', render: (n: number) => format.number(n) },
    { title: t('points.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('points.expiresAt'),
      dataIndex: 'expiresAt',
      width: 170,
      render: (at?: string) => (at ? format.dateTime(at) : <span className="muted">—</span>),
    },
  ];
  return (
    <div data-testid="profile-points">
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      <Statistic title={t('points.balance')} value={state.data?.balance ?? 0} loading={state.loading} data-testid="points-balance" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('points.hint')}
      </Typography.Paragraph>
      <Table<PointsLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={state.data?.lines ?? []}
        loading={state.loading}
        pagination={false}
        locale={{ emptyText: t('points.empty') }}
      />
    </div>
  );
}
