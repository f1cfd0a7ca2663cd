import { DomainError } from '../../shared/errors.ts';

const WINDOW_MS = 60_000;
const hits = new Map<string, number[]>();

/**
 * Per-user throttling in this container: more than `SANAD_RATE_LIMIT_PER_MINUTE` requests (default 600) in a
 * minute answer 429. The HTTP API stage's throttling caps the whole API; this keeps one user from using it up.
 */
export function throttle(userId: string, now = Date.now()): void {
  const limit = Number(process.env.SANAD_RATE_LIMIT_PER_MINUTE ?? 600);
  const recent = (hits.get(userId) ?? []).filter((at) => at > now - WINDOW_MS);
  if (recent.length >= limit) {
    hits.set(userId, recent);
    throw new DomainError('RATE_LIMITED', 'Too many requests; slow down and retry in a minute');
  }
  recent.push(now);
  hits.set(userId, recent);
}
