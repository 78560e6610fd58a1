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
import { Col, Row } from 'antd';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { Overview } from './api';
import { StatCard } from './StatCard';

/** The overview's headline figures, each with a line of context. */
export function OverviewStatistics({ data, loading }: { data: Overview | undefined; loading: boolean }) {
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
        count: data?.daily.length ? format.decimal(data.totals.orders / data.daily.length) : '—',
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
