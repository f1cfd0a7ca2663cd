import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../../shared/errors.ts';
import { logger } from './logger.ts';
import { parseRequest, type ApiRequest } from './request.ts';
import { toErrorResponse, type ApiResponse } from './responses.ts';
import { claimedPrincipal, tenantContext, type TenantContext } from './tenant-context.ts';
import { throttle } from './rate-limit.ts';

export type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * A handler for an authenticated route: parse → context from verified claims (throttled per user; refused
 * when the tenant is suspended or the session has ended; roles as the profile has them now) → domain → respond.
 */
export function route(fn: (req: ApiRequest, ctx: TenantContext) => Promise<ApiResponse>): Handler {
  return (event) =>
    respond(event, async () => {
      const req = parseRequest(event);
      const claimed = claimedPrincipal(event);
      throttle(claimed.userId);
      return fn(req, await tenantContext(event, claimed));
    });
}

/** A handler for a route that answers without a token (health, OpenAPI). */
export function publicRoute(fn: (req: ApiRequest) => Promise<ApiResponse>): Handler {
  return (event) => respond(event, async () => fn(parseRequest(event)));
}

async function respond(event: APIGatewayProxyEventV2WithJWTAuthorizer, run: () => Promise<ApiResponse>): Promise<ApiResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
      const response = toErrorResponse(error);
      return { ...response, headers: { ...response.headers, 'retry-after': '60' } };
    }
    const log = { requestId: event.requestContext.requestId, routeKey: event.requestContext.routeKey };
    if (error instanceof DomainError && error.code !== 'INTERNAL') {
      logger.info('request refused', { ...log, code: error.code });
    } else {
      // The stack stays in the log; the client gets a generic message.
      logger.error('request failed', { ...log, error: error as Error });
    }
    return toErrorResponse(error);
  }
}
