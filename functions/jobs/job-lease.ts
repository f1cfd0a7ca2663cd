import { DomainError } from '../../shared/errors.ts';
import { atVersion } from '../data/conditions.ts';
import type { ItemInput, PutOperation, TenantRepository } from '../data/tenant-repository.ts';

/** How long a worker holds a background job before another request may take it over. */
export const LEASE_MS = 60_000;

/** What every resumable background job record carries (the register import, the unit recount). */
export interface LeasedJob {
  status: string;
  /** Epoch ms until which a worker holds the job; 0 when nobody does. */
  leaseUntil: number;
  version: number;
}

/**
 * The lease of a background job whose record is stored whole at a version: whoever holds the lease works the
 * job — the request that started it, or a later request that finds the lease run out (the first worker died),
 * which resumes from the saved cursor. Every save is conditional on the version read, so two workers never
 * both advance a job.
 */
export class JobLease<T extends LeasedJob> {
  constructor(
    private readonly repository: TenantRepository,
    private readonly itemOf: (job: T) => ItemInput,
    private readonly what: string,
  ) {}

  /** Takes the job for `LEASE_MS` if it is running and nobody holds it; undefined when someone else does. */
  async claim(job: T): Promise<T | undefined> {
    if (job.status !== 'running' || job.leaseUntil > Date.now()) return undefined;
    const next = { ...job, leaseUntil: Date.now() + LEASE_MS, version: job.version + 1 };
    try {
      await this.repository.transact([this.save(job, next)]);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PRECONDITION_FAILED') return undefined;
      throw error;
    }
    return next;
  }

  /** The write that replaces `job` by `next`, only while the stored job is still at `job`'s version. */
  save(job: T, next: T): PutOperation {
    return { put: this.itemOf(next), ...atVersion(job.version, this.what) };
  }

  /** Gives the lease up (after an error) so that the next request resumes the job at once. Best effort. */
  async release(job: T): Promise<void> {
    await this.repository.transact([this.save(job, { ...job, leaseUntil: 0, version: job.version + 1 })]).catch(() => undefined);
  }
}
