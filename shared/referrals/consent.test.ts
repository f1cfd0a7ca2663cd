import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { consentExpired, requireConsent } from './consent.ts';

const rules = { today: '2026-11-25', mayOverride: false };

function refusal(raw: unknown, options = rules): { code: string; paths: string[] } {
  try {
    requireConsent(raw, options);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, paths: (error.details ?? []).map((d) => d.path) };
    throw error;
  }
  throw new Error('consent was accepted');
}

describe('requireConsent', () => {
  it('accepts consent given by now and not yet expired (the expiry day still counts)', () => {
    expect(requireConsent({ givenBy: 'caregiver', givenAt: '2026-11-01', expiresAt: '2026-11-25' }, rules)).toMatchObject({ givenBy: 'caregiver' });
    expect(requireConsent({ givenBy: 'child', givenAt: '2026-11-25' }, rules).expiresAt).toBeUndefined();
  });

  it('answers CONSENT_REQUIRED, naming the problem, for missing, malformed, future or expired consent', () => {
    expect(refusal(undefined)).toEqual({ code: 'CONSENT_REQUIRED', paths: ['consent'] });
    expect(refusal(null).paths).toEqual(['consent']);
    expect(refusal({ givenBy: 'teacher', givenAt: '2026-11-01' }).paths).toEqual(['consent.givenBy']);
    expect(refusal({ givenBy: 'child', givenAt: '2026-02-30' }).paths).toEqual(['consent.givenAt']);
    expect(refusal({ givenBy: 'child', givenAt: '2026-11-26' }).paths).toEqual(['consent.givenAt']);
    expect(refusal({ givenBy: 'child', givenAt: '2026-01-01', expiresAt: '2026-11-24' }).paths).toEqual(['consent.expiresAt']);
    expect(refusal({ givenBy: 'child', givenAt: '2026-11-20', expiresAt: '2026-11-10' }).paths).toContain('consent.expiresAt');
  });

  it('lets only those who may override set consent aside, and only with a written justification', () => {
    const bestInterests = { givenBy: 'not_required_best_interests', givenAt: '2026-11-25' };
    const justified = { ...bestInterests, note: 'The only caregiver is the alleged abuser' };
    expect(refusal(justified).paths).toEqual(['consent.givenBy']);
    expect(refusal(bestInterests, { ...rules, mayOverride: true }).paths).toEqual(['consent.note']);
    expect(refusal({ ...bestInterests, note: 'urgent' }, { ...rules, mayOverride: true }).paths).toEqual(['consent.note']);
    expect(requireConsent(justified, { ...rules, mayOverride: true }).givenBy).toBe('not_required_best_interests');
  });
});

describe('consentExpired', () => {
  it('is true only after the last valid day', () => {
    const consent = { givenBy: 'child' as const, givenAt: '2026-01-01', expiresAt: '2026-06-30' };
    expect(consentExpired(consent, '2026-06-30')).toBe(false);
    expect(consentExpired(consent, '2026-07-01')).toBe(true);
    expect(consentExpired({ givenBy: 'child', givenAt: '2026-01-01' }, '2099-01-01')).toBe(false);
  });
});
