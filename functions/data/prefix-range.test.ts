import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixRange } from './prefix-range.ts';

/** DynamoDB orders string keys by their UTF-8 bytes. */
const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const within = (key: string, [from, to]: [string, string]) => utf8Order(from, key) <= 0 && utf8Order(key, to) <= 0;

describe('prefixRange', () => {
  it('holds exactly the keys that start with the prefix, in any script', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'z', '#', '0', 'đ', 'ộ', 'ة', 'မ', '😀', '\u{FFFF}', '\u{10FFFE}'), maxLength: 6 });
    fc.assert(fc.property(text, text, (prefix, rest) => {
      fc.pre(prefix.length > 0);
      expect(within(prefix + rest, prefixRange(prefix))).toBe(true);
    }));
    fc.assert(fc.property(text, text, (prefix, key) => {
      fc.pre(prefix.length > 0);
      expect(within(key, prefixRange(prefix))).toBe(key.startsWith(prefix));
    }), { numRuns: 2000 });
  });

  it('keeps neighbours out: the prefix "tre#" matches "tre#…" but not "tre", "trf" or "tren#…"', () => {
    const range = prefixRange('tre#');
    expect(['tre#2020#a', 'tre#'].map((key) => within(key, range))).toEqual([true, true]);
    expect(['tre', 'trf', 'tren#2020#a', 'trd#zzz'].map((key) => within(key, range))).toEqual([false, false, false, false]);
  });
});
