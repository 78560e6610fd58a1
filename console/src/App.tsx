import { App as AntApp, ConfigProvider, Result, theme as antTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { RequireSession } from './access/RequireSession';
import { SessionProvider, useSession } from './access/SessionProvider';
import { FullPageSpinner } from './shared/components/FullPageSpinner';
import { RequirePermission } from './shared/components/RequirePermission';
import { I18nProvider, useI18n } from './shared/i18n/I18nProvider';
import { AppLayout } from './shared/layout/AppLayout';
import { allowedEntries } from './shared/layout/navigation';
import { NotFoundPage } from './shared/layout/NotFoundPage';

const LoginPage = lazy(() => import('./access/LoginPage'));
const OverviewPage = lazy(() => import('./insight/OverviewPage'));
const CustomersPage = lazy(() => import('./customers/CustomersPage'));
const ProfilePage = lazy(() => import('./customers/ProfilePage'));
const OrdersPage = lazy(() => import('./commerce/OrdersPage'));
const OrderDetailPage = lazy(() => import('./commerce/OrderDetailPage'));
const ProductsPage = lazy(() => import('./commerce/ProductsPage'));
const ProductDetailPage = lazy(() => import('./commerce/ProductDetailPage'));
const SegmentsPage = lazy(() => import('./audience/segments/SegmentsPage'));
const SegmentPage = lazy(() => import('./audience/segments/SegmentPage'));
const SegmentEditPage = lazy(() => import('./audience/segments/SegmentEditPage'));
const TagsPage = lazy(() => import('./audience/tags/TagsPage'));
const TagPage = lazy(() => import('./audience/tags/TagPage'));
const RfmPage = lazy(() => import('./audience/rfm/RfmPage'));
const LifecyclePage = lazy(() => import('./audience/lifecycle/LifecyclePage'));
const WriteKeysPage = lazy(() => import('./access/WriteKeysPage'));
const ApiTokensPage = lazy(() => import('./access/ApiTokensPage'));
const ConsumerKeysPage = lazy(() => import('./access/ConsumerKeysPage'));
const OperatorsPage = lazy(() => import('./access/OperatorsPage'));
const AuditLogPage = lazy(() => import('./access/AuditLogPage'));
const RejectedMessagesPage = lazy(() => import('./ingest/RejectedMessagesPage'));
const OutboxPage = lazy(() => import('./messaging/OutboxPage'));
const OutboxMessagePage = lazy(() => import('./messaging/OutboxMessagePage'));
const MessagesPage = lazy(() => import('./messaging/MessagesPage'));
const MessagePage = lazy(() => import('./messaging/MessagePage'));
const TemplatesPage = lazy(() => import('./messaging/TemplatesPage'));
const TemplateEditPage = lazy(() => import('./messaging/TemplateEditPage'));
const SuppressionsPage = lazy(() => import('./messaging/SuppressionsPage'));
const RespectSettingsPage = lazy(() => import('./messaging/RespectSettingsPage'));
const ChannelsPage = lazy(() => import('./messaging/ChannelsPage'));
const JourneysPage = lazy(() => import('./journeys/JourneysPage'));
const JourneyPage = lazy(() => import('./journeys/JourneyPage'));
const WebhooksPage = lazy(() => import('./webhooks/WebhooksPage'));
const WebhookPage = lazy(() => import('./webhooks/WebhookPage'));

// Latin faces first, so that English text and punctuation do not fall to the wide forms of a CJK face.
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', " +
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** The overview for those who may see it; everyone else starts on the first page their role opens. */
function Home() {
  const { can } = useSession();
  const { t } = useI18n();
  if (can('insight:read')) {
    return <OverviewPage />;
  }
  const first = allowedEntries(can)[0];
  return first ? <Navigate to={first.path} replace /> : <Result status="info" title={t('home.nothing')} />;
}

function Routed() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpinner />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="customers" element={<RequirePermission permission="customers:read"><CustomersPage /></RequirePermission>} />
        <Route path="customers/:id" element={<RequirePermission permission="customers:read"><ProfilePage /></RequirePermission>} />
        <Route path="orders" element={<RequirePermission permission="commerce:read"><OrdersPage /></RequirePermission>} />
        <Route path="orders/:orderId" element={<RequirePermission permission="commerce:read"><OrderDetailPage /></RequirePermission>} />
        <Route path="products" element={<RequirePermission permission="commerce:read"><ProductsPage /></RequirePermission>} />
        <Route path="products/:productId" element={<RequirePermission permission="commerce:read"><ProductDetailPage /></RequirePermission>} />
        <Route path="segments" element={<RequirePermission permission="audience:read"><SegmentsPage /></RequirePermission>} />
        <Route path="segments/new" element={<RequirePermission permission="audience:write"><SegmentEditPage /></RequirePermission>} />
        <Route path="segments/:id" element={<RequirePermission permission="audience:read"><SegmentPage /></RequirePermission>} />
        <Route path="segments/:id/edit" element={<RequirePermission permission="audience:write"><SegmentEditPage /></RequirePermission>} />
        <Route path="tags" element={<RequirePermission permission="audience:read"><TagsPage /></RequirePermission>} />
        <Route path="tags/:id" element={<RequirePermission permission="audience:read"><TagPage /></RequirePermission>} />
        <Route path="rfm" element={<RequirePermission permission="audience:read"><RfmPage /></RequirePermission>} />
        <Route path="lifecycle" element={<RequirePermission permission="audience:read"><LifecyclePage /></RequirePermission>} />
        <Route path="messaging/outbox" element={<RequirePermission permission="messages:read"><OutboxPage /></RequirePermission>} />
        <Route path="messaging/outbox/:id" element={<RequirePermission permission="messages:read"><OutboxMessagePage /></RequirePermission>} />
        <Route path="messaging/messages" element={<RequirePermission permission="messages:read"><MessagesPage /></RequirePermission>} />
        <Route path="messaging/messages/:id" element={<RequirePermission permission="messages:read"><MessagePage /></RequirePermission>} />
        <Route path="messaging/templates" element={<RequirePermission permission="messages:read"><TemplatesPage /></RequirePermission>} />
        <Route path="messaging/templates/new" element={<RequirePermission permission="templates:write"><TemplateEditPage /></RequirePermission>} />
        <Route path="messaging/templates/:id" element={<RequirePermission permission="messages:read"><TemplateEditPage /></RequirePermission>} />
        <Route path="messaging/suppressions" element={<RequirePermission permission="messages:read"><SuppressionsPage /></RequirePermission>} />
        <Route path="messaging/respect" element={<RequirePermission permission="messages:read"><RespectSettingsPage /></RequirePermission>} />
        <Route path="messaging/channels" element={<RequirePermission permission="providers:manage"><ChannelsPage /></RequirePermission>} />
        <Route path="journeys" element={<RequirePermission permission="journeys:read"><JourneysPage /></RequirePermission>} />
        <Route path="journeys/:id" element={<RequirePermission permission="journeys:read"><JourneyPage /></RequirePermission>} />
        <Route path="settings/write-keys" element={<RequirePermission permission="keys:manage"><WriteKeysPage /></RequirePermission>} />
        <Route path="settings/api-tokens" element={<RequirePermission permission="keys:manage"><ApiTokensPage /></RequirePermission>} />
        <Route path="settings/consumer-keys" element={<RequirePermission permission="keys:manage"><ConsumerKeysPage /></RequirePermission>} />
        <Route path="settings/webhooks" element={<RequirePermission permission="webhooks:read"><WebhooksPage /></RequirePermission>} />
        <Route path="settings/webhooks/:id" element={<RequirePermission permission="webhooks:read"><WebhookPage /></RequirePermission>} />
        <Route path="settings/operators" element={<RequirePermission permission="operators:manage"><OperatorsPage /></RequirePermission>} />
        <Route path="settings/audit-log" element={<RequirePermission permission="audit:read"><AuditLogPage /></RequirePermission>} />
        <Route path="settings/rejected-messages" element={<RequirePermission permission="ingestion:read"><RejectedMessagesPage /></RequirePermission>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Themed() {
  const { language } = useI18n();
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: antTheme.defaultAlgorithm,
        token: { colorPrimary: '#1677ff', borderRadius: 8, fontFamily: FONT_FAMILY, colorBgLayout: '#f5f7fa' },
        components: {
          Layout: { siderBg: '#001529', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
          Table: { headerBg: '#fafafa' },
        },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Routed />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
