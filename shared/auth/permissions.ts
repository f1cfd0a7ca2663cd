import { DomainError } from '../errors.ts';
import type { Role } from './roles.ts';

/**
 * The permission matrix: role × action → scope. Data, not if-statements; the API authorizes with it and the
 * SPA reads it to show only what the user may do.
 *  - `tenant`: every record of the caller's tenant
 *  - `unit`: records of the caller's home unit and every unit below it (the whole tenant from the root), and
 *    the caller's own; which units those are is the request's `UnitScope`, read from the tenant's unit tree
 *  - `own`: records the caller owns or is assigned to
 *  - `organization`: records shared with the caller's partner organisation
 *  - `platform`: the control plane only (no case data)
 */
export const SCOPES = ['own', 'organization', 'unit', 'tenant', 'platform'] as const;
export type Scope = (typeof SCOPES)[number];

export const ACTIONS = [
  'session.read',
  'case.create',
  'case.read',
  'case.list',
  'case.update',
  /** Submit assessments and care plans, record evaluations, request closure. */
  'case.work',
  'case.reopen',
  'case.assign',
  'approval.list',
  'approval.decide',
  'followup.create',
  'followup.list',
  /** Read confidential notes: a case's owner (scope own) and supervisors (tenant). */
  'note.confidential',
  /** See the tenant's users (to assign cases, to manage accounts). */
  'user.list',
  /** Create, disable users of the tenant and change their roles (never platform_operator). */
  'user.manage',
  /** Read the tenant's case form and lookups (categories, locations): everyone who works cases. */
  'form.read',
  'lookup.read',
  /** Replace the tenant's case form, and its lookups. */
  'form.manage',
  'lookup.manage',
  /** The control plane: onboard, list and suspend tenants. No case data. */
  'tenant.manage',
  /** The directory of partner organisations and their services. */
  'organization.list',
  'organization.manage',
  /** Refer a case to a partner, list referrals (outbox; a partner's inbox), revoke one. */
  'referral.create',
  'referral.list',
  'referral.revoke',
  /** A partner's answers: accept, decline, complete. */
  'referral.respond',
  /** Share without consent in the child's best interests, with a written justification. */
  'consent.override',
  /** Move a case to another tenant when the child moves; the receiving supervisor decides. */
  'transfer.request',
  'transfer.decide',
  /** Dashboards and statutory reports (Circular 02): aggregates of the tenant (and of its child tenants). */
  'report.read',
  /** Bulk import of a register (CSV, XLSX). */
  'import.create',
  /** Export the tenant's cases to CSV or XLSX (audited). */
  'case.export',
  /** Move a case to another unit of the tenant (both in the caller's scope). */
  'case.move',
  /** Read the tenant's unit tree (everyone but partners); build and change it (tenant admins). */
  'unit.list',
  'unit.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Readonly<Record<Role, Partial<Record<Action, Scope>>>> = {
  caseworker: {
    'session.read': 'own', 'case.create': 'own', 'case.read': 'own', 'case.list': 'own', 'case.update': 'own',
    'case.work': 'own', 'case.reopen': 'own', 'followup.create': 'own', 'followup.list': 'own', 'note.confidential': 'own',
    'organization.list': 'tenant', 'referral.create': 'own', 'referral.list': 'own', 'referral.revoke': 'own', 'transfer.request': 'own',
    'form.read': 'tenant', 'lookup.read': 'tenant', 'unit.list': 'tenant',
  },
  supervisor: {
    'session.read': 'own', 'case.create': 'unit', 'case.read': 'unit', 'case.list': 'unit', 'case.update': 'unit',
    'case.work': 'unit', 'case.reopen': 'unit', 'case.assign': 'unit', 'case.move': 'unit', 'approval.list': 'unit', 'approval.decide': 'unit',
    'followup.create': 'unit', 'followup.list': 'unit', 'note.confidential': 'unit', 'user.list': 'tenant',
    'organization.list': 'tenant', 'referral.create': 'unit', 'referral.list': 'unit', 'referral.revoke': 'unit',
    'consent.override': 'unit', 'transfer.request': 'unit', 'transfer.decide': 'unit',
    'report.read': 'unit', 'import.create': 'unit', 'case.export': 'unit',
    'form.read': 'tenant', 'lookup.read': 'tenant', 'unit.list': 'tenant',
  },
  manager: {
    'session.read': 'own', 'case.read': 'unit', 'case.list': 'unit', 'approval.list': 'unit', 'followup.list': 'unit',
    'organization.list': 'tenant', 'referral.list': 'unit', 'report.read': 'unit', 'case.export': 'unit',
    'form.read': 'tenant', 'lookup.read': 'tenant', 'unit.list': 'tenant',
  },
  tenant_admin: {
    'session.read': 'own', 'user.list': 'tenant', 'user.manage': 'tenant', 'organization.list': 'tenant', 'organization.manage': 'tenant',
    'import.create': 'unit', 'form.read': 'tenant', 'lookup.read': 'tenant', 'form.manage': 'tenant', 'lookup.manage': 'tenant',
    'unit.list': 'tenant', 'unit.manage': 'tenant',
  },
  partner: { 'session.read': 'own', 'organization.list': 'organization', 'referral.list': 'organization', 'referral.respond': 'organization' },
  platform_operator: { 'session.read': 'own', 'tenant.manage': 'platform' },
};

/** Wider scopes first: a user with several roles gets the widest scope any of them grants. */
const SCOPE_WIDTH: Record<Scope, number> = { own: 1, organization: 2, unit: 3, tenant: 4, platform: 0 };

/** The scope in which `roles` may perform `action`, or undefined when none of them may. */
export function scopeFor(roles: readonly Role[], action: Action): Scope | undefined {
  let widest: Scope | undefined;
  for (const role of roles) {
    const scope = PERMISSIONS[role][action];
    if (scope && (widest === undefined || SCOPE_WIDTH[scope] > SCOPE_WIDTH[widest])) widest = scope;
  }
  return widest;
}

/** The scope in which `roles` may perform `action`; throws FORBIDDEN when none of them may. */
export function authorize(roles: readonly Role[], action: Action): Scope {
  const scope = scopeFor(roles, action);
  if (!scope) throw new DomainError('FORBIDDEN', `Your role may not perform ${action}`);
  return scope;
}

/** Every action the roles allow — what `/me` reports and what the SPA uses to show or hide controls. */
export function permittedActions(roles: readonly Role[]): Action[] {
  return ACTIONS.filter((action) => scopeFor(roles, action) !== undefined);
}
