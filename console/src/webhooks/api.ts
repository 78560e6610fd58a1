import { api, type Page } from '../shared/api/client';
import type { Schemas } from '../shared/api/schemas';

/** A registered endpoint: never its secret, only the secret's first characters. */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** An endpoint with its new signing secret: in this answer and nowhere else, ever. */
export type WebhookSecret = Schemas['WebhookSecret'];
export type NewWebhookEndpoint = Schemas['NewWebhookEndpoint'];
export type WebhookEndpointChange = Schemas['WebhookEndpointChange'];
/** One delivery of the outbox and what the receiver said to its last attempt; the body is not shown. */
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type DeliveryStatus = WebhookDelivery['status'];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending', 'delivered', 'failed', 'parked'];

export const webhooksApi = {
  endpoints: (signal?: AbortSignal) => api.get<WebhookEndpoint[]>('/api/v1/webhooks', { signal }),
  endpoint: (id: string | number, signal?: AbortSignal) =>
    api.get<WebhookEndpoint>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { signal }),
  create: (request: NewWebhookEndpoint) => api.post<WebhookSecret>('/api/v1/webhooks', request),
  change: (id: number, change: WebhookEndpointChange) => api.patch<WebhookEndpoint>(`/api/v1/webhooks/${id}`, change),
  rotate: (id: number) => api.post<WebhookSecret>(`/api/v1/webhooks/${id}/rotate-secret`),
  test: (id: number) => api.post<Schemas['QueuedDelivery']>(`/api/v1/webhooks/${id}/test-deliveries`),
  deliveries: (id: number, status: DeliveryStatus | undefined, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<WebhookDelivery>>(`/api/v1/webhooks/${id}/deliveries`, { query: { status, cursor, limit: 50 }, signal }),
  redeliver: (id: number, deliveryId: number) =>
    api.post<WebhookDelivery>(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`),
};
