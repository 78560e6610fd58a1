export type Permission =
  | 'customers:read'
  | 'personal-data:read'
  | 'commerce:read'
  | 'catalogue:write'
  | 'insight:read'
  | 'audience:read'
  | 'audience:write'
  | 'audience:export'
  | 'imports:run'
  | 'ingestion:read'
  | 'keys:manage'
  | 'operators:manage'
  | 'audit:read'
  | 'metrics:read';

export const ROLES = ['ADMIN', 'MARKETER', 'ANALYST', 'COMMUNITY_MANAGER', 'CUSTOMER_SERVICE'] as const;

export type Role = (typeof ROLES)[number];
