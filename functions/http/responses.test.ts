import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { API_RESPONSE_HEADERS } from '../../shared/security-headers.ts';
import { errorResponse, file, json, ok, toErrorResponse } from './responses.ts';

// What Lambda returns is what API Gateway sends, also to a client that calls the API without CloudFront.
describe('every API response is nosniff and no-store', () => {
  it.each([
    ['json', json(201, { a: 1 })],
    ['ok', ok({ id: 'x' }, { etag: 3 })],
    ['an error', errorResponse('NOT_FOUND', 'Case not found')],
    ['an unavailable error', errorResponse('UNAVAILABLE', 'Try again')],
    ['a domain error', toErrorResponse(new DomainError('CONFLICT', 'Taken'))],
    ['an unexpected error', toErrorResponse(new Error('boom'))],
    ['a text file', file('a,b\n1,2\n', 'text/csv; charset=utf-8', 'cases.csv')],
    ['a binary file', file(Buffer.from([0x50, 0x4b]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'cases.xlsx')],
  ])('%s', (_what, response) => {
    expect(response.headers).toMatchObject(API_RESPONSE_HEADERS);
  });

  it('a caller cannot weaken them', () => {
    expect(json(200, {}, { 'cache-control': 'max-age=60', 'x-content-type-options': '' }).headers).toMatchObject(API_RESPONSE_HEADERS);
  });

  it('keeps its own headers beside them', () => {
    expect(ok({}, { etag: 2 }).headers.etag).toBe('"2"');
    expect(errorResponse('UNAVAILABLE', 'Try again').headers['retry-after']).toBe('5');
    expect(file('x', 'text/csv', 'a b.csv').headers['content-disposition']).toBe('attachment; filename="a_b.csv"');
  });
});
