import { api, type Page } from '../shared/api/client';
import type { Schemas, Shaped } from '../shared/api/schemas';

export type RejectionError = Schemas['Violation'];

/** A message the tracking API rejected, as kept for operators: personal data masked, the write key removed. */
export type RejectedMessage = Shaped<Schemas['RejectedMessage'], { errors: RejectionError[] }>;

export const ingestApi = {
  rejectedMessages: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<RejectedMessage>>('/api/v1/ingestion/rejected-messages', { query: { cursor, limit: 50 }, signal }),
};
