/**
 * The API's routes: one Lambda handler module per route. The CDK stack creates a function and an HTTP API
 * route for each entry; the local server dispatches to the very same modules. `entry` is relative to
 * `functions/` and the module exports `handler`.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway route path, parameters in braces. */
  path: `/api/v1/${string}`;
  entry: string;
  /** false only for routes that answer without a token. */
  authenticated: boolean;
  /** Needs to read and write case data (gets the tenant data role). */
  tenantData: boolean;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/api/v1/health', entry: 'session/health.ts', authenticated: false, tenantData: false },
  { method: 'GET', path: '/api/v1/openapi.json', entry: 'openapi/get-openapi.ts', authenticated: false, tenantData: false },
  { method: 'GET', path: '/api/v1/me', entry: 'session/me.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/cases', entry: 'cases/create-case.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/cases', entry: 'cases/list-cases.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/cases/{id}', entry: 'cases/get-case.ts', authenticated: true, tenantData: true },
];
