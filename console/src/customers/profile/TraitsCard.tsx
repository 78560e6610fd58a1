import { Tooltip, type TableColumnsType } from 'antd';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { Trait, TraitValue } from '../api';
import { SideTableCard } from './SideTableCard';

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
    <SideTableCard<Trait>
      title={t('profile.traits')}
      testId="profile-traits"
      rowKey="name"
      columns={columns}
      rows={traits}
      scroll={{ x: 400 }}
      empty={t('profile.noTraits')}
    />
  );
}
