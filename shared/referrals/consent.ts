import { DomainError, type ErrorDetail } from '../errors.ts';
import { Consent } from '../schemas/referral.ts';
import type { Consent as ConsentRecord } from '../schemas/referral.ts';

/** The shortest justification accepted when consent is set aside in the child's best interests. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export interface ConsentRules {
  /** Today, `YYYY-MM-DD`, in UTC. */
  today: string;
  /** Whether the caller may refer without consent in the child's best interests (supervisors). */
  mayOverride: boolean;
}

/**
 * The consent of a referral or transfer, or 422 CONSENT_REQUIRED saying what is missing: consent must exist,
 * be given by now and not have expired; setting it aside is a supervisor's decision, written down.
 */
export function requireConsent(raw: unknown, rules: ConsentRules): Consent {
  if (raw === undefined || raw === null) {
    throw consentRequired('Record who consented to this sharing, and when', [{ path: 'consent', message: 'Required' }]);
  }
  const parsed = Consent.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: ['consent', ...issue.path].join('.'), message: issue.message }));
    throw consentRequired('The consent is incomplete', details);
  }
  const consent = parsed.data;
  const problems: ErrorDetail[] = [];
  if (consent.givenAt > rules.today) problems.push({ path: 'consent.givenAt', message: 'Consent cannot be given in the future' });
  if (consent.expiresAt !== undefined && consent.expiresAt < rules.today) problems.push({ path: 'consent.expiresAt', message: 'The consent has expired' });
  if (consent.expiresAt !== undefined && consent.expiresAt < consent.givenAt) problems.push({ path: 'consent.expiresAt', message: 'Expires before it was given' });
  if (consent.givenBy === 'not_required_best_interests') {
    if (!rules.mayOverride) problems.push({ path: 'consent.givenBy', message: 'Only a supervisor may share without consent' });
    if ((consent.note ?? '').length < MIN_JUSTIFICATION_LENGTH) {
      problems.push({ path: 'consent.note', message: `Write why consent is not required (at least ${MIN_JUSTIFICATION_LENGTH} characters)` });
    }
  }
  if (problems.length > 0) throw consentRequired('The consent does not allow this sharing', problems);
  return consent;
}

/** Whether the consent has lapsed on `today` (its last valid day is `expiresAt`). */
export const consentExpired = (consent: ConsentRecord, today: string) => consent.expiresAt !== undefined && consent.expiresAt < today;

const consentRequired = (message: string, details: ErrorDetail[]) => new DomainError('CONSENT_REQUIRED', message, details);
