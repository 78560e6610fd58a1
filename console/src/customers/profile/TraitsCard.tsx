import { Card, Table, Tooltip, type TableColumnsType } from 'antd';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { Trait, TraitValue } from '../api';
import { EmptyState } from '../../shared/components/EmptyState';

function show(value: TraitValue): string {
  if (value === null) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The attributes the shop told us about the customer, each with when it last changed. */
export function TraitsCard({ traits }: { traits: Trait[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<Trait> = [
    { title: t('trait.name'), dataIndex: 'name', width: 120, render: (name: string) => <span className="mono">{name}</span> },
    {
      title: t('trait.value'),
      dataIndex: 'value',
      ellipsis: { showTitle: false },
      render: (value: TraitValue) => (
        <Tooltip title={show(value)} placement="topLeft">
          {show(value)}
        </Tooltip>
      ),
    },
    { title: t('trait.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at?: string) => format.dateTime(at) },
  ];
  return (
    <Card
      variant="borderless"
      className="side-card"
      title={t('profile.traits')}
      extra={<span className="muted">{format.number(traits.length)}</span>}
      data-testid="profile-traits"
    >
      <Table<Trait>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={traits}
        pagination={false}
        scroll={{ x: 400 }}
        locale={{ emptyText: <EmptyState description={t('profile.noTraits')} /> }}
      />
    </Card>
  );
}
