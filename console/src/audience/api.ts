import type { CustomerSummary } from '../customers/api';
import { api, type Page } from '../shared/api/client';
import type { Condition, Definition } from './condition/model';

export interface Count {
  count: number;
  live: number;
  tookMillis: number;
}

export interface Preview {
  count: number;
  customers: CustomerSummary[];
}

export interface Segment {
  id: number;
  name: string;
  description?: string;
  definition: Definition;
  version: number;
  builtIn: boolean;
  size: number;
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentChange {
  name: string;
  description?: string;
  definition: Definition;
}

export interface Members extends Page<CustomerSummary> {
  total?: number;
}

export interface TrendPoint {
  day: string;
  size: number;
}

/** Region sizes of two or three segments, keyed by the ids of the segments a region is inside, e.g. "1+3". */
export interface Overlap {
  segments: number[];
  regions: Record<string, number>;
  union: number;
}

export interface Snapshot {
  id: number;
  segmentId: number;
  name: string;
  size: number;
  takenAt: string;
  takenBy?: string;
}

export interface SegmentVersion {
  version: number;
  definition: Definition;
  changedBy?: string;
  changedAt: string;
}

export interface TagCategory {
  id: number;
  name: string;
  description?: string;
  tags: number;
}

export type TagKind = 'MANUAL' | 'RULE' | 'VALUE';

/** One value of a value tag kept by rules: the first rule whose condition holds gives the value. */
export interface ValueRule {
  value: string;
  condition?: Condition;
}

export interface ValueCount {
  value: string;
  customers: number;
}

export interface Tag {
  id: number;
  categoryId?: number | null;
  name: string;
  kind: TagKind;
  description?: string;
  /** A definition for a rule tag, the ordered value rules of a value tag kept by rules, else absent. */
  rule?: Definition | ValueRule[] | null;
  customers: number;
  values: ValueCount[];
  createdAt: string;
}

export interface TagChange {
  name: string;
  categoryId?: number | null;
  kind?: TagKind;
  description?: string;
  rule?: Definition | ValueRule[] | null;
}

export interface Assignment {
  assigned: number;
  unknown: { field: string; rule?: string; detail: string }[];
}

export interface CustomerTag {
  tagId: number;
  name: string;
  kind: TagKind;
  value?: string | null;
  assignedAt: string;
  assignedBy?: string;
}

export interface TagHistoryEntry {
  tagId: number;
  name: string;
  change: 'ADDED' | 'CHANGED' | 'REMOVED' | string;
  value?: string | null;
  at: string;
  by?: string;
}

export interface CustomerTags {
  tags: CustomerTag[];
  history: TagHistoryEntry[];
}

export interface Stage {
  value: string;
  label: string;
  condition?: Condition | null;
  customers: number;
}

export interface LifecycleModel {
  name: string;
  label: string;
  builtIn: boolean;
  stages: Stage[];
}

export interface StageChange {
  value: string;
  label?: string;
  condition?: Condition | null;
}

export interface DistributionPoint {
  day: string;
  stage: string;
  customers: number;
}

/** Customers who moved between two stages; `from` is absent for customers new to the model. */
export interface Flow {
  from?: string | null;
  to: string;
  customers: number;
}

export interface RfmCell {
  recency: number;
  frequency: number;
  group: string;
  customers: number;
  averageMonetary: number;
}

export interface Rfm {
  windowDays: number;
  referenceDate: string;
  referenceIsToday: boolean;
  scored: number;
  cells: RfmCell[];
  groups: Record<string, number>;
}

export interface RfmSettings {
  windowDays: number;
  referenceDate?: string | null;
}

export interface CustomerRfm {
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  group?: string;
}

export interface CustomerAudience {
  customerId: number;
  segments: { id: number; name: string; builtIn: boolean }[];
  stages: Record<string, string>;
  rfm?: CustomerRfm | null;
  tags: CustomerTag[];
}

/** A trait customers hold, and which kinds of values it holds. */
export interface TraitTerm {
  name: string;
  text: boolean;
  numbers: boolean;
  dates: boolean;
}

/** The names conditions can use, as the index knows them now. */
export interface Vocabulary {
  traits: TraitTerm[];
  events: string[];
  indexedProperties: string[];
  measures: string[];
  consentCategories: string[];
}

const segment = (id: number | string) => `/api/v1/segments/${encodeURIComponent(String(id))}`;
const tag = (id: number) => `/api/v1/tags/${id}`;
const model = (name: string) => `/api/v1/lifecycle/models/${encodeURIComponent(name)}`;

export const audienceApi = {
  count: (definition: Definition, signal?: AbortSignal) =>
    api.post<Count>('/api/v1/segments/count', { definition }, { signal }),
  preview: (definition: Definition, limit: number, signal?: AbortSignal) =>
    api.post<Preview>('/api/v1/segments/preview', { definition, limit }, { signal }),
  vocabulary: (signal?: AbortSignal) => api.get<Vocabulary>('/api/v1/audience/vocabulary', { signal }),
  segments: (signal?: AbortSignal) => api.get<Segment[]>('/api/v1/segments', { signal }),
  segment: (id: number | string, signal?: AbortSignal) => api.get<Segment>(segment(id), { signal }),
  createSegment: (change: SegmentChange) => api.post<Segment>('/api/v1/segments', change),
  updateSegment: (id: number, change: SegmentChange) => api.put<Segment>(segment(id), change),
  deleteSegment: (id: number) => api.delete<void>(segment(id)),
  members: (id: number, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Members>(`${segment(id)}/members`, { query: { cursor, limit: 50 }, signal }),
  tagMembers: (id: number, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Members>(`/api/v1/tags/${id}/members`, { query: { cursor, limit: 50 }, signal }),
  trend: (id: number, days: number, signal?: AbortSignal) =>
    api.get<TrendPoint[]>(`${segment(id)}/trend`, { query: { days }, signal }),
  overlap: (segments: number[], signal?: AbortSignal) =>
    api.post<Overlap>('/api/v1/segments/overlap', { segments }, { signal }),
  snapshots: (id: number, signal?: AbortSignal) => api.get<Snapshot[]>(`${segment(id)}/snapshots`, { signal }),
  takeSnapshot: (id: number, name: string | undefined) => api.post<Snapshot>(`${segment(id)}/snapshots`, { name }),
  versions: (id: number, signal?: AbortSignal) => api.get<SegmentVersion[]>(`${segment(id)}/versions`, { signal }),
  exportUrl: (id: number) => `${segment(id)}/export`,
  snapshotExportUrl: (id: number, snapshotId: number) => `${segment(id)}/snapshots/${snapshotId}/export`,

  categories: (signal?: AbortSignal) => api.get<TagCategory[]>('/api/v1/tag-categories', { signal }),
  createCategory: (name: string, description?: string) =>
    api.post<TagCategory>('/api/v1/tag-categories', { name, description }),
  tags: (signal?: AbortSignal) => api.get<Tag[]>('/api/v1/tags', { signal }),
  tag: (id: number | string, signal?: AbortSignal) => api.get<Tag>(`/api/v1/tags/${encodeURIComponent(String(id))}`, { signal }),
  createTag: (change: TagChange) => api.post<Tag>('/api/v1/tags', change),
  updateTag: (id: number, change: TagChange) => api.put<Tag>(tag(id), change),
  deleteTag: (id: number) => api.delete<void>(tag(id)),
  assign: (id: number, customers: string[], value?: string) =>
    api.post<Assignment>(`${tag(id)}/assignments`, { customers, value }),
  assignCsv: (id: number, csv: string, value?: string) =>
    api.post<Assignment>(`${tag(id)}/assignments`, csv, { contentType: 'text/csv', query: { value } }),
  remove: (id: number, customers: string[]) => api.post<Assignment>(`${tag(id)}/removals`, { customers }),
  customerTags: (customerId: number, signal?: AbortSignal) =>
    api.get<CustomerTags>(`/api/v1/customers/${customerId}/tags`, { signal }),

  models: (signal?: AbortSignal) => api.get<LifecycleModel[]>('/api/v1/lifecycle/models', { signal }),
  saveModel: (name: string, label: string, stages: StageChange[]) =>
    api.put<LifecycleModel>(model(name), { label, stages }),
  distribution: (name: string, days: number, signal?: AbortSignal) =>
    api.get<DistributionPoint[]>(`${model(name)}/distribution`, { query: { days }, signal }),
  flows: (name: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<Flow[]>(`${model(name)}/flows`, { query: { from, to }, signal }),

  rfm: (signal?: AbortSignal) => api.get<Rfm>('/api/v1/rfm', { signal }),
  saveRfmSettings: (settings: RfmSettings) => api.put<Rfm>('/api/v1/rfm/settings', settings),
  customer: (customerId: number, signal?: AbortSignal) =>
    api.get<CustomerAudience>(`/api/v1/customers/${customerId}/audience`, { signal }),
};
