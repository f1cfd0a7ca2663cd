import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-outage-'));
let dynamo: DynamoDbLocal;
let stack: LocalStack;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ dataDir });
  stack = await startLocalStack({ inMemory: true, port: 0, dynamoEndpoint: dynamo.endpoint, tableName: 'outage' });
});
afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('answers clean 503s with Retry-After while the database is down, and works again with nothing lost after it returns', async () => {
  const client = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  const before = (await client.post('/api/v1/cases', newCase({ child: { fullName: 'Before the outage', sex: 'male' } }))).body.data;

  await dynamo.stop();
  for (const call of [() => client.get(`/api/v1/cases/${before.id}`), () => client.post('/api/v1/cases', newCase())]) {
    const res = await call();
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('UNAVAILABLE');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  const login = await new ApiClient(stack.url).post('/local/login', { username: 'caseworker.vn-na', password: 'sanad-demo' });
  expect(login.status).toBe(503);

  dynamo = await startDynamoDbLocal({ dataDir, port: Number(new URL(dynamo.endpoint).port) });
  const again = await client.get(`/api/v1/cases/${before.id}`);
  expect(again.status).toBe(200);
  expect(again.body.data.child.fullName).toBe('Before the outage');
  expect((await client.post('/api/v1/cases', newCase())).status).toBe(201);
});
