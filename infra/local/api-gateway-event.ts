import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { RouteDefinition } from '../../functions/routes.ts';

/** API Gateway's JWT authorizer hands claims to Lambda as strings; arrays arrive flattened as `[a b]`. */
export function claimsAsApiGatewaySendsThem(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]),
  );
}

export interface MatchedRoute {
  route: RouteDefinition;
  pathParameters: Record<string, string>;
}

/** Matches a path against the route table the way API Gateway does (`{id}` is one path segment). */
/** Routes split into segments once: matching runs on every request. */
const compiled = new WeakMap<readonly RouteDefinition[], { route: RouteDefinition; segments: { literal?: string; parameter?: string }[] }[]>();

function compile(routes: readonly RouteDefinition[]) {
  let table = compiled.get(routes);
  if (!table) {
    table = routes.map((route) => ({
      route,
      segments: route.path.split('/').map((segment) => {
        const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
        return parameter ? { parameter } : { literal: segment };
      }),
    }));
    compiled.set(routes, table);
  }
  return table;
}

export function matchRoute(routes: readonly RouteDefinition[], method: string, path: string): MatchedRoute | undefined {
  const actual = path.split('/');
  let best: MatchedRoute | undefined;
  let fewestParameters = Infinity;
  for (const { route, segments } of compile(routes)) {
    if (route.method !== method || segments.length !== actual.length) continue;
    const pathParameters: Record<string, string> = {};
    let parameters = 0;
    const matches = segments.every((segment, i) => {
      const value = actual[i] ?? '';
      if (segment.parameter === undefined) return segment.literal === value;
      pathParameters[segment.parameter] = safeDecode(value);
      parameters++;
      return value !== '';
    });
    // As in API Gateway, the most specific route wins: `/transfers/destinations` over `/transfers/{id}`.
    if (matches && parameters < fewestParameters) {
      best = { route, pathParameters };
      fewestParameters = parameters;
    }
  }
  return best;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** An HTTP request as the API Gateway v2 (payload format 2.0) event Lambda receives for it. */
export function toApiGatewayEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  matched: MatchedRoute,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  // Spreadsheets (`…openxmlformats…spreadsheetml…`) are binary although their type mentions xml.
  const textual = contentType === '' || (/json|text|csv|xml|urlencoded/.test(contentType) && !/openxmlformats|octet-stream/.test(contentType));
  const now = new Date();
  const routeKey = `${matched.route.method} ${matched.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(matched.pathParameters).length ? matched.pathParameters : undefined,
    body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}
