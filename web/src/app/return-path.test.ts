import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './return-path.ts';

describe('signInPath', () => {
  it('remembers the wanted page, query included', () => {
    expect(signInPath('/cases/abc?tab=history')).toBe('/login?next=%2Fcases%2Fabc%3Ftab%3Dhistory');
  });
  it('does not remember the home page or the sign-in page itself', () => {
    expect(signInPath('/')).toBe('/login');
    expect(signInPath('/login?next=%2Fcases')).toBe('/login');
  });
  it('round-trips through safeNext', () => {
    const next = new URL(signInPath('/cases/abc'), 'http://localhost').searchParams.get('next');
    expect(safeNext(next)).toBe('/cases/abc');
  });
});

describe('safeNext', () => {
  it('follows paths on this origin only', () => {
    expect(safeNext('/cases/1')).toBe('/cases/1');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
  });
});
