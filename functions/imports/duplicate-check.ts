import type { CaseInput } from '../../shared/schemas/case.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';

export interface PossibleDuplicateMatch {
  id: string;
  caseNumber: string;
  score: number;
}

/**
 * SEAM for issue 7: the duplicate finder (`findPossibleDuplicates` in functions/cases/duplicates.ts, on branch
 * issue-7) is not on this branch yet. Until it lands this answers no duplicates; wire it here and the import
 * counts rows with possible duplicates (`possibleDuplicates`) without further change.
 */
export async function possibleDuplicatesForImport(_repository: TenantRepository, _input: CaseInput): Promise<PossibleDuplicateMatch[]> {
  return [];
}
