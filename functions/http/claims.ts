import * as z from 'zod';
import { Role } from '../../shared/auth/roles.ts';
import { unauthenticated } from '../../shared/errors.ts';

/**
 * API Gateway's JWT authorizer passes array claims flattened into a string such as `[caseworker supervisor]`;
 * the local server does the same. Accept both that and a real array.
 */
const Groups = z.preprocess((value) => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}, z.array(z.string()));

const VerifiedClaims = z.object({
  sub: z.string().min(1),
  'custom:tenant': z.string().min(1),
  'cognito:groups': Groups.optional(),
  'cognito:username': z.string().optional(),
  username: z.string().optional(),
  'custom:organization': z.string().optional(),
  iat: z.coerce.number().int().optional(),
});

export interface Principal {
  userId: string;
  username: string;
  tenantId: string;
  roles: Role[];
  organizationId?: string;
  /** The user's home unit (from the profile; absent: the root). */
  unitId?: string;
  /** When the token was issued (Unix seconds): older than the profile's `sessionsValidAfter` is refused. */
  issuedAt?: number;
}

/** Reads the principal from claims the authorizer already verified; unknown group names are ignored. */
export function principalFromClaims(claims: Record<string, unknown> | undefined): Principal {
  const parsed = VerifiedClaims.safeParse(claims ?? {});
  if (!parsed.success) throw unauthenticated('The token lacks the claims Sanad needs');
  const c = parsed.data;
  const roles = (c['cognito:groups'] ?? []).flatMap((group) => {
    const role = Role.safeParse(group);
    return role.success ? [role.data] : [];
  });
  return {
    userId: c.sub,
    username: c['cognito:username'] ?? c.username ?? c.sub,
    tenantId: c['custom:tenant'],
    roles,
    organizationId: c['custom:organization'],
    ...(c.iat !== undefined ? { issuedAt: c.iat } : {}),
  };
}
