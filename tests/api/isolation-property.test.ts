import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import { ROUTES } from '../../functions/routes.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let operator: ApiClient;
let run = 0;
/** Each property makes a few thousand requests; a CI runner with 2 busy cores needs more than the default 30 s. */
const PROPERTY_TIMEOUT_MS = 180_000;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  operator = await ApiClient.signIn(stack.url, 'platform');
});
afterAll(() => stack?.stop());

interface World {
  tenant: string;
  marker: string;
  users: ApiClient[];
  caseIds: string[];
  referralIds: string[];
  /** Every account made for the world, with its password: the usernames other tenants' admins will try to take. */
  accounts: { username: string; password: string }[];
  admin: ApiClient;
}

const ROLE_SETS = [['caseworker'], ['supervisor'], ['manager'], ['tenant_admin'], ['partner']] as const;

/** A tenant onboarded for this run, with random users, and cases whose every field carries its marker. */
async function buildTenant(index: number, marker: string, roleSets: readonly (readonly string[])[], caseCount: number): Promise<World> {
  const tenant = `iso-${run}-${index}`;
  const onboarded = await operator.post('/api/v1/platform/tenants', {
    id: tenant, name: `Tenant ${marker}`, kind: 'governorate', region: 'eu-central-1', locales: ['ar', 'en'],
    admin: { username: `admin.${tenant}`, displayName: `Admin ${marker}` },
  });
  expect(onboarded.status, JSON.stringify(onboarded.body)).toBe(201);
  const admin = await ApiClient.signIn(stack.url, `admin.${tenant}`, onboarded.body.data.admin.temporaryPassword);
  const accounts = [{ username: `admin.${tenant}`, password: onboarded.body.data.admin.temporaryPassword as string }];
  await useTestForm(admin);
  const users = [admin];
  // Partner users belong to a partner organisation of their tenant, which carries the marker too.
  const organizationId = `org-${tenant}`;
  const organization = await admin.post('/api/v1/organizations', { id: organizationId, name: `Org ${marker}`, kind: 'ngo', services: [{ id: 'help', name: `Help ${marker}` }] });
  expect(organization.status, JSON.stringify(organization.body)).toBe(201);
  for (const [i, roles] of roleSets.entries()) {
    const created = await admin.post('/api/v1/users', {
      username: `u${i}.${tenant}`, displayName: `User ${marker}`, roles,
      ...(roles.includes('partner') ? { organizationId } : {}),
    });
    users.push(await ApiClient.signIn(stack.url, `u${i}.${tenant}`, created.body.data.temporaryPassword));
    accounts.push({ username: `u${i}.${tenant}`, password: created.body.data.temporaryPassword });
  }
  const writerAccount = await admin.post('/api/v1/users', { username: `writer.${tenant}`, displayName: `Writer ${marker}`, roles: ['supervisor'] });
  accounts.push({ username: `writer.${tenant}`, password: writerAccount.body.data.temporaryPassword });
  const writer = await ApiClient.signIn(stack.url, `writer.${tenant}`, writerAccount.body.data.temporaryPassword);
  users.push(writer);
  const caseIds: string[] = [];
  const referralIds: string[] = [];
  for (let c = 0; c < caseCount; c++) {
    const kase = (await writer.post('/api/v1/cases', newCase({
      child: { fullName: `Child ${marker}`, sex: 'female', location: `Village ${marker}` },
      fields: { school: `School ${marker}` },
    }))).body.data;
    caseIds.push(kase.id);
    const ifMatch = { 'if-match': `"${kase.version}"` };
    await writer.post(`/api/v1/cases/${kase.id}/assessment`, { needs: [`Need ${marker}`], summary: `Summary ${marker}` }, ifMatch);
    await writer.post(`/api/v1/cases/${kase.id}/notes`, { text: `Note ${marker}`, confidential: c % 2 === 0 });
    await writer.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: '2020-01-01', note: `Visit ${marker}` });
    const referral = await writer.post(`/api/v1/cases/${kase.id}/referrals`, {
      organizationId, service: 'help', reason: `Reason ${marker}`, share: ['child.basic', 'child.contact', 'assessment', 'notes'],
      consent: { givenBy: 'caregiver', givenAt: new Date().toISOString().slice(0, 10), note: `Consent ${marker}` },
    });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    referralIds.push(referral.body.data.id);
  }
  return { tenant, marker, users, caseIds, referralIds, accounts, admin };
}

/** Every GET route, with every case and referral id of every tenant where the route takes one. */
function pathsToCall(allCaseIds: string[], allReferralIds: string[]): string[] {
  const paths: string[] = [];
  for (const route of ROUTES.filter((r) => r.method === 'GET' && r.authenticated)) {
    if (route.path.includes('{id}')) {
      if (route.path.includes('/cases/')) for (const id of allCaseIds) paths.push(route.path.replace('{id}', id));
      if (route.path.startsWith('/api/v1/referrals/')) for (const id of allReferralIds) paths.push(route.path.replace('{id}', id));
    } else {
      paths.push(`${route.path}?limit=100`);
    }
  }
  paths.push('/api/v1/follow-ups?due=overdue&limit=100', '/api/v1/approvals?status=pending&limit=100');
  return paths;
}

describe('tenant isolation', () => {
  it('no response to any user of one tenant ever contains another tenant\'s markers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.subarray([...ROLE_SETS], { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 2 }),
        async (tenantsRoles, caseCount) => {
          run++;
          const worlds: World[] = [];
          for (const [i, roleSets] of tenantsRoles.entries()) {
            worlds.push(await buildTenant(i, `MARK${run}X${i}Q${Math.random().toString(36).slice(2, 8)}`, roleSets, caseCount));
          }
          const paths = pathsToCall(worlds.flatMap((w) => w.caseIds), worlds.flatMap((w) => w.referralIds));
          for (const world of worlds) {
            const foreign = worlds.filter((w) => w !== world).map((w) => w.marker);
            for (const user of world.users) {
              for (const path of paths) {
                const res = await user.get(path);
                expect(res.status, path).toBeLessThan(500);
                const text = JSON.stringify(res.body);
                for (const marker of foreign) expect(text.includes(marker), `${path} leaked ${marker}`).toBe(false);
              }
            }
          }
          // Usernames are global: another tenant's admin naming one gets 409 (never where it is taken), and the
          // person keeps their account, password and tenant.
          for (const world of worlds) {
            const taken = [...worlds.filter((w) => w !== world).flatMap((w) => w.accounts), { username: 'platform', password: 'sanad-demo' }];
            for (const victim of taken) {
              const attempt = await world.admin.post('/api/v1/users', { username: victim.username, displayName: 'Takeover', roles: ['caseworker'] });
              expect(attempt.status, victim.username).toBe(409);
              for (const other of worlds) expect(JSON.stringify(attempt.body).includes(other.tenant)).toBe(false);
              expect(JSON.stringify(attempt.body).includes('_platform')).toBe(false);
              const me = await (await ApiClient.signIn(stack.url, victim.username, victim.password)).get('/api/v1/me');
              expect(me.body.data.tenant.id).not.toBe(world.tenant);
            }
          }
          // The platform operator sees tenants, never case data.
          for (const path of paths.filter((p) => p.includes('/cases'))) {
            const text = JSON.stringify((await operator.get(path)).body);
            for (const world of worlds) expect(text.includes(`Child ${world.marker}`)).toBe(false);
          }
        },
      ),
      { numRuns: 3 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------------------
// Units: within one tenant, a reader's scope is their unit's subtree (supervisors, managers) or their own cases
// ---------------------------------------------------------------------------------------------------------

const READER_ROLES = ['caseworker', 'supervisor', 'manager'] as const;

/** A small random tree: unit k (1-based) hangs under unit `parents[k-1]` (0 = the root), so at most 6 levels. */
const treeArb = fc.array(fc.nat(), { minLength: 2, maxLength: 5 }).map((picks) => picks.map((pick, k) => pick % (k + 1)));

interface UnitCase { id: string; marker: string; unit: number; owner: number; referralId: string }

describe('unit isolation', () => {
  it('no user reads a case outside their unit subtree (or their own) on any route: 404 by id, absent from every list and search', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(fc.record({ role: fc.constantFrom(...READER_ROLES), unit: fc.nat() }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.record({ writer: fc.nat(), unit: fc.nat() }), { minLength: 1, maxLength: 3 }),
        async (parents, people, caseSpecs) => {
          run++;
          const tenant = `uiso-${run}`;
          const stamp = `U${run}Z${Math.random().toString(36).slice(2, 8)}`;
          const onboarded = await operator.post('/api/v1/platform/tenants', {
            id: tenant, name: `Units ${stamp}`, kind: 'country', region: 'eu-central-1', locales: ['en'],
            admin: { username: `admin.${tenant}`, displayName: 'Admin' },
          });
          expect(onboarded.status, JSON.stringify(onboarded.body)).toBe(201);
          const admin = await ApiClient.signIn(stack.url, `admin.${tenant}`, onboarded.body.data.admin.temporaryPassword);
          // Unit 0 is the root (id = the tenant's); unit k is `u<k>`, and `paths[k]` its units from the root.
          const unitIds = [tenant, ...parents.map((_, k) => `u${k + 1}`)];
          const paths: number[][] = [[0]];
          for (const [k, parent] of parents.entries()) {
            const res = await admin.post('/api/v1/units', { id: unitIds[k + 1], parentId: unitIds[parent], kind: 'office', name: { en: `Unit ${k + 1}` } });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            paths.push([...paths[parent]!, k + 1]);
          }
          const organizationId = `org-${tenant}`;
          await admin.post('/api/v1/organizations', { id: organizationId, name: 'Org', kind: 'ngo', services: [{ id: 'help', name: 'Help' }] });
          // Readers placed in random units; every case is registered by a caseworker of its own unit.
          const readers = [...people, ...caseSpecs.map((spec) => ({ role: 'caseworker' as const, unit: spec.unit }))]
            .map((person) => ({ ...person, unit: person.unit % unitIds.length }));
          const clients: ApiClient[] = [];
          for (const [i, reader] of readers.entries()) {
            const created = await admin.post('/api/v1/users', { username: `r${i}.${tenant}`, displayName: `Reader ${i}`, roles: [reader.role], unitId: unitIds[reader.unit] });
            expect(created.status, JSON.stringify(created.body)).toBe(201);
            clients.push(await ApiClient.signIn(stack.url, `r${i}.${tenant}`, created.body.data.temporaryPassword));
          }
          const cases: UnitCase[] = [];
          for (const [c] of caseSpecs.entries()) {
            const owner = people.length + c;
            const writer = clients[owner]!;
            const marker = `${stamp}C${c}`;
            const kase = (await writer.post('/api/v1/cases', newCase({ child: { fullName: `Child ${marker}`, sex: 'male', location: `Village ${marker}` } }))).body.data;
            expect(kase.unitId).toBe(unitIds[readers[owner]!.unit]);
            await writer.post(`/api/v1/cases/${kase.id}/assessment`, { needs: [`Need ${marker}`], summary: `Summary ${marker}` }, { 'if-match': `"${kase.version}"` });
            await writer.post(`/api/v1/cases/${kase.id}/notes`, { text: `Note ${marker}`, confidential: false });
            await writer.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: '2020-01-01', note: `Visit ${marker}` });
            const referral = await writer.post(`/api/v1/cases/${kase.id}/referrals`, {
              organizationId, service: 'help', reason: `Reason ${marker}`, share: ['child.basic', 'assessment'],
              consent: { givenBy: 'caregiver', givenAt: new Date().toISOString().slice(0, 10) },
            });
            expect(referral.status, JSON.stringify(referral.body)).toBe(201);
            cases.push({ id: kase.id, marker, unit: readers[owner]!.unit, owner, referralId: referral.body.data.id });
          }

          const getRoutes = ROUTES.filter((r) => r.method === 'GET' && r.authenticated);
          const caseRoutes = getRoutes.filter((r) => r.path.startsWith('/api/v1/cases/{id}'));
          const lists = [
            ...getRoutes.filter((r) => !r.path.includes('{id}')).map((r) => `${r.path}?limit=100`),
            '/api/v1/cases?q=child&limit=100', '/api/v1/follow-ups?due=overdue&limit=100', '/api/v1/approvals?status=pending&limit=100',
            `/api/v1/reports/circular-02?period=${new Date().getUTCFullYear()}`, '/api/v1/exports/cases?format=csv',
          ];
          for (const [r, reader] of readers.entries()) {
            const client = clients[r]!;
            const sees = (kase: UnitCase) => kase.owner === r || (reader.role !== 'caseworker' && paths[kase.unit]!.includes(reader.unit));
            for (const kase of cases) {
              if (sees(kase)) {
                expect((await client.get(`/api/v1/cases/${kase.id}`)).status, `${reader.role}@${reader.unit} reads case in ${kase.unit}`).toBe(200);
                continue;
              }
              for (const route of caseRoutes) {
                const path = route.path.replace('{id}', kase.id);
                expect((await client.get(path)).status, `${reader.role}@${reader.unit} ${path} (case in ${kase.unit})`).toBe(404);
              }
              expect((await client.get(`/api/v1/referrals/${kase.referralId}`)).status).toBe(404);
            }
            const hidden = cases.filter((kase) => !sees(kase));
            for (const path of lists) {
              const res = await client.get(path);
              expect(res.status, path).toBeLessThan(500);
              const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
              for (const kase of hidden) {
                expect(text.includes(kase.marker), `${reader.role}@${reader.unit} ${path} leaked the case in ${kase.unit}`).toBe(false);
                expect(text.includes(kase.id), `${reader.role}@${reader.unit} ${path} leaked the id of the case in ${kase.unit}`).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 3 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
