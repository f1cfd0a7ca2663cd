import { gunzipSync, gzipSync } from 'node:zlib';
import { notFound } from '../../shared/errors.ts';
import type { ImportFailure, ImportJob } from '../../shared/schemas/reports.ts';
import { JobLease, LEASE_MS } from '../jobs/job-lease.ts';
import type { StoredItem, TenantRepository } from '../data/tenant-repository.ts';
import type { RawRow } from './import-rows.ts';

/**
 * A persisted, chunked import job, all in its partition `IMPORT#<id>`:
 *   `META`           — status, counts, `chunks`, `cursor` (the next chunk to process), lease, version
 *   `CHUNK#<n>`      — the file's rows n·200 … n·200+199 as read (gzipped JSON), written before the job starts
 *   `FAILED#<n>`     — the failed rows of chunk n, with their errors and values (for failed.csv)
 *   `DUPES#<n>`      — the rows of chunk n whose new case may be a child the tenant already has (duplicates.csv)
 * Progress is saved after each window of chunks with a version condition, so a crash loses at most the
 * window in flight — and redoing it changes nothing (rows are idempotent by external id).
 */
export const CHUNK_ROWS = 200;
export { LEASE_MS };

export interface JobRecord {
  id: string;
  status: ImportJob['status'];
  rows: number;
  chunks: number;
  cursor: number;
  processed: number;
  created: number;
  unchanged: number;
  possibleDuplicates: number;
  failedCount: number;
  createdBy: { userId: string; username: string };
  /**
   * The importer's home unit when the import started: the worker (which runs without a request) checks every
   * row's `unit` in that unit's subtree. Jobs from before units have none: the root's.
   */
  unitId?: string;
  createdAt: string;
  updatedAt: string;
  leaseUntil: number;
  version: number;
}

export interface StoredFailure extends ImportFailure {
  values: Record<string, string>;
}

/** A created row whose case may be a child the tenant already had (or another row of the file). */
export interface StoredDuplicate {
  row: number;
  externalId: string;
  fullName: string;
  caseNumber: string;
  matches: { caseNumber: string; score: number }[];
}

export interface ChunkResult {
  chunk: number;
  processed: number;
  created: number;
  unchanged: number;
  duplicates: StoredDuplicate[];
  failed: StoredFailure[];
}

const partition = (id: string) => `IMPORT#${id}`;
const pad = (n: number) => String(n).padStart(5, '0');
const IMPORT_ID = /^[0-9a-f-]{36}$/;

const jobItem = (job: JobRecord) => ({ pk: partition(job.id), sk: 'META', entity: 'import', ...job });

export class ImportJobs {
  private readonly lease: JobLease<JobRecord>;

  constructor(private readonly repository: TenantRepository) {
    this.lease = new JobLease(repository, jobItem, 'import');
  }

  /** Stores the rows in chunks, then the job (so a visible job always has its rows). */
  async create(id: string, rows: RawRow[], createdBy: JobRecord['createdBy'], unitId?: string): Promise<JobRecord> {
    const chunks = Math.ceil(rows.length / CHUNK_ROWS);
    // Rows are stored gzipped (a chunk of 200 register rows is ~10 KB then), ten chunks per transaction.
    const writes = Array.from({ length: chunks }, (_, n) => ({
      put: { pk: partition(id), sk: `CHUNK#${pad(n)}`, entity: 'import-chunk', rows: gzipSync(JSON.stringify(rows.slice(n * CHUNK_ROWS, (n + 1) * CHUNK_ROWS))) },
    }));
    await Promise.all(Array.from({ length: Math.ceil(writes.length / 10) }, (_, i) => this.repository.transact(writes.slice(i * 10, i * 10 + 10))));
    const now = new Date().toISOString();
    const job: JobRecord = {
      id, status: chunks === 0 ? 'completed' : 'running', rows: rows.length, chunks, cursor: 0, processed: 0, created: 0, unchanged: 0,
      possibleDuplicates: 0, failedCount: 0, createdBy, ...(unitId ? { unitId } : {}), createdAt: now, updatedAt: now, leaseUntil: 0, version: 1,
    };
    await this.repository.transact([{ put: jobItem(job), condition: 'attribute_not_exists(pk)' }]);
    return job;
  }

  async get(id: string): Promise<JobRecord> {
    if (!IMPORT_ID.test(id)) throw notFound('Import');
    const item = await this.repository.get(partition(id), 'META');
    if (!item) throw notFound('Import');
    const { pk: _pk, sk: _sk, entity: _e, ...job } = item;
    return job as unknown as JobRecord;
  }

  async chunk(id: string, n: number): Promise<RawRow[]> {
    const item = await this.repository.get(partition(id), `CHUNK#${pad(n)}`);
    return item?.rows instanceof Uint8Array ? (JSON.parse(gunzipSync(item.rows).toString('utf8')) as RawRow[]) : [];
  }

  /** Every failed row so far, in row order: one Query on the job's partition. */
  async failures(id: string): Promise<StoredFailure[]> {
    const items = await this.repository.queryAll({ partition: partition(id), sortKeyPrefix: 'FAILED#' }, 100);
    return items.flatMap((item: StoredItem) => item.failed as StoredFailure[]);
  }

  /** Every row flagged as a possible duplicate so far, in row order. */
  async duplicates(id: string): Promise<StoredDuplicate[]> {
    const items = await this.repository.queryAll({ partition: partition(id), sortKeyPrefix: 'DUPES#' }, 100);
    return items.flatMap((item: StoredItem) => item.duplicates as StoredDuplicate[]);
  }

  /** Takes the job for `LEASE_MS` if it is running and nobody holds it; undefined when someone else does. */
  async claim(id: string): Promise<JobRecord | undefined> {
    return this.lease.claim(await this.get(id));
  }

  /** Saves a window's results and moves the cursor past it, extending the lease; fails if the lease was lost. */
  async advance(job: JobRecord, results: ChunkResult[]): Promise<JobRecord> {
    const sum = (key: 'processed' | 'created' | 'unchanged') => results.reduce((n, r) => n + r[key], 0);
    const cursor = job.cursor + results.length;
    const next: JobRecord = {
      ...job,
      cursor,
      status: cursor >= job.chunks ? 'completed' : 'running',
      processed: job.processed + sum('processed'),
      created: job.created + sum('created'),
      unchanged: job.unchanged + sum('unchanged'),
      possibleDuplicates: job.possibleDuplicates + results.reduce((n, r) => n + r.duplicates.length, 0),
      failedCount: job.failedCount + results.reduce((n, r) => n + r.failed.length, 0),
      updatedAt: new Date().toISOString(),
      leaseUntil: cursor >= job.chunks ? 0 : Date.now() + LEASE_MS,
      version: job.version + 1,
    };
    await this.repository.transact([
      ...results.filter((r) => r.failed.length > 0).map((r) => ({
        put: { pk: partition(job.id), sk: `FAILED#${pad(r.chunk)}`, entity: 'import-failures', failed: r.failed },
      })),
      ...results.filter((r) => r.duplicates.length > 0).map((r) => ({
        put: { pk: partition(job.id), sk: `DUPES#${pad(r.chunk)}`, entity: 'import-duplicates', duplicates: r.duplicates },
      })),
      this.lease.save(job, next),
    ]);
    return next;
  }

  /** Gives the lease up (after an error) so that the next `GET` resumes the job at once. Best effort. */
  async release(job: JobRecord): Promise<void> {
    await this.lease.release(job);
  }
}

export function publicJob(job: JobRecord, failed: StoredFailure[]): ImportJob {
  return {
    id: job.id, status: job.status, rows: job.rows, processed: job.processed, created: job.created, unchanged: job.unchanged,
    possibleDuplicates: job.possibleDuplicates, failed: failed.map(({ row, errors }) => ({ row, errors })),
    createdAt: job.createdAt, updatedAt: job.updatedAt,
  };
}
