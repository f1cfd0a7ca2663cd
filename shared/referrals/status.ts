import { DomainError } from '../errors.ts';
import type { Referral, ReferralStatus } from '../schemas/referral.ts';
import { consentExpired } from './consent.ts';

export const REFERRAL_ACTIONS = ['accept', 'decline', 'complete', 'revoke'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** Which side acts, from which statuses, to which status. */
export const REFERRAL_TRANSITIONS: Record<ReferralAction, { side: 'partner' | 'referrer'; from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  accept: { side: 'partner', from: ['pending'], to: 'accepted' },
  decline: { side: 'partner', from: ['pending'], to: 'declined' },
  complete: { side: 'partner', from: ['accepted'], to: 'completed' },
  revoke: { side: 'referrer', from: ['pending', 'accepted'], to: 'revoked' },
};

/** A referral as it stands today: one still open whose consent has lapsed counts as revoked. */
export function effectiveReferral(referral: Referral, today: string): Referral {
  const open = referral.status === 'pending' || referral.status === 'accepted';
  if (!open || !consentExpired(referral.consent, today)) return referral;
  return { ...referral, status: 'revoked', revokeReason: 'consent_expired' };
}

/** The status after `action`, or 409 when the referral is not in a status that allows it. */
export function nextStatus(referral: Referral, action: ReferralAction): ReferralStatus {
  const transition = REFERRAL_TRANSITIONS[action];
  if (!transition.from.includes(referral.status)) {
    throw new DomainError('CONFLICT', `A ${referral.status} referral cannot be ${transition.to}`);
  }
  return transition.to;
}

/** A partner never sees a revoked referral: for them it no longer exists. */
export const visibleToPartner = (referral: Referral) => referral.status !== 'revoked';
