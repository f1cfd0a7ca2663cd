import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import * as z from 'zod';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { LoginInput } from '../../shared/schemas/api.ts';
import { errorResponse, ok, type ApiResponse } from '../../functions/http/responses.ts';
import type { LocalCredentials } from '../../functions/identity/local-credentials.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import type { LocalIssuer } from './local-issuer.ts';

const SwitchInput = z.object({ tenant: z.string().min(1).max(40) });

/**
 * The local identity provider (Cognito's stand-in): sign-in throttled per account name and per client address
 * with exponential backoff, every attempt audited in the tenant's space, and a tenant switch for people with
 * several memberships.
 */
export class LocalLogin {
  constructor(
    private readonly credentials: LocalCredentials,
    private readonly issuer: LocalIssuer,
  ) {}

  async signIn(body: unknown, request: IncomingMessage): Promise<ApiResponse> {
    const parsed = LoginInput.safeParse(body);
    if (!parsed.success) return errorResponse('VALIDATION_FAILED', 'Send {"username", "password"}');
    const { username, password, tenant } = parsed.data;
    const address = request.socket.remoteAddress ?? 'unknown';
    const result = await this.credentials.signIn(username, password, tenant, address);
    await audit(result.outcome === 'ok' ? result.subject.tenantId : result.tenantId, username, result.outcome, address);
    if (result.outcome === 'throttled') {
      const response = errorResponse('RATE_LIMITED', 'Too many sign-in attempts: wait a little and try again');
      return { ...response, headers: { ...response.headers, 'retry-after': String(result.retryAfterSeconds) } };
    }
    if (result.outcome !== 'ok') return errorResponse('UNAUTHENTICATED', 'Wrong username or password');
    const issued = await this.issuer.issue(result.subject);
    return ok({ ...issued, tenant: result.subject.tenantId, memberships: result.memberships.map(({ tenantId, roles }) => ({ tenantId, roles })) });
  }

  /** A token for another tenant the same person belongs to, in exchange for a valid token. */
  async switchTenant(body: unknown, authorization: string | undefined): Promise<ApiResponse> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    const claims = token ? await this.issuer.verify(token) : undefined;
    if (!claims) return errorResponse('UNAUTHENTICATED', 'Sign in first');
    const parsed = SwitchInput.safeParse(body);
    if (!parsed.success) return errorResponse('VALIDATION_FAILED', 'Send {"tenant"}');
    const person = await this.credentials.find(String(claims['cognito:username']));
    const membership = person?.memberships.find((m) => m.tenantId === parsed.data.tenant && !person.disabledIn.includes(m.tenantId));
    if (!person || !membership) return errorResponse('FORBIDDEN', 'You are not a member of that tenant');
    return ok({ ...(await this.issuer.issue({ ...membership, username: person.username })), tenant: membership.tenantId });
  }
}

/** Sign-ins and failed sign-ins, per tenant and month: `AUDIT#SIGNIN#<yyyy-mm>`. */
async function audit(tenantId: string | undefined, username: string, outcome: string, sourceIp: string) {
  const at = new Date().toISOString();
  const space = tenantRepository(tenantId ?? PLATFORM_TENANT_ID);
  await space.transact([{
    put: { pk: `AUDIT#SIGNIN#${at.slice(0, 7)}`, sk: `${at}#${randomUUID()}`, entity: 'sign-in', at, username, outcome, sourceIp },
  }]);
}

