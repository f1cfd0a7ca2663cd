import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCOUNT_POLICY, ADDRESS_POLICY, allowance, allowedAfter } from './sign-in-throttle.ts';

describe('sign-in backoff', () => {
  it('allows the free attempts at once, then one more after 1, 3, 7, 15 … seconds', () => {
    expect([0, 0.99, 1, 2.99, 3, 7, 15].map((seconds) => allowance(ACCOUNT_POLICY, seconds))).toEqual([5, 5, 6, 6, 7, 8, 9]);
    expect([5, 6, 7, 8, 9].map((attempt) => allowedAfter(ACCOUNT_POLICY, attempt))).toEqual([0, 1, 3, 7, 15]);
  });

  it('never lets attempts come faster than the cap once the doubling reaches it', () => {
    const cap = ACCOUNT_POLICY.maxIntervalSeconds;
    const late = allowedAfter(ACCOUNT_POLICY, 30);
    expect(allowedAfter(ACCOUNT_POLICY, 31) - late).toBe(cap);
  });

  it.each([['account', ACCOUNT_POLICY], ['address', ADDRESS_POLICY]] as const)('%s: allowance and allowedAfter agree, and both only grow', (_name, policy) => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), (attempt) => {
      const at = allowedAfter(policy, attempt);
      expect(allowance(policy, at)).toBeGreaterThanOrEqual(attempt);
      if (at > 0) expect(allowance(policy, at - 0.001)).toBeLessThan(attempt);
      expect(allowedAfter(policy, attempt + 1)).toBeGreaterThanOrEqual(at);
    }));
  });
});
