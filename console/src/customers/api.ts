import { api, type Page } from '../shared/api/client';

export interface CustomerSummary {
  id: number;
  displayName?: string;
  email?: string;
  phone?: string;
  channel?: string;
  firstSeenAt?: string;
  lastSeenAt?: string;
  eventCount: number;
  orderCount: number;
  totalSpent: number;
}

export interface CustomerQuery {
  q?: string;
  identity?: string;
  trait?: string;
  channel?: string;
  minOrders?: number;
  minSpent?: number;
  seenWithinDays?: number;
}

export interface Identity {
  type: string;
  value: string;
  personal: boolean;
  firstSeenAt?: string;
}

/** A trait's value is whatever JSON the shop sent. */
export type TraitValue = string | number | boolean | null | TraitValue[] | { [key: string]: TraitValue };

export interface Trait {
  name: string;
  value: TraitValue;
  updatedAt?: string;
}

export interface EventCount {
  name: string;
  count: number;
  firstAt?: string;
  lastAt?: string;
}

export interface Facts {
  firstSeenAt?: string;
  lastSeenAt?: string;
  eventCount: number;
  orderCount: number;
  totalSpent: number;
  averageOrderValue?: number;
  firstOrderAt?: string;
  lastOrderAt?: string;
  eventCounts: EventCount[];
}

/** Where the customer stands on one category of consent. */
export interface Consent {
  category: string;
  granted: boolean;
  since: string;
  messageId?: string;
  confirmedAt: string;
}

export interface ConsentChange {
  category: string;
  granted: boolean;
  decidedAt: string;
  recordedAt: string;
  messageId?: string | null;
  mergedFrom?: number | null;
}

export interface Merge {
  survivorId: number;
  absorbedId: number;
  mergedAt: string;
  linkedByType?: string;
  eventsMoved: number;
}

export interface IdentityConflict {
  at: string;
  otherCustomerId?: number | null;
  identityType?: string;
  reason: string;
}

export interface Profile {
  id: number;
  requestedId: number;
  displayName?: string;
  createdAt: string;
  channel?: string;
  identities: Identity[];
  traits: Trait[];
  consents: Consent[];
  facts: Facts;
  merges: Merge[];
  identityConflicts: IdentityConflict[];
}

export type EventType = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias';

export interface TimelineEvent {
  id: number;
  type: EventType;
  name?: string;
  occurredAt: string;
  receivedAt?: string;
  messageId?: string;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export interface Timeline extends Page<TimelineEvent> {
  total?: number;
}

export const customersApi = {
  search: (query: CustomerQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<CustomerSummary>>('/api/v1/customers', { query: { ...query, cursor, limit: 50 }, signal }),
  profile: (id: string, signal?: AbortSignal) => api.get<Profile>(`/api/v1/customers/${encodeURIComponent(id)}`, { signal }),
  consentChanges: (id: number, signal?: AbortSignal) =>
    api.get<ConsentChange[]>(`/api/v1/customers/${id}/consent-changes`, { signal }),
  events: (id: number, name: string | undefined, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Timeline>(`/api/v1/customers/${id}/events`, { query: { name, cursor, limit: 25 }, signal }),
};
