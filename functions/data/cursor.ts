import { DomainError } from '../../shared/errors.ts';

/** Opaque page cursors: the LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(lastKey: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

/** What a cursor of one Query must look like: the key of an item that Query itself could have returned. */
export interface CursorExpectation {
  /** `T#<tenant>#`: every partition key attribute of the cursor (the table's and the index's) starts with it. */
  tenantPrefix: string;
  /** Exactly these attributes: the table's partition and sort keys, plus the index's when an index is queried. */
  keyAttributes: readonly string[];
  /** Of them, the ones holding partition keys (tenant-prefixed). */
  partitionKeyAttributes: readonly string[];
  /** The queried table's or index's partition key attribute, and the partition queried (tenant prefix included). */
  partitionKey: string;
  partition: string;
  /** The queried table's or index's sort key attribute, and the inclusive range of the key condition, if any. */
  sortKey: string;
  sortRange?: readonly [string, string];
}

/** DynamoDB's limits on a key attribute (partition keys 2,048 bytes, sort keys 1,024). */
const MAX_KEY_BYTES = 2_048;
const MAX_SORT_KEY_BYTES = 1_024;
/** Longer than any key of this table encodes to (clients are held to 2,048 characters by `PageQuery`). */
const MAX_CURSOR_LENGTH = 16_384;

/** DynamoDB orders string keys by their UTF-8 bytes (not by UTF-16 code units, as `<` would). */
const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The one answer to a cursor that is not a nextCursor of this very list. */
export const invalidCursor = () =>
  new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);

/**
 * Decodes a cursor from a client and refuses any that this Query could not have produced: it must be a key of
 * the very table or index queried (no more, no fewer attributes, all non-empty strings), in the caller's
 * tenant, in the partition queried and inside the key condition's sort-key range. A hand-crafted cursor is
 * therefore a 400 at `cursor` — never a way to start reading another partition or tenant, and never a
 * DynamoDB "starting key is invalid" turned 500.
 */
export function decodeCursor(cursor: string, expected: CursorExpectation): Record<string, string> {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalidCursor();
  const entries = Object.entries(decoded);
  if (entries.length !== expected.keyAttributes.length) throw invalidCursor();
  const key: Record<string, string> = {};
  for (const [attribute, value] of entries) {
    if (!expected.keyAttributes.includes(attribute) || typeof value !== 'string' || value.length === 0) throw invalidCursor();
    const limit = attribute === expected.sortKey ? MAX_SORT_KEY_BYTES : MAX_KEY_BYTES;
    if (Buffer.byteLength(value, 'utf8') > limit) throw invalidCursor();
    if (expected.partitionKeyAttributes.includes(attribute) && !value.startsWith(expected.tenantPrefix)) throw invalidCursor();
    key[attribute] = value;
  }
  if (key[expected.partitionKey] !== expected.partition) throw invalidCursor();
  const sortKey = key[expected.sortKey];
  if (sortKey === undefined) throw invalidCursor();
  if (expected.sortRange) {
    const [from, to] = expected.sortRange;
    if (utf8Order(sortKey, from) < 0 || utf8Order(sortKey, to) > 0) throw invalidCursor();
  }
  return key;
}
