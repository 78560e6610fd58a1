import {
  DollarOutlined,
  FireOutlined,
  RetweetOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Card, Col, Progress, Row, Segmented, Skeleton, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Chart } from '../shared/charts/Chart';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { insightApi, WINDOWS, type Overview, type TopProduct, type Window } from './api';
import { categoryOption, channelOption, dailyActivityOption, gmvOption } from './chartOptions';
import { StatCard } from './StatCard';
import { EmptyState } from '../shared/components/EmptyState';

const WINDOW_KEY = 'siyu.overview.days';

function initialWindow(): Window {
  const stored = Number(window.sessionStorage.getItem(WINDOW_KEY));
  return (WINDOWS as readonly number[]).includes(stored) ? (stored as Window) : 30;
}

export default function OverviewPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState<Window>(initialWindow);
  const { data, error, loading, reload } = useApi((signal) => insightApi.overview(days, signal), [days]);

  const choose = (value: Window) => {
    window.sessionStorage.setItem(WINDOW_KEY, String(value));
    setDays(value);
  };

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        subtitle={
          data
            ? t('overview.period', { from: format.date(data.from), to: format.date(data.to), zone: data.timeZone })
            : t('overview.subtitle')
        }
        extra={
          <Segmented<Window>
            value={days}
            onChange={choose}
            data-testid="overview-window"
            options={WINDOWS.map((value) => ({ value, label: t(`overview.window.${value}`) }))}
          />
        }
      />
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <Statistics data={data} loading={loading && !data} />
      <Charts data={data} loading={loading && !data} />
    </>
  );
}

function Statistics({ data, loading }: { data: Overview | undefined; loading: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const totals = data?.totals;
  const currency = data?.currency;
  const cards = [
    {
      testId: 'stat-customers',
      title: t('overview.stat.customers'),
      value: format.number(totals?.customers),
      footer: t('overview.stat.customersFooter', { count: format.number(totals?.buyers) }),
      hint: t('overview.stat.customersHint'),
      icon: <TeamOutlined />,
      accent: '#1677ff',
    },
    {
      testId: 'stat-new-customers',
      title: t('overview.stat.newCustomers'),
      value: format.number(totals?.newCustomers),
      footer: t('overview.stat.share', { share: format.percent(totals?.newCustomers ?? 0, totals?.customers ?? 0) }),
      icon: <UserAddOutlined />,
      accent: '#13c2c2',
    },
    {
      testId: 'stat-active-customers',
      title: t('overview.stat.activeCustomers'),
      value: format.number(totals?.activeCustomers),
      footer: t('overview.stat.share', { share: format.percent(totals?.activeCustomers ?? 0, totals?.customers ?? 0) }),
      hint: t('overview.stat.activeHint'),
      icon: <FireOutlined />,
      accent: '#fa541c',
    },
    {
      testId: 'stat-orders',
      title: t('overview.stat.orders'),
      value: format.number(totals?.orders),
      footer: t('overview.stat.ordersFooter', {
        ratio: totals?.buyers ? format.decimal(totals.orders / totals.buyers) : '—',
      }),
      icon: <ShoppingCartOutlined />,
      accent: '#722ed1',
    },
    {
      testId: 'stat-gmv',
      title: t('overview.stat.gmv'),
      value: format.money(totals?.gmv, currency),
      footer: t('overview.stat.refunds', { amount: format.money(totals?.refunds, currency) }),
      hint: t('overview.stat.gmvHint'),
      icon: <DollarOutlined />,
      accent: '#faad14',
    },
    {
      testId: 'stat-aov',
      title: t('overview.stat.aov'),
      value: format.money(totals?.averageOrderValue, currency),
      footer: t('overview.stat.aovFooter'),
      icon: <ShoppingOutlined />,
      accent: '#52c41a',
    },
    {
      testId: 'stat-events',
      title: t('overview.stat.events'),
      value: format.number(totals?.eventsInWindow),
      footer: t('overview.stat.eventsFooter', { count: format.number(totals?.events) }),
      icon: <ThunderboltOutlined />,
      accent: '#2f54eb',
    },
    {
      testId: 'stat-repeat-buyers',
      title: t('overview.stat.repeatBuyers'),
      value: format.number(totals?.repeatBuyers),
      footer: t('overview.stat.repeatFooter', { share: format.percent(totals?.repeatBuyers ?? 0, totals?.buyers ?? 0) }),
      hint: t('overview.stat.repeatHint'),
      icon: <RetweetOutlined />,
      accent: '#eb2f96',
    },
  ];
  return (
    <Row gutter={[16, 16]} className="stat-grid">
      {cards.map((card) => (
        <Col key={card.testId} xs={24} sm={12} xl={6}>
          <StatCard {...card} loading={loading} />
        </Col>
      ))}
    </Row>
  );
}

function Charts({ data, loading }: { data: Overview | undefined; loading: boolean }) {
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
  option: ReturnType<typeof dailyActivityOption> | undefined;
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

function TopProducts({ data, loading }: { data: Overview | undefined; loading: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const currency = data?.currency;
  const best = data?.topProducts.reduce((max, product) => Math.max(max, product.revenue), 0) ?? 0;
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
      render: (revenue: number) => format.money(revenue, currency),
    },
    {
      title: t('overview.revenueShare'),
      key: 'share',
      width: 200,
      render: (_, product) => (
        <Progress percent={best ? Math.round((product.revenue / best) * 100) : 0} showInfo={false} size="small" status="normal" />
      ),
    },
  ];
  return (
    <Table<TopProduct>
      rowKey="productId"
      size="middle"
      columns={columns}
      dataSource={data?.topProducts ?? []}
      loading={loading}
      pagination={false}
      data-testid="top-products"
      scroll={{ x: 720 }}
    />
  );
}
