import { api, type Page } from '../shared/api/client';

export interface RejectionError {
  field: string;
  rule: string;
  detail: string;
}

/** A message the tracking API rejected, as kept for operators: personal data masked, the write key removed. */
export interface RejectedMessage {
  id: number;
  rejectedAt: string;
  writeKeyId?: number;
  writeKeyName?: string;
  /** The endpoint it was sent to: batch, track, identify, ... or internal. */
  endpoint: string;
  /** Its position in the batch; absent for a single-message request. */
  index?: number;
  messageId?: string;
  /** The first rule it broke. */
  reason: string;
  errors: RejectionError[];
  body: string;
  bodyTruncated: boolean;
}

export const ingestApi = {
  rejectedMessages: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<RejectedMessage>>('/api/v1/ingestion/rejected-messages', { query: { cursor, limit: 50 }, signal }),
};
