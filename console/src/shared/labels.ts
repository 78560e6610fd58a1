import type { MessageKey } from './i18n/en';
import type { Translate } from './i18n/I18nProvider';

/** Values the server sends as codes, shown in the operator's language; unknown codes are shown as they are. */
export function label(t: Translate, prefix: string, code: string | null | undefined, known: readonly string[]): string {
  if (!code) {
    return '—';
  }
  return known.includes(code) ? t(`${prefix}.${code}` as MessageKey) : code;
}

const ROLE_CODES = ['ADMIN', 'MARKETER', 'ANALYST', 'COMMUNITY_MANAGER', 'CUSTOMER_SERVICE'] as const;
const PERMISSION_CODES = [
  'customers:read',
  'personal-data:read',
  'commerce:read',
  'catalogue:write',
  'insight:read',
  'audience:read',
  'audience:write',
  'audience:export',
  'audience:rebuild',
  'imports:run',
  'messages:read',
  'templates:write',
  'messages:send',
  'suppressions:write',
  'respect:write',
  'providers:manage',
  'loyalty:read',
  'loyalty:write',
  'webhooks:read',
  'webhooks:write',
  'ingestion:read',
  'keys:manage',
  'operators:manage',
  'audit:read',
  'metrics:read',
] as const;
export const CHANNEL_CODES = [
  'wechat',
  'wecom',
  'mini-program',
  'douyin',
  'xiaohongshu',
  'weibo',
  'web',
  'app',
  'email',
  'sms',
  'wechat_subscribe',
  'wechat_template',
  'inbox',
  'push',
] as const;
const IDENTITY_CODES = [
  'user_id',
  'anonymous_id',
  'email',
  'phone',
  'wechat_openid',
  'wechat_unionid',
  'douyin_openid',
  'xiaohongshu_id',
  'weibo_uid',
  '$external',
] as const;
export const ORDER_STATUSES = ['PENDING', 'COMPLETED', 'CANCELLED'] as const;
const EVENT_TYPES = ['identify', 'track', 'page', 'screen', 'group', 'alias'] as const;

export const roleLabel = (t: Translate, role: string | undefined) => label(t, 'role', role, ROLE_CODES);
export const permissionLabel = (t: Translate, permission: string) =>
  label(t, 'permission', permission, PERMISSION_CODES);
export const channelLabel = (t: Translate, channel: string | undefined) =>
  channel === 'unknown' ? t('overview.unknownChannel') : label(t, 'channel', channel, CHANNEL_CODES);
export const identityLabel = (t: Translate, type: string) =>
  label(t, 'identity', type.replace('$', ''), IDENTITY_CODES.map((code) => code.replace('$', '')));
export const orderStatusLabel = (t: Translate, status: string) => label(t, 'orderStatus', status, ORDER_STATUSES);
export const productSourceLabel = (t: Translate, source: string | undefined) =>
  label(t, 'productSource', source, ['catalogue', 'events']);
export const eventTypeLabel = (t: Translate, type: string) => label(t, 'eventType', type, EVENT_TYPES);
export const writeKeyScopeLabel = (t: Translate, scope: string | undefined) =>
  label(t, 'writeKeyScope', scope, ['browser', 'server']);

/** Event names for the types other than track, as the server counts and filters them. */
export const SYSTEM_EVENT_NAMES: Record<string, MessageKey> = {
  $identify: 'eventType.identify',
  $page: 'eventType.page',
  $screen: 'eventType.screen',
  $group: 'eventType.group',
  $alias: 'eventType.alias',
};

/** An event's name for people: "Order Completed" stays, "$page" becomes 页面浏览 / Page view. */
export function eventNameLabel(t: Translate, name: string): string {
  const key = SYSTEM_EVENT_NAMES[name];
  return key ? t(key) : name;
}
