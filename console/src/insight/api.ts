import { api } from '../shared/api/client';
import type { Schemas } from '../shared/api/schemas';

export type OverviewTotals = Schemas['Totals'];
export type OverviewDay = Schemas['Day'];
export type ChannelCount = Schemas['ChannelShare'];
export type TopProduct = Schemas['TopProduct'];
export type CategorySales = Schemas['CategorySales'];
export type Overview = Schemas['Overview'];

export const WINDOWS = [7, 30, 90, 365] as const;
export type Window = (typeof WINDOWS)[number];

export const insightApi = {
  overview: (days: Window, signal?: AbortSignal) => api.get<Overview>('/api/v1/overview', { query: { days }, signal }),
};
