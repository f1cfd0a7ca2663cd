import * as z from 'zod';
import { IsoDateTime, PageQuery, TenantId } from './common.ts';
import { StoredChild } from './case.ts';
import { StoredConsent, type Consent } from './referral.ts';
import { SafeText } from './text.ts';

/** Free text (`text.ts`): control characters and bidi overrides refused, new lines kept. */
const Text = (max: number) => SafeText({ max });

/** `POST /cases/{id}/transfers`: the child moves to another tenant's area. Consent is checked on its own (422). */
export const TransferInput = z.object({
  toTenantId: TenantId,
  reason: Text(2_000),
  consent: z.unknown().optional(),
});
export type TransferInput = Omit<z.infer<typeof TransferInput>, 'consent'> & { consent: Consent };

export const TRANSFER_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const TransferStatus = z.enum(TRANSFER_STATUSES);

/** What the receiving tenant gets to open the case anew: who the child is, why, and a summary of the past work. */
export const TransferCase = z.object({
  caseNumber: z.string(),
  child: StoredChild,
  categories: z.array(z.string()),
  riskLevel: z.enum(['low', 'medium', 'high']),
  stage: z.string(),
  summary: z.string(),
});

export const Transfer = z.object({
  id: z.string(),
  fromTenantId: z.string(),
  fromTenantName: z.string(),
  toTenantId: z.string(),
  toTenantName: z.string(),
  caseId: z.string(),
  case: TransferCase,
  reason: z.string(),
  consent: StoredConsent,
  status: TransferStatus,
  requestedBy: z.object({ userId: z.string(), username: z.string() }),
  decidedBy: z.object({ userId: z.string(), username: z.string() }).optional(),
  declineReason: z.string().optional(),
  /** The case opened by the receiving tenant, once accepted. */
  receivedCase: z.object({ id: z.string(), caseNumber: z.string() }).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Transfer = z.infer<typeof Transfer>;

export const TransferListQuery = PageQuery.extend({ box: z.enum(['inbox', 'outbox']).default('outbox'), status: TransferStatus.optional() });
export type TransferListQuery = z.infer<typeof TransferListQuery>;

export const TransferDeclineInput = z.object({ reason: Text(2_000) });
