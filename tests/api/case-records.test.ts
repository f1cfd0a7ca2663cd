import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let caseworker2: ApiClient;
let supervisor: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  caseworker2 = await ApiClient.signIn(stack.url, 'caseworker2.vn-na');
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const register = async () => (await caseworker.post('/api/v1/cases', newCase())).body.data;

describe('follow-ups', () => {
  it('are added without If-Match, listed as overdue or due this week, and completed with If-Match', async () => {
    const kase = await register();
    const late = await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(-2), note: 'Home visit' });
    const soon = await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(3), note: 'Call the school' });
    expect(late.status).toBe(201);
    expect(late.body.data).toMatchObject({ status: 'open', caseNumber: kase.caseNumber, version: 1 });

    const overdue = (await caseworker.get('/api/v1/follow-ups?due=overdue')).body.data.map((f: any) => f.id);
    expect(overdue).toContain(late.body.data.id);
    expect(overdue).not.toContain(soon.body.data.id);
    const week = (await supervisor.get('/api/v1/follow-ups?due=week')).body.data.map((f: any) => f.id);
    expect(week).toContain(soon.body.data.id);
    expect((await caseworker2.get('/api/v1/follow-ups?due=overdue')).body.data.map((f: any) => f.id)).not.toContain(late.body.data.id);

    const path = `/api/v1/cases/${kase.id}/follow-ups/${late.body.data.id}/complete`;
    expect((await caseworker.post(path, {})).status).toBe(428);
    expect((await caseworker.post(path, {}, ifMatch(9))).status).toBe(412);
    const done = await caseworker.post(path, {}, ifMatch(1));
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'done', version: 2 });
    expect((await caseworker.get('/api/v1/follow-ups?due=overdue')).body.data.map((f: any) => f.id)).not.toContain(late.body.data.id);
  });

  it('validate the due date and answer 404 on another caseworker\'s case', async () => {
    const kase = await register();
    const bad = await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: 'tomorrow', note: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('dueDate');
    expect((await caseworker2.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(1), note: 'x' })).status).toBe(404);
  });
});

describe('placements', () => {
  it('keep a history of alternative care, including a breakdown and a return to an institution', async () => {
    const kase = await register();
    const foster = await caseworker.post(`/api/v1/cases/${kase.id}/placements`, { type: 'kafala', startDate: '2026-01-10', carer: 'Family of Hassan' });
    expect(foster.status).toBe(201);
    const early = await caseworker.post(`/api/v1/cases/${kase.id}/placements/${foster.body.data.id}/end`, { endDate: '2025-12-01', endReason: 'breakdown' }, ifMatch(1));
    expect(early.status).toBe(400);
    const ended = await caseworker.post(`/api/v1/cases/${kase.id}/placements/${foster.body.data.id}/end`, { endDate: '2026-06-30', endReason: 'returned_to_institution' }, ifMatch(1));
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({ endDate: '2026-06-30', endReason: 'returned_to_institution', version: 2 });
    await caseworker.post(`/api/v1/cases/${kase.id}/placements`, { type: 'institution', startDate: '2026-07-01' });
    const overview = (await caseworker.get(`/api/v1/cases/${kase.id}/overview`)).body.data;
    expect(overview.placements.map((p: any) => [p.type, p.endReason ?? null])).toEqual([['kafala', 'returned_to_institution'], ['institution', null]]);
  });
});

describe('notes', () => {
  it('keep confidential notes for the owner and supervisors only, and out of the history', async () => {
    const kase = await register();
    const userId2 = (await caseworker2.get('/api/v1/me')).body.data.userId;
    await supervisor.post(`/api/v1/cases/${kase.id}/assign`, { userId: userId2 }, ifMatch(1));
    await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Met the family' });
    const secret = await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Disclosure details', confidential: true });
    expect(secret.status).toBe(201);
    const texts = async (client: ApiClient) => (await client.get(`/api/v1/cases/${kase.id}/overview`)).body.data.notes.map((n: any) => n.text);
    expect(await texts(caseworker)).toEqual(expect.arrayContaining(['Met the family', 'Disclosure details']));
    expect(await texts(supervisor)).toContain('Disclosure details');
    expect(await texts(caseworker2)).toEqual(['Met the family']);
    const history = JSON.stringify((await caseworker2.get(`/api/v1/cases/${kase.id}/history`)).body.data);
    expect(history).not.toContain('Disclosure details');
  });
});

describe('the case page', () => {
  it('comes from one request with everything, history verified, and sub-records leave the case version alone', async () => {
    const kase = await register();
    await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'First visit' });
    await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(5), note: 'Second visit' });
    const res = await caseworker.get(`/api/v1/cases/${kase.id}/overview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.data.case.version).toBe(1);
    expect(res.body.data.history.map((e: any) => e.action)).toEqual(['create', 'add_note', 'add_follow_up']);
    expect((await caseworker.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data).toEqual({ valid: true, entries: 3 });
    expect(res.body.data.history[0].changes).toContainEqual({ path: 'child.fullName', from: null, to: kase.child.fullName });
  });

  it('history/verify names the first entry whose stored content was altered behind the API', async () => {
    const kase = await register();
    await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'First visit' });
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
    );
    const key = { pk: `T#vn-na#CASE#${kase.id}`, sk: 'HIST#00000000' };
    const stored = (await raw.send(new GetCommand({ TableName: stack.tableName, Key: key }))).Item!;
    const forged = String(stored.changes).replace(JSON.stringify(kase.child.fullName), JSON.stringify('Someone Else'));
    expect(forged).not.toBe(stored.changes);
    await raw.send(new PutCommand({ TableName: stack.tableName, Item: { ...stored, changes: forged } }));
    const verdict = (await caseworker.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data;
    expect(verdict).toMatchObject({ valid: false, brokenAt: 0 });
  });

  it('answers 404 to another tenant', async () => {
    const kase = await register();
    const mm = await ApiClient.signIn(stack.url, 'supervisor.mm');
    expect((await mm.get(`/api/v1/cases/${kase.id}/overview`)).status).toBe(404);
    expect((await mm.post(`/api/v1/cases/${kase.id}/notes`, { text: 'x' })).status).toBe(404);
  });
});

describe('atomicity', () => {
  it('a write that fails after the record part leaves neither the record change nor its history', async () => {
    const kase = await register();
    // Inject a fault: occupy the history slot the next change will need, so the transaction's second item fails.
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
    );
    await raw.send(new PutCommand({ TableName: stack.tableName, Item: { pk: `T#vn-na#CASE#${kase.id}`, sk: 'HIST#00000001', entity: 'fault' } }));
    const res = await caseworker.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { riskLevel: 'high' }, headers: ifMatch(1) });
    expect(res.status).toBe(412);
    const after = (await caseworker.get(`/api/v1/cases/${kase.id}`)).body.data;
    expect(after).toMatchObject({ version: 1, riskLevel: kase.riskLevel });
    const note = await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'should not land' });
    expect(note.status).toBe(409);
    const overview = (await supervisor.get(`/api/v1/cases/${kase.id}/overview`)).body.data;
    expect(overview.notes).toEqual([]);
  });
});

describe('retries', () => {
  it('an Idempotency-Key replay of a note or follow-up creates nothing new', async () => {
    const kase = await register();
    const headers = { 'idempotency-key': 'visit-note-1' };
    const first = await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Visit on Monday' }, headers);
    const again = await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Visit on Monday' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(2), note: 'Call' }, { 'idempotency-key': 'call-1' })),
    );
    expect(new Set(concurrent.map((r) => r.body.data.id)).size).toBe(1);
    const overview = (await caseworker.get(`/api/v1/cases/${kase.id}/overview`)).body.data;
    expect(overview.notes).toHaveLength(1);
    expect(overview.followUps).toHaveLength(1);
    expect((await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Different' }, headers)).status).toBe(409);
  });
});
