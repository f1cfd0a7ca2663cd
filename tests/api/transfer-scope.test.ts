import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

/**
 * `GET /transfers/{id}` and the transfer lists follow the case on the sending side (as `GET /cases/{id}`) and
 * the transfer inbox on the receiving side (those who decide transfers); everyone else gets the same 404 as for
 * a transfer that does not exist.
 */
let stack: LocalStack;
let owner: ApiClient;
let colleague: ApiClient;
let sendingSupervisor: ApiClient;
let sendingPartner: ApiClient;
let receivingSupervisor: ApiClient;
let receivingCaseworker: ApiClient;
let receivingPartner: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [owner, colleague, sendingSupervisor, sendingPartner, receivingSupervisor, receivingCaseworker, receivingPartner] = await Promise.all([
    signIn('caseworker.vn-na'), signIn('caseworker2.vn-na'), signIn('supervisor.vn-na'), signIn('ngo.vn-na'),
    signIn('supervisor.vn'), signIn('caseworker.vn'), signIn('ngo.vn'),
  ]);
});
afterAll(() => stack?.stop());

const today = new Date().toISOString().slice(0, 10);
const consent = { givenBy: 'guardian', givenAt: today };

/** The raw answer, to compare bytes. */
async function raw(client: ApiClient, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { status: response.status, text: await response.text() };
}

async function transferOf(by: ApiClient, kase: { id: string }) {
  const res = await by.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'The family moved to Ha Noi', consent });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string };
}

async function registered(fullName: string) {
  const res = await owner.post('/api/v1/cases', newCase({ child: { fullName, sex: 'female', dateOfBirth: '2012-02-02' } }));
  expect(res.status).toBe(201);
  return res.body.data as { id: string };
}

const outbox = async (client: ApiClient) => {
  const res = await client.get('/api/v1/transfers?box=outbox&limit=100');
  expect(res.status).toBe(200);
  return (res.body.data as { id: string }[]).map((t) => t.id);
};

describe('who reads a transfer', () => {
  it('the sending case\'s readers and the receiving inbox: everyone else gets the 404 of a transfer that does not exist', async () => {
    const kase = await registered('Phạm Thị Lan');
    const transfer = await transferOf(owner, kase);
    const path = `/api/v1/transfers/${transfer.id}`;

    // The same pair of tenants, an id that was never made; and an id that cannot be one.
    const missing = await raw(colleague, `/api/v1/transfers/vn-na.vn.${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(await raw(colleague, '/api/v1/transfers/nothing')).toEqual(missing);

    // A caseworker of the sending tenant who neither owns nor is assigned the case: as GET /cases/{id}.
    expect((await colleague.get(`/api/v1/cases/${kase.id}`)).status).toBe(404);
    expect(await raw(colleague, path)).toEqual(missing);
    // The receiving tenant's caseworker does not see the transfer inbox; partners of either side see nothing.
    expect(await raw(receivingCaseworker, path)).toEqual(missing);
    expect(await raw(receivingPartner, path)).toEqual(missing);
    expect(await raw(sendingPartner, path)).toEqual(missing);

    for (const reader of [owner, sendingSupervisor, receivingSupervisor]) {
      const read = await reader.get(path);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ id: transfer.id, case: { child: { fullName: 'Phạm Thị Lan', dateOfBirth: '2012-02-02' } } });
    }
  });

  it('follows the case: assigning it lets the colleague read its transfer, and the lists agree', async () => {
    const kase = await registered('Hoàng Văn Nam');
    // The supervisor transfers the caseworker's case: its owner reads and lists it as the case's reader.
    const transfer = await transferOf(sendingSupervisor, kase);
    const path = `/api/v1/transfers/${transfer.id}`;
    expect((await owner.get(path)).status).toBe(200);
    expect(await outbox(owner)).toContain(transfer.id);
    expect(await outbox(sendingSupervisor)).toContain(transfer.id);
    expect(await outbox(colleague)).not.toContain(transfer.id);
    expect((await colleague.get(path)).status).toBe(404);

    const { body } = await sendingSupervisor.get(`/api/v1/cases/${kase.id}`);
    const me = await colleague.get('/api/v1/me');
    const assigned = await sendingSupervisor.post(`/api/v1/cases/${kase.id}/assign`, { userId: me.body.data.userId }, { 'if-match': `"${body.data.version}"` });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect((await colleague.get(path)).status).toBe(200);
    expect(await outbox(colleague)).toContain(transfer.id);
  });
});
