import { api } from '../shared/api/client';
import type { Schemas, Shaped } from '../shared/api/schemas';
import type { Condition, Definition } from './condition/model';

export type Count = Schemas['Count'];
export type Preview = Schemas['Preview'];
export type Segment = Shaped<Schemas['SegmentView'], { definition: Definition }>;
export type SegmentChange = Shaped<Schemas['SegmentRequest'], { definition: Definition }>;
export type Members = Schemas['SliceCustomerSummary'];
export type TrendPoint = Schemas['TrendPoint'];
/** Region sizes of two or three segments, keyed by the ids of the segments a region is inside, e.g. "1+3". */
export type Overlap = Schemas['Overlap'];
export type Snapshot = Schemas['Snapshot'];
export type SegmentVersion = Shaped<Schemas['Version'], { definition: Definition }>;

export type TagCategory = Schemas['TagCategory'];
export type TagKind = Schemas['TagView']['kind'];

/** One value of a value tag kept by rules: the first rule whose condition holds gives the value. */
export interface ValueRule {
  value: string;
  condition?: Condition;
}

/** A definition for a rule tag, the ordered value rules of a value tag kept by rules, else absent. */
type TagRule = { rule?: Definition | ValueRule[] | null };

export type ValueCount = Schemas['ValueCount'];
export type Tag = Shaped<Schemas['TagView'], TagRule>;
export type TagChange = Shaped<Schemas['TagRequest'], TagRule>;
export type Assignment = Schemas['Assignment'];
export type CustomerTag = Schemas['CustomerTag'];
export type TagHistoryEntry = Schemas['TagChange'];
export type CustomerTags = Schemas['CustomerTags'];

type StageCondition = { condition?: Condition | null };
export type Stage = Shaped<Schemas['StageView'], StageCondition>;
export type LifecycleModel = Shaped<Schemas['ModelView'], { stages: Stage[] }>;
/** One stage as PUT takes it: the server describes the list of stages only as JSON. */
export type StageChange = { value: string; label?: string } & StageCondition;
export type DistributionPoint = Schemas['DistributionPoint'];
/** Customers who moved between two stages; `from` is absent for customers new to the model. */
export type Flow = Schemas['Flow'];

export type RfmCell = Schemas['RfmCell'];
export type Rfm = Schemas['RfmView'];
export type RfmSettings = Schemas['RfmSettings'];
export type CustomerRfm = Schemas['Rfm'];
export type CustomerAudience = Schemas['CustomerAudience'];
/** A trait customers hold, and which kinds of values it holds. */
export type TraitTerm = Schemas['TraitTerm'];
/** The names conditions can use, as the index knows them now. */
export type Vocabulary = Schemas['Vocabulary'];

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
    api.post<Overlap>('/api/v1/segments/overlap', { segments } satisfies Schemas['OverlapRequest'], { signal }),
  snapshots: (id: number, signal?: AbortSignal) => api.get<Snapshot[]>(`${segment(id)}/snapshots`, { signal }),
  takeSnapshot: (id: number, name: string | undefined) => api.post<Snapshot>(`${segment(id)}/snapshots`, { name } satisfies Schemas['SnapshotRequest']),
  versions: (id: number, signal?: AbortSignal) => api.get<SegmentVersion[]>(`${segment(id)}/versions`, { signal }),
  exportUrl: (id: number) => `${segment(id)}/export`,
  snapshotExportUrl: (id: number, snapshotId: number) => `${segment(id)}/snapshots/${snapshotId}/export`,

  categories: (signal?: AbortSignal) => api.get<TagCategory[]>('/api/v1/tag-categories', { signal }),
  createCategory: (name: string, description?: string) =>
    api.post<TagCategory>('/api/v1/tag-categories', { name, description } satisfies Schemas['CategoryRequest']),
  tags: (signal?: AbortSignal) => api.get<Tag[]>('/api/v1/tags', { signal }),
  tag: (id: number | string, signal?: AbortSignal) => api.get<Tag>(`/api/v1/tags/${encodeURIComponent(String(id))}`, { signal }),
  createTag: (change: TagChange) => api.post<Tag>('/api/v1/tags', change),
  updateTag: (id: number, change: TagChange) => api.put<Tag>(tag(id), change),
  deleteTag: (id: number) => api.delete<void>(tag(id)),
  assign: (id: number, customers: string[], value?: string) =>
    api.post<Assignment>(`${tag(id)}/assignments`, { customers, value } satisfies Schemas['AssignmentRequest']),
  assignCsv: (id: number, csv: string, value?: string) =>
    api.post<Assignment>(`${tag(id)}/assignments`, csv, { contentType: 'text/csv', query: { value } }),
  remove: (id: number, customers: string[]) => api.post<Assignment>(`${tag(id)}/removals`, { customers } satisfies Schemas['AssignmentRequest']),
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
