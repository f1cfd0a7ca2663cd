import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { signInNewUser } from '../support/reports-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { TenantRegistry } from '../../functions/platform/tenant-registry.ts';
import { TenantRepository, type WriteOperation } from '../../functions/data/tenant-repository.ts';
import { documentClientFor, tableName } from '../../functions/data/dynamo-client.ts';
import { DomainError } from '../../shared/errors.ts';

/**
 * Tenants grow up (issue 18 item 6): re-parenting a tenant under If-Match (no cycles, active parents only), the
 * parent's `?scope=children` aggregates following the registry, and onboarding from a template tenant.
 */
let stack: LocalStack;
let operator: ApiClient;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  operator = await ApiClient.signIn(stack.url, 'platform');
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

const onboarding = (id: string, admin: string, extra: Record<string, unknown> = {}) => ({
  id, name: `Tenant ${id}`, kind: 'country', region: 'me-south-1', locales: ['ar', 'en'],
  admin: { username: admin, displayName: 'First admin' }, ...extra,
});

/** Onboards a tenant and signs its first admin in. */
async function onboard(id: string, admin: string, extra: Record<string, unknown> = {}) {
  const created = await operator.post('/api/v1/platform/tenants', onboarding(id, admin, extra));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return ApiClient.signIn(stack.url, admin, created.body.data.admin.temporaryPassword);
}

async function registration(id: string) {
  const all = (await operator.get('/api/v1/platform/tenants?limit=100')).body.data as { id: string; version: number; parentId?: string; name: string }[];
  const entry = all.find((tenant) => tenant.id === id);
  expect(entry, id).toBeDefined();
  return entry!;
}

async function patchTenant(id: string, body: Record<string, unknown>, version?: number) {
  return operator.request('PATCH', `/api/v1/platform/tenants/${id}`, { body, headers: ifMatch(version ?? (await registration(id)).version) });
}

const childIds = async (manager: ApiClient) => {
  const res = await manager.get('/api/v1/reports/dashboard?scope=children');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data.children as { tenant: { id: string } }[]).map((child) => child.tenant.id).sort();
};

describe('re-parenting a tenant', () => {
  let nationalManager: ApiClient;
  let nationalAdmin: ApiClient;

  beforeAll(async () => {
    nationalAdmin = await onboard('syr', 'admin.syr');
    nationalManager = await signInNewUser(stack.url, nationalAdmin, 'manager.syr', ['manager']);
  });

  it('moves the Syria pilot under a new national tenant: its managers then read sy\'s aggregates, no personal data', async () => {
    const caseworker = await ApiClient.signIn(stack.url, 'caseworker.sy');
    for (let i = 0; i < 6; i++) {
      const created = await caseworker.post('/api/v1/cases', newCase({ child: { fullName: `أحمد الحلبي ${i}`, sex: 'male' }, categories: ['orphan'] }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    expect(await childIds(nationalManager)).toEqual([]);

    const before = await registration('sy');
    expect((await operator.request('PATCH', '/api/v1/platform/tenants/sy', { body: { parentId: 'syr' } })).status).toBe(428);
    expect((await patchTenant('sy', { parentId: 'syr' }, before.version + 1)).status).toBe(412);
    const moved = await patchTenant('sy', { parentId: 'syr' }, before.version);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data).toMatchObject({ id: 'sy', parentId: 'syr', status: 'active', version: before.version + 1 });
    expect(moved.headers.get('etag')).toBe(`"${before.version + 1}"`);
    expect((await registration('sy')).parentId).toBe('syr');
    // The tenant's own profile follows: its users' /me names the new parent.
    expect((await caseworker.get('/api/v1/me')).body.data.tenant.parentId).toBe('syr');

    const res = await nationalManager.get('/api/v1/reports/dashboard?scope=children');
    expect(res.status).toBe(200);
    const [child] = res.body.data.children;
    expect(child.tenant.id).toBe('sy');
    const own = (await ApiClient.signIn(stack.url, 'supervisor.sy').then((s) => s.get('/api/v1/reports/dashboard'))).body.data;
    expect(own.openCases).toBeGreaterThanOrEqual(6);
    expect(child.openCases).toBe(own.openCases);
    expect(child.byCategory.orphan).toBe(own.byCategory.orphan);
    expect(child.byWorker).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/أحمد|caseworker/);
    // sy's own people still see only sy; the parent gets no caseload of the child.
    expect((await nationalManager.get('/api/v1/cases')).body.data).toEqual([]);
  });

  it('refuses cycles, itself, unknown and suspended parents with 400 at parentId, and non-operators with 403', async () => {
    const expect400 = async (id: string, body: Record<string, unknown>) => {
      const res = await patchTenant(id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details[0].path).toBe('parentId');
    };
    await expect400('syr', { parentId: 'sy' }); // under its own child
    await expect400('sy', { parentId: 'sy' }); // under itself
    await expect400('sy', { parentId: 'nowhere' });
    await expect400('vn', { parentId: 'vn-na' });
    // A grandchild: syr → sy → sy-idlib; syr under sy-idlib would close a cycle two levels down.
    await onboard('sy-idlib', 'admin.sy-idlib', { kind: 'governorate', parentId: 'sy' });
    await expect400('syr', { parentId: 'sy-idlib' });
    expect((await patchTenant('sy', { parentId: 'syr', kind: 'country' })).status).toBe(400);
    expect((await patchTenant('sy', {})).status).toBe(400);

    await onboard('dormant', 'admin.dormant');
    expect((await patchTenant('dormant', { status: 'suspended' })).status).toBe(200);
    await expect400('sy', { parentId: 'dormant' });
    expect((await registration('sy')).parentId).toBe('syr');

    const admin = await ApiClient.signIn(stack.url, 'admin.sy');
    expect((await admin.request('PATCH', '/api/v1/platform/tenants/sy', { body: { parentId: null }, headers: ifMatch(1) })).status).toBe(403);
    expect((await patchTenant('nowhere', { parentId: 'syr' }, 1)).status).toBe(404);
  });

  it('moves Nghe An from Viet Nam to another tenant and back: the aggregates follow each time', async () => {
    const vnManager = await signInNewUser(stack.url, await ApiClient.signIn(stack.url, 'admin.vn'), 'manager.vn', ['manager']);
    const otherManager = await signInNewUser(stack.url, await onboard('vn-central', 'admin.vn-central'), 'manager.vn-central', ['manager']);
    expect(await childIds(vnManager)).toEqual(['vn-na']);
    expect(await childIds(otherManager)).toEqual([]);

    expect((await patchTenant('vn-na', { parentId: 'vn-central' })).status).toBe(200);
    expect(await childIds(vnManager)).toEqual([]);
    expect(await childIds(otherManager)).toEqual(['vn-na']);

    expect((await patchTenant('vn-na', { parentId: 'vn' })).status).toBe(200);
    expect(await childIds(vnManager)).toEqual(['vn-na']);
    expect(await childIds(otherManager)).toEqual([]);

    // `null` makes it a top-level tenant: no parent reads it.
    const detached = await patchTenant('vn-na', { parentId: null });
    expect(detached.status).toBe(200);
    expect(detached.body.data.parentId).toBeUndefined();
    expect(await childIds(vnManager)).toEqual([]);
    expect((await patchTenant('vn-na', { parentId: 'vn' })).status).toBe(200);
  });

  it('renames (the root unit follows while it is named after the tenant) and changes languages; status still works', async () => {
    const admin = nationalAdmin;
    const renamed = await patchTenant('syr', { name: 'Syrian Arab Republic', locales: ['ar', 'en', 'vi'] });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: 'Syrian Arab Republic', locales: ['ar', 'en', 'vi'], kind: 'country', status: 'active' });
    const me = (await admin.get('/api/v1/me')).body.data;
    expect(me.tenant).toMatchObject({ name: 'Syrian Arab Republic', locales: ['ar', 'en', 'vi'] });
    const root = (await admin.get('/api/v1/units')).body.data.find((unit: { parentId: string | null }) => unit.parentId === null);
    expect(root).toMatchObject({ id: 'syr', name: { en: 'Syrian Arab Republic' } });

    // Once the tenant admin names the root otherwise, the name is theirs.
    const named = await admin.request('PATCH', '/api/v1/units/syr', { body: { name: { en: 'National Case Management Unit', ar: 'الوحدة الوطنية' } }, headers: ifMatch(root.version) });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect((await patchTenant('syr', { name: 'Syria' })).status).toBe(200);
    const after = (await admin.get('/api/v1/units')).body.data.find((unit: { id: string }) => unit.id === 'syr');
    expect(after.name).toEqual({ en: 'National Case Management Unit', ar: 'الوحدة الوطنية' });

    const suspended = await patchTenant('syr', { status: 'suspended' });
    expect(suspended.status).toBe(200);
    expect((await admin.get('/api/v1/me')).status).toBe(403);
    expect((await patchTenant('syr', { status: 'active' })).status).toBe(200);
    expect((await admin.get('/api/v1/me')).status).toBe(200);
    expect((await registration('sy')).parentId).toBe('syr');
  });
});

describe('a re-parent whose registry write fails', () => {
  /** The registry as the control plane's role sees it, but every write to it fails (as a lost race would). */
  class FailingRegistry extends TenantRepository {
    override async transact(_operations: WriteOperation[]): Promise<void> {
      throw new DomainError('CONFLICT', 'The tenant tree changed meanwhile; reload and try again');
    }
  }

  it('puts the tenant\'s profile back as the registry has it: both still agree', async () => {
    const before = await registration('eg');
    const failing = new TenantRegistry(new FailingRegistry('_platform', documentClientFor('_platform'), tableName()));
    await expect(failing.change('eg', { parentId: 'vn', name: 'Not Egypt' }, before.version)).rejects.toMatchObject({ code: 'CONFLICT' });
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const profile = (await admin.get('/api/v1/me')).body.data.tenant;
    expect(profile).toMatchObject({ id: 'eg', name: before.name });
    expect(profile.parentId).toBeUndefined();
    expect(await registration('eg')).toEqual(before);
  });
});

describe('onboarding from a template tenant', () => {
  const FORM = {
    sections: [{
      id: 'household', title: { en: 'Household', my: 'အိမ်ထောင်စု' },
      fields: [{ id: 'householdSize', type: 'number', label: { en: 'Household size' }, required: true }],
    }],
  };

  it('copies the unit tree (root re-identified and named after the new tenant), form, lookups and partners — nothing else', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.mm');
    const unit = (id: string, parentId: string, kind: string, extra: Record<string, unknown> = {}) => ({ id, parentId, kind, name: { en: `Unit ${id}`, my: `ယူနစ် ${id}` }, ...extra });
    for (const body of [unit('tpl-region', 'mm', 'region'), unit('tpl-township', 'tpl-region', 'district'), unit('tpl-home', 'tpl-township', 'facility', { capacity: 30 })]) {
      const created = await admin.post('/api/v1/units', body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const form = await admin.get('/api/v1/forms/case');
    expect((await admin.request('PUT', '/api/v1/forms/case', { body: FORM, headers: ifMatch(form.body.data.version) })).status).toBe(200);
    const lookups = (await admin.get('/api/v1/lookups')).body.data;
    const nextLookups = {
      categories: [...lookups.categories, { code: 'statelessness', label: { en: 'Statelessness' } }],
      locationLevels: lookups.locationLevels,
      locations: [{ id: 'yangon-region', parentId: null, level: lookups.locationLevels[0].id, name: { en: 'Yangon', my: 'ရန်ကုန်' } }],
    };
    expect((await admin.request('PUT', '/api/v1/lookups', { body: nextLookups, headers: ifMatch(lookups.version) })).status).toBe(200);
    expect((await admin.post('/api/v1/organizations', { id: 'tpl-partner', name: 'Template Partner', kind: 'ngo', services: [{ id: 'shelter', name: 'Shelter' }] })).status).toBe(201);
    expect((await admin.post('/api/v1/organizations', { id: 'tpl-gone', name: 'Closed Partner', kind: 'ngo' })).status).toBe(201);
    expect((await admin.request('PATCH', '/api/v1/organizations/tpl-gone', { body: { active: false }, headers: ifMatch(1) })).status).toBe(200);
    const caseworker = await ApiClient.signIn(stack.url, 'caseworker.mm');
    expect((await caseworker.post('/api/v1/cases', newCase({ fields: { householdSize: 4 }, unitId: 'tpl-township' }))).status).toBe(201);

    const unknown = await operator.post('/api/v1/platform/tenants', onboarding('mm-bad', 'admin.mm-bad', { templateTenantId: 'nowhere' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('templateTenantId');
    expect((await operator.get('/api/v1/platform/tenants?limit=100')).body.data.map((t: { id: string }) => t.id)).not.toContain('mm-bad');

    const copyAdmin = await onboard('mm-pilot', 'admin.mm-pilot', { name: 'Myanmar pilot', locales: ['my', 'en'], templateTenantId: 'mm' });

    // Units: every one of the template's, ids kept, the root now the new tenant's, paths rewritten.
    const templateUnits = (await admin.get('/api/v1/units')).body.data as { id: string; parentId: string | null; path: string[]; name: Record<string, string>; kind: string; capacity?: number; version: number }[];
    const copiedUnits = (await copyAdmin.get('/api/v1/units')).body.data as typeof templateUnits;
    const reroot = (id: string) => (id === 'mm' ? 'mm-pilot' : id);
    expect(copiedUnits.map((u) => u.id).sort()).toEqual(templateUnits.map((u) => reroot(u.id)).sort());
    const copiedRoot = copiedUnits.find((u) => u.parentId === null)!;
    expect(copiedRoot).toMatchObject({ id: 'mm-pilot', path: ['mm-pilot'], name: { en: 'Myanmar pilot' }, version: 1 });
    for (const original of templateUnits.filter((u) => u.parentId !== null)) {
      const copy = copiedUnits.find((u) => u.id === original.id)!;
      expect(copy).toMatchObject({ parentId: reroot(original.parentId!), path: original.path.map(reroot), name: original.name, kind: original.kind, version: 1 });
    }
    expect(copiedUnits.find((u) => u.id === 'tpl-home')).toMatchObject({ path: ['mm-pilot', 'tpl-region', 'tpl-township', 'tpl-home'], capacity: 30 });

    // Form and lookups: the template's content, as the new tenant's version 1.
    const copiedForm = (await copyAdmin.get('/api/v1/forms/case')).body.data;
    expect(copiedForm.version).toBe(1);
    expect(copiedForm.sections).toEqual((await admin.get('/api/v1/forms/case')).body.data.sections);
    const copiedLookups = (await copyAdmin.get('/api/v1/lookups')).body.data;
    expect(copiedLookups.version).toBe(1);
    expect(copiedLookups.categories).toEqual(nextLookups.categories);
    expect(copiedLookups.locations).toEqual(nextLookups.locations);

    // The partner directory: the active organisations, as new records of the new tenant.
    const templateOrgs = ((await admin.get('/api/v1/organizations?limit=100')).body.data as { id: string; active: boolean; name: string }[]).filter((o) => o.active);
    const copiedOrgs = (await copyAdmin.get('/api/v1/organizations?limit=100')).body.data as { id: string; active: boolean; name: string; version: number; services: unknown[] }[];
    expect(copiedOrgs.map((o) => o.id).sort()).toEqual(templateOrgs.map((o) => o.id).sort());
    expect(copiedOrgs.find((o) => o.id === 'tpl-partner')).toMatchObject({ name: 'Template Partner', version: 1, services: [expect.objectContaining({ id: 'shelter' })] });
    expect(copiedOrgs.map((o) => o.id)).not.toContain('tpl-gone');

    // Never its people, cases or users: the new admin is the only user, and there is no case.
    const users = (await copyAdmin.get('/api/v1/users?limit=100')).body.data as { username: string; unitId?: string }[];
    expect(users.map((u) => u.username)).toEqual(['admin.mm-pilot']);
    const supervisor = await signInNewUser(stack.url, copyAdmin, 'supervisor.mm-pilot', ['supervisor']);
    expect((await supervisor.get('/api/v1/cases')).body.data).toEqual([]);
    expect((await supervisor.get('/api/v1/cases?q=Nguyen')).body.data).toEqual([]);
    expect((await supervisor.get('/api/v1/reports/dashboard')).body.data.openCases).toBe(0);
    expect((await supervisor.get('/api/v1/approvals?status=pending')).body.data).toEqual([]);
    // The template's partner user is not a user of the copy.
    expect((await ApiClient.signIn(stack.url, 'ngo.mm').then((ngo) => ngo.get('/api/v1/me'))).body.data.tenant.id).toBe('mm');

    // The copy works: a case goes to a copied unit and the copied form binds it.
    const caseworkerCopy = await signInNewUser(stack.url, copyAdmin, 'caseworker.mm-pilot', ['caseworker']);
    expect((await caseworkerCopy.post('/api/v1/cases', newCase({ categories: ['statelessness'] }))).body.error.details[0].path).toBe('fields.householdSize');
    expect((await caseworkerCopy.post('/api/v1/cases', newCase({ categories: ['statelessness'], fields: { householdSize: 3 }, unitId: 'tpl-township' }))).status).toBe(201);
    // The template is untouched.
    expect((await admin.get('/api/v1/units')).body.data).toEqual(templateUnits);
  });
});
