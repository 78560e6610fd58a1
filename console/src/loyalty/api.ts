import { api } from '../shared/api/client';
import type { Schemas } from '../shared/api/schemas';

export type PointsView = Schemas['PointsView'];
export type PointsLine = Schemas['PointsLine'];

export const loyaltyApi = {
  points: (customerId: number, signal?: AbortSignal) =>
    api.get<PointsView>(`/api/v1/customers/${customerId}/points`, { query: { limit: 100 }, signal }),
};
