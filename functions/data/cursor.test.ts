import fc from 'fast-check';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type CursorExpectation } from './cursor.ts';
import { prefixRange } from './prefix-range.ts';
import { TenantRepository } from './tenant-repository.ts';
import { DomainError } from '../../shared/errors.ts';

/** The caseload on the tenant index: `T#vn-na#CASES`, no sort-key condition. */
const caseload: CursorExpectation = {
  tenantPrefix: 'T#vn-na#',
  keyAttributes: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
  partitionKeyAttributes: ['pk', 'gsi2pk'],
  partitionKey: 'gsi2pk',
  partition: 'T#vn-na#CASES',
  sortKey: 'gsi2sk',
};
/** A case's referrals on the table: `T#vn-na#CASE#1`, `begins_with(sk, REFERRAL#)`. */
const referrals: CursorExpectation = {
  tenantPrefix: 'T#vn-na#',
  keyAttributes: ['pk', 'sk'],
  partitionKeyAttributes: ['pk'],
  partitionKey: 'pk',
  partition: 'T#vn-na#CASE#1',
  sortKey: 'sk',
  sortRange: prefixRange('REFERRAL#'),
};

const key = { pk: 'T#vn-na#CASE#1', sk: 'META', gsi2pk: 'T#vn-na#CASES', gsi2sk: '2026-01-01T00:00:00.000Z#1' };
const encodeRaw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Whether `decode` refused the cursor the one way it may: a 400 at `cursor`. */
function refusal(decode: () => unknown): boolean {
  try {
    decode();
    return false;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toEqual(['cursor']);
    return true;
  }
}

describe('page cursors', () => {
  it('round-trip a key of the Query they came from', () => {
    expect(decodeCursor(encodeCursor(key), caseload)).toEqual(key);
    const referral = { pk: 'T#vn-na#CASE#1', sk: 'REFERRAL#7' };
    expect(decodeCursor(encodeCursor(referral), referrals)).toEqual(referral);
  });

  it.each([
    ['another tenant\'s key', { ...key, pk: 'T#mm#CASE#1', gsi2pk: 'T#mm#CASES' }, caseload],
    ['another tenant\'s table key under our index key', { ...key, pk: 'T#mm#CASE#1' }, caseload],
    ['a tenant whose id merely starts the same', { ...key, gsi2pk: 'T#vn-nab#CASES' }, caseload],
    ['another partition of the tenant', { ...key, gsi2pk: 'T#vn-na#USERS' }, caseload],
    ['the key of another index', { pk: key.pk, sk: key.sk, gsi1pk: 'T#vn-na#CASES', gsi1sk: key.gsi2sk }, caseload],
    ['the table\'s key for an index Query', { pk: key.pk, sk: key.sk }, caseload],
    ['an index key for a table Query', { pk: 'T#vn-na#CASE#1', sk: 'REFERRAL#7', gsi2pk: 'T#vn-na#REFERRALS', gsi2sk: 'x' }, referrals],
    ['an extra attribute', { ...key, extra: 'T#vn-na#x' }, caseload],
    ['another case\'s partition', { pk: 'T#vn-na#CASE#2', sk: 'REFERRAL#7' }, referrals],
    ['a sort key before the range', { pk: 'T#vn-na#CASE#1', sk: 'META' }, referrals],
    ['a sort key after the range', { pk: 'T#vn-na#CASE#1', sk: 'REFERRAM' }, referrals],
    ['an empty sort key', { ...key, gsi2sk: '' }, caseload],
    ['a sort key longer than DynamoDB allows', { ...key, gsi2sk: 'x'.repeat(1_025) }, caseload],
    ['non-string attribute values', { ...key, gsi2sk: 5 }, caseload],
    ['DynamoDB JSON', { ...key, gsi2sk: { S: key.gsi2sk } }, caseload],
    ['a JSON array', [key], caseload],
    ['null', null, caseload],
    ['an empty object', {}, caseload],
  ])('refuse %s with a 400 at cursor', (_what, value, expected) => {
    expect(refusal(() => decodeCursor(encodeRaw(value), expected))).toBe(true);
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['base64 of no JSON', Buffer.from('{"pk":').toString('base64url')],
    ['a __proto__ key', Buffer.from(`{"__proto__":{"x":1},${JSON.stringify(key).slice(1)}`).toString('base64url')],
    ['huge', 'A'.repeat(20_000)],
  ])('refuse %s with a 400 at cursor', (_what, cursor) => {
    expect(refusal(() => decodeCursor(cursor, caseload))).toBe(true);
  });

  it('compare sort keys as DynamoDB does, by UTF-8 bytes: U+FFFF after a prefix is inside its range', () => {
    const cursor = encodeCursor({ pk: 'T#vn-na#CASE#1', sk: 'REFERRAL#\u{FFFF}' });
    expect(decodeCursor(cursor, referrals)).toEqual({ pk: 'T#vn-na#CASE#1', sk: 'REFERRAL#\u{FFFF}' });
  });

  describe('properties', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '#', '0', '~', 'đ', 'ة', 'မ', '😀', '\u{FFFF}'), maxLength: 8 });
    const attribute = fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'x', '__proto__');
    const tenant = fc.constantFrom('T#vn-na#', 'T#mm#', 'T#vn-nab#', 'T#vn#', '');
    const partition = fc.constantFrom('CASES', 'USERS', 'CASE#1', 'CASE#2', 'REFERRALS');
    const keyValue = fc.oneof(fc.tuple(tenant, partition).map(([t, p]) => t + p), fc.tuple(fc.constantFrom('REFERRAL#', 'META', 'HIST#', ''), text).map(([a, b]) => a + b));
    const anyValue = fc.oneof({ weight: 8, arbitrary: keyValue }, fc.jsonValue());
    const forged = fc.oneof(
      fc.dictionary(attribute, anyValue, { maxKeys: 6 }),
      fc.record({ pk: keyValue, sk: keyValue }),
      fc.record({ pk: keyValue, sk: keyValue, gsi2pk: keyValue, gsi2sk: keyValue }),
      fc.jsonValue(),
    );
    const expectations = fc.constantFrom(caseload, referrals);

    it('whatever a client sends, a cursor is refused with a 400 at cursor or is a key the Query itself could return', () => {
      fc.assert(fc.property(forged, expectations, (value, expected) => {
        let decoded: Record<string, string> | undefined;
        const refused = refusal(() => { decoded = decodeCursor(encodeRaw(value), expected); });
        if (refused) return;
        expect(Object.keys(decoded!).sort()).toEqual([...expected.keyAttributes].sort());
        for (const name of expected.partitionKeyAttributes) expect(decoded![name]!.startsWith(expected.tenantPrefix)).toBe(true);
        expect(decoded![expected.partitionKey]).toBe(expected.partition);
        if (expected.sortRange) expect(decoded![expected.sortKey]!.startsWith('REFERRAL#')).toBe(true);
      }), { numRuns: 3_000 });
    });

    it('every key inside the Query\'s partition and range round-trips', () => {
      fc.assert(fc.property(text, text, text, (id, rest, recency) => {
        fc.pre(id.length > 0 && recency.length > 0);
        const indexKey = { pk: `T#vn-na#CASE#${id}`, sk: 'META', gsi2pk: 'T#vn-na#CASES', gsi2sk: recency };
        expect(decodeCursor(encodeCursor(indexKey), caseload)).toEqual(indexKey);
        const tableKey = { pk: 'T#vn-na#CASE#1', sk: `REFERRAL#${rest}` };
        expect(decodeCursor(encodeCursor(tableKey), referrals)).toEqual(tableKey);
      }));
    });
  });
});

describe('a start key DynamoDB refuses', () => {
  const refusing = (message: string) => ({
    send: () => Promise.reject(Object.assign(new Error(message), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } })),
  }) as unknown as DynamoDBDocumentClient;
  const cursor = encodeCursor({ pk: 'T#vn-na#USERS', sk: 'PROFILE' });

  it.each([
    'The provided starting key is invalid: The provided key element does not match the schema',
    'The provided starting key is outside query boundaries based on provided conditions',
    'Exclusive Start Key must have same size as table\'s key schema',
  ])('is a 400 at cursor on a Query with a cursor (%s)', async (message) => {
    const repository = new TenantRepository('vn-na', refusing(message), 'sanad');
    await expect(repository.query({ partition: 'USERS', limit: 1, cursor })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED', details: [{ path: 'cursor', message: expect.any(String) }],
    });
  });

  it('is not mistaken for the client\'s when the Query had no cursor, nor is another validation error', async () => {
    const repository = new TenantRepository('vn-na', refusing('The provided starting key is invalid'), 'sanad');
    await expect(repository.query({ partition: 'USERS', limit: 1 })).rejects.not.toBeInstanceOf(DomainError);
    const other = new TenantRepository('vn-na', refusing('Invalid KeyConditionExpression'), 'sanad');
    await expect(other.query({ partition: 'USERS', limit: 1, cursor })).rejects.not.toBeInstanceOf(DomainError);
  });
});
