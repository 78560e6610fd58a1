import { Card, Col, Row, Skeleton } from 'antd';
import { useMemo } from 'react';
import { Chart } from '../shared/charts/Chart';
import type { ChartOption } from '../shared/charts/echarts';
import { EmptyState } from '../shared/components/EmptyState';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { Overview } from './api';
import { categoryOption, channelOption, dailyActivityOption, gmvOption } from './chartOptions';
import { TopProducts } from './TopProducts';

/** The overview's charts: activity and GMV per day, customers by channel, sales by category, top products. */
export function OverviewCharts({ data, loading }: { data: Overview | undefined; loading: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const currency = data?.currency ?? 'CNY';

  const daily = useMemo(() => (data ? dailyActivityOption(data.daily, t, format) : undefined), [data, t, format]);
  const gmv = useMemo(() => (data ? gmvOption(data.daily, currency, t, format) : undefined), [data, currency, t, format]);
  const channelTotal = data?.channels.reduce((sum, entry) => sum + entry.customers, 0) ?? 0;
  const quietPeriod = !data?.daily.some((day) => day.newCustomers > 0 || day.events > 0 || day.orders > 0);
  const noSales = !data?.daily.some((day) => day.gmv > 0);
  const channels = useMemo(
    () => (data ? channelOption(data.channels, channelTotal, t, format) : undefined),
    [data, channelTotal, t, format],
  );
  const categories = useMemo(
    () => (data ? categoryOption(data.categories, currency, t, format) : undefined),
    [data, currency, t, format],
  );

  return (
    <>
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={16}>
          <ChartCard title={t('overview.daily')} loading={loading} option={daily} empty={quietPeriod} testId="chart-daily" />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title={t('overview.channels')} loading={loading} option={channels} empty={channelTotal === 0} testId="chart-channels" />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={16}>
          <ChartCard title={t('overview.gmv')} loading={loading} option={gmv} empty={noSales} testId="chart-gmv" />
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard
            title={t('overview.categories')}
            loading={loading}
            option={categories}
            empty={!data?.categories.length}
            testId="chart-categories"
          />
        </Col>
      </Row>
      <Card variant="borderless" title={t('overview.topProducts')} className="chart-card">
        <TopProducts data={data} loading={loading} />
      </Card>
    </>
  );
}

interface ChartCardProps {
  title: string;
  loading: boolean;
  option: ChartOption | undefined;
  empty: boolean;
  testId: string;
}

/** One chart under its title, named by it for screen readers; a skeleton while loading, a note when there is no data. */
function ChartCard({ title, loading, option, empty, testId }: ChartCardProps) {
  const { t } = useI18n();
  return (
    <Card variant="borderless" title={title} className="chart-card">
      {loading || !option ? (
        <Skeleton active paragraph={{ rows: 6 }} className="chart-skeleton" />
      ) : empty ? (
        <div className="chart-empty" data-testid={testId}>
          <EmptyState description={t('overview.noData')} />
        </div>
      ) : (
        <Chart option={option} height={300} testId={testId} ariaLabel={title} />
      )}
    </Card>
  );
}
