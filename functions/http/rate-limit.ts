import { DomainError } from '../../shared/errors.ts';

const WINDOW_MS = 60_000;

/** A user's requests in the current minute and the one before it. */
interface Counts {
  minute: number;
  current: number;
  previous: number;
}

const countsByUser = new Map<string, Counts>();

/**
 * Per-user throttling in this container: more than `SANAD_RATE_LIMIT_PER_MINUTE` requests (default 600) in the
 * last minute answer 429. The HTTP API stage's throttling caps the whole API; this keeps one user from using
 * it up. A sliding-window counter — this minute's count plus the previous minute's, weighted by how much of
 * it the last 60 s still cover — costs the same on every request, however busy the user.
 */
export function throttle(userId: string, now = Date.now()): void {
  const limit = Number(process.env.SANAD_RATE_LIMIT_PER_MINUTE ?? 600);
  const minute = Math.floor(now / WINDOW_MS);
  let counts = countsByUser.get(userId);
  if (!counts || counts.minute !== minute) {
    const previous = counts?.minute === minute - 1 ? counts.current : 0;
    counts = { minute, current: 0, previous };
    countsByUser.set(userId, counts);
  }
  const stillCovered = 1 - (now - minute * WINDOW_MS) / WINDOW_MS;
  if (counts.current + counts.previous * stillCovered >= limit) {
    throw new DomainError('RATE_LIMITED', 'Too many requests; slow down and retry in a minute');
  }
  counts.current++;
}
