import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let sender: ApiClient;
let receiver: ApiClient;
let receivingCaseworker: ApiClient;
let outsider: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [sender, receiver, receivingCaseworker, outsider] = await Promise.all([signIn('caseworker.vn-na'), signIn('supervisor.vn'), signIn('caseworker.vn'), signIn('supervisor.sy')]);
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const today = new Date().toISOString().slice(0, 10);
const consent = { givenBy: 'guardian', givenAt: today };

async function requestTransfer(fullName = 'Trần Văn Bình') {
  const kase = (await sender.post('/api/v1/cases', newCase({ child: { fullName, sex: 'male', dateOfBirth: '2011-04-04' } }))).body.data;
  const res = await sender.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'The family moved to Ha Noi', consent });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { kase, transfer: res.body.data };
}

describe('transferring a case to another tenant', () => {
  it('needs consent and a real destination', async () => {
    const kase = (await sender.post('/api/v1/cases', newCase())).body.data;
    const path = `/api/v1/cases/${kase.id}/transfers`;
    expect((await sender.post(path, { toTenantId: 'vn', reason: 'moved' })).status).toBe(422);
    expect((await sender.post(path, { toTenantId: 'vn-na', reason: 'moved', consent })).body.error.details[0].path).toBe('toTenantId');
    expect((await sender.post(path, { toTenantId: 'nowhere', reason: 'moved', consent })).status).toBe(400);
    const destinations = (await sender.get('/api/v1/transfers/destinations')).body.data.map((t: any) => t.id);
    expect(destinations).toEqual(['vn']);
    // Another country is not a destination: a child crossing a border goes through other channels.
    expect((await sender.post(path, { toTenantId: 'mm', reason: 'moved', consent })).body.error.details[0].path).toBe('toTenantId');
  });

  it('is accepted by the receiving supervisor: the case continues there, linked to its past, and closes here as transferred', async () => {
    const { kase, transfer } = await requestTransfer();
    expect(transfer).toMatchObject({ status: 'pending', fromTenantId: 'vn-na', toTenantId: 'vn', case: { caseNumber: kase.caseNumber } });
    expect((await sender.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'again', consent })).status).toBe(409);

    expect((await receiver.get('/api/v1/transfers?box=inbox')).body.data.map((t: any) => t.id)).toContain(transfer.id);
    expect((await receivingCaseworker.get('/api/v1/transfers?box=inbox')).status).toBe(403);
    expect((await outsider.get(`/api/v1/transfers/${transfer.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/transfers/${transfer.id}/accept`, {}, ifMatch(1))).status).toBe(404);
    expect((await sender.post(`/api/v1/transfers/${transfer.id}/accept`, {}, ifMatch(1))).status).toBe(403);

    const accept = `/api/v1/transfers/${transfer.id}/accept`;
    expect((await receiver.post(accept, {})).status).toBe(428);
    const accepted = await receiver.post(accept, {}, ifMatch(1));
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.status).toBe('accepted');
    const received = accepted.body.data.receivedCase;
    expect((await receiver.post(accept, {}, ifMatch(2))).status).toBe(409);

    const there = (await receiver.get(`/api/v1/cases/${received.id}/overview`)).body.data;
    expect(there.case).toMatchObject({ caseNumber: received.caseNumber, status: 'open', child: { fullName: 'Trần Văn Bình' } });
    expect(there.case.links.transferredFrom).toEqual({ tenantId: 'vn-na', caseId: kase.id, caseNumber: kase.caseNumber, transferId: transfer.id });
    expect(there.notes[0].text).toContain(`Transferred from Nghe An (${kase.caseNumber})`);
    // The receiving tenant's case is its own: the sender cannot read it.
    expect((await sender.get(`/api/v1/cases/${received.id}`)).status).toBe(404);

    const outbox = (await sender.get('/api/v1/transfers?box=outbox')).body.data.find((t: any) => t.id === transfer.id);
    expect(outbox.status).toBe('accepted');
    const here = (await sender.get(`/api/v1/cases/${kase.id}`)).body.data;
    expect(here).toMatchObject({ status: 'closed', stage: 'closed', closure: { outcome: 'transferred' } });
    expect(here.links.transferredTo).toMatchObject({ tenantId: 'vn', caseNumber: received.caseNumber });
    const actions = (await sender.get(`/api/v1/cases/${kase.id}/history`)).body.data.map((entry: any) => entry.action);
    expect(actions).toEqual(['create', 'transfer_request', 'transfer_out']);
  });

  it('opens one case when two supervisors accept it at the same moment', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.vn');
    const second = (await admin.post('/api/v1/users', { username: 'supervisor3.vn', displayName: 'Lê Thị Mai', roles: ['supervisor'] })).body.data;
    const otherSupervisor = await ApiClient.signIn(stack.url, 'supervisor3.vn', second.temporaryPassword);
    const { transfer } = await requestTransfer('Đinh Văn Song');
    const accept = `/api/v1/transfers/${transfer.id}/accept`;
    const answers = await Promise.all([receiver, otherSupervisor].map((supervisor) => supervisor.post(accept, {}, ifMatch(1))));
    // One wins; the other finds the transfer answered (409) or changed under it (412).
    const [won, lost] = [answers.filter((answer) => answer.status === 200), answers.filter((answer) => answer.status !== 200)];
    expect(won).toHaveLength(1);
    expect([409, 412]).toContain(lost[0]!.status);
    const opened = (await receiver.get(`/api/v1/cases?q=${encodeURIComponent('Đinh Văn Song')}`)).body.data;
    expect(opened.map((kase: any) => kase.id)).toEqual([won[0]!.body.data.receivedCase.id]);
    const notes = (await receiver.get(`/api/v1/cases/${opened[0].id}/overview`)).body.data.notes;
    expect(notes).toHaveLength(1);
  });

  it('when declined, leaves the case open here and lets the sender try again', async () => {
    const { kase, transfer } = await requestTransfer();
    const decline = `/api/v1/transfers/${transfer.id}/decline`;
    expect((await receiver.post(decline, {}, ifMatch(1))).status).toBe(400);
    expect((await receiver.post(decline, { reason: 'The family is not in our area' }, ifMatch(1))).body.data.status).toBe('declined');
    const read = await sender.get(`/api/v1/transfers/${transfer.id}`);
    expect(read.body.data).toMatchObject({ status: 'declined', declineReason: 'The family is not in our area' });
    expect((await sender.get(`/api/v1/cases/${kase.id}`)).body.data.status).toBe('open');
    expect((await sender.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'They moved again', consent })).status).toBe(201);
  });
});
