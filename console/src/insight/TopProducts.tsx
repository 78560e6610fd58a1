import { Progress, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { Overview, TopProduct } from './api';
import { ListTable } from '../shared/components/ListTable';

/** The best-selling products of the period, with a bar against the best seller. */
export function TopProducts({ data, loading }: { data: Overview | undefined; loading: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const currency = data?.currency;
  const best = data?.topProducts.reduce((max, product) => Math.max(max, product.revenue ?? 0), 0) ?? 0;
  const columns: TableColumnsType<TopProduct> = [
    {
      title: t('overview.rank'),
      key: 'rank',
      width: 64,
      render: (_, __, index) => <span className={`rank-badge${index < 3 ? ' rank-top' : ''}`}>{index + 1}</span>,
    },
    {
      title: t('product.name'),
      dataIndex: 'name',
      render: (name: string | undefined, product) => <Link to={`/products/${encodeURIComponent(product.productId)}`}>{name ?? product.productId}</Link>,
    },
    { title: t('product.category'), dataIndex: 'category', render: (category?: string) => category ?? '—' },
    { title: t('overview.units'), dataIndex: 'units', align: 'right', render: (units: number) => format.number(units) },
    {
      title: t('overview.revenue'),
      dataIndex: 'revenue',
      align: 'right',
      render: (revenue?: number) => format.money(revenue, currency),
    },
    {
      title: t('overview.revenueShare'),
      key: 'share',
      width: 200,
      render: (_, product) => (
        <Progress percent={best ? Math.round(((product.revenue ?? 0) / best) * 100) : 0} showInfo={false} size="small" status="normal" />
      ),
    },
  ];
  return (
    <ListTable<TopProduct>
      rowKey="productId"
      size="middle"
      columns={columns}
      rows={data?.topProducts ?? []}
      loading={loading}
      data-testid="top-products"
      scroll={{ x: 720 }}
    />
  );
}
