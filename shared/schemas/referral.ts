import * as z from 'zod';
import { IsoDate, IsoDateTime, PageQuery } from './common.ts';
import { SafeLine, SafeText } from './text.ts';

/** The parts of a case a referral may share. Anything else — tenant form fields among them — is never shared. */
export const SHARE_SECTIONS = ['child.basic', 'child.contact', 'assessment', 'care_plan', 'notes'] as const;
export const ShareSection = z.enum(SHARE_SECTIONS);
export type ShareSection = z.infer<typeof ShareSection>;

export const CONSENT_GIVERS = ['child', 'caregiver', 'guardian', 'not_required_best_interests'] as const;

/** Who agreed to the sharing, when, until when. Without it — or with it expired — nothing is shared (422). */
export const Consent = z.object({
  givenBy: z.enum(CONSENT_GIVERS),
  givenAt: IsoDate,
  expiresAt: IsoDate.optional(),
  /** Required, as a written justification, when consent is not required in the child's best interests. */
  note: SafeText({ max: 2_000, min: 0 }).optional(),
});
export type Consent = z.infer<typeof Consent>;

/** A consent as stored: read as it was written, also before the text rules (an old record must still read). */
export const StoredConsent = Consent.extend({ note: z.string().optional() });

/** Free text (`text.ts`): control characters and bidi overrides refused, new lines kept. */
const Text = (max: number) => SafeText({ max });

/** `POST /cases/{id}/referrals`. `consent` is checked on its own so that its absence answers 422, not 400. */
export const ReferralInput = z.object({
  organizationId: SafeLine({ max: 64 }),
  service: SafeLine({ max: 200 }),
  reason: Text(2_000),
  consent: z.unknown().optional(),
  share: z
    .array(ShareSection)
    .min(1, 'Choose at least one section to share')
    .max(SHARE_SECTIONS.length)
    .refine((sections) => new Set(sections).size === sections.length, { message: 'Each section once' }),
});
export type ReferralInput = Omit<z.infer<typeof ReferralInput>, 'consent'> & { consent: Consent };

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'completed', 'revoked'] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const ReferralEvent = z.object({
  at: IsoDateTime,
  status: ReferralStatus,
  by: z.string(),
  note: z.string().optional(),
});
export type ReferralEvent = z.infer<typeof ReferralEvent>;

/** What the partner reads of the child: only the sections consented to, as they were when referred. */
export const Snapshot = z.object({
  child: z
    .object({
      fullName: z.string().optional(),
      sex: z.string().optional(),
      dateOfBirth: z.string().optional(),
      ageYears: z.number().optional(),
      location: z.string().optional(),
    })
    .optional(),
  assessment: z.object({ categories: z.array(z.string()), riskLevel: z.string(), needs: z.array(z.string()), summary: z.string().optional() }).optional(),
  carePlan: z.object({ goals: z.array(z.object({ goal: z.string(), services: z.array(z.string()), dueDate: z.string() })), summary: z.string() }).optional(),
  notes: z.array(z.object({ text: z.string(), createdAt: z.string() })).optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const Referral = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  service: z.string(),
  reason: z.string(),
  status: ReferralStatus,
  share: z.array(ShareSection),
  snapshot: Snapshot,
  consent: StoredConsent,
  /** Consent was not required in the child's best interests: flagged for supervisors and reports. */
  bestInterestsOverride: z.boolean(),
  referredBy: z.object({ userId: z.string(), username: z.string() }),
  declineReason: z.string().optional(),
  outcome: z.string().optional(),
  revokeReason: z.string().optional(),
  events: z.array(ReferralEvent),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralListQuery = PageQuery.extend({
  box: z.enum(['inbox', 'outbox']).optional(),
  status: ReferralStatus.optional(),
  caseId: z.string().max(64).optional(),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const DeclineInput = z.object({ reason: Text(2_000) });
export const CompleteInput = z.object({ outcome: Text(5_000) });
export const RevokeInput = z.object({ reason: Text(2_000) });
export const AcceptInput = z.object({ note: SafeText({ max: 2_000, min: 0 }).optional() });

export const Notifications = z.object({
  referrals: z.object({ unread: z.number().int().min(0), more: z.boolean() }),
});
export type Notifications = z.infer<typeof Notifications>;
