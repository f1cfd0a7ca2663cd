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
  /**
   * Reaches the tenant registry (the control plane's space) and the platform operators' profiles: `'read'` gets
   * the read-only registry role, `'read-write'` the role that may also write the registry. Either way its ARN
   * arrives as SANAD_REGISTRY_ROLE_ARN.
   */
  controlPlane?: 'read' | 'read-write';
  /** Manages sign-in accounts (Cognito admin actions). */
  manageAccounts?: boolean;
  /** Reaches the transfer exchange between tenants (its own role, fenced to the caller's transfers). */
  transferExchange?: boolean;
  /** Reads child tenants' dashboard counters (a read-only role, fenced to their COUNTERS items and the registry). */
  childAggregates?: boolean;
  /** Reads or writes XLSX: gets the spreadsheet layer (exceljs, loaded on the first spreadsheet request). */
  spreadsheets?: boolean;
  /** Starts or resumes register imports: may invoke the import worker function. */
  importWorker?: boolean;
  /** Starts (a unit move) or resumes (the reports) unit-move recounts: may invoke the recount worker function. */
  recountWorker?: boolean;
  /**
   * Writes or verifies case history: derives the tenant's history chain key (SANAD_HISTORY_KEY_ID,
   * kms:GenerateMac on that key alone). A route that only reads history does not.
   */
  history?: boolean;
}

/** Functions that serve no route: the register import worker, invoked asynchronously by the import routes. */
export const IMPORT_WORKER_ENTRY = 'imports/import-worker.ts';
/** The unit-move recount worker, invoked asynchronously by `PATCH /units/{id}` and the report routes. */
export const RECOUNT_WORKER_ENTRY = 'reports/recount-worker.ts';
/** Every function that serves no route. */
export const WORKER_ENTRIES = [IMPORT_WORKER_ENTRY, RECOUNT_WORKER_ENTRY] as const;

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/api/v1/health', entry: 'session/health.ts', authenticated: false, tenantData: false },
  { method: 'GET', path: '/api/v1/openapi.json', entry: 'openapi/get-openapi.ts', authenticated: false, tenantData: false },
  // Platform operators' profiles live in the registry space: /me reads them with the read-only registry role.
  { method: 'GET', path: '/api/v1/me', entry: 'session/me.ts', authenticated: true, tenantData: true, controlPlane: 'read' },
  { method: 'POST', path: '/api/v1/cases', entry: 'cases/create-case.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/cases', entry: 'cases/list-cases.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/cases/possible-duplicates', entry: 'cases/check-duplicates.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/cases/{id}', entry: 'cases/get-case.ts', authenticated: true, tenantData: true },
  { method: 'PATCH', path: '/api/v1/cases/{id}', entry: 'cases/update-case.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/cases/{id}/history', entry: 'cases/get-history.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/cases/{id}/history/verify', entry: 'cases/verify-history.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/assessment', entry: 'cases/lifecycle/submit-assessment.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/care-plan', entry: 'cases/lifecycle/submit-care-plan.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/evaluation', entry: 'cases/lifecycle/record-evaluation.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/close-request', entry: 'cases/lifecycle/request-closure.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/reopen', entry: 'cases/lifecycle/reopen.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/assign', entry: 'cases/lifecycle/assign.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/move', entry: 'cases/lifecycle/move-case.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/cases/{id}/overview', entry: 'cases/get-overview.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/cases/{id}/follow-ups', entry: 'cases/records/add-follow-up.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/follow-ups/{followUpId}/complete', entry: 'cases/records/complete-follow-up.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/placements', entry: 'cases/records/add-placement.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/placements/{placementId}/end', entry: 'cases/records/end-placement.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/cases/{id}/notes', entry: 'cases/records/add-note.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/follow-ups', entry: 'followups/list-follow-ups.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/approvals', entry: 'approvals/list-approvals.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/approvals/{id}/approve', entry: 'approvals/approve.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/approvals/{id}/reject', entry: 'approvals/reject.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/organizations', entry: 'organizations/list-organizations.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/organizations', entry: 'organizations/create-organization.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/organizations/{id}', entry: 'organizations/get-organization.ts', authenticated: true, tenantData: true },
  { method: 'PATCH', path: '/api/v1/organizations/{id}', entry: 'organizations/update-organization.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/cases/{id}/referrals', entry: 'referrals/create-referral.ts', authenticated: true, tenantData: true, history: true },
  { method: 'GET', path: '/api/v1/referrals', entry: 'referrals/list-referrals.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/referrals/{id}', entry: 'referrals/get-referral.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/referrals/{id}/accept', entry: 'referrals/accept-referral.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/referrals/{id}/decline', entry: 'referrals/decline-referral.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/referrals/{id}/complete', entry: 'referrals/complete-referral.ts', authenticated: true, tenantData: true, history: true },
  { method: 'POST', path: '/api/v1/referrals/{id}/revoke', entry: 'referrals/revoke-referral.ts', authenticated: true, tenantData: true, history: true },
  // Transfers meet in the control plane's space, reached through the exchange role (the caller's transfers only).
  { method: 'POST', path: '/api/v1/cases/{id}/transfers', entry: 'transfers/request-transfer.ts', authenticated: true, tenantData: true, transferExchange: true, history: true },
  { method: 'GET', path: '/api/v1/transfers', entry: 'transfers/list-transfers.ts', authenticated: true, tenantData: true, transferExchange: true, history: true },
  { method: 'GET', path: '/api/v1/transfers/destinations', entry: 'transfers/list-destinations.ts', authenticated: true, tenantData: true, transferExchange: true },
  { method: 'GET', path: '/api/v1/transfers/{id}', entry: 'transfers/get-transfer.ts', authenticated: true, tenantData: true, transferExchange: true, history: true },
  { method: 'POST', path: '/api/v1/transfers/{id}/accept', entry: 'transfers/accept-transfer.ts', authenticated: true, tenantData: true, transferExchange: true, history: true },
  { method: 'POST', path: '/api/v1/transfers/{id}/decline', entry: 'transfers/decline-transfer.ts', authenticated: true, tenantData: true, transferExchange: true },
  { method: 'GET', path: '/api/v1/notifications', entry: 'notifications/get-notifications.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/notifications/seen', entry: 'notifications/mark-seen.ts', authenticated: true, tenantData: true },
  // scope=children reads the registry (who the caller's children are) and their counters, read-only.
  { method: 'GET', path: '/api/v1/reports/dashboard', entry: 'reports/get-dashboard.ts', authenticated: true, tenantData: true, childAggregates: true, recountWorker: true },
  { method: 'GET', path: '/api/v1/reports/circular-02', entry: 'reports/get-circular-02.ts', authenticated: true, tenantData: true, spreadsheets: true, recountWorker: true },
  { method: 'POST', path: '/api/v1/imports/cases', entry: 'imports/start-import.ts', authenticated: true, tenantData: true, spreadsheets: true, importWorker: true },
  { method: 'GET', path: '/api/v1/imports/{id}', entry: 'imports/get-import.ts', authenticated: true, tenantData: true, spreadsheets: true, importWorker: true },
  { method: 'GET', path: '/api/v1/imports/{id}/failed.csv', entry: 'imports/get-failed-rows.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/imports/{id}/duplicates.csv', entry: 'imports/get-duplicate-rows.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/exports/cases', entry: 'exports/export-cases.ts', authenticated: true, tenantData: true, spreadsheets: true },
  { method: 'GET', path: '/api/v1/forms/case', entry: 'config/get-form.ts', authenticated: true, tenantData: true },
  { method: 'PUT', path: '/api/v1/forms/case', entry: 'config/put-form.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/lookups', entry: 'config/get-lookups.ts', authenticated: true, tenantData: true },
  { method: 'PUT', path: '/api/v1/lookups', entry: 'config/put-lookups.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/platform/tenants', entry: 'platform/list-tenants.ts', authenticated: true, tenantData: true, controlPlane: 'read' },
  { method: 'POST', path: '/api/v1/platform/tenants', entry: 'platform/onboard-tenant.ts', authenticated: true, tenantData: true, controlPlane: 'read-write', manageAccounts: true },
  { method: 'PATCH', path: '/api/v1/platform/tenants/{id}', entry: 'platform/set-tenant-status.ts', authenticated: true, tenantData: true, controlPlane: 'read-write' },
  { method: 'POST', path: '/api/v1/platform/tenants/{id}/members', entry: 'platform/add-member.ts', authenticated: true, tenantData: true, controlPlane: 'read', manageAccounts: true },
  { method: 'GET', path: '/api/v1/units', entry: 'units/list-units.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/units', entry: 'units/create-unit.ts', authenticated: true, tenantData: true },
  { method: 'PATCH', path: '/api/v1/units/{id}', entry: 'units/update-unit.ts', authenticated: true, tenantData: true, recountWorker: true },
  { method: 'GET', path: '/api/v1/users', entry: 'users/list-users.ts', authenticated: true, tenantData: true },
  { method: 'GET', path: '/api/v1/users/audit', entry: 'users/list-user-audit.ts', authenticated: true, tenantData: true },
  { method: 'POST', path: '/api/v1/users', entry: 'users/create-user.ts', authenticated: true, tenantData: true, manageAccounts: true },
  { method: 'PATCH', path: '/api/v1/users/{id}', entry: 'users/update-user.ts', authenticated: true, tenantData: true, manageAccounts: true },
  { method: 'POST', path: '/api/v1/users/{id}/reset-password', entry: 'users/reset-password.ts', authenticated: true, tenantData: true, manageAccounts: true },
];
