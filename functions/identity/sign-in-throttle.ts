import { DomainError } from '../../shared/errors.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';

/**
 * How many sign-in attempts a key (an account name, a client address) gets: `free` at once, then one more
 * after 1 s, 3 s, 7 s, 15 s… (the wait doubles), never more than `maxIntervalSeconds` apart. A streak with no
 * attempt for `quietSeconds` starts over. Backoff, not a hard lock: whoever guesses someone's username can
 * only slow them down for seconds to minutes, and a success clears the account's streak.
 */
export interface ThrottlePolicy {
  free: number;
  maxIntervalSeconds: number;
  quietSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, maxIntervalSeconds: 15 * 60, quietSeconds: 15 * 60 };
/** A client address may try many accounts (an office behind one NAT): only failed attempts count against it. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 50, maxIntervalSeconds: 5 * 60, quietSeconds: 15 * 60 };

/** Attempts allowed `elapsed` seconds after a streak's first attempt. */
export function allowance(policy: ThrottlePolicy, elapsedSeconds: number): number {
  const doublingSteps = Math.floor(Math.log2(policy.maxIntervalSeconds));
  const doublingEnds = 2 ** doublingSteps - 1;
  if (elapsedSeconds < doublingEnds) return policy.free + Math.floor(Math.log2(1 + Math.max(0, elapsedSeconds)));
  return policy.free + doublingSteps + Math.floor((elapsedSeconds - doublingEnds) / policy.maxIntervalSeconds);
}

/** Seconds from the streak's start until attempt number `attempt` (1-based) is allowed. */
export function allowedAfter(policy: ThrottlePolicy, attempt: number): number {
  const beyondFree = attempt - policy.free;
  if (beyondFree <= 0) return 0;
  const doublingSteps = Math.floor(Math.log2(policy.maxIntervalSeconds));
  if (beyondFree <= doublingSteps) return 2 ** beyondFree - 1;
  return 2 ** doublingSteps - 1 + (beyondFree - doublingSteps) * policy.maxIntervalSeconds;
}

export interface ThrottleKey {
  /** Partition in the control plane's space, e.g. `SIGNIN#ACCOUNT#<name>`. */
  partition: string;
  policy: ThrottlePolicy;
}

interface Streak {
  attempts: number;
  firstAt: number;
  lastAt: number;
}

const STREAK_SK = 'STREAK';

/** The answer to a throttled attempt: 429 with the seconds until the next one is allowed. */
export class Throttled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many sign-in attempts: wait a little and try again');
  }
}

/**
 * Counts sign-in attempts before the password is checked, so parallel guesses cannot slip through between a
 * read and a write: each attempt claims one unit of the allowance with a conditional write
 * (`attempts < allowance`, for the streak it read), all keys in one transaction, and only a claimed attempt
 * may check a password. DynamoDB decides the races; a lost one re-reads and tries again.
 */
export class SignInThrottle {
  constructor(private readonly space: TenantRepository, private readonly now: () => number = Date.now) {}

  /** Claims an attempt on every key, or throws `Throttled` with the longest wait among them. */
  async claim(keys: readonly ThrottleKey[]): Promise<void> {
    for (let round = 0; round < 4; round++) {
      const now = this.now();
      const streaks = await this.read(keys);
      const waits = keys.map((key, i) => this.waitSeconds(key.policy, streaks[i], now));
      const longest = Math.max(0, ...waits);
      if (longest > 0) throw new Throttled(longest);
      try {
        await this.space.transact(keys.map((key, i) => this.claimOperation(key, streaks[i], now)));
        return;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    // Still losing races after several rounds: so many attempts at once that the answer is "wait".
    throw new Throttled(1);
  }

  /**
   * After a successful sign-in: the account's streak ends, and the attempt is handed back to the address (its
   * count is of failures; a good password there proves little about the others tried from it).
   */
  async succeeded(account: ThrottleKey, address: ThrottleKey): Promise<void> {
    await this.space.transact([
      { delete: { pk: account.partition, sk: STREAK_SK } },
      { update: { pk: address.partition, sk: STREAK_SK }, set: {}, add: { attempts: -1 }, condition: 'attempts > :zero', values: { ':zero': 0 } },
    ]).catch((error: unknown) => {
      // The address's streak started over meanwhile: nothing to hand back, but the account's must still end.
      if (error instanceof DomainError) return this.space.transact([{ delete: { pk: account.partition, sk: STREAK_SK } }]);
      throw error;
    });
  }

  private async read(keys: readonly ThrottleKey[]): Promise<(Streak | undefined)[]> {
    const items = await this.space.getMany(keys.map((key) => ({ partition: key.partition, sk: STREAK_SK })));
    const byPartition = new Map(items.map((item) => [String(item.pk), item]));
    return keys.map((key) => {
      const item = byPartition.get(this.space.key(key.partition));
      return item ? { attempts: Number(item.attempts), firstAt: Number(item.firstAt), lastAt: Number(item.lastAt) } : undefined;
    });
  }

  /** The streak still counts (not quiet long enough to start over), or undefined. */
  private live(policy: ThrottlePolicy, streak: Streak | undefined, now: number): Streak | undefined {
    return streak && now - streak.lastAt < policy.quietSeconds * 1000 ? streak : undefined;
  }

  private waitSeconds(policy: ThrottlePolicy, seen: Streak | undefined, now: number): number {
    const streak = this.live(policy, seen, now);
    if (!streak) return 0;
    const elapsed = (now - streak.firstAt) / 1000;
    if (streak.attempts < allowance(policy, elapsed)) return 0;
    return Math.max(1, Math.ceil(allowedAfter(policy, streak.attempts + 1) - elapsed));
  }

  private claimOperation(key: ThrottleKey, seen: Streak | undefined, now: number) {
    const lost = () => new DomainError('CONFLICT', 'Another attempt claimed it first');
    const streak = this.live(key.policy, seen, now);
    if (!streak) {
      // A new streak: replaces a quiet one only if nobody else has touched it since it was read.
      return {
        put: { pk: key.partition, sk: STREAK_SK, entity: 'sign-in-streak', attempts: 1, firstAt: now, lastAt: now },
        condition: seen ? 'lastAt = :seenLastAt' : 'attribute_not_exists(pk)',
        ...(seen ? { values: { ':seenLastAt': seen.lastAt } } : {}),
        onConditionFailed: lost,
      };
    }
    return {
      update: { pk: key.partition, sk: STREAK_SK },
      set: { lastAt: now },
      add: { attempts: 1 },
      condition: 'firstAt = :firstAt AND attempts < :allowance',
      values: { ':firstAt': streak.firstAt, ':allowance': allowance(key.policy, (now - streak.firstAt) / 1000) },
      onConditionFailed: lost,
    };
  }
}
