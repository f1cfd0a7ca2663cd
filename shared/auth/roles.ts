import * as z from 'zod';

export const ROLES = ['caseworker', 'supervisor', 'manager', 'tenant_admin', 'partner', 'platform_operator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The pseudo-tenant of the control plane: platform operators and the tenant registry live here. */
export const PLATFORM_TENANT_ID = '_platform';
