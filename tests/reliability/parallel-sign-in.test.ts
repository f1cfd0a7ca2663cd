import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { ACCOUNT_POLICY, ADDRESS_POLICY, allowance } from '../../functions/identity/sign-in-throttle.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
const anonymous = () => new ApiClient(stack.url);

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const statuses = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

it('40 parallel wrong sign-ins to one account: only the free attempts check a password, the rest wait', async () => {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: 40 }, () => anonymous().post('/local/login', { username: 'supervisor.eg', password: 'guess' })));
  const counts = statuses(answers);
  expect(Object.keys(counts).sort()).toEqual(['401', '429']);
  // At most the free attempts, plus one per backoff step that opened while the burst lasted (1 s, 3 s, 7 s…).
  expect(counts[401]).toBeLessThanOrEqual(allowance(ACCOUNT_POLICY, (Date.now() - started) / 1000));
  expect(counts[429]).toBeGreaterThanOrEqual(40 - allowance(ACCOUNT_POLICY, (Date.now() - started) / 1000));
  for (const refused of answers.filter((res) => res.status === 429)) {
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  }
});

it('one address spraying guesses over many accounts is held to its own allowance', async () => {
  const accounts = ADDRESS_POLICY.free + 20;
  const answers = await Promise.all(Array.from({ length: accounts }, (_, i) => anonymous().post('/local/login', { username: `sprayed.${i}`, password: 'guess' })));
  const counts = statuses(answers);
  expect(counts[401]).toBeLessThanOrEqual(ADDRESS_POLICY.free);
  expect(counts[429]).toBeGreaterThanOrEqual(20);
  expect(Object.keys(counts).sort()).toEqual(['401', '429']);
});
