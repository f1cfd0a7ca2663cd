import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { DomainError } from '../../shared/errors.ts';

describe('page cursors', () => {
  const key = { pk: 'T#vn-na#CASE#1', sk: 'META', gsi2pk: 'T#vn-na#CASES', gsi2sk: '2026-01-01T00:00:00.000Z#1' };

  it('round-trip a key of the caller\'s tenant', () => {
    expect(decodeCursor(encodeCursor(key), 'T#vn-na#')).toEqual(key);
  });

  it.each([
    ['another tenant\'s key', encodeCursor(key), 'T#mm#'],
    ['a tenant whose id merely starts the same', encodeCursor({ ...key, pk: 'T#vn-nab#CASE#1' }), 'T#vn-na#'],
    ['garbage', 'not-a-cursor', 'T#vn-na#'],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url'), 'T#vn-na#'],
    ['non-string attribute values', encodeCursor({ pk: { S: 'T#vn-na#x' } }), 'T#vn-na#'],
  ])('refuse %s with a validation error', (_what, cursor, prefix) => {
    expect(() => decodeCursor(cursor, prefix)).toThrow(DomainError);
  });
});
