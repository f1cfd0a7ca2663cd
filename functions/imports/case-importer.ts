import { DomainError } from '../../shared/errors.ts';
import type { TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { v5 as uuidv5 } from 'uuid';
import { casePartition } from '../cases/case-items.ts';
import { formatCaseNumber } from '../cases/case-numbers.ts';
import { newCaseRecord, type Actor } from '../cases/case-store.ts';
import { combineCounterWrites, SHARDS } from '../reports/counters.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { chainKeyFor } from '../history/chain-key.ts';
import type { ValidRow } from './import-rows.ts';
import { inParallel } from '../data/in-parallel.ts';

/** What became of a valid row, and the case that holds it. */
export interface RowOutcome {
  status: 'created' | 'unchanged';
  caseId: string;
  caseNumber: string;
}

/** Names the case ids of imported rows: a tenant's row with the same external id always gets the same id. */
const IMPORTED_CASE_NAMESPACE = '3f0c6a57-2c1e-4a8e-9d55-8f4d3b0e7a61';

/**
 * The case id of the tenant's row `externalId` (a UUID v5): re-importing the row finds its case by key, and
 * the case's own `attribute_not_exists` condition makes two imports of it at once create one case.
 */
export const importedCaseId = (tenantId: string, externalId: string) => uuidv5(`${tenantId}/${externalId}`, IMPORTED_CASE_NAMESPACE);

/** TransactWriteItems takes at most 100 items; a few are kept spare. */
const MAX_TRANSACTION_ITEMS = 96;

interface Prepared {
  row: ValidRow;
  kase: { id: string; caseNumber: string };
  writes: WriteOperation[];
}

/**
 * Registers imported rows as cases, fast and idempotently. Rows whose external id the tenant already holds
 * are `unchanged` (or `created` when this same import created them before a crash). The rest get case numbers
 * reserved in one counter update per year, and are written in transactions of several cases each — every case
 * (its id named by its external id, `attribute_not_exists`) with its history entry and its projections, the
 * counter deltas of the whole transaction combined into one write per counter item — several transactions in
 * parallel. If a transaction fails on an existing case (a concurrent import of the same row), its rows are
 * retried one by one.
 */
export class CaseImporter {
  constructor(
    private readonly repository: TenantRepository,
    /** The importer, with their unit scope (the job's home unit): rows were placed inside it. */
    private readonly actor: Actor,
    private readonly importId: string,
    /** At most `SHARDS`: each worker writes its own counter shard, so parallel transactions never conflict. */
    private readonly concurrency = Number(process.env.SANAD_IMPORT_CONCURRENCY ?? SHARDS),
  ) {}

  private caseIdOf(row: ValidRow): string {
    return importedCaseId(this.repository.tenantId, row.externalId);
  }

  async importRows(rows: ValidRow[]): Promise<Map<number, RowOutcome>> {
    const outcomes = new Map<number, RowOutcome>();
    const existing = await this.repository.getMany(rows.map((row) => ({ partition: casePartition(this.caseIdOf(row)), sk: 'META' })));
    const byExternalId = new Map(existing.map((item) => [String(item.externalId), item]));
    const fresh: ValidRow[] = [];
    for (const row of rows) {
      const kase = byExternalId.get(row.externalId);
      if (kase === undefined) {
        fresh.push(row);
        continue;
      }
      // This very row of this import, written before a crash: it was created (by this job).
      const createdHere = kase.importId === this.importId && kase.importRow === row.row;
      outcomes.set(row.row, { status: createdHere ? 'created' : 'unchanged', caseId: String(kase.id), caseNumber: String(kase.caseNumber) });
    }
    const prepared = await this.prepare(fresh);
    const batches = this.batches(prepared);
    await inParallel(batches.map((batch) => (worker) => this.writeBatch(batch, outcomes, worker)), Math.min(this.concurrency, SHARDS));
    return outcomes;
  }

  private async prepare(rows: ValidRow[]): Promise<Prepared[]> {
    if (rows.length === 0) return [];
    const tenant = await getTenantProfile(this.repository);
    // Derived once per tenant per container: every entry's MAC is then computed here, never one KMS call each.
    const chainKey = await chainKeyFor(this.repository.tenantId);
    const byYear = new Map<string, ValidRow[]>();
    for (const row of rows) byYear.set(row.openedAt.slice(0, 4), [...(byYear.get(row.openedAt.slice(0, 4)) ?? []), row]);
    const recordedAt = new Date().toISOString();
    // One counter update per year reserves a block of numbers; a failed write leaves gaps, never duplicates.
    const blocks = await Promise.all([...byYear].map(async ([year, yearRows]) => ({
      year, yearRows, last: await this.repository.nextSequence(`COUNTER#CASE#${year}`, 'COUNTER', yearRows.length),
    })));
    const prepared: Prepared[] = [];
    for (const { year, yearRows, last } of blocks) {
      yearRows.forEach((row, i) => {
        const { kase, writes } = newCaseRecord(row.input, this.actor, {
          chainKey,
          caseNumber: formatCaseNumber(tenant.caseNumberPrefix, year, last - yearRows.length + 1 + i),
          openedAt: row.openedAt,
          recordedAt,
          // Checked with the row against the importer's scope (`rowUnit`): the row's unit, or the importer's home unit.
          unit: row.unit,
          ...(row.closedAt ? { closedAt: row.closedAt } : {}),
          action: 'import',
          formVersion: row.formVersion,
          imported: { caseId: this.caseIdOf(row), externalId: row.externalId, importId: this.importId, row: row.row },
        });
        prepared.push({ row, kase: { id: kase.id, caseNumber: kase.caseNumber }, writes });
      });
    }
    return prepared;
  }

  /** Greedy: as many cases per transaction as fit in its item limit once the counter writes are combined. */
  private batches(prepared: Prepared[]): Prepared[][] {
    const batches: Prepared[][] = [];
    let current: Prepared[] = [];
    for (const item of prepared) {
      const candidate = [...current, item];
      if (current.length > 0 && combineCounterWrites(candidate.flatMap((p) => p.writes)).length > MAX_TRANSACTION_ITEMS) {
        batches.push(current);
        current = [item];
      } else {
        current = candidate;
      }
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  private async writeBatch(batch: Prepared[], outcomes: Map<number, RowOutcome>, shard: number): Promise<void> {
    try {
      await this.repository.transact(combineCounterWrites(batch.flatMap((p) => p.writes), shard));
      for (const p of batch) outcomes.set(p.row.row, { status: 'created', caseId: p.kase.id, caseNumber: p.kase.caseNumber });
      return;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CONFLICT') || batch.length === 1) {
        if (batch.length === 1 && error instanceof DomainError && error.code === 'CONFLICT') {
          // Created meanwhile by a concurrent import of the same row: that case holds it.
          const { row } = batch[0]!;
          const kase = await this.repository.get(casePartition(this.caseIdOf(row)), 'META');
          outcomes.set(row.row, { status: 'unchanged', caseId: this.caseIdOf(row), caseNumber: String(kase?.caseNumber ?? '') });
          return;
        }
        throw error;
      }
    }
    for (const p of batch) await this.writeBatch([p], outcomes, shard);
  }
}
