import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  // This file runs in its own worker: a low limit here touches no other test.
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '20';
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

it('answers 429 RATE_LIMITED with Retry-After once a user passes the per-minute limit, without slowing others', async () => {
  const busy = await ApiClient.signIn(stack.url, 'caseworker.sy');
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) statuses.push((await busy.get('/api/v1/me')).status);
  expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
  const refused = await busy.get('/api/v1/me');
  expect(refused.status).toBe(429);
  expect(refused.body.error.code).toBe('RATE_LIMITED');
  expect(refused.headers.get('retry-after')).toBe('60');
  const calm = await ApiClient.signIn(stack.url, 'supervisor.sy');
  expect((await calm.get('/api/v1/me')).status).toBe(200);
});
