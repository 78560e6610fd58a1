import { api } from '../shared/api/client';
import type { Schemas, Shaped } from '../shared/api/schemas';
import type { JourneyGraph } from './graph';

export type Journey = Shaped<Schemas['Journey'], { draft: JourneyGraph }>;
export type JourneyStatus = Journey['status'];
export type JourneyVersion = Shaped<Schemas['JourneyVersion'], { graph: JourneyGraph }>;
export type JourneyReport = Schemas['JourneyReport'];
export type JourneyEffect = Schemas['JourneyEffect'];
export type NodeCount = Schemas['JourneyNodeCount'];
export type Arm = Schemas['JourneyArm'];
export type JourneyExperiment = Schemas['JourneyExperiment'];
export type JourneyVariant = Schemas['JourneyVariant'];
export type ActionType = Schemas['ActionType'];
export type MessageTemplate = Schemas['MessageTemplate'];
export type BestHours = Schemas['BestHours'];
export type DryRun = Schemas['DryRun'];
export type DryRunStep = Schemas['DryRunStep'];

export interface JourneyChange {
  name: string;
  description?: string;
  draft: JourneyGraph;
}

const journey = (id: number | string) => `/api/v1/journeys/${encodeURIComponent(String(id))}`;

export const journeysApi = {
  list: (signal?: AbortSignal) => api.get<Journey[]>('/api/v1/journeys', { signal }),
  get: (id: number | string, signal?: AbortSignal) => api.get<Journey>(journey(id), { signal }),
  create: (change: JourneyChange) => api.post<Journey>('/api/v1/journeys', change),
  save: (id: number, change: JourneyChange) => api.put<Journey>(journey(id), change),
  check: (draft: JourneyGraph, signal?: AbortSignal) =>
    api.post<Schemas['JourneyCheck']>('/api/v1/journeys/check', { draft }, { signal }),
  dryRun: (draft: JourneyGraph, journeyId: number, customerId: number | undefined, signal?: AbortSignal) =>
    api.post<DryRun>('/api/v1/journeys/dry-run', { draft, journeyId, customerId }, { signal }),
  publish: (id: number) => api.post<Journey>(`${journey(id)}/publish`),
  pause: (id: number) => api.post<Journey>(`${journey(id)}/pause`),
  resume: (id: number) => api.post<Journey>(`${journey(id)}/resume`),
  archive: (id: number) => api.post<Journey>(`${journey(id)}/archive`),
  versions: (id: number, signal?: AbortSignal) => api.get<JourneyVersion[]>(`${journey(id)}/versions`, { signal }),
  report: (id: number, signal?: AbortSignal) => api.get<JourneyReport>(`${journey(id)}/report`, { signal }),
  actions: (signal?: AbortSignal) => api.get<ActionType[]>('/api/v1/journey-actions', { signal }),
  bestHours: (signal?: AbortSignal) => api.get<BestHours>('/api/v1/journeys/best-hours', { signal }),
  templates: (signal?: AbortSignal) => api.get<MessageTemplate[]>('/api/v1/message-templates', { signal }),
};
