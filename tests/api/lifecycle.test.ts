import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../shared/history/chain.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let supervisor: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  await useTestForm(await ApiClient.signIn(stack.url, 'admin.vn-na'));
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const assessment = { needs: ['school fees', 'counselling'], summary: 'Lives with grandmother; out of school.' };
const carePlan = { goals: [{ goal: 'Back to school', services: ['tuition support'], dueDate: '2027-03-01' }], summary: 'School and counselling' };

async function register(client = caseworker) {
  return (await client.post('/api/v1/cases', newCase())).body.data;
}

async function act(client: ApiClient, kase: { id: string; version: number }, action: string, body: unknown) {
  const res = await client.post(`/api/v1/cases/${kase.id}/${action}`, body, ifMatch(kase.version));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.headers.get('etag')).toBe(`"${res.body.data.version}"`);
  return res.body.data;
}

async function decide(kase: { pendingApproval?: { id: string } }, decision: 'approve' | 'reject', body: unknown = {}) {
  const approvalId = kase.pendingApproval!.id;
  const queue = await supervisor.get('/api/v1/approvals?status=pending&limit=100');
  const approval = queue.body.data.find((a: any) => a.id === approvalId);
  expect(approval).toBeDefined();
  const res = await supervisor.post(`/api/v1/approvals/${approvalId}/${decision}`, body, ifMatch(approval.version));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

const current = async (id: string) => (await caseworker.get(`/api/v1/cases/${id}`)).body.data;

describe('the Circular 02 steps through the API', () => {
  it('assess → approve → plan → approve → evaluate → close request → approve → closed → reopen', async () => {
    let kase = await register();
    kase = await act(caseworker, kase, 'assessment', assessment);
    expect(kase).toMatchObject({ stage: 'assessment', pendingApproval: { kind: 'assessment' } });
    expect(await decide(kase, 'approve')).toMatchObject({ status: 'approved', kind: 'assessment', caseId: kase.id });
    kase = await current(kase.id);
    expect(kase.stage).toBe('care_plan');
    kase = await act(caseworker, kase, 'care-plan', carePlan);
    await decide(kase, 'approve');
    kase = await current(kase.id);
    expect(kase).toMatchObject({ stage: 'implementation', carePlan: { planVersion: 1, approved: true } });
    kase = await act(caseworker, kase, 'evaluation', { summary: 'Attending school', goalsMet: true });
    kase = await act(caseworker, kase, 'close-request', { reason: 'Goals met', outcome: 'In school, safe at home' });
    await decide(kase, 'approve');
    kase = await current(kase.id);
    expect(kase).toMatchObject({ stage: 'closed', status: 'closed' });
    kase = await act(caseworker, kase, 'reopen', { reason: 'New report from school' });
    expect(kase).toMatchObject({ stage: 'intake', status: 'open' });

    const history = await caseworker.get(`/api/v1/cases/${kase.id}/history`);
    expect(history.body.data.map((e: any) => e.action)).toEqual([
      'create', 'submit_assessment', 'approve', 'submit_care_plan', 'approve', 'record_evaluation', 'request_closure', 'approve', 'reopen',
    ]);
    expect(history.body.data[1].changes).toEqual(expect.arrayContaining([{ path: 'stage', from: 'intake', to: 'assessment' }]));
    expect((await caseworker.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data).toEqual({ valid: true, entries: 9 });
  });

  it('a rejection keeps the stage, carries the comment, and the caseworker resubmits', async () => {
    let kase = await act(caseworker, await register(), 'assessment', assessment);
    expect(await decide(kase, 'reject', { comment: 'Add the school report' })).toMatchObject({ status: 'rejected', comment: 'Add the school report' });
    kase = await current(kase.id);
    expect(kase.stage).toBe('assessment');
    expect(kase.pendingApproval).toBeUndefined();
    kase = await act(caseworker, kase, 'assessment', { ...assessment, summary: 'With the school report' });
    expect(kase.pendingApproval.kind).toBe('assessment');
  });

  it('nobody approves their own request, and caseworkers approve nothing', async () => {
    let kase = await register(supervisor);
    kase = await act(supervisor, kase, 'assessment', assessment);
    const approval = (await supervisor.get('/api/v1/approvals')).body.data.find((a: any) => a.caseId === kase.id);
    const own = await supervisor.post(`/api/v1/approvals/${approval.id}/approve`, {}, ifMatch(approval.version));
    expect(own.status).toBe(403);
    expect((await caseworker.post(`/api/v1/approvals/${approval.id}/approve`, {}, ifMatch(approval.version))).status).toBe(403);
    expect((await caseworker.get('/api/v1/approvals')).status).toBe(403);
  });

  it('refuses out-of-order steps with 409 and bad bodies with 400', async () => {
    const kase = await register();
    expect((await caseworker.post(`/api/v1/cases/${kase.id}/care-plan`, carePlan, ifMatch(1))).status).toBe(409);
    const bad = await caseworker.post(`/api/v1/cases/${kase.id}/care-plan`, { goals: [{ goal: 'x', dueDate: 'soon' }] }, ifMatch(1));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['goals.0.dueDate', 'summary']));
  });

  it('assigns a caseworker, who then sees and works the case', async () => {
    const kase = await register();
    const second = await ApiClient.signIn(stack.url, 'caseworker2.vn-na');
    expect((await second.get(`/api/v1/cases/${kase.id}`)).status).toBe(404);
    const userId = (await second.get('/api/v1/me')).body.data.userId;
    expect((await caseworker.post(`/api/v1/cases/${kase.id}/assign`, { userId }, ifMatch(1))).status).toBe(403);
    expect((await supervisor.post(`/api/v1/cases/${kase.id}/assign`, { userId: 'nobody' }, ifMatch(1))).status).toBe(400);
    const assigned = await act(supervisor, kase, 'assign', { userId });
    expect(assigned.assignedTo).toEqual([userId]);
    expect((await second.get(`/api/v1/cases/${kase.id}`)).status).toBe(200);
    const mine = await second.get('/api/v1/cases?assigned=me');
    expect(mine.body.data.map((c: any) => c.id)).toContain(kase.id);
    // The caseload's filters hold for assignments too.
    const ids = async (filters: string) => (await second.get(`/api/v1/cases?assigned=me&${filters}`)).body.data.map((c: any) => c.id);
    expect(await ids(`riskLevel=${kase.riskLevel}&stage=intake&status=open`)).toContain(kase.id);
    expect(await ids(`riskLevel=${kase.riskLevel === 'high' ? 'low' : 'high'}`)).not.toContain(kase.id);
    expect(await ids('stage=assessment')).not.toContain(kase.id);
    expect(await ids('status=closed')).not.toContain(kase.id);
    expect((await second.get(`/api/v1/cases?assigned=${(await caseworker.get('/api/v1/me')).body.data.userId}`)).status).toBe(403);
    expect((await caseworker.get('/api/v1/cases?assigned=me')).body.data.map((c: any) => c.id)).not.toContain(kase.id);
  });
});

describe('optimistic concurrency', () => {
  it('answers 428 without If-Match and 412 when stale', async () => {
    const kase = await register();
    const missing = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { riskLevel: 'high' } });
    expect(missing.status).toBe(428);
    expect(missing.body.error.code).toBe('PRECONDITION_REQUIRED');
    const stale = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { riskLevel: 'high' }, headers: ifMatch(7) });
    expect(stale.status).toBe(412);
    expect((await caseworker.post(`/api/v1/cases/${kase.id}/assessment`, assessment)).status).toBe(428);
  });

  it('lets exactly one of 20 concurrent PATCHes with the same If-Match through; history shows one change', async () => {
    const kase = await register();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { fields: { attempt: i } }, headers: ifMatch(1) }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const history = (await caseworker.get(`/api/v1/cases/${kase.id}/history`)).body.data;
    expect(history.map((e: any) => e.action)).toEqual(['create', 'update']);
    expect((await current(kase.id)).version).toBe(2);
  });

  it('PATCH merges child and fields, refuses unknown keys, and history replays to the record', async () => {
    let kase = await register();
    const res = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, {
      body: { child: { location: 'Cửa Lò' }, fields: { school: 'Cửa Lò lower secondary' } },
      headers: ifMatch(1),
    });
    expect(res.status).toBe(200);
    kase = res.body.data;
    expect(kase.child).toMatchObject({ fullName: 'Nguyễn Thị Hồng', location: 'Cửa Lò' });
    const sneaky = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { stage: 'closed' }, headers: ifMatch(2) });
    expect(sneaky.status).toBe(400);
    const history = (await caseworker.get(`/api/v1/cases/${kase.id}/history`)).body.data;
    const { id: _i, caseNumber: _n, createdAt: _c, updatedAt: _u, version: _v, unitPath: _p, ...recorded } = kase as any;
    expect(replay(history)).toEqual(JSON.parse(JSON.stringify(recorded, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 ? undefined : v))));
  });
});
