import { randomUUID } from 'node:crypto';
import type { ItemInput, StoredItem, TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { JobLease, LEASE_MS } from '../jobs/job-lease.ts';

/**
 * A unit move's recount: a resumable background job that walks the cases of the moved subtree and moves each
 * case (its `unitPath`, the unit keys of its items, its counter contributions) to the unit's new path.
 *
 * Items, in partition `RECOUNTS`:
 *   `JOB#<id>`  — the moved unit, the depth it had before the move (whose index lists every case of its
 *                 subtree as they were stored: `byUnit<depth>` / `CASES#U#<unit>`), the walk's `cursor`, counts,
 *                 lease, version
 *   `ACTIVE`    — `running`: how many jobs of the tenant are running (added to in the job's own writes), read
 *                 by the dashboard and Circular 02 in the same BatchGetItem as the counters to say `recounting`
 */
export const RECOUNTS = 'RECOUNTS';
export const ACTIVE_RECOUNTS = { partition: RECOUNTS, sk: 'ACTIVE' };
const jobSk = (id: string) => `JOB#${id}`;

export interface RecountJob {
  id: string;
  status: 'running' | 'completed';
  unitId: string;
  /** The moved unit's depth before the move (1…5): `byUnit<fromDepth>` / `CASES#U#<unitId>` lists its cases. */
  fromDepth: number;
  /** Where the walk of that index goes on (a repository cursor), null at the start. */
  cursor: string | null;
  /** Cases looked at, and cases whose unit path this job changed. */
  processed: number;
  moved: number;
  createdBy: { userId: string; username: string };
  createdAt: string;
  updatedAt: string;
  leaseUntil: number;
  version: number;
}

const jobItem = (job: RecountJob): ItemInput => ({ pk: RECOUNTS, sk: jobSk(job.id), entity: 'recount', ...job });
const activeBy = (n: number): WriteOperation => ({ update: { pk: RECOUNTS, sk: ACTIVE_RECOUNTS.sk }, set: { entity: 'recounts' }, add: { running: n } });

/** Whether the `ACTIVE` item (as read with the counters) says a recount runs. */
export const recountRunning = (active: StoredItem | undefined) => Number(active?.running ?? 0) > 0;

export class RecountJobs {
  private readonly lease: JobLease<RecountJob>;

  constructor(private readonly repository: TenantRepository) {
    this.lease = new JobLease(repository, jobItem, 'recount');
  }

  /** Stores a new running job for `unitId` (moved from depth `fromDepth`), and counts it as running. */
  async create(unitId: string, fromDepth: number, createdBy: RecountJob['createdBy'], id: string = randomUUID()): Promise<RecountJob> {
    const now = new Date().toISOString();
    const job: RecountJob = {
      id, status: 'running', unitId, fromDepth, cursor: null, processed: 0, moved: 0, createdBy, createdAt: now, updatedAt: now, leaseUntil: 0, version: 1,
    };
    await this.repository.transact([{ put: jobItem(job), condition: 'attribute_not_exists(pk)' }, activeBy(1)]);
    return job;
  }

  async get(id: string): Promise<RecountJob | undefined> {
    const item = await this.repository.get(RECOUNTS, jobSk(id));
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...job } = item;
    return job as unknown as RecountJob;
  }

  /** The tenant's running jobs (few: one per unit move not yet re-counted). */
  async running(): Promise<RecountJob[]> {
    const items = await this.repository.queryAll({
      partition: RECOUNTS, sortKeyPrefix: 'JOB#',
      filter: { expression: '#status = :running', names: { '#status': 'status' }, values: { ':running': 'running' } },
    });
    return items.map(({ pk: _pk, sk: _sk, entity: _e, ...job }) => job as unknown as RecountJob);
  }

  async claim(id: string): Promise<RecountJob | undefined> {
    const job = await this.get(id);
    return job ? this.lease.claim(job) : undefined;
  }

  /** Saves a page's progress; at the end of the walk the job completes and stops counting as running. */
  async advance(job: RecountJob, page: { cursor: string | null; processed: number; moved: number }): Promise<RecountJob> {
    const done = page.cursor === null;
    const next: RecountJob = {
      ...job,
      status: done ? 'completed' : 'running',
      cursor: page.cursor,
      processed: job.processed + page.processed,
      moved: job.moved + page.moved,
      updatedAt: new Date().toISOString(),
      leaseUntil: done ? 0 : Date.now() + LEASE_MS,
      version: job.version + 1,
    };
    await this.repository.transact([this.lease.save(job, next), ...(done ? [activeBy(-1)] : [])]);
    return next;
  }

  async release(job: RecountJob): Promise<void> {
    await this.lease.release(job);
  }
}
