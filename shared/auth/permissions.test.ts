import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, authorize, permittedActions, scopeFor } from './permissions.ts';
import { ROLES } from './roles.ts';
import { DomainError } from '../errors.ts';

describe('permission matrix', () => {
  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))(
    '%s × %s: authorize agrees with the matrix cell',
    (role, action) => {
      const cell = PERMISSIONS[role][action];
      if (cell) expect(authorize([role], action)).toBe(cell);
      else expect(() => authorize([role], action)).toThrow(DomainError);
    },
  );

  it('gives a user with several roles the widest scope', () => {
    expect(scopeFor(['caseworker', 'supervisor'], 'case.read')).toBe('unit');
    expect(scopeFor(['caseworker'], 'case.read')).toBe('own');
  });

  it('keeps the platform operator away from case data', () => {
    for (const action of ACTIONS.filter((a) => a.startsWith('case.'))) {
      expect(scopeFor(['platform_operator'], action)).toBeUndefined();
    }
  });

  it('lets only the tenant admin change the form and the lookups, and keeps partners away from them', () => {
    for (const action of ['form.manage', 'lookup.manage'] as const) {
      expect(ACTIONS).toContain(action);
      expect(Object.entries(PERMISSIONS).filter(([, cells]) => cells[action]).map(([role]) => role)).toEqual(['tenant_admin']);
    }
    expect(scopeFor(['partner'], 'form.read')).toBeUndefined();
    expect(scopeFor(['caseworker'], 'lookup.read')).toBe('tenant');
  });

  it('scopes supervisors and managers to their unit subtree for case work, never to the whole tenant', () => {
    for (const role of ['supervisor', 'manager'] as const) {
      for (const [action, scope] of Object.entries(PERMISSIONS[role])) {
        if (/^(case|approval|followup|referral|report|transfer|note|consent)\./.test(action)) expect(scope, `${role} ${action}`).toBe('unit');
      }
    }
    expect(scopeFor(['supervisor'], 'unit.manage')).toBeUndefined();
    expect(scopeFor(['tenant_admin'], 'unit.manage')).toBe('tenant');
    expect(scopeFor(['partner'], 'unit.list')).toBeUndefined();
  });

  it('reports the permitted actions for /me', () => {
    expect(permittedActions(['manager'])).toEqual([
      'session.read', 'case.read', 'case.list', 'approval.list', 'followup.list', 'form.read', 'lookup.read', 'organization.list', 'referral.list',
      'report.read', 'case.export', 'unit.list',
    ]);
    expect(permittedActions([])).toEqual([]);
  });
});
