import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let partner: ApiClient;
let otherTenantPartner: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [caseworker, supervisor, admin, partner, otherTenantPartner] = await Promise.all([
    signIn('caseworker.vn-na'), signIn('supervisor.vn-na'), signIn('admin.vn-na'), signIn('ngo.vn-na'), signIn('ngo.sy'),
  ]);
  await useTestForm(admin);
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const consent = { givenBy: 'caregiver', givenAt: day(0), expiresAt: day(180), note: 'Mother agreed at the home visit' };
const referralBody = (overrides: Record<string, unknown> = {}) => ({
  organizationId: 'ngo-vn-na', service: 'psychosocial-support', reason: 'Counselling after the incident', consent, share: ['child.basic'], ...overrides,
});

async function registerCase(overrides: Record<string, unknown> = {}) {
  const kase = (await caseworker.post('/api/v1/cases', newCase({ child: { fullName: 'Lê Thị Mai', sex: 'female', dateOfBirth: '2013-02-01', location: 'Vinh, ward 4' }, ...overrides }))).body.data;
  return kase as { id: string; caseNumber: string; version: number };
}

async function refer(body = referralBody(), client = caseworker) {
  const kase = await registerCase();
  const res = await client.post(`/api/v1/cases/${kase.id}/referrals`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { kase, referral: res.body.data };
}

describe('partner organisations', () => {
  it('are listed with their services; a partner sees only its own organisation', async () => {
    const all = await caseworker.get('/api/v1/organizations');
    expect(all.status).toBe(200);
    const hope = all.body.data.find((org: any) => org.id === 'ngo-vn-na');
    expect(hope).toMatchObject({ name: 'Hope Partners', kind: 'ngo', active: true });
    expect(hope.services.map((s: any) => s.id)).toContain('psychosocial-support');
    expect(all.body.data.map((org: any) => org.id)).toContain('health-vn-na');
    const own = await partner.get('/api/v1/organizations');
    expect(own.body.data.map((org: any) => org.id)).toEqual(['ngo-vn-na']);
    expect((await partner.get('/api/v1/organizations/health-vn-na')).status).toBe(404);
  });

  it('are the only organisations a partner user can belong to', async () => {
    const username = `partner-${randomUUID().slice(0, 8)}`;
    const unknown = await admin.post('/api/v1/users', { username, displayName: 'Field officer', roles: ['partner'], organizationId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('organizationId');
    expect((await admin.post('/api/v1/users', { username, displayName: 'Field officer', roles: ['partner'], organizationId: 'ngo-vn-na' })).status).toBe(201);
  });

  it('are managed by the tenant admin, with If-Match on changes', async () => {
    const id = `ngo-${randomUUID().slice(0, 8)}`;
    const body = { id, name: 'Safe Homes', kind: 'un_agency', services: [{ id: 'shelter', name: 'Emergency shelter', areaServed: ['Vinh'], languages: ['vi'] }] };
    expect((await caseworker.post('/api/v1/organizations', body)).status).toBe(403);
    const created = await admin.post('/api/v1/organizations', body);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect((await admin.post('/api/v1/organizations', body)).status).toBe(409);
    expect((await admin.post('/api/v1/organizations', { ...body, id: 'Bad Id' })).body.error.details[0].path).toBe('id');

    const path = `/api/v1/organizations/${id}`;
    expect((await admin.request('PATCH', path, { body: { name: 'Safe Homes Viet Nam' } })).status).toBe(428);
    expect((await admin.request('PATCH', path, { body: { name: 'x' }, headers: ifMatch(7) })).status).toBe(412);
    const changed = await admin.request('PATCH', path, { body: { active: false }, headers: ifMatch(1) });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ active: false, version: 2 });
    const kase = await registerCase();
    const inactive = await caseworker.post(`/api/v1/cases/${kase.id}/referrals`, referralBody({ organizationId: id, service: 'shelter' }));
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.details[0].path).toBe('organizationId');
  });
});

describe('making a referral', () => {
  it('needs a valid consent: 422 CONSENT_REQUIRED without one, expired, or set aside by a caseworker', async () => {
    const kase = await registerCase();
    const path = `/api/v1/cases/${kase.id}/referrals`;
    const { consent: _omitted, ...withoutConsent } = referralBody();
    const cases: [unknown, string][] = [
      [withoutConsent, 'consent'],
      [referralBody({ consent: { givenBy: 'neighbour', givenAt: day(0) } }), 'consent.givenBy'],
      [referralBody({ consent: { givenBy: 'child', givenAt: day(-60), expiresAt: day(-1) } }), 'consent.expiresAt'],
      [referralBody({ consent: { givenBy: 'child', givenAt: day(2) } }), 'consent.givenAt'],
      [referralBody({ consent: { givenBy: 'not_required_best_interests', givenAt: day(0), note: 'The child is in danger at home now' } }), 'consent.givenBy'],
    ];
    for (const [body, path_] of cases) {
      const res = await caseworker.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('CONSENT_REQUIRED');
      expect(res.body.error.details.map((d: any) => d.path)).toContain(path_);
    }
    // Bad shape elsewhere is still a 400; nothing was created by any of the refusals.
    expect((await caseworker.post(path, referralBody({ share: ['everything'] }))).status).toBe(400);
    expect((await caseworker.get(`/api/v1/referrals?caseId=${kase.id}`)).body.data).toEqual([]);
  });

  it('lets a supervisor set consent aside in the best interests of the child, with a written justification, flagged', async () => {
    const kase = await registerCase();
    const path = `/api/v1/cases/${kase.id}/referrals`;
    const bestInterests = { givenBy: 'not_required_best_interests', givenAt: day(0) };
    expect((await supervisor.post(path, referralBody({ consent: { ...bestInterests, note: 'urgent' } }))).status).toBe(422);
    const res = await supervisor.post(path, referralBody({ consent: { ...bestInterests, note: 'Father is the alleged abuser and cannot consent' } }));
    expect(res.status).toBe(201);
    expect(res.body.data.bestInterestsOverride).toBe(true);
  });

  it('refuses organisations of another tenant and unknown services', async () => {
    const kase = await registerCase();
    const path = `/api/v1/cases/${kase.id}/referrals`;
    expect((await caseworker.post(path, referralBody({ organizationId: 'ngo-sy' }))).body.error.details[0].path).toBe('organizationId');
    expect((await caseworker.post(path, referralBody({ service: 'cooking' }))).body.error.details[0].path).toBe('service');
  });

  it('copies only the shared sections, and never confidential notes or tenant form fields', async () => {
    const kase = await registerCase({ fields: { school: 'FIELD-MARKER' } });
    await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Open note for partners', confidential: false });
    await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'CONFIDENTIAL-MARKER', confidential: true });
    const basic = await caseworker.post(`/api/v1/cases/${kase.id}/referrals`, referralBody());
    expect(basic.body.data.snapshot).toEqual({ child: { fullName: 'Lê Thị Mai', sex: 'female', dateOfBirth: '2013-02-01' } });
    const more = await caseworker.post(`/api/v1/cases/${kase.id}/referrals`, referralBody({ share: ['child.contact', 'notes', 'assessment'] }));
    const snapshot = more.body.data.snapshot;
    expect(snapshot.child).toEqual({ location: 'Vinh, ward 4' });
    expect(snapshot.notes.map((n: any) => n.text)).toEqual(['Open note for partners']);
    expect(snapshot.assessment).toMatchObject({ categories: ['neglect'], riskLevel: 'medium', needs: [] });
    expect(JSON.stringify(more.body)).not.toMatch(/CONFIDENTIAL-MARKER|FIELD-MARKER/);
  });

  it('creates nothing on a replay with the same Idempotency-Key', async () => {
    const kase = await registerCase();
    const path = `/api/v1/cases/${kase.id}/referrals`;
    const key = { 'idempotency-key': `ref-${randomUUID()}` };
    const first = await caseworker.post(path, referralBody(), key);
    const again = await caseworker.post(path, referralBody(), key);
    expect(first.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect((await caseworker.post(path, referralBody({ reason: 'Another reason' }), key)).status).toBe(409);
    expect((await caseworker.get(`/api/v1/referrals?caseId=${kase.id}`)).body.data).toHaveLength(1);
  });
});

describe('the partner portal', () => {
  it('accepts and completes a referral; the caseworker sees the outcome; every partner read is on the case history', async () => {
    const { kase, referral } = await refer();
    const inbox = await partner.get('/api/v1/referrals?box=inbox');
    const listed = inbox.body.data.find((r: any) => r.id === referral.id);
    expect(listed).toMatchObject({ status: 'pending', caseNumber: kase.caseNumber, organizationId: 'ngo-vn-na' });
    expect(listed.snapshot).toBeUndefined();
    expect((await partner.get('/api/v1/referrals?box=outbox')).status).toBe(403);

    const read = await partner.get(`/api/v1/referrals/${referral.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data.snapshot.child.fullName).toBe('Lê Thị Mai');
    const history = (await caseworker.get(`/api/v1/cases/${kase.id}/history`)).body.data;
    expect(history.map((entry: any) => entry.action)).toEqual(['create', 'refer', 'partner_read_referral']);
    expect(history[2].actor.username).toBe('ngo.vn-na');

    const accept = `/api/v1/referrals/${referral.id}/accept`;
    expect((await partner.post(accept, {})).status).toBe(428);
    expect((await partner.post(accept, {}, ifMatch(9))).status).toBe(412);
    expect((await caseworker.post(accept, {}, ifMatch(1))).status).toBe(403);
    const accepted = await partner.post(accept, {}, ifMatch(1));
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ status: 'accepted', version: 2 });
    expect((await partner.post(accept, {}, ifMatch(2))).status).toBe(409);
    expect((await partner.post(`/api/v1/referrals/${referral.id}/complete`, {}, ifMatch(2))).status).toBe(400);
    const completed = await partner.post(`/api/v1/referrals/${referral.id}/complete`, { outcome: 'Eight counselling sessions; sleeping better' }, ifMatch(2));
    expect(completed.body.data).toMatchObject({ status: 'completed', outcome: 'Eight counselling sessions; sleeping better' });

    const overview = (await caseworker.get(`/api/v1/cases/${kase.id}/overview`)).body.data;
    const onCase = overview.referrals.find((r: any) => r.id === referral.id);
    expect(onCase.status).toBe('completed');
    expect(onCase.events.map((e: any) => e.status)).toEqual(['pending', 'accepted', 'completed']);
    expect(overview.history.map((entry: any) => entry.action)).toContain('referral_complete');
  });

  it('gives the partner 403 on every case route', async () => {
    const { kase } = await refer();
    for (const [method, path] of [
      ['GET', '/api/v1/cases'], ['GET', `/api/v1/cases/${kase.id}`], ['GET', `/api/v1/cases/${kase.id}/overview`],
      ['GET', `/api/v1/cases/${kase.id}/history`], ['PATCH', `/api/v1/cases/${kase.id}`], ['POST', `/api/v1/cases/${kase.id}/referrals`],
      ['POST', `/api/v1/cases/${kase.id}/notes`], ['POST', '/api/v1/cases'],
    ] as const) {
      expect((await partner.request(method, path, { ...(method === 'GET' ? {} : { body: {} }), headers: ifMatch(1) })).status, `${method} ${path}`).toBe(403);
    }
  });

  it('declines with a reason', async () => {
    const { referral } = await refer();
    const path = `/api/v1/referrals/${referral.id}/decline`;
    expect((await partner.post(path, {}, ifMatch(1))).status).toBe(400);
    const declined = await partner.post(path, { reason: 'No capacity this month' }, ifMatch(1));
    expect(declined.body.data).toMatchObject({ status: 'declined', declineReason: 'No capacity this month' });
  });

  it('answers 404 after a revocation, to another organisation and to another tenant’s partner', async () => {
    const { referral } = await refer();
    expect((await otherTenantPartner.get(`/api/v1/referrals/${referral.id}`)).status).toBe(404);
    expect((await otherTenantPartner.post(`/api/v1/referrals/${referral.id}/accept`, {}, ifMatch(1))).status).toBe(404);
    expect((await otherTenantPartner.get('/api/v1/referrals')).body.data.map((r: any) => r.id)).not.toContain(referral.id);

    const toHealth = await refer(referralBody({ organizationId: 'health-vn-na', service: 'mental-health' }));
    expect((await partner.get(`/api/v1/referrals/${toHealth.referral.id}`)).status).toBe(404);

    expect((await partner.post(`/api/v1/referrals/${referral.id}/revoke`, { reason: 'x' }, ifMatch(1))).status).toBe(403);
    const revoked = await caseworker.post(`/api/v1/referrals/${referral.id}/revoke`, { reason: 'The family moved away' }, ifMatch(1));
    expect(revoked.body.data.status).toBe('revoked');
    expect((await partner.get(`/api/v1/referrals/${referral.id}`)).status).toBe(404);
    expect((await partner.post(`/api/v1/referrals/${referral.id}/accept`, {}, ifMatch(2))).status).toBe(404);
    expect((await partner.get('/api/v1/referrals')).body.data.map((r: any) => r.id)).not.toContain(referral.id);
    expect((await caseworker.get(`/api/v1/referrals/${referral.id}`)).body.data.status).toBe('revoked');
  });

  it('treats a referral whose consent has expired as revoked', async () => {
    const { kase, referral } = await refer();
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
    );
    await raw.send(new UpdateCommand({
      TableName: stack.tableName,
      Key: { pk: `T#vn-na#CASE#${kase.id}`, sk: `REFERRAL#${referral.id}` },
      UpdateExpression: 'SET consent.expiresAt = :yesterday',
      ExpressionAttributeValues: { ':yesterday': day(-1) },
    }));
    expect((await partner.get(`/api/v1/referrals/${referral.id}`)).status).toBe(404);
    const seen = (await caseworker.get(`/api/v1/referrals/${referral.id}`)).body.data;
    expect(seen).toMatchObject({ status: 'revoked', revokeReason: 'consent_expired' });
  });
});

describe('notifications', () => {
  it('count new referrals for the partner and answers for the caseworker, until marked seen', async () => {
    await partner.post('/api/v1/notifications/seen', {});
    await caseworker.post('/api/v1/notifications/seen', {});
    expect((await partner.get('/api/v1/notifications')).body.data.referrals.unread).toBe(0);
    const { referral } = await refer();
    expect((await partner.get('/api/v1/notifications')).body.data.referrals.unread).toBe(1);
    // The caseworker's own action is not news to them.
    expect((await caseworker.get('/api/v1/notifications')).body.data.referrals.unread).toBe(0);
    await partner.post('/api/v1/notifications/seen', {});
    expect((await partner.get('/api/v1/notifications')).body.data.referrals.unread).toBe(0);
    await partner.post(`/api/v1/referrals/${referral.id}/accept`, {}, ifMatch(1));
    expect((await caseworker.get('/api/v1/notifications')).body.data.referrals.unread).toBe(1);
    expect((await otherTenantPartner.get('/api/v1/notifications')).body.data.referrals.unread).toBe(0);
  });
});
