import { api, type Page } from '../shared/api/client';
import type { QueryOf, Schemas, Shaped } from '../shared/api/schemas';

export type CustomerSummary = Schemas['CustomerSummary'];
export type CustomerQuery = Omit<QueryOf<'/api/v1/customers'>, 'cursor' | 'limit'>;
export type Identity = Schemas['Identity'];

/** A trait's value is whatever JSON the shop sent. */
export type TraitValue = string | number | boolean | null | TraitValue[] | { [key: string]: TraitValue };

export type Trait = Shaped<Schemas['Trait'], { value: TraitValue }>;
export type EventCount = Schemas['EventCount'];
export type Facts = Schemas['Facts'];
/** Where the customer stands on one category of consent. */
export type Consent = Schemas['Consent'];
export type ConsentChange = Schemas['ConsentChange'];
export type Merge = Schemas['MergeRecord'];
export type IdentityConflict = Schemas['ConflictRecord'];
export type Profile = Shaped<Schemas['Profile'], { traits: Trait[] }>;

export type TimelineEvent = Schemas['TimelineEvent'];
export type EventType = TimelineEvent['type'];
export type Timeline = Schemas['SliceTimelineEvent'];

export const customersApi = {
  search: (query: CustomerQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<CustomerSummary>>('/api/v1/customers', { query: { ...query, cursor, limit: 50 }, signal }),
  profile: (id: string, signal?: AbortSignal) => api.get<Profile>(`/api/v1/customers/${encodeURIComponent(id)}`, { signal }),
  consentChanges: (id: number, signal?: AbortSignal) =>
    api.get<ConsentChange[]>(`/api/v1/customers/${id}/consent-changes`, { signal }),
  events: (id: number, name: string | undefined, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Timeline>(`/api/v1/customers/${id}/events`, { query: { name, cursor, limit: 25 }, signal }),
};
