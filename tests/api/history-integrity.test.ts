import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { entryHash, headMac, type Digest } from '../../shared/history/chain.ts';
import { chainKeyFor } from '../../functions/history/chain-key.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';

/**
 * Someone who can write the table but does not hold the history key: every tampering with a case's history
 * (its entries and the head on the case) makes /history/verify answer `valid: false` and say where and why.
 */
let stack: LocalStack;
let raw: DynamoDBDocumentClient;
let caseworker: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
  );
  caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
});
afterAll(() => stack?.stop());

const sha256: Digest = (text) => createHash('sha256').update(text).digest('hex');
const pk = (caseId: string) => `T#vn-na#CASE#${caseId}`;
const verify = async (caseId: string) => (await caseworker.get(`/api/v1/cases/${caseId}/history/verify`)).body.data;

/** A case with three history entries: its registration and two notes. */
async function caseWithHistory(): Promise<string> {
  const kase = (await caseworker.post('/api/v1/cases', newCase())).body.data;
  await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'First visit' });
  await caseworker.post(`/api/v1/cases/${kase.id}/notes`, { text: 'Second visit' });
  return kase.id;
}

/** The stored history items of a case, oldest first, and its case item. */
async function stored(caseId: string): Promise<{ entries: Record<string, any>[]; meta: Record<string, any> }> {
  const { Items = [] } = await raw.send(new QueryCommand({
    TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk(caseId) }, ConsistentRead: true,
  }));
  return { entries: Items.filter((item) => String(item.sk).startsWith('HIST#')), meta: Items.find((item) => item.sk === 'META')! };
}

const put = (item: Record<string, any>) => raw.send(new PutCommand({ TableName: stack.tableName, Item: item }));
const remove = (item: Record<string, any>) => raw.send(new DeleteCommand({ TableName: stack.tableName, Key: { pk: item.pk, sk: item.sk } }));

/** Sets the case's head (count, newest hash, and MAC — `undefined` removes it) behind the API. */
async function setHead(caseId: string, head: { historyCount: number; historyHead: string | null; historyHeadMac?: string }) {
  await raw.send(new UpdateCommand({
    TableName: stack.tableName, Key: { pk: pk(caseId), sk: 'META' },
    UpdateExpression: head.historyHeadMac === undefined ? 'SET historyCount = :c, historyHead = :h REMOVE historyHeadMac' : 'SET historyCount = :c, historyHead = :h, historyHeadMac = :m',
    ExpressionAttributeValues: { ':c': head.historyCount, ':h': head.historyHead, ...(head.historyHeadMac === undefined ? {} : { ':m': head.historyHeadMac }) },
  }));
}

/**
 * Rewrites a case's stored entries from `from` on, each relinked to the one before and hashed with `digest`
 * (marked `hmac-sha256`, or unmarked as entries from before keys were), and points the head at the last:
 * what someone with write access to the table does to make a changed history look whole.
 */
async function rebuild(caseId: string, items: Record<string, any>[], from: number, digest: Digest, marked: boolean) {
  let previous: string | null = from === 0 ? null : items[from - 1]!.hash;
  for (const item of items.slice(from)) {
    const { pk: _pk, sk: _sk, entity: _entity, hash: _hash, alg: _alg, ...entry } = item;
    const unsigned = { ...entry, changes: JSON.parse(entry.changes), prevHash: previous, ...(marked ? { alg: 'hmac-sha256' } : {}) } as any;
    const hash = entryHash(unsigned, digest);
    const { alg: _unused, ...unmarked } = item;
    await put({ ...(marked ? item : unmarked), prevHash: previous, hash });
    previous = hash;
  }
  const head = { historyCount: items.length, historyHead: previous };
  await setHead(caseId, marked ? { ...head, historyHeadMac: headMac(head, digest) } : head);
}

describe('history/verify with the keyed chain and the head on the case', () => {
  it('an untouched history is valid, every entry keyed', async () => {
    const caseId = await caseWithHistory();
    expect(await verify(caseId)).toEqual({ valid: true, entries: 3 });
    const { entries, meta } = await stored(caseId);
    expect(entries.map((entry) => entry.alg)).toEqual(['hmac-sha256', 'hmac-sha256', 'hmac-sha256']);
    expect(meta).toMatchObject({ historyCount: 3, historyHead: entries[2]!.hash, historyHeadMac: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a deleted newest entry', async () => {
    const caseId = await caseWithHistory();
    await remove((await stored(caseId)).entries[2]!);
    expect(await verify(caseId)).toEqual({ valid: false, entries: 2, brokenAt: 2, reason: 'missing' });
  });

  it('a deleted newest entry, the head moved back to the entry before', async () => {
    const caseId = await caseWithHistory();
    const { entries, meta } = await stored(caseId);
    await remove(entries[2]!);
    await setHead(caseId, { historyCount: 2, historyHead: entries[1]!.hash, historyHeadMac: meta.historyHeadMac });
    expect(await verify(caseId)).toMatchObject({ valid: false, entries: 2, brokenAt: 1, reason: 'head' });
    await setHead(caseId, { historyCount: 2, historyHead: entries[1]!.hash });
    expect(await verify(caseId)).toMatchObject({ valid: false, brokenAt: 1, reason: 'head' });
  });

  it('a deleted middle entry', async () => {
    const caseId = await caseWithHistory();
    await remove((await stored(caseId)).entries[1]!);
    expect(await verify(caseId)).toMatchObject({ valid: false, entries: 2, brokenAt: 1, reason: 'missing' });
  });

  it('every entry deleted, the head emptied', async () => {
    const caseId = await caseWithHistory();
    for (const entry of (await stored(caseId)).entries) await remove(entry);
    await setHead(caseId, { historyCount: 0, historyHead: null });
    expect(await verify(caseId)).toMatchObject({ valid: false, entries: 0, brokenAt: 0, reason: 'missing' });
  });

  it('an altered entry', async () => {
    const caseId = await caseWithHistory();
    const [, note] = (await stored(caseId)).entries;
    await put({ ...note, changes: String(note!.changes).replace('First visit', 'No visit') });
    expect(await verify(caseId)).toEqual({ valid: false, entries: 3, brokenAt: 1, reason: 'hash' });
  });

  it('an entry altered and re-hashed with plain SHA-256, marked keyed or passed off as from before keys', async () => {
    const caseId = await caseWithHistory();
    const { entries } = await stored(caseId);
    const altered = entries.map((entry, i) => (i === 2 ? { ...entry, changes: String(entry.changes).replace('Second visit', 'No visit') } : entry));
    await rebuild(caseId, altered, 2, sha256, true);
    expect(await verify(caseId)).toMatchObject({ valid: false, brokenAt: 2, reason: 'hash' });
    await rebuild(caseId, altered, 2, sha256, false);
    expect(await verify(caseId)).toMatchObject({ valid: false, brokenAt: 2, reason: 'unkeyed-after-keyed' });
  });

  it("an entry re-hashed with another tenant's key", async () => {
    const caseId = await caseWithHistory();
    const otherTenant = (await chainKeyFor('mm')).forCase(caseId);
    await rebuild(caseId, (await stored(caseId)).entries, 1, otherTenant, true);
    expect(await verify(caseId)).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' });
  });

  it('a whole chain rebuilt with a matching head by someone without the key', async () => {
    const rebuilt = await caseWithHistory();
    const notTheKey = randomBytes(32);
    const forger: Digest = (text) => createHmac('sha256', notTheKey).update(text).digest('hex');
    await rebuild(rebuilt, (await stored(rebuilt)).entries, 0, forger, true);
    expect(await verify(rebuilt)).toMatchObject({ valid: false, entries: 3, brokenAt: 0, reason: 'hash' });

    // Rebuilt as history from before keys (plain SHA-256, unmarked, no head MAC): no key vouches for it.
    const downgraded = await caseWithHistory();
    await rebuild(downgraded, (await stored(downgraded)).entries, 0, sha256, false);
    expect(await verify(downgraded)).toEqual({ valid: false, entries: 3, brokenAt: 0, reason: 'unkeyed', unkeyed: 3 });
  });

  it("another case's history and head copied over this case's", async () => {
    const source = await caseWithHistory();
    const target = await caseWithHistory();
    const { entries, meta } = await stored(source);
    for (const entry of entries) await put({ ...entry, pk: pk(target) });
    await setHead(target, { historyCount: meta.historyCount, historyHead: meta.historyHead, historyHeadMac: meta.historyHeadMac });
    expect(await verify(target)).toMatchObject({ valid: false, brokenAt: 0, reason: 'hash' });
  });

  it('history from before the chain was keyed: valid where accepted, counted as unkeyed; covered by the next keyed entry', async () => {
    const caseId = await caseWithHistory();
    // What such a case looks like: unmarked SHA-256 entries, a head without a MAC.
    await rebuild(caseId, (await stored(caseId)).entries, 0, sha256, false);
    const policy = process.env.SANAD_HISTORY_UNKEYED;
    process.env.SANAD_HISTORY_UNKEYED = 'accept';
    try {
      expect(await verify(caseId)).toEqual({ valid: true, entries: 3, unkeyed: 3 });
    } finally {
      process.env.SANAD_HISTORY_UNKEYED = policy;
    }
    expect(await verify(caseId)).toMatchObject({ valid: false, reason: 'unkeyed' });
    // The next change writes a keyed entry linked to the old head: its MAC vouches for the whole chain.
    expect((await caseworker.post(`/api/v1/cases/${caseId}/notes`, { text: 'Third visit' })).status).toBe(201);
    expect(await verify(caseId)).toEqual({ valid: true, entries: 4, unkeyed: 3 });
  });

  it('never reports a break for writes landing while it reads', async () => {
    const caseId = await caseWithHistory();
    const writes = Promise.all(Array.from({ length: 12 }, (_, i) => caseworker.post(`/api/v1/cases/${caseId}/notes`, { text: `Visit ${i}` })));
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => verify(caseId)));
    expect((await writes).map((res) => res.status)).toEqual(Array(12).fill(201));
    expect(verdicts.filter((verdict) => !verdict.valid)).toEqual([]);
    expect(await verify(caseId)).toEqual({ valid: true, entries: 15 });
  });
});

describe('the local key', () => {
  it('lives in the data dir (0600): a stack restarted on the same data dir verifies what it wrote', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sanad-history-'));
    // The stack configures the handlers through the environment, as Lambda's does: restore the test stack's afterwards.
    const saved = ['DYNAMODB_ENDPOINT', 'SANAD_TABLE', 'SANAD_HISTORY_KEY_FILE', 'SANAD_HISTORY_UNKEYED'].map((name) => [name, process.env[name]] as const);
    const options = { dataDir, port: 0, dynamoEndpoint: inject('dynamoEndpoint'), tableName: `sanad-test-${randomUUID().slice(0, 8)}` };
    try {
      const first = await startLocalStack(options);
      const client = await ApiClient.signIn(first.url, 'caseworker.vn-na');
      const kase = (await client.post('/api/v1/cases', newCase())).body.data;
      await client.post(`/api/v1/cases/${kase.id}/notes`, { text: 'First visit' });
      await first.stop();
      expect(statSync(join(dataDir, 'history-key.json')).mode & 0o777).toBe(0o600);

      const restarted = await startLocalStack(options);
      const again = await ApiClient.signIn(restarted.url, 'caseworker.vn-na');
      expect((await again.get(`/api/v1/cases/${kase.id}/history/verify`)).body.data).toEqual({ valid: true, entries: 2 });
      await restarted.stop();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
