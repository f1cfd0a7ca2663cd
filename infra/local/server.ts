import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { ROUTES } from '../../functions/routes.ts';
import type { Handler } from '../../functions/http/route.ts';
import { MAX_BODY_BYTES } from '../../functions/http/request.ts';
import { errorResponse, toErrorResponse, type ApiResponse } from '../../functions/http/responses.ts';
import { API_RESPONSE_HEADERS, securityHeaders } from '../../shared/security-headers.ts';
import { translateDynamoError } from '../../functions/data/dynamo-errors.ts';
import { DomainError } from '../../shared/errors.ts';
import { claimsAsApiGatewaySendsThem, matchRoute, toApiGatewayEvent } from './api-gateway-event.ts';
import type { LocalCredentials } from '../../functions/identity/local-credentials.ts';
import { LocalLogin } from './local-login.ts';
import type { LocalIssuer } from './local-issuer.ts';

export interface LocalServerOptions {
  repoRoot: string;
  webDir: string;
  issuer: LocalIssuer;
  credentials: LocalCredentials;
}

class BodyTooLarge extends Error {}

/**
 * What CloudFront's response headers policy adds to every response in AWS, from the same definition. Without
 * HSTS: this origin is plain HTTP on 127.0.0.1, where browsers ignore it (RFC 6797 §8.1).
 */
const ORIGIN_HEADERS = Object.entries(securityHeaders({ https: false }));

/**
 * A source map, however the path is spelled: sirv decodes `%XX`, drops a trailing slash and may answer
 * with a precompressed `.gz` or `.br` twin. The build emits none (web/vite.config.ts); this keeps a stale
 * or hand-made one from being served.
 */
function isSourceMap(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // a malformed escape: sirv keeps the raw path, and so do we
  }
  return /\.map(\.gz|\.br)?\/*$/i.test(decoded);
}

/**
 * One origin, as CloudFront gives in AWS: `/api/*` goes to the very Lambda handlers (fed API Gateway v2
 * events, after the JWT check the HTTP API's authorizer would make), `/local/login` is the local identity
 * provider, and everything else is the built SPA with a fallback to index.html.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const handlers = new Map<string, Promise<Handler>>();
  const loadHandler = (entry: string) => {
    let loading = handlers.get(entry);
    if (!loading) {
      const url = pathToFileURL(join(options.repoRoot, 'functions', entry)).href;
      loading = import(url).then((module: { handler: Handler }) => module.handler);
      handlers.set(entry, loading);
    }
    return loading;
  };
  const login = new LocalLogin(options.credentials, options.issuer);
  const spa = existsSync(options.webDir) ? sirv(options.webDir, { single: true, etag: true, gzip: true }) : undefined;

  return createServer((request, response) => {
    for (const [name, value] of ORIGIN_HEADERS) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://local');
    const path = url.pathname;
    const serve = async (): Promise<ApiResponse | undefined> => {
      if (path === '/local/login' || path === '/local/switch-tenant') {
        if (request.method !== 'POST') return errorResponse('NOT_FOUND', `Use POST ${path}`);
        const body = await readJson(request);
        if (body === INVALID_JSON) return errorResponse('VALIDATION_FAILED', 'The request body is not valid JSON');
        return path === '/local/login' ? login.signIn(body, request) : login.switchTenant(body, request.headers.authorization);
      }
      if (path.startsWith('/api/')) return api(request, url, options.issuer, loadHandler);
      if (path === '/config.json') return { statusCode: 200, headers: { 'content-type': 'application/json', ...API_RESPONSE_HEADERS }, body: '{"auth":"local"}' };
      if (isSourceMap(path)) return errorResponse('NOT_FOUND', 'Not found');
      return undefined;
    };
    serve()
      .then((result) => {
        if (result) return send(response, result);
        if (spa) return spa(request, response, () => send(response, errorResponse('NOT_FOUND', 'Not found')));
        send(response, { statusCode: 503, headers: { 'content-type': 'text/plain', ...API_RESPONSE_HEADERS }, body: 'The SPA is not built: run npm run build:web' });
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) {
          // The rest of the body is drained (readBody resumed the stream), so the client reads the 413 instead of
          // a reset; the connection closes after it.
          const tooLarge = errorResponse('PAYLOAD_TOO_LARGE', 'The request body is larger than 6 MB');
          send(response, { ...tooLarge, headers: { ...tooLarge.headers, connection: 'close' } });
          return;
        }
        // The local sign-in reaches DynamoDB too: an unreachable database is a 503 here as in the API.
        const translated = translateDynamoError(error);
        if (!(translated instanceof DomainError)) console.error(error);
        send(response, toErrorResponse(translated));
      });
  });
}

async function api(
  request: IncomingMessage,
  url: URL,
  issuer: LocalIssuer,
  loadHandler: (entry: string) => Promise<Handler>,
): Promise<ApiResponse> {
  const matched = matchRoute(ROUTES, request.method ?? 'GET', url.pathname);
  if (!matched) return errorResponse('NOT_FOUND', `No route ${request.method} ${url.pathname}`);
  let claims: Record<string, string> | undefined;
  if (matched.route.authenticated) {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const payload = token ? await issuer.verify(token) : undefined;
    // API Gateway's authorizer refuses before Lambda runs; the local stack answers in API.md's shape.
    if (!payload) return errorResponse('UNAUTHENTICATED', token ? 'The token is invalid or expired' : 'Sign in first: send Authorization: Bearer <token>');
    claims = claimsAsApiGatewaySendsThem(payload);
  }
  const body = await readBody(request);
  const handler = await loadHandler(matched.route.entry);
  const result = await handler(toApiGatewayEvent(request, url, body, matched, claims));
  return result as ApiResponse;
}

const INVALID_JSON = Symbol('invalid JSON');

async function readJson(request: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse((await readBody(request)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    return INVALID_JSON;
  }
}

const EMPTY = Buffer.alloc(0);

function readBody(request: IncomingMessage): Promise<Buffer> {
  // A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3): most GETs.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: ApiResponse): void {
  if (response.headersSent) return;
  response.writeHead(result.statusCode, result.headers);
  // As API Gateway does: a binary body (a spreadsheet) comes from Lambda base64-encoded.
  response.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}
