import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { Case, CaseInput, CaseListQuery, DuplicateCheckInput, PossibleDuplicate } from '../../shared/schemas/case.ts';
import { pathKit } from './path-kit.ts';
import { ListMeta } from '../../shared/schemas/common.ts';
import { Me, NewMembershipInput, NewUserInput, User, UserAuditEntry, UserPatch } from '../../shared/schemas/user.ts';
import { Tenant, TenantOnboardingInput, TenantPatch } from '../../shared/schemas/tenant.ts';
import { Unit, UnitInput, UnitPatch } from '../../shared/schemas/unit.ts';
import {
  Approval,
  AssessmentInput,
  AssignInput,
  CarePlanInput,
  CloseRequestInput,
  DecisionInput,
  EvaluationInput,
  MoveInput,
  RejectInput,
  ReopenInput,
} from '../../shared/schemas/lifecycle.ts';
import { CasePatch, HistoryEntry } from '../../shared/schemas/case.ts';
import { CHAIN_BREAKS } from '../../shared/history/chain.ts';
import { registerReferralPaths } from './referral-paths.ts';
import { registerTransferPaths } from './transfer-paths.ts';
import { Referral } from '../../shared/schemas/referral.ts';
import {
  ChildrenDashboard, Circular02Query, Circular02Report, Dashboard, DashboardQuery, ExportQuery, FIELD_COLUMN_PREFIX, IMPORT_COLUMNS, ImportJob,
} from '../../shared/schemas/reports.ts';
import { FormDefinition, FormDefinitionInput } from '../../shared/forms/form-definition.ts';
import { Lookups, LookupsInput } from '../../shared/schemas/lookups.ts';
import { FollowUp, FollowUpInput, Note, NoteInput, Placement, PlacementEndInput, PlacementInput } from '../../shared/schemas/case-records.ts';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with, so the contract
 * cannot drift from the code. Every route of ROUTES must be described here (a unit test checks it).
 */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const kit = pathKit(registry);
  const { error, json, errors, changeErrors, secured, etag, ifMatch } = kit;
  const kase = Case.meta({ id: 'Case' });
  const caseInput = CaseInput.meta({ id: 'CaseInput' });
  const me = Me.meta({ id: 'Me' });

  registry.registerPath({
    method: 'get', path: '/api/v1/health', summary: 'Liveness',
    responses: { 200: json(z.object({ data: z.object({ status: z.literal('ok') }) }), 'Up') },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/openapi.json', summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/me', summary: 'The signed-in user, roles, permissions and tenant', ...secured,
    responses: { 200: json(z.object({ data: me }), 'The session'), 401: errors[401] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/cases', summary: 'Register a case', ...secured,
    request: {
      headers: z.object({ 'idempotency-key': z.string().optional() }),
      body: { content: { 'application/json': { schema: caseInput } } },
    },
    responses: {
      201: { ...json(z.object({ data: kase, meta: z.object({ possibleDuplicates: z.array(PossibleDuplicate) }) }), 'Created'), headers: etag },
      400: errors[400], 401: errors[401], 403: errors[403],
      409: json(error, 'Idempotency-Key reused with another body'), 503: errors[503],
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/cases',
    summary: 'The caseload, newest update first; with q: search by name or case number (normalised: case, Vietnamese diacritics, Arabic variants, Zawgyi), newest registration first',
    ...secured,
    request: { query: CaseListQuery },
    responses: { 200: json(z.object({ data: z.array(kase), meta: ListMeta }), 'A page of cases'), 400: errors[400], 401: errors[401], 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/cases/possible-duplicates',
    summary: 'Cases of the tenant that may be this child (normalised name tokens, sex, date of birth within a year), before registering; each with its case number and score, and its id only if the caller may read the case', ...secured,
    request: { body: { content: { 'application/json': { schema: DuplicateCheckInput } } } },
    responses: { 200: json(z.object({ data: z.array(PossibleDuplicate) }), 'Best first'), 400: errors[400], 401: errors[401], 403: errors[403] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/cases/{id}', summary: 'One case', ...secured,
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { ...json(z.object({ data: kase }), 'The case'), headers: etag }, 401: errors[401], 404: errors[404] },
  });

  const caseParams = z.object({ id: z.string() });
  registry.registerPath({
    method: 'patch', path: '/api/v1/cases/{id}', summary: 'Edit core fields (child and fields merge)', ...secured,
    request: { params: caseParams, headers: ifMatch, body: { content: { 'application/json': { schema: CasePatch } } } },
    responses: { 200: { ...json(z.object({ data: kase }), 'The new version'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/cases/{id}/history', summary: 'Every change, oldest first', ...secured,
    request: { params: caseParams },
    responses: { 200: json(z.object({ data: z.array(HistoryEntry), meta: ListMeta }), 'History'), 404: errors[404] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/cases/{id}/history/verify', summary: 'Check the keyed hash chain of the history against the head on the case', ...secured,
    request: { params: caseParams },
    responses: {
      200: json(z.object({ data: z.object({
        valid: z.boolean(), entries: z.number(), brokenAt: z.number().optional(),
        reason: z.enum(CHAIN_BREAKS).optional(),
        unkeyed: z.number().optional().describe('How many (oldest) entries predate keyed history: plain SHA-256'),
      }) }), 'Verification'),
      404: errors[404],
    },
  });
  const lifecycleActions: [string, z.ZodType, string][] = [
    ['assessment', AssessmentInput, 'Submit the needs assessment for approval'],
    ['care-plan', CarePlanInput, 'Submit the care plan (or an adjustment: a new version) for approval'],
    ['evaluation', EvaluationInput, 'Record the evaluation'],
    ['close-request', CloseRequestInput, 'Ask for closure (approved by a supervisor)'],
    ['reopen', ReopenInput, 'Reopen a closed case'],
    ['assign', AssignInput, 'Assign a caseworker or supervisor whose home unit is in the case\'s unit subtree (supervisor; else 400 at userId)'],
  ];
  for (const [action, schema, summary] of lifecycleActions) {
    registry.registerPath({
      method: 'post', path: `/api/v1/cases/{id}/${action}`, summary, ...secured,
      request: { params: caseParams, headers: ifMatch, body: { content: { 'application/json': { schema } } } },
      responses: { 200: { ...json(z.object({ data: kase }), 'The updated case'), headers: etag }, ...changeErrors },
    });
  }
  registry.registerPath({
    method: 'post', path: '/api/v1/cases/{id}/move', ...secured,
    summary: 'Move the case to another unit (supervisor whose scope holds both; target outside it: 400 at unitId)',
    description: 'One transaction: the case\'s unitId and unitPath, its counters and other projections, a history entry `move` with the reason, '
      + 'and the unit index keys of its open follow-ups, its referrals and its pending approval. The owner keeps the case only if their home '
      + 'unit contains the target; otherwise the moving supervisor becomes the owner and the case is unassigned (assignedTo cleared) for the '
      + 'target unit\'s supervisors to assign. Assignees stay only while their home unit is inside the target\'s subtree. 409 when the case '
      + 'has too many open follow-ups and referrals for one transaction.',
    request: { params: caseParams, headers: ifMatch, body: { content: { 'application/json': { schema: MoveInput } } } },
    responses: { 200: { ...json(z.object({ data: kase }), 'The moved case'), headers: etag }, ...changeErrors },
  });
  const approval = Approval.meta({ id: 'Approval' });
  registry.registerPath({
    method: 'get', path: '/api/v1/approvals', ...secured,
    summary: 'The approvals queue, oldest first: approvals of cases in the caller\'s unit subtree (each supervisor above the case\'s unit sees it; ?unit= narrows, 404 outside the scope)',
    request: { query: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), unit: z.string().optional(), limit: z.number().optional(), cursor: z.string().optional() }) },
    responses: { 200: json(z.object({ data: z.array(approval), meta: ListMeta }), 'A page of approvals'), 403: errors[403] },
  });
  for (const [decision, schema] of [['approve', DecisionInput], ['reject', RejectInput]] as const) {
    registry.registerPath({
      method: 'post', path: `/api/v1/approvals/{id}/${decision}`, summary: `${decision} a request (never your own)`, ...secured,
      request: { params: caseParams, headers: ifMatch, body: { content: { 'application/json': { schema } } } },
      responses: { 200: { ...json(z.object({ data: approval }), 'The decided approval'), headers: etag }, ...changeErrors },
    });
  }

  const followUp = FollowUp.meta({ id: 'FollowUp' });
  const placement = Placement.meta({ id: 'Placement' });
  const note = Note.meta({ id: 'Note' });
  registry.registerPath({
    method: 'get', path: '/api/v1/cases/{id}/overview', summary: 'The case page: case, follow-ups, placements, notes, history (one Query)', ...secured,
    request: { params: caseParams },
    responses: {
      200: json(z.object({ data: z.object({ case: kase, followUps: z.array(followUp), placements: z.array(placement), notes: z.array(note), referrals: z.array(Referral), transfers: z.array(z.object({ transferId: z.string(), toTenantId: z.string(), status: z.string() })), history: z.array(HistoryEntry) }) }), 'The case page'),
      404: errors[404],
    },
  });
  const creates: [string, z.ZodType, z.ZodType, string][] = [
    ['follow-ups', FollowUpInput, followUp, 'Add a follow-up with a due date'],
    ['placements', PlacementInput, placement, 'Record a placement (alternative care)'],
    ['notes', NoteInput, note, 'Add a case note (confidential: owner and supervisors only)'],
  ];
  for (const [records, input, output, summary] of creates) {
    registry.registerPath({
      method: 'post', path: `/api/v1/cases/{id}/${records}`, summary, ...secured,
      request: { params: caseParams, body: { content: { 'application/json': { schema: input } } } },
      responses: { 201: json(z.object({ data: output }), 'Created'), 400: errors[400], 403: errors[403], 404: errors[404] },
    });
  }
  const recordChanges: [string, z.ZodType, z.ZodType, string][] = [
    ['/api/v1/cases/{id}/follow-ups/{followUpId}/complete', z.object({}), followUp, 'Mark a follow-up done'],
    ['/api/v1/cases/{id}/placements/{placementId}/end', PlacementEndInput, placement, 'End a placement, with the reason (breakdown, returned to an institution…)'],
  ];
  for (const [path, input, output, summary] of recordChanges) {
    registry.registerPath({
      method: 'post', path, summary, ...secured,
      request: { headers: ifMatch, body: { content: { 'application/json': { schema: input } } } },
      responses: { 200: { ...json(z.object({ data: output }), 'Changed'), headers: etag }, ...changeErrors },
    });
  }
  registry.registerPath({
    method: 'get', path: '/api/v1/follow-ups', summary: 'Open follow-ups, overdue or due within a week: a caseworker\'s own, a supervisor\'s or manager\'s unit subtree (?unit= narrows)', ...secured,
    request: { query: z.object({ due: z.enum(['overdue', 'week']).optional(), unit: z.string().optional(), limit: z.number().optional(), cursor: z.string().optional() }) },
    responses: { 200: json(z.object({ data: z.array(followUp), meta: ListMeta }), 'A page of follow-ups'), 403: errors[403] },
  });

  const configurations: [string, z.ZodType, z.ZodType, string][] = [
    ['/api/v1/forms/case', FormDefinition.meta({ id: 'FormDefinition' }), FormDefinitionInput, 'case form definition (sections, fields, options, showIf)'],
    ['/api/v1/lookups', Lookups.meta({ id: 'Lookups' }), LookupsInput, 'lookups (case categories, location levels and tree)'],
  ];
  for (const [path, document, input, what] of configurations) {
    registry.registerPath({
      method: 'get', path, summary: `The tenant's ${what}; ETag = version`, ...secured,
      responses: { 200: { ...json(z.object({ data: document }), 'The version in force'), headers: etag }, 401: errors[401], 403: errors[403] },
    });
    registry.registerPath({
      method: 'put', path, summary: `Replace the ${what} with a new version (tenant admin; older versions are kept)`, ...secured,
      request: { headers: ifMatch, body: { content: { 'application/json': { schema: input } } } },
      responses: { 200: { ...json(z.object({ data: document }), 'The new version'), headers: etag }, ...changeErrors },
    });
  }

  const tenant = Tenant.meta({ id: 'Tenant' });
  const user = User.meta({ id: 'User' });
  const idParams = z.object({ id: z.string() });
  const page = z.object({ limit: z.number().optional(), cursor: z.string().optional() });
  registry.registerPath({
    method: 'get', path: '/api/v1/platform/tenants', summary: 'The tenant registry (platform operator)', ...secured, request: { query: page },
    responses: { 200: json(z.object({ data: z.array(tenant), meta: ListMeta }), 'Tenants'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/platform/tenants', summary: 'Onboard a tenant with its first tenant admin (platform operator); templateTenantId starts it with a copy of that tenant\'s units, case form, lookups and partner directory', ...secured,
    request: { body: { content: { 'application/json': { schema: TenantOnboardingInput } } } },
    responses: {
      201: json(z.object({ data: z.object({ tenant, admin: z.object({ userId: z.string(), username: z.string(), temporaryPassword: z.string().optional() }) }) }), 'Onboarded'),
      400: errors[400], 403: errors[403], 409: json(error, 'The tenant exists'),
    },
  });
  registry.registerPath({
    method: 'patch', path: '/api/v1/platform/tenants/{id}', summary: 'Suspend or reactivate, re-parent (parentId; null: top level; no cycles — 400 at parentId), rename or change the languages of a tenant (platform operator)', ...secured,
    request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema: TenantPatch } } } },
    responses: { 200: { ...json(z.object({ data: tenant }), 'The registration'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/users', summary: 'Users of the tenant (tenant admin)', ...secured, request: { query: page },
    responses: { 200: json(z.object({ data: z.array(user), meta: ListMeta }), 'Users'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/users', summary: 'Add a user to the tenant (tenant admin; never platform_operator)', ...secured,
    request: { body: { content: { 'application/json': { schema: NewUserInput } } } },
    responses: { 201: json(z.object({ data: z.object({ user, temporaryPassword: z.string().optional() }) }), 'Created'), 400: errors[400], 403: errors[403], 409: json(error, 'Username taken in some tenant (never says which)') },
  });
  registry.registerPath({
    method: 'patch', path: '/api/v1/users/{id}', summary: 'Change roles, disable or enable a user (tenant admin)', ...secured,
    request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema: UserPatch } } } },
    responses: { 200: { ...json(z.object({ data: user }), 'The user'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/users/{id}/reset-password', summary: 'Issue a new one-time password (tenant admin)', ...secured,
    request: { params: idParams },
    responses: { 200: json(z.object({ data: z.object({ userId: z.string(), temporaryPassword: z.string().optional() }) }), 'Reset; the user\'s sessions end'), 403: errors[403], 404: errors[404] },
  });
  const unit = Unit.meta({ id: 'Unit' });
  registry.registerPath({
    method: 'get', path: '/api/v1/units', summary: 'The tenant\'s unit tree, root first, each unit with its path from the root (all roles but partner)', ...secured,
    responses: { 200: json(z.object({ data: z.array(unit) }), 'Units'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/units', summary: 'Add a unit under an active parent; the tree is at most 6 levels deep (tenant admin)', ...secured,
    request: { body: { content: { 'application/json': { schema: UnitInput } } } },
    responses: { 201: { ...json(z.object({ data: unit }), 'The unit'), headers: etag }, 400: errors[400], 403: errors[403], 409: json(error, 'The id is taken') },
  });
  registry.registerPath({
    method: 'patch', path: '/api/v1/units/{id}', summary: 'Rename, move (no cycles: 400 at parentId) or (de)activate a unit (409 while it holds open cases or active users)', ...secured,
    request: { params: idParams, headers: ifMatch, body: { content: { 'application/json': { schema: UnitPatch } } } },
    responses: { 200: { ...json(z.object({ data: unit }), 'The unit'), headers: etag }, ...changeErrors },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/users/audit', summary: 'User administration audit, newest first: who created, changed, disabled or reset whom (tenant admin)', ...secured,
    request: { query: page },
    responses: { 200: json(z.object({ data: z.array(UserAuditEntry.meta({ id: 'UserAuditEntry' })), meta: ListMeta }), 'Audit entries'), 403: errors[403] },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/platform/tenants/{id}/members',
    summary: 'Give an existing person a membership in this tenant (platform operator; locally only — in Cognito an account has one tenant)', ...secured,
    request: { params: idParams, body: { content: { 'application/json': { schema: NewMembershipInput } } } },
    responses: { 201: { ...json(z.object({ data: user }), 'The new profile'), headers: etag }, 400: errors[400], 403: errors[403], 404: errors[404], 409: json(error, 'Already a member, or not possible here') },
  });

  registerReferralPaths(registry, kit);
  registerTransferPaths(registry, kit);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const fileBody = (description: string, types: string[]) => ({
    description, content: Object.fromEntries(types.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/reports/dashboard', ...secured,
    summary: 'Dashboard from the counters (report.read); ?scope=children: child tenants\' aggregates, no personal data, counts below 5 as "<5"',
    request: { query: DashboardQuery },
    responses: {
      200: json(z.object({ data: z.union([Dashboard.meta({ id: 'Dashboard' }), ChildrenDashboard.meta({ id: 'ChildrenDashboard' })]) }), 'The dashboard'),
      400: errors[400], 401: errors[401], 403: errors[403],
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/reports/circular-02', ...secured,
    summary: 'Circular 02/2020 report: managed (open at any moment of the period), new, closed — JSON, XLSX or CSV by Accept',
    request: { query: Circular02Query },
    responses: {
      200: {
        description: 'The report',
        content: {
          'application/json': { schema: z.object({ data: Circular02Report.meta({ id: 'Circular02Report' }) }) },
          [xlsx]: { schema: z.string().meta({ format: 'binary' }) },
          'text/csv': { schema: z.string() },
        },
      },
      400: errors[400], 401: errors[401], 403: errors[403],
    },
  });
  registry.registerPath({
    method: 'post', path: '/api/v1/imports/cases', ...secured,
    summary: `Bulk import of a register (supervisor, tenant admin). Columns: ${IMPORT_COLUMNS.join(', ')}, and ${FIELD_COLUMN_PREFIX}<field id> for answers to the tenant's form; unit: a unit id inside the importer's scope (default the importer's home unit; another, unknown or deactivated one fails the row at unit); idempotent by externalId`,
    request: { body: fileBody('CSV (UTF-8, header row) or an XLSX workbook (first sheet, header row)', ['text/csv', xlsx]) },
    responses: {
      202: json(z.object({ data: z.object({ id: z.string(), status: z.enum(['running', 'completed']) }) }), 'Accepted: the job works in the background'),
      400: errors[400], 401: errors[401], 403: errors[403], 413: json(error, 'Over 6 MB'),
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/imports/{id}', summary: 'An import job of the caller\'s unit subtree: progress, counts, failed rows (resumes a stopped job)', ...secured,
    request: { params: idParams },
    responses: { 200: json(z.object({ data: ImportJob.meta({ id: 'ImportJob' }) }), 'The job'), 401: errors[401], 403: errors[403], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/imports/{id}/failed.csv', summary: 'The failed rows as CSV, with row number and errors', ...secured,
    request: { params: idParams },
    responses: { 200: fileBody('CSV', ['text/csv']), 401: errors[401], 403: errors[403], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/imports/{id}/duplicates.csv', summary: 'The created rows flagged as possible duplicates, with the cases they may duplicate', ...secured,
    request: { params: idParams },
    responses: { 200: fileBody('CSV', ['text/csv']), 401: errors[401], 403: errors[403], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get', path: '/api/v1/exports/cases', ...secured,
    summary: 'Export the cases of the caller\'s unit subtree (?unit= narrows it, 404 outside the scope), each with its unit\'s name (in ?lang=) and id (case.export; audited)',
    request: { query: ExportQuery },
    responses: { 200: fileBody('CSV or XLSX', ['text/csv', xlsx]), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Sanad API', version: '1.0.0', description: 'Multi-tenant case management for social-welfare ministries' },
  });
}

