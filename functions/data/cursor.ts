import { DomainError } from '../../shared/errors.ts';

/** Opaque page cursors: the LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(lastKey: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor from a client and refuses one that points outside the caller's tenant: a hand-crafted
 * cursor must never become a way to start reading another tenant's partition.
 */
export function decodeCursor(cursor: string, tenantPrefix: string): Record<string, unknown> {
  const invalid = () => new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalid();
  const key = decoded as Record<string, unknown>;
  const values = Object.entries(key);
  if (values.length === 0 || values.length > 6) throw invalid();
  for (const [attribute, value] of values) {
    if (typeof value !== 'string') throw invalid();
    if (attribute.endsWith('pk') && !value.startsWith(tenantPrefix)) throw invalid();
  }
  return key;
}
