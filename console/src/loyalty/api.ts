import { api } from '../shared/api/client';
import type { Schemas } from '../shared/api/schemas';

export type PointsView = Schemas['PointsView'];
export type PointsLine = Schemas['PointsLine'];

export type PointsAdjustment = Schemas['PointsAdjustment'];

export const loyaltyApi = {
  adjust: (customerId: number, adjustment: PointsAdjustment, idempotencyKey: string) =>
    api.post<PointsLine>(`/api/v1/customers/${customerId}/points/adjustments`, adjustment, { idempotencyKey }),
  points: (customerId: number, signal?: AbortSignal) =>
    api.get<PointsView>(`/api/v1/customers/${customerId}/points`, { query: { limit: 100 }, signal }),
};
