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
          <Card variant="borderless" title={t('overview.daily')} className="chart-card">
            <ChartOrPlaceholder loading={loading} option={daily} empty={quietPeriod} testId="chart-daily" label={t('overview.daily')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('overview.channels')} className="chart-card">
            <ChartOrPlaceholder
              loading={loading}
              option={channels}
              empty={channelTotal === 0}
              testId="chart-channels"
              label={t('overview.channels')}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('overview.gmv')} className="chart-card">
            <ChartOrPlaceholder loading={loading} option={gmv} empty={noSales} testId="chart-gmv" label={t('overview.gmv')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('overview.categories')} className="chart-card">
            <ChartOrPlaceholder
              loading={loading}
              option={categories}
              empty={!data?.categories.length}
              testId="chart-categories"
              label={t('overview.categories')}
            />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('overview.topProducts')} className="chart-card">
        <TopProducts data={data} loading={loading} />
      </Card>
    </>
  );
}

interface ChartOrPlaceholderProps {
  loading: boolean;
  option: ChartOption | undefined;
  empty: boolean;
  testId: string;
  label: string;
}

function ChartOrPlaceholder({ loading, option, empty, testId, label }: ChartOrPlaceholderProps) {
  const { t } = useI18n();
  if (loading || !option) {
    return <Skeleton active paragraph={{ rows: 6 }} className="chart-skeleton" />;
  }
  if (empty) {
    return (
      <div className="chart-empty" data-testid={testId}>
        <EmptyState description={t('overview.noData')} />
      </div>
    );
  }
  return <Chart option={option} height={300} testId={testId} ariaLabel={label} />;
}
