import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { authorize, type Action, type Scope } from '../../shared/auth/permissions.ts';
import { principalFromClaims, type Principal } from './claims.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor, tableName } from '../data/dynamo-client.ts';
import { requestLog, type RequestLog } from './logger.ts';
import { currentPrincipal } from './session-state.ts';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { unitTree } from '../units/unit-store.ts';
import { unitScopeOf, type UnitScope } from '../units/unit-scope.ts';

/**
 * Everything a handler may use, built once per request from the verified token: the principal, a logger
 * carrying tenant and request id, and the repository fenced to the principal's tenant. Handlers get data
 * access only through this.
 */
export interface TenantContext extends Principal {
  requestId: string;
  log: RequestLog;
  repository: TenantRepository;
  /** Where the caller's `unit` scope reaches (absent for the platform operator). */
  units?: UnitScope;
  /** The scope in which the caller may perform `action`; throws FORBIDDEN if none. */
  authorize(action: Action): Scope;
}

/** The principal of a request's verified claims (before the profile is consulted). */
export const claimedPrincipal = (event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal =>
  principalFromClaims(event.requestContext.authorizer?.jwt?.claims);

/** The context of a session that is still current (see `currentPrincipal`), with the profile's roles. */
export async function tenantContext(event: APIGatewayProxyEventV2WithJWTAuthorizer, claimed = claimedPrincipal(event)): Promise<TenantContext> {
  const repository = new TenantRepository(claimed.tenantId, documentClientFor(claimed.tenantId), tableName());
  const principal = await currentPrincipal(repository, claimed);
  const requestId = event.requestContext.requestId;
  const units = principal.tenantId === PLATFORM_TENANT_ID ? undefined : unitScopeOf(await unitTree(repository, principal.unitId), principal.unitId);
  return {
    ...principal,
    ...(units ? { units } : {}),
    requestId,
    log: requestLog({ tenant: principal.tenantId, userId: principal.userId, requestId }),
    repository,
    authorize: (action) => authorize(principal.roles, action),
  };
}
