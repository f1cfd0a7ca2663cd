import { describe, expect, it } from 'vitest';
import type { Referral } from '../schemas/referral.ts';
import { effectiveReferral, nextStatus, visibleToPartner } from './status.ts';

const referral = (overrides: Partial<Referral> = {}): Referral => ({
  id: 'r1', caseId: 'c1', caseNumber: 'NA-2026-000001', organizationId: 'ngo', organizationName: 'Hope', service: 's', reason: 'r',
  status: 'pending', share: ['child.basic'], snapshot: {}, consent: { givenBy: 'child', givenAt: '2026-01-01', expiresAt: '2026-06-30' },
  bestInterestsOverride: false, referredBy: { userId: 'u', username: 'cw' }, events: [], createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...overrides,
});

describe('referral statuses', () => {
  it('move pending → accepted → completed, pending → declined, and open ones → revoked', () => {
    expect(nextStatus(referral(), 'accept')).toBe('accepted');
    expect(nextStatus(referral(), 'decline')).toBe('declined');
    expect(nextStatus(referral({ status: 'accepted' }), 'complete')).toBe('completed');
    expect(nextStatus(referral({ status: 'accepted' }), 'revoke')).toBe('revoked');
    expect(() => nextStatus(referral(), 'complete')).toThrow(/pending referral cannot be completed/);
    expect(() => nextStatus(referral({ status: 'completed' }), 'revoke')).toThrow(/cannot be revoked/);
    expect(() => nextStatus(referral({ status: 'declined' }), 'accept')).toThrow();
  });

  it('count an open referral whose consent has lapsed as revoked, and hide it from the partner', () => {
    expect(effectiveReferral(referral(), '2026-06-30').status).toBe('pending');
    const lapsed = effectiveReferral(referral({ status: 'accepted' }), '2026-07-01');
    expect(lapsed).toMatchObject({ status: 'revoked', revokeReason: 'consent_expired' });
    expect(visibleToPartner(lapsed)).toBe(false);
    // A finished referral keeps its outcome whatever happens to the consent later.
    expect(effectiveReferral(referral({ status: 'completed' }), '2027-01-01').status).toBe('completed');
  });
});
