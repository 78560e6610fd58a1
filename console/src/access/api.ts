import { api, type Page } from '../shared/api/client';
import type { Permission, Role } from './permissions';

/** The operator (or token) behind the current session. */
export interface Session {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  kind: string;
  permissions: Permission[];
}

/** Where a write key may send to: tracking only (browser), or tracking and the catalogue feed (server). */
export type WriteKeyScope = 'browser' | 'server';

export const WRITE_KEY_SCOPES: readonly WriteKeyScope[] = ['browser', 'server'];

export interface WriteKey {
  id: number;
  name: string;
  prefix: string;
  /** Write keys only; API tokens have a role instead. */
  scope?: WriteKeyScope;
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface ApiToken extends WriteKey {
  role: Role;
}

/** A credential just made: the secret is in this answer and nowhere else, ever. */
export interface NewSecret<T> {
  issued: T;
  secret: string;
}

export interface Operator {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Some address has failed to sign in as this operator too often and is held back. */
  signInHeldBack: boolean;
  signInHeldBackUntil?: string;
  lastSignInAt?: string;
  createdAt: string;
}

export interface NewOperator {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface OperatorChange {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

export interface PermissionDescription {
  authority: Permission;
  description: string;
}

export interface RolePermissions {
  role: Role;
  permissions: PermissionDescription[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  target?: string;
  outcome?: number | string;
  detail?: Record<string, unknown> | string | null;
  clientIp?: string;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
}

const SESSION = '/api/v1/session';

export const accessApi = {
  currentSession: (signal?: AbortSignal) => api.get<Session>(SESSION, { signal, redirectOnUnauthorized: false }),
  signIn: (username: string, password: string) =>
    api.post<Session>(SESSION, { username, password }, { redirectOnUnauthorized: false }),
  signOut: () => api.delete<void>(SESSION, { redirectOnUnauthorized: false }),

  writeKeys: (signal?: AbortSignal) => api.get<WriteKey[]>('/api/v1/write-keys', { signal }),
  createWriteKey: (name: string, scope: WriteKeyScope) =>
    api.post<NewSecret<WriteKey>>('/api/v1/write-keys', { name, scope }),
  revokeWriteKey: (id: number) => api.delete<WriteKey>(`/api/v1/write-keys/${id}`),

  apiTokens: (signal?: AbortSignal) => api.get<ApiToken[]>('/api/v1/api-tokens', { signal }),
  createApiToken: (name: string, role: Role) => api.post<NewSecret<ApiToken>>('/api/v1/api-tokens', { name, role }),
  revokeApiToken: (id: number) => api.delete<ApiToken>(`/api/v1/api-tokens/${id}`),

  operators: (signal?: AbortSignal) => api.get<Operator[]>('/api/v1/operators', { signal }),
  createOperator: (operator: NewOperator) => api.post<Operator>('/api/v1/operators', operator),
  changeOperator: (id: number, change: OperatorChange) => api.patch<Operator>(`/api/v1/operators/${id}`, change),
  resetPassword: (id: number, password: string) => api.put<void>(`/api/v1/operators/${id}/password`, { password }),
  unlockOperator: (id: number) => api.post<Operator>(`/api/v1/operators/${id}/unlock`),

  roles: (signal?: AbortSignal) => api.get<RolePermissions[]>('/api/v1/roles', { signal }),
  permissions: (signal?: AbortSignal) => api.get<PermissionDescription[]>('/api/v1/permissions', { signal }),

  auditLog: (query: AuditQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/api/v1/audit-log', { query: { ...query, cursor, limit: 50 }, signal }),
};
