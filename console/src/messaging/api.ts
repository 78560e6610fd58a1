import { api, type Page } from '../shared/api/client';
import type { Schemas } from '../shared/api/schemas';

/** A message template and its newest version, as the editor loads and saves it. */
export type MessageTemplate = Schemas['MessageTemplate'];
export type TemplateVersion = Schemas['TemplateVersion'];
export type TemplateDetail = Schemas['TemplateDetail'];
export type TemplatePurpose = MessageTemplate['purpose'];
export type TemplateChannel = MessageTemplate['channel'];
export type TemplateRequest = Schemas['TemplateRequest'];
export type Draft = Schemas['Draft'];
/** The provider's approved template an SMS template sends: its code, signature and parameters. */
export type SmsTemplate = Schemas['SmsTemplate'];
/** A template rendered for one customer, as they would get it. */
export type Rendered = Schemas['Rendered'];
export type TestResult = Schemas['TestResult'];

/** One row of the send ledger: a message meant for a customer and what became of it; the address is masked. */
export type SendRow = Schemas['SendRow'];
export type WechatSubscription = Schemas['Subscription'];
export type SendState = SendRow['state'];
export type Queued = Schemas['Queued'];

/** A message the sandbox kept instead of sending it; the recipient is masked. */
export type OutboxEntry = Schemas['OutboxEntry'];
export type OutboxMessage = Schemas['OutboxMessage'];
/** Which provider a channel sends through; `sandbox` when messages go to the outbox. */
export type ChannelStatus = Schemas['ChannelStatus'];

export type Suppression = Schemas['Suppression'];
/** The brand's quiet hours and frequency caps, and who saved them last (none: the defaults apply). */
export type RespectSettings = Schemas['RespectSettingsView'];
export type RespectSettingsRequest = Schemas['RespectSettingsRequest'];
export type FrequencyCapSetting = Schemas['FrequencyCapSetting'];
export type SuppressionRequest = Schemas['SuppressionRequest'];
/** A channel's provider settings: where they come from, the fields in force, and whether each secret is set. */
export type ProviderView = Schemas['ProviderView'];
export type ProviderSettingsRequest = Schemas['ProviderSettingsRequest'];
/** What the provider answered when its credentials were tried. */
export type ProviderCheck = Schemas['CheckView'];

export const SEND_STATES: readonly SendState[] = ['queued', 'sending', 'sent', 'skipped', 'failed', 'parked'];
export const PURPOSES: readonly TemplatePurpose[] = ['marketing', 'transactional'];
export const CHANNELS: readonly TemplateChannel[] = ['email', 'sms', 'wechat_subscribe', 'wechat_template', 'inbox', 'push', 'wecom'];

export interface LedgerQuery {
  state?: SendState;
  customerId?: number;
}

export const messagingApi = {
  templates: (signal?: AbortSignal) => api.get<MessageTemplate[]>('/api/v1/message-templates', { signal }),
  template: (id: string | number, signal?: AbortSignal) =>
    api.get<TemplateDetail>(`/api/v1/message-templates/${encodeURIComponent(id)}`, { signal }),
  createTemplate: (request: TemplateRequest) => api.post<TemplateDetail>('/api/v1/message-templates', request),
  saveTemplate: (id: number, request: TemplateRequest) => api.put<TemplateDetail>(`/api/v1/message-templates/${id}`, request),
  versions: (id: number, signal?: AbortSignal) =>
    api.get<TemplateVersion[]>(`/api/v1/message-templates/${id}/versions`, { signal }),
  archiveTemplate: (id: number) => api.post<MessageTemplate>(`/api/v1/message-templates/${id}/archive`),
  preview: (id: number, customerId: number | undefined, draft: Draft | undefined, signal?: AbortSignal) =>
    api.post<Rendered>(`/api/v1/message-templates/${id}/preview`, { customerId, draft } satisfies Schemas['PreviewRequest'], {
      signal,
    }),
  testSend: (id: number, to: string, customerId: number | undefined, draft: Draft | undefined) =>
    api.post<TestResult>(`/api/v1/message-templates/${id}/test-sends`, { to, customerId, draft } satisfies Schemas['TestSendRequest']),

  messages: (query: LedgerQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<SendRow>>('/api/v1/messages', { query: { ...query, cursor, limit: 50 }, signal }),
  wechatSubscriptions: (customerId: number, signal?: AbortSignal) =>
    api.get<Schemas['Subscriptions']>('/api/v1/messaging/wechat-subscriptions', { query: { customerId }, signal }),
  message: (id: string | number, signal?: AbortSignal) =>
    api.get<SendRow>(`/api/v1/messages/${encodeURIComponent(id)}`, { signal }),

  outbox: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<OutboxEntry>>('/api/v1/outbox', { query: { cursor, limit: 50 }, signal }),
  outboxMessage: (id: string | number, signal?: AbortSignal) =>
    api.get<OutboxMessage>(`/api/v1/outbox/${encodeURIComponent(id)}`, { signal }),
  channels: (signal?: AbortSignal) => api.get<ChannelStatus[]>('/api/v1/messaging/channels', { signal }),

  suppressions: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Suppression>>('/api/v1/suppressions', { query: { cursor, limit: 50 }, signal }),
  suppress: (request: SuppressionRequest) => api.post<{ added: boolean }>('/api/v1/suppressions', request),
  lift: (customerId: number, channel: string) =>
    api.delete<void>(`/api/v1/suppressions/${customerId}/${encodeURIComponent(channel)}`),

  respectSettings: (signal?: AbortSignal) => api.get<RespectSettings>('/api/v1/respect-settings', { signal }),
  saveRespectSettings: (request: RespectSettingsRequest) => api.put<RespectSettings>('/api/v1/respect-settings', request),

  providers: (signal?: AbortSignal) => api.get<ProviderView[]>('/api/v1/messaging/providers', { signal }),
  saveProvider: (channel: string, request: ProviderSettingsRequest) =>
    api.put<ProviderView>(`/api/v1/messaging/providers/${encodeURIComponent(channel)}`, request),
  deleteProvider: (channel: string) => api.delete<ProviderView>(`/api/v1/messaging/providers/${encodeURIComponent(channel)}`),
  checkProvider: (channel: string) =>
    api.post<ProviderCheck>(`/api/v1/messaging/providers/${encodeURIComponent(channel)}/check`),
};
