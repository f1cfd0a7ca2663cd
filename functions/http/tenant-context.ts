import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { authorize, type Action, type Scope } from '../../shared/auth/permissions.ts';
import { principalFromClaims, type Principal } from './claims.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor, tableName } from '../data/dynamo-client.ts';
import { requestLog, type RequestLog } from './logger.ts';

/**
 * Everything a handler may use, built once per request from the verified token: the principal, a logger
 * carrying tenant and request id, and the repository fenced to the principal's tenant. Handlers get data
 * access only through this.
 */
export interface TenantContext extends Principal {
  requestId: string;
  log: RequestLog;
  repository: TenantRepository;
  /** The scope in which the caller may perform `action`; throws FORBIDDEN if none. */
  authorize(action: Action): Scope;
}

export function tenantContext(event: APIGatewayProxyEventV2WithJWTAuthorizer): TenantContext {
  const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
  const requestId = event.requestContext.requestId;
  return {
    ...principal,
    requestId,
    log: requestLog({ tenant: principal.tenantId, userId: principal.userId, requestId }),
    repository: new TenantRepository(principal.tenantId, documentClientFor(principal.tenantId), tableName()),
    authorize: (action) => authorize(principal.roles, action),
  };
}
