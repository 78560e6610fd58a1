import { Card, Col, Descriptions, Progress, Row, Tooltip } from 'antd';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { eventNameLabel } from '../../shared/labels';
import type { Facts } from '../api';
import { EmptyState } from '../../shared/components/EmptyState';
import { StatisticRow } from '../../shared/components/StatisticRow';

/** What the profile adds up to: money, counts, first and last times, and how often each event happened. */
export function FactsCard({ facts }: { facts: Facts }) {
  const { t } = useI18n();
  const format = useFormat();
  const counts = [...facts.eventCounts].sort((a, b) => b.count - a.count);
  const most = counts[0]?.count ?? 0;
  return (
    <Card variant="borderless" className="facts-card" data-testid="profile-facts" title={t('profile.facts')}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <StatisticRow
            className="facts-statistics"
            figures={[
              { title: t('customer.totalSpent'), value: format.money(facts.totalSpent) },
              { title: t('customer.orders'), value: format.number(facts.orderCount) },
              { title: t('profile.aov'), value: format.money(facts.averageOrderValue) },
              { title: t('customer.events'), value: format.number(facts.eventCount) },
            ]}
          />
          <Descriptions
            className="facts-dates"
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'firstSeen', label: t('customer.firstSeen'), children: format.dateTime(facts.firstSeenAt) },
              { key: 'lastSeen', label: t('customer.lastSeen'), children: format.dateTime(facts.lastSeenAt) },
              { key: 'firstOrder', label: t('profile.firstOrder'), children: format.dateTime(facts.firstOrderAt) },
              { key: 'lastOrder', label: t('profile.lastOrder'), children: format.dateTime(facts.lastOrderAt) },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <div className="facts-subtitle">{t('profile.eventCounts')}</div>
          {counts.length === 0 ? (
            <EmptyState description={t('profile.noEvents')} />
          ) : (
            <ul className="event-counts" data-testid="profile-event-counts">
              {counts.map((entry) => (
                <li key={entry.name}>
                  <Tooltip title={t('profile.eventCountRange', { first: format.dateTime(entry.firstAt), last: format.dateTime(entry.lastAt) })}>
                    <span className="event-count-name">{eventNameLabel(t, entry.name)}</span>
                  </Tooltip>
                  <Progress percent={most ? (entry.count / most) * 100 : 0} showInfo={false} size="small" status="normal" className="event-count-bar" />
                  <span className="event-count-value">{format.number(entry.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </Col>
      </Row>
    </Card>
  );
}
