import type { TenantRepository } from '../data/tenant-repository.ts';
import { logger } from '../http/logger.ts';
import { CaseImporter } from './case-importer.ts';
import { DuplicateFinder } from '../cases/duplicates.ts';
import { inParallel } from '../data/in-parallel.ts';
import { validateRow, type RawRow, type RowRules, type ValidRow } from './import-rows.ts';
import { CaseRules } from '../cases/case-rules.ts';
import { ImportJobs, type ChunkResult, type JobRecord, type StoredDuplicate, type StoredFailure } from './import-jobs.ts';
import type { Actor } from '../cases/case-store.ts';
import { unitScopeOf, type UnitScope } from '../units/unit-scope.ts';
import { forgetUnitTree, unitTree } from '../units/unit-store.ts';

/**
 * The unit scope of the job's importer, from the tree read afresh once per run (one Query: a unit created
 * seconds ago in another container is known, for the home unit and for the rows' units alike). A home unit
 * missing from the tree places no row at all — never the root's scope in its stead; a job from before units
 * (no home unit) is the root's.
 */
async function importerScope(repository: TenantRepository, homeUnitId: string | undefined): Promise<UnitScope> {
  forgetUnitTree(repository.tenantId);
  const tree = await unitTree(repository);
  if (homeUnitId === undefined) return unitScopeOf(tree, undefined);
  return tree.get(homeUnitId) ? unitScopeOf(tree, homeUnitId) : { homeUnitId, tree, contains: () => false };
}

/** Chunks processed side by side before progress is saved. */
const WINDOW = 4;

interface CheckedChunk {
  chunk: number;
  raw: RawRow[];
  valid: ValidRow[];
  failed: StoredFailure[];
}

/** Validates a chunk's rows; `firstRowOf` (shared by the window) catches an external id repeated in the file. */
function checkChunk(n: number, raw: RawRow[], firstRowOf: Map<string, number>, rules: RowRules, importer: Required<Actor>): CheckedChunk {
  const failed: StoredFailure[] = [];
  const valid: ValidRow[] = [];
  for (const row of raw) {
    const checked = validateRow(row, rules, importer.units);
    if (Array.isArray(checked)) {
      failed.push({ row: row.row, errors: checked, values: row.values });
      continue;
    }
    const first = firstRowOf.get(checked.externalId);
    if (first !== undefined) {
      failed.push({ row: row.row, errors: [{ path: 'externalId', message: `Repeats row ${first}` }], values: row.values });
      continue;
    }
    firstRowOf.set(checked.externalId, row.row);
    valid.push(checked);
  }
  return { chunk: n, raw, valid, failed };
}

/** Duplicate checks of a window run this many at a time (each reads a few index partitions). */
const DUPLICATE_CHECKS_AT_ONCE = 16;
/** A flagged row lists at most this many of its possible duplicates, best first. */
const MATCHES_LISTED = 5;

/**
 * A window of chunks: validated chunk by chunk, the valid rows registered together (fuller parallel batches),
 * then every created row checked for possible duplicates — after the writes, so two rows of the file for the
 * same child find each other. One finder serves the window: rows share most name tokens.
 */
async function processWindow(
  repository: TenantRepository, job: JobRecord, chunks: number[], jobs: ImportJobs, rules: RowRules, importer: Required<Actor>,
): Promise<ChunkResult[]> {
  const raws = await Promise.all(chunks.map((n) => jobs.chunk(job.id, n)));
  const firstRowOf = new Map<string, number>();
  const checked = chunks.map((n, i) => checkChunk(n, raws[i] ?? [], firstRowOf, rules, importer));
  const outcomes = await new CaseImporter(repository, importer, job.id).importRows(checked.flatMap((c) => c.valid));
  const finder = new DuplicateFinder(repository);
  const flag = async (row: ValidRow): Promise<StoredDuplicate | undefined> => {
    const outcome = outcomes.get(row.row)!;
    const matches = await finder.find(row.input.child, { excludeCaseId: outcome.caseId, limit: MATCHES_LISTED });
    if (matches.length === 0) return undefined;
    return {
      row: row.row, externalId: row.externalId, fullName: row.input.child.fullName, caseNumber: outcome.caseNumber,
      matches: matches.map(({ caseNumber, score }) => ({ caseNumber, score })),
    };
  };
  const isCreated = (row: ValidRow) => outcomes.get(row.row)?.status === 'created';
  const createdRows = checked.flatMap((c) => c.valid.filter(isCreated));
  await finder.prefetch(createdRows.map((row) => row.input.child));
  const flagged = await inParallel(createdRows.map((row) => () => flag(row)), DUPLICATE_CHECKS_AT_ONCE);
  const duplicateOf = new Map(flagged.filter((duplicate) => duplicate !== undefined).map((duplicate) => [duplicate.row, duplicate]));
  return checked.map(({ chunk, raw, valid, failed }) => {
    const created = valid.filter(isCreated);
    return {
      chunk,
      processed: raw.length,
      created: created.length,
      unchanged: valid.length - created.length,
      duplicates: created.flatMap((row) => duplicateOf.get(row.row) ?? []),
      failed,
    };
  });
}

/**
 * Works an import job from its persisted cursor to the end, a window of chunks at a time, saving progress
 * after each window. Whoever holds the lease works the job: the request that started it, or a later
 * `GET /imports/{id}` that finds the lease expired (the first worker died) — which resumes where it stopped.
 */
export async function runImport(repository: TenantRepository, jobId: string): Promise<void> {
  const jobs = new ImportJobs(repository);
  let job = await jobs.claim(jobId);
  if (!job) return;
  try {
    // One form and one set of categories for the whole run (its schema compiled once).
    const rules = await CaseRules.load(repository);
    // The importer as the request saw them: their unit scope rebuilt from the job's home unit (the worker has
    // no request), so rows are placed exactly as registration would place them.
    const importer = { ...job.createdBy, units: await importerScope(repository, job.unitId) };
    while (job.status === 'running') {
      const window = Array.from({ length: Math.min(WINDOW, job.chunks - job.cursor) }, (_, i) => job!.cursor + i);
      const results = await processWindow(repository, job, window, jobs, rules, importer);
      job = await jobs.advance(job, results);
    }
  } catch (error) {
    // Progress so far is saved; the lease runs out and the next GET resumes from the cursor.
    logger.error('import interrupted', { tenant: repository.tenantId, importId: jobId, error: error as Error });
    await jobs.release(job);
  }
}
