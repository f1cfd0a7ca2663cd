import { DomainError } from '../../shared/errors.ts';
import type { PutOperation } from './tenant-repository.ts';

/**
 * Optimistic concurrency for a write: it lands only while the stored item is still at `expectedVersion`;
 * otherwise the transaction fails with 412 "`what` has changed".
 */
export function atVersion(expectedVersion: number, what: string): Pick<PutOperation, 'condition' | 'names' | 'values' | 'onConditionFailed'> {
  return {
    condition: '#version = :expected',
    names: { '#version': 'version' },
    values: { ':expected': expectedVersion },
    onConditionFailed: () => new DomainError('PRECONDITION_FAILED', `The ${what} has changed; reload it`),
  };
}
