import type { Case } from '../../shared/schemas/case.ts';
import type { WriteOperation } from '../data/tenant-repository.ts';
import { counterProjection } from '../reports/counters.ts';
import { periodsProjection } from '../reports/case-periods.ts';
import { searchIndexProjection } from './search-index.ts';

/**
 * Items derived from a case (search index entries, dashboard counters) that must change in the same
 * transaction as the case itself. `before` is undefined on create; `after` is the case as it will be stored.
 */
export type CaseProjection = (before: Case | undefined, after: Case) => WriteOperation[];

/** Every projection kept in step with case writes. Each lives in its own module and registers here. */
const PROJECTIONS: CaseProjection[] = [counterProjection, periodsProjection, searchIndexProjection];

export function projectionWrites(before: Case | undefined, after: Case): WriteOperation[] {
  return PROJECTIONS.flatMap((project) => project(before, after));
}
