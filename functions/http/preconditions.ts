import { DomainError } from '../../shared/errors.ts';
import type { ApiRequest } from './request.ts';

/**
 * The version a change is based on, from `If-Match: "<version>"`: missing → 428, not a version → 412 (it
 * cannot match anything). Weak validators (`W/"3"`) are accepted, since the value is the version itself.
 */
export function requireIfMatch(req: ApiRequest): number {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the version you last read (its ETag)');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw new DomainError('PRECONDITION_FAILED', 'If-Match does not name a version of this record');
  return Number(match[1]);
}
