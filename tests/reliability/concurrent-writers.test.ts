import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

const WRITERS = 50;
let stack: LocalStack;
let writers: ApiClient[];

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '1000000';
  stack = await startTestStack();
  // The owner and supervisors may all edit the case: the same people, many browser tabs.
  const people = await Promise.all(['caseworker.vn-na', 'supervisor.vn-na'].map((username) => ApiClient.signIn(stack.url, username)));
  writers = Array.from({ length: WRITERS }, (_, i) => people[i % people.length]!);
});
afterAll(async () => {
  delete process.env.SANAD_RATE_LIMIT_PER_MINUTE;
  await stack?.stop();
});

/** Read, add one, write with If-Match; on 412 read again — what a client that never loses an edit does. */
async function increment(client: ApiClient, caseId: string): Promise<{ attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    const current = await client.get(`/api/v1/cases/${caseId}`);
    const count = Number(current.body.data.child.location ?? '0');
    const res = await client.request('PATCH', `/api/v1/cases/${caseId}`, {
      body: { child: { location: String(count + 1) } },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    if (res.status === 200) return { attempts };
    expect(res.status, JSON.stringify(res.body)).toBe(412);
  }
}

it(`loses no update when ${WRITERS} writers change the same case at once`, async () => {
  const kase = (await writers[0]!.post('/api/v1/cases', newCase({ child: { fullName: 'Concurrency', sex: 'female', location: '0' } }))).body.data;
  const results = await Promise.all(writers.map((client) => increment(client, kase.id)));
  const final = (await writers[0]!.get(`/api/v1/cases/${kase.id}`)).body.data;
  expect(final.child.location).toBe(String(WRITERS));
  expect(final.version).toBe(1 + WRITERS);
  // They really did collide: optimistic concurrency turned the collisions into retries, not lost writes.
  expect(results.some((result) => result.attempts > 1)).toBe(true);
  const history = (await writers[0]!.get(`/api/v1/cases/${kase.id}/history`)).body.data;
  expect(history).toHaveLength(1 + WRITERS);
  expect((await writers[0]!.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data.valid).toBe(true);
});

it(`keeps every one of ${WRITERS} notes added at once, each with its history entry, in one unbroken chain`, async () => {
  const kase = (await writers[0]!.post('/api/v1/cases', newCase())).body.data;
  const added = await Promise.all(writers.map((client, i) => client.post(`/api/v1/cases/${kase.id}/notes`, { text: `note ${i}`, confidential: false })));
  // Each took its turn on the history chain: none was refused, none was dropped.
  expect(added.map((res) => res.status)).toEqual(Array(WRITERS).fill(201));
  const created = WRITERS;
  const overview = (await writers[0]!.get(`/api/v1/cases/${kase.id}/overview`)).body.data;
  expect(overview.notes).toHaveLength(created);
  expect(overview.history.filter((entry: any) => entry.action === 'add_note')).toHaveLength(created);
  expect((await writers[0]!.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data.valid).toBe(true);
});
