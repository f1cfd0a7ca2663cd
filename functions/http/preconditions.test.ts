import { describe, expect, it } from 'vitest';
import { requireIfMatch } from './preconditions.ts';
import type { ApiRequest } from './request.ts';

const request = (ifMatch?: string): ApiRequest => ({
  method: 'PATCH', path: '/', params: {}, query: {}, body: undefined, requestId: 'r',
  headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
});

describe('If-Match', () => {
  it.each([['"3"', 3], ['3', 3], ['W/"12"', 12]])('reads %s as version %i', (header, version) => {
    expect(requireIfMatch(request(header))).toBe(version);
  });
  it('answers 428 when missing', () => {
    expect(() => requireIfMatch(request())).toThrow(expect.objectContaining({ code: 'PRECONDITION_REQUIRED' }));
    expect(() => requireIfMatch(request(' '))).toThrow(expect.objectContaining({ code: 'PRECONDITION_REQUIRED' }));
  });
  it.each(['*', '"abc"', '"1", "2"', '-1'])('answers 412 for %s', (header) => {
    expect(() => requireIfMatch(request(header))).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
  });
});
