import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throttle } from './rate-limit.ts';

const MINUTE = 60_000;
/** Requests accepted out of `count` sent at `at` (ms). */
const accepted = (user: string, count: number, at: number) => {
  let ok = 0;
  for (let i = 0; i < count; i++) {
    try {
      throttle(user, at);
      ok++;
    } catch (error) {
      expect((error as { code?: string }).code).toBe('RATE_LIMITED');
    }
  }
  return ok;
};

describe('throttle', () => {
  beforeEach(() => { process.env.SANAD_RATE_LIMIT_PER_MINUTE = '10'; });
  afterEach(() => { delete process.env.SANAD_RATE_LIMIT_PER_MINUTE; });

  it('lets a user make the limit of requests in a minute and refuses the next, without touching others', () => {
    const start = 1_000 * MINUTE;
    expect(accepted('busy', 15, start + 1_000)).toBe(10);
    expect(accepted('calm', 1, start + 2_000)).toBe(1);
  });

  it('counts the previous minute by how much of it the last 60 s still cover', () => {
    const start = 2_000 * MINUTE;
    expect(accepted('u', 10, start + 59_000)).toBe(10);
    // 15 s into the next minute, 45 s of the previous one are still in the window: 10 × 0.75 = 7.5 of 10 used.
    expect(accepted('u', 5, start + MINUTE + 15_000)).toBe(3);
    // A whole quiet minute later, everything is allowed again.
    expect(accepted('u', 12, start + 3 * MINUTE)).toBe(10);
  });
});
