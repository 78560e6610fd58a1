import { api, type Page } from '../shared/api/client';
import type { QueryOf, Schemas, Shaped } from '../shared/api/schemas';
import type { Role } from './permissions';

/** The operator (or token) behind the current session. */
export type Session = Schemas['SessionView'];

/** Where a write key may send to: tracking only (browser), or tracking and the catalogue feed (server). */
export type WriteKeyScope = NonNullable<Schemas['Issued']['scope']>;

export const WRITE_KEY_SCOPES: readonly WriteKeyScope[] = ['browser', 'server'];

/** A write key or an API token: write keys have a scope, API tokens a role. */
export type WriteKey = Schemas['Issued'];
export type ApiToken = WriteKey & { role: Role };

/** A credential just made: the secret is in this answer and nowhere else, ever. */
export type NewSecret<T extends WriteKey> = Shaped<Schemas['NewSecret'], { issued: T }>;

/** A public key of the shop's backend that signs its customers' consumer tokens; it has no secret. */
export type ConsumerKey = Schemas['ConsumerKey'];
export type ConsumerKeyStatus = ConsumerKey['status'];

export type Operator = Schemas['OperatorView'];
export type NewOperator = Schemas['NewOperator'];
export type OperatorChange = Schemas['OperatorChange'];
export type PermissionDescription = Schemas['PermissionView'];
export type RolePermissions = Schemas['RoleView'];
/** An audit entry: its detail is the JSON object recorded, or a note where that was too long to keep. */
export type AuditEntry = Shaped<Schemas['Entry'], { detail?: Record<string, unknown> | string }>;
export type AuditQuery = Omit<QueryOf<'/api/v1/audit-log'>, 'cursor' | 'limit'>;

const SESSION = '/api/v1/session';

export const accessApi = {
  currentSession: (signal?: AbortSignal) => api.get<Session>(SESSION, { signal, redirectOnUnauthorized: false }),
  signIn: (username: string, password: string) =>
    api.post<Session>(SESSION, { username, password } satisfies Schemas['SignInRequest'], { redirectOnUnauthorized: false }),
  signOut: () => api.delete<void>(SESSION, { redirectOnUnauthorized: false }),

  writeKeys: (signal?: AbortSignal) => api.get<WriteKey[]>('/api/v1/write-keys', { signal }),
  createWriteKey: (name: string, scope: WriteKeyScope) =>
    api.post<NewSecret<WriteKey>>('/api/v1/write-keys', { name, scope } satisfies Schemas['NewWriteKey']),
  revokeWriteKey: (id: number) => api.delete<WriteKey>(`/api/v1/write-keys/${id}`),

  apiTokens: (signal?: AbortSignal) => api.get<ApiToken[]>('/api/v1/api-tokens', { signal }),
  createApiToken: (name: string, role: Role) => api.post<NewSecret<ApiToken>>('/api/v1/api-tokens', { name, role } satisfies Schemas['NewApiToken']),
  revokeApiToken: (id: number) => api.delete<ApiToken>(`/api/v1/api-tokens/${id}`),

  consumerKeys: (signal?: AbortSignal) => api.get<ConsumerKey[]>('/api/v1/consumer-keys', { signal }),
  registerConsumerKey: (name: string, jwk: Record<string, unknown>) =>
    api.post<ConsumerKey>('/api/v1/consumer-keys', { name, jwk } satisfies Schemas['NewConsumerKey']),
  retireConsumerKey: (kid: string) => api.post<ConsumerKey>(`/api/v1/consumer-keys/${encodeURIComponent(kid)}/retire`),
  revokeConsumerKey: (kid: string) => api.delete<ConsumerKey>(`/api/v1/consumer-keys/${encodeURIComponent(kid)}`),

  operators: (signal?: AbortSignal) => api.get<Operator[]>('/api/v1/operators', { signal }),
  createOperator: (operator: NewOperator) => api.post<Operator>('/api/v1/operators', operator),
  changeOperator: (id: number, change: OperatorChange) => api.patch<Operator>(`/api/v1/operators/${id}`, change),
  resetPassword: (id: number, password: string) => api.put<void>(`/api/v1/operators/${id}/password`, { password } satisfies Schemas['PasswordChange']),
  unlockOperator: (id: number) => api.post<Operator>(`/api/v1/operators/${id}/unlock`),

  roles: (signal?: AbortSignal) => api.get<RolePermissions[]>('/api/v1/roles', { signal }),
  permissions: (signal?: AbortSignal) => api.get<PermissionDescription[]>('/api/v1/permissions', { signal }),

  auditLog: (query: AuditQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/api/v1/audit-log', { query: { ...query, cursor, limit: 50 }, signal }),
};
