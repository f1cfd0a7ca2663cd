import { PLATFORM_TENANT_ID, Role } from '../../shared/auth/roles.ts';
import { DomainError, unauthenticated } from '../../shared/errors.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { TENANT_PROFILE_KEY, cachedTenantProfile, rememberTenantProfile } from '../tenants/tenant-store.ts';
import type { Principal } from './claims.ts';

/**
 * What a request may do is decided by the user's profile, not only by the token: a disabled user, a user
 * whose password was reset (tokens issued before `sessionsValidAfter`) or a removed user is refused at once,
 * and roles are the profile's, so a role change applies to the next request. Profiles are cached for a few
 * seconds per warm function (the tenant's for a minute), and both are fetched in one read when both expired.
 */
const SESSION_CACHE_MS = 5_000;

interface SessionProfile {
  status: 'active' | 'disabled';
  roles: Role[];
  organizationId?: string;
  unitId?: string;
  sessionsValidAfter?: number;
}

const profiles = new Map<string, { profile: SessionProfile | null; until: number }>();
const profileKey = (userId: string) => ({ partition: `USER#${userId}`, sk: 'PROFILE' });
const cacheKey = (tenantId: string, userId: string) => `${tenantId}|${userId}`;

/** Drops a cached profile (after a change by this container, so it applies here on the very next request). */
export function forgetSession(tenantId: string, userId: string): void {
  profiles.delete(cacheKey(tenantId, userId));
}

/** The principal as the profile says it is now; throws 401 for a session that ended, 403 for a suspended tenant. */
export async function currentPrincipal(repository: TenantRepository, principal: Principal): Promise<Principal> {
  const platform = principal.tenantId === PLATFORM_TENANT_ID;
  // In AWS only the control-plane functions hold a registry role; the platform operator may do nothing elsewhere.
  if (platform && !registryReadable()) return principal;
  const now = Date.now();
  const cachedProfile = profiles.get(cacheKey(principal.tenantId, principal.userId));
  let profile = cachedProfile && cachedProfile.until > now ? cachedProfile.profile : undefined;
  let tenant = platform ? undefined : cachedTenantProfile(principal.tenantId);
  const wanted = [
    ...(profile === undefined ? [profileKey(principal.userId)] : []),
    ...(!platform && !tenant ? [{ partition: TENANT_PROFILE_KEY.pk, sk: TENANT_PROFILE_KEY.sk }] : []),
  ];
  if (wanted.length > 0) {
    const items = await repository.getMany(wanted);
    const find = (sk: string, partition: string) => items.find((item) => item.sk === sk && item.pk === repository.key(partition));
    if (profile === undefined) {
      profile = toSessionProfile(find('PROFILE', `USER#${principal.userId}`));
      profiles.set(cacheKey(principal.tenantId, principal.userId), { profile, until: now + SESSION_CACHE_MS });
    }
    if (!platform && !tenant) tenant = rememberTenantProfile(principal.tenantId, find(TENANT_PROFILE_KEY.sk, TENANT_PROFILE_KEY.pk));
  }
  const session = profile ?? null;
  if (tenant?.status === 'suspended') throw new DomainError('TENANT_SUSPENDED', 'This tenant is suspended; contact the platform operator');
  // The platform's first operator is created by hand in Cognito (README, Deploy) and has no profile.
  if (session === null) {
    if (platform) return principal;
    throw unauthenticated('This account no longer exists here');
  }
  if (session.status !== 'active') throw unauthenticated('This account is disabled');
  if (session.sessionsValidAfter !== undefined && (principal.issuedAt ?? 0) < session.sessionsValidAfter) {
    throw unauthenticated('This session has ended: sign in again');
  }
  return {
    ...principal,
    roles: session.roles,
    ...(session.organizationId ? { organizationId: session.organizationId } : {}),
    ...(session.unitId ? { unitId: session.unitId } : {}),
  };
}

const registryReadable = () => !process.env.SANAD_TENANT_ROLE_ARN || Boolean(process.env.SANAD_REGISTRY_ROLE_ARN);

function toSessionProfile(item: Record<string, unknown> | undefined): SessionProfile | null {
  if (!item) return null;
  const roles = Array.isArray(item.roles) ? item.roles.flatMap((role) => (Role.safeParse(role).success ? [role as Role] : [])) : [];
  return {
    status: item.status === 'active' ? 'active' : 'disabled',
    roles,
    ...(typeof item.organizationId === 'string' ? { organizationId: item.organizationId } : {}),
    ...(typeof item.unitId === 'string' ? { unitId: item.unitId } : {}),
    ...(typeof item.sessionsValidAfter === 'number' ? { sessionsValidAfter: item.sessionsValidAfter } : {}),
  };
}
