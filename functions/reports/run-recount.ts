import { DomainError } from '../../shared/errors.ts';
import { UnitTree } from '../../shared/units/tree.ts';
import type { IndexName } from '../data/table-design.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { logger } from '../http/logger.ts';
import { CaseStore, type Actor } from '../cases/case-store.ts';
import { subRecordUnitWrites } from '../cases/sub-record-unit-writes.ts';
import { UnitStore } from '../units/unit-store.ts';
import { RecountJobs, type RecountJob } from './recount-jobs.ts';

/** Cases per page of the walk; progress is saved after each page. */
const PAGE = 50;
/** How often one case is retried when a concurrent change of it wins (412) before the job gives up for now. */
const CASE_ATTEMPTS = 5;

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Moves one case to its unit's path in `tree`, if it is not there yet: through `CaseStore.change`, so the
 * case's new version, its history entry (`unit-moved`), its projections (the counters leave the old path's
 * units and join the new path's, the Circular 02 periods follow) and the unit keys of its sub-records are ONE
 * transaction, conditional on the version read (and on each sub-record's).
 * A resumed job (or two workers) may look at a case twice: the second time its path is right and nothing is
 * written, so nothing is ever counted twice.
 */
async function moveCase(repository: TenantRepository, tree: UnitTree, caseId: string, actor: Actor): Promise<boolean> {
  const store = new CaseStore(repository);
  for (let attempt = 1; ; attempt++) {
    const kase = await store.get(caseId, 'tenant', actor);
    const target = tree.pathOf(kase.unitId);
    if (samePath(kase.unitPath, target)) return false;
    try {
      await store.change(caseId, kase.version, 'tenant', actor, async (current) => {
        const next = { ...current, unitPath: target };
        return { kase: next, action: 'unit-moved', alsoWrite: await subRecordUnitWrites(repository, current, next) };
      });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'PRECONDITION_FAILED') || attempt >= CASE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Works a recount job from its saved cursor to the end. It walks the moved unit's subtree as the cases were
 * stored before the move — `byUnit<depth before>` / `CASES#U#<unit>`: every case of the subtree carries that
 * key until this job rewrites it, whereas the index of the new depth holds only the cases already moved — and
 * moves each case to its unit's path in the tree as it is now (read fresh, not from the request cache).
 */
export async function runRecount(repository: TenantRepository, jobId: string): Promise<void> {
  const jobs = new RecountJobs(repository);
  let job: RecountJob | undefined = await jobs.claim(jobId);
  if (!job) return;
  try {
    const tree = new UnitTree(await new UnitStore(repository).list());
    const actor: Actor = job.createdBy;
    while (job.status === 'running') {
      const page = await repository.query({
        index: `byUnit${job.fromDepth}` as IndexName, partition: `CASES#U#${job.unitId}`, limit: PAGE, cursor: job.cursor ?? undefined,
      });
      let moved = 0;
      for (const item of page.items) if (await moveCase(repository, tree, String(item.id), actor)) moved++;
      job = await jobs.advance(job, { cursor: page.nextCursor, processed: page.items.length, moved });
    }
  } catch (error) {
    // Progress so far is saved; the lease runs out (or is given up here) and the next report request resumes it.
    logger.error('recount interrupted', { tenant: repository.tenantId, recountId: jobId, error: error as Error });
    await jobs.release(job);
  }
}
