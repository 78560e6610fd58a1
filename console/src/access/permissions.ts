import type { Schemas } from '../shared/api/schemas';

/** What a role may do, as the server names it (such as `customers:read`). */
export type Permission = Schemas['PermissionView']['authority'];

export type Role = Schemas['OperatorView']['role'];

/** Every role, in the order the console lists them. */
export const ROLES: readonly Role[] = ['ADMIN', 'MARKETER', 'ANALYST', 'COMMUNITY_MANAGER', 'CUSTOMER_SERVICE'];
