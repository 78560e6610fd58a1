import {
  ApiOutlined,
  BranchesOutlined,
  AppstoreOutlined,
  AuditOutlined,
  ClusterOutlined,
  DeploymentUnitOutlined,
  FileTextOutlined,
  InboxOutlined,
  MailOutlined,
  SendOutlined,
  StopOutlined,
  FieldTimeOutlined,
  HeatMapOutlined,
  NodeIndexOutlined,
  TagsOutlined,
  DashboardOutlined,
  KeyOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../access/permissions';
import type { MessageKey } from '../i18n/en';

export interface NavigationEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: Permission;
}

export interface NavigationGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  children: NavigationEntry[];
}

/** The console's modules in the side navigation, each with the permission it needs. */
export const NAVIGATION: (NavigationEntry | NavigationGroup)[] = [
  { key: 'overview', path: '/', label: 'nav.overview', icon: <DashboardOutlined />, permission: 'insight:read' },
  { key: 'customers', path: '/customers', label: 'nav.customers', icon: <TeamOutlined />, permission: 'customers:read' },
  { key: 'orders', path: '/orders', label: 'nav.orders', icon: <ShoppingCartOutlined />, permission: 'commerce:read' },
  { key: 'products', path: '/products', label: 'nav.products', icon: <AppstoreOutlined />, permission: 'commerce:read' },
  {
    key: 'audience',
    label: 'nav.audience',
    icon: <ClusterOutlined />,
    children: [
      { key: 'segments', path: '/segments', label: 'nav.segments', icon: <DeploymentUnitOutlined />, permission: 'audience:read' },
      { key: 'tags', path: '/tags', label: 'nav.tags', icon: <TagsOutlined />, permission: 'audience:read' },
      { key: 'rfm', path: '/rfm', label: 'nav.rfm', icon: <HeatMapOutlined />, permission: 'audience:read' },
      { key: 'lifecycle', path: '/lifecycle', label: 'nav.lifecycle', icon: <NodeIndexOutlined />, permission: 'audience:read' },
    ],
  },
  { key: 'journeys', path: '/journeys', label: 'nav.journeys', icon: <BranchesOutlined />, permission: 'journeys:read' },
  {
    key: 'messaging',
    label: 'nav.messaging',
    icon: <MailOutlined />,
    children: [
      { key: 'outbox', path: '/messaging/outbox', label: 'nav.outbox', icon: <InboxOutlined />, permission: 'messages:read' },
      { key: 'messages', path: '/messaging/messages', label: 'nav.messages', icon: <SendOutlined />, permission: 'messages:read' },
      { key: 'templates', path: '/messaging/templates', label: 'nav.templates', icon: <FileTextOutlined />, permission: 'messages:read' },
      { key: 'suppressions', path: '/messaging/suppressions', label: 'nav.suppressions', icon: <StopOutlined />, permission: 'messages:read' },
      { key: 'respect', path: '/messaging/respect', label: 'nav.respect', icon: <FieldTimeOutlined />, permission: 'messages:read' },
      { key: 'channels', path: '/messaging/channels', label: 'nav.channels', icon: <ApiOutlined />, permission: 'providers:manage' },
    ],
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    children: [
      { key: 'write-keys', path: '/settings/write-keys', label: 'nav.writeKeys', icon: <KeyOutlined />, permission: 'keys:manage' },
      { key: 'api-tokens', path: '/settings/api-tokens', label: 'nav.apiTokens', icon: <ApiOutlined />, permission: 'keys:manage' },
      { key: 'consumer-keys', path: '/settings/consumer-keys', label: 'nav.consumerKeys', icon: <SafetyCertificateOutlined />, permission: 'keys:manage' },
      { key: 'webhooks', path: '/settings/webhooks', label: 'nav.webhooks', icon: <LinkOutlined />, permission: 'webhooks:read' },
      { key: 'operators', path: '/settings/operators', label: 'nav.operators', icon: <UserSwitchOutlined />, permission: 'operators:manage' },
      { key: 'audit-log', path: '/settings/audit-log', label: 'nav.auditLog', icon: <AuditOutlined />, permission: 'audit:read' },
      {
        key: 'rejected-messages',
        path: '/settings/rejected-messages',
        label: 'nav.rejectedMessages',
        icon: <WarningOutlined />,
        permission: 'ingestion:read',
      },
    ],
  },
];

/** The `data-testid` of an entry's link in the menu. */
export function navigationTestId(entry: NavigationEntry): string {
  return `nav-${entry.key}`;
}

export function isGroup(entry: NavigationEntry | NavigationGroup): entry is NavigationGroup {
  return 'children' in entry;
}

/** The entries an operator with these permissions may open, in menu order. */
export function allowedEntries(can: (permission: Permission) => boolean): NavigationEntry[] {
  return NAVIGATION.flatMap((entry) => (isGroup(entry) ? entry.children : [entry])).filter((entry) =>
    can(entry.permission),
  );
}

/** The menu key of a path: the entry whose path is the longest prefix of it. */
export function selectedKey(pathname: string): string | undefined {
  const entries = NAVIGATION.flatMap((entry) => (isGroup(entry) ? entry.children : [entry]));
  const match = entries
    .filter((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key;
}
