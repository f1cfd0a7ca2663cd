/**
 * The security headers of Sanad's one origin, defined once: CloudFront's response headers policy
 * (infra/constructs/web-hosting.ts) is built from `SECURITY_HEADERS`, and the local server
 * (infra/local/server.ts) sends `securityHeaders(...)` on every response. The API's own responses carry
 * `API_RESPONSE_HEADERS` (functions/http/responses.ts), also when reached without CloudFront.
 */
export const SECURITY_HEADERS = {
  /**
   * The SPA loads only its own bundled scripts, styles and fonts (@fontsource files are bundled by Vite)
   * and calls its own origin (`/api`, `/local/login`, `/config.json`); in AWS also Cognito (`connect-src`).
   * No inline script or style is needed: React sets `style` through the CSSOM, which CSP does not restrict.
   */
  contentSecurityPolicy: {
    'default-src': ["'self'"],
    'connect-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'style-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  },
  contentTypeOptions: 'nosniff',
  frameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  /** HTTPS only: browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1). */
  strictTransportSecurity: { maxAgeSeconds: 365 * 24 * 60 * 60, includeSubDomains: true, preload: true },
} as const;

export interface SecurityHeaderOptions {
  /** Origins the SPA may call besides its own: Cognito's endpoint in AWS, none locally. */
  connectSources?: readonly string[];
  /**
   * Whether the origin is served over HTTPS, where HSTS applies. The local origin is plain HTTP on
   * 127.0.0.1: there HSTS would be ignored, and were it ever honoured for `localhost` it would pin every
   * port of the host to HTTPS.
   */
  https: boolean;
}

/** The CSP as one header value; `connectSources` are added to `connect-src`. */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return Object.entries(SECURITY_HEADERS.contentSecurityPolicy)
    .map(([directive, sources]) => [directive, ...sources, ...(directive === 'connect-src' ? connectSources : [])].join(' '))
    .join('; ');
}

/** `SECURITY_HEADERS` as HTTP headers (lower-case names), the way CloudFront's policy sends them. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const hsts = SECURITY_HEADERS.strictTransportSecurity;
  return {
    'content-security-policy': contentSecurityPolicy(options.connectSources),
    'x-content-type-options': SECURITY_HEADERS.contentTypeOptions,
    'x-frame-options': SECURITY_HEADERS.frameOptions,
    'referrer-policy': SECURITY_HEADERS.referrerPolicy,
    ...(options.https
      ? { 'strict-transport-security': `max-age=${hsts.maxAgeSeconds}${hsts.includeSubDomains ? '; includeSubDomains' : ''}${hsts.preload ? '; preload' : ''}` }
      : {}),
  };
}

/** Every API response, JSON, file or error: never sniffed into another type, never stored by a cache. */
export const API_RESPONSE_HEADERS = {
  'x-content-type-options': SECURITY_HEADERS.contentTypeOptions,
  'cache-control': 'no-store',
} as const;
