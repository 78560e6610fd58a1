import { Alert, Card, Col, Row, Tabs } from 'antd';
import { useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { AudienceCard, TagHistory } from '../audience/CustomerAudience';
import { CustomerOrders } from '../commerce/CustomerOrders';
import { CustomerPoints } from '../loyalty/CustomerPoints';
import { CustomerMessages } from '../messaging/CustomerMessages';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { customersApi } from './api';
import { ChannelTag } from './ChannelTag';
import { TimeZoneTag } from './TimeZoneTag';
import { CustomerName, customerTitle } from './CustomerName';
import { ConsentPanel } from './profile/ConsentPanel';
import { FactsCard } from './profile/FactsCard';
import { IdentitiesCard } from './profile/IdentitiesCard';
import { MergeHistory } from './profile/MergeHistory';
import { Timeline } from './profile/Timeline';
import { TraitsCard } from './profile/TraitsCard';

export default function ProfilePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const { data: profile, error, reload } = useApi((signal) => customersApi.profile(id, signal), [id]);
  const crumbs = [{ title: t('nav.customers'), path: '/customers' }];

  if (error || !profile) {
    return <RecordPending kind="profile" id={id} breadcrumb={crumbs} error={error} onRetry={reload} avatar />;
  }

  const name = customerTitle(t, profile.id, profile.displayName);
  const merges = profile.merges.length + profile.identityConflicts.length;
  const tabs = [
    {
      key: 'timeline',
      label: <span data-testid="profile-tab-timeline">{t('profile.timeline')}</span>,
      children: <Timeline customerId={profile.id} eventCounts={profile.facts.eventCounts} />,
    },
    ...(can('commerce:read')
      ? [
          {
            key: 'orders',
            label: (
              <span data-testid="profile-tab-orders">
                {t('profile.orders')} <span className="tab-count">{format.number(profile.facts.orderCount)}</span>
              </span>
            ),
            children: <CustomerOrders customerId={profile.id} />,
          },
        ]
      : []),
    ...(can('messages:read')
      ? [
          {
            key: 'messages',
            label: <span data-testid="profile-tab-messages">{t('profile.messages')}</span>,
            children: <CustomerMessages customerId={profile.id} />,
          },
        ]
      : []),
    ...(can('loyalty:read')
      ? [
          {
            key: 'points',
            label: <span data-testid="profile-tab-points">{t('profile.points')}</span>,
            children: <CustomerPoints customerId={profile.id} />,
          },
        ]
      : []),
    ...(can('audience:read')
      ? [
          {
            key: 'tags',
            label: <span data-testid="profile-tab-tags">{t('profile.tagsTab')}</span>,
            children: <TagHistory customerId={profile.id} />,
          },
        ]
      : []),
    {
      key: 'consent',
      label: (
        <span data-testid="profile-tab-consent">
          {t('profile.consent')} {profile.consents.length > 0 && <span className="tab-count">{profile.consents.length}</span>}
        </span>
      ),
      children: <ConsentPanel customerId={profile.id} consents={profile.consents} />,
    },
    {
      key: 'merges',
      label: (
        <span data-testid="profile-tab-merges">
          {t('profile.merges')} {merges > 0 && <span className="tab-count">{merges}</span>}
        </span>
      ),
      children: <MergeHistory profile={profile} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <span className="profile-title">
            <CustomerName id={profile.id} name={profile.displayName} size={40} />
            <ChannelTag channel={profile.channel} />
            <TimeZoneTag timeZone={profile.timeZone} />
          </span>
        }
        documentTitle={name}
        breadcrumb={[...crumbs, { title: name }]}
        subtitle={t('profile.subtitle', { id: profile.id, created: format.dateTime(profile.createdAt) })}
      />
      {profile.requestedId !== profile.id && (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          data-testid="profile-merged-notice"
          title={t('profile.mergedNotice', { requested: profile.requestedId, id: profile.id })}
          description={t('profile.mergedHint')}
        />
      )}
      <FactsCard facts={profile.facts} />
      <Row gutter={16} className="equal-height-row">
        <Col xs={24} xl={12}>
          <IdentitiesCard identities={profile.identities} />
        </Col>
        <Col xs={24} xl={12}>
          <TraitsCard traits={profile.traits} />
        </Col>
      </Row>
      {can('audience:read') && <AudienceCard customerId={profile.id} />}
      <Card variant="borderless" className="profile-tabs-card">
        <Tabs items={tabs} defaultActiveKey="timeline" />
      </Card>
    </>
  );
}
