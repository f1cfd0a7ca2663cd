import * as z from 'zod';
import { IsoDate, IsoDateTime } from './common.ts';
import { SafeLine, SafeText } from './text.ts';

export const APPROVAL_KINDS = ['assessment', 'care_plan', 'closure'] as const;
export const ApprovalKind = z.enum(APPROVAL_KINDS);
export type ApprovalKind = z.infer<typeof ApprovalKind>;

/** Free text (`text.ts`): control characters and bidi overrides refused; a list item is one line. */
const Text = (max: number) => SafeText({ max });
const Line = (max: number) => SafeLine({ max });

export const AssessmentInput = z.object({
  needs: z.array(Line(500)).min(1, 'List at least one need').max(50),
  summary: Text(10_000),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const CarePlanInput = z.object({
  goals: z
    .array(z.object({ goal: Text(1_000), services: z.array(Line(200)).max(20).default([]), dueDate: IsoDate }))
    .min(1, 'Add at least one goal')
    .max(30),
  summary: Text(10_000),
});
export type CarePlanInput = z.infer<typeof CarePlanInput>;

export const EvaluationInput = z.object({ summary: Text(10_000), goalsMet: z.boolean() });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export const CloseRequestInput = z.object({ reason: Text(2_000), outcome: Text(2_000) });
export type CloseRequestInput = z.infer<typeof CloseRequestInput>;

export const ReopenInput = z.object({ reason: Text(2_000) });
export const AssignInput = z.object({ userId: z.string().min(1).max(128) });
/** `POST /cases/{id}/move`: the unit the case moves to (inside the mover's scope) and why. */
export const MoveInput = z.object({ unitId: z.string().trim().min(1).max(40), reason: Text(2_000) });
export type MoveInput = z.infer<typeof MoveInput>;
export const DecisionInput = z.object({ comment: SafeText({ max: 2_000, min: 0 }).optional() });
export const RejectInput = z.object({ comment: Text(2_000) });

/**
 * What the case carries of its lifecycle: the latest of each step, and the approval it waits for. Its texts
 * are read as stored (plain strings): what was stored before the text rules must still read.
 */
export const CaseLifecycle = z.object({
  assessment: AssessmentInput.extend({ needs: z.array(z.string()), summary: z.string(), submittedAt: IsoDateTime, approved: z.boolean() }).optional(),
  carePlan: CarePlanInput.extend({
    goals: z.array(z.object({ goal: z.string(), services: z.array(z.string()).default([]), dueDate: IsoDate })),
    summary: z.string(),
    planVersion: z.number().int().min(1),
    submittedAt: IsoDateTime,
    approved: z.boolean(),
  }).optional(),
  evaluation: EvaluationInput.extend({ summary: z.string(), recordedAt: IsoDateTime }).optional(),
  closure: CloseRequestInput.extend({ reason: z.string(), outcome: z.string(), requestedAt: IsoDateTime, closedAt: IsoDateTime.optional() }).optional(),
  pendingApproval: z.object({ id: z.string(), kind: ApprovalKind }).optional(),
});

export const Approval = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  kind: ApprovalKind,
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  decidedBy: z.string().optional(),
  comment: z.string().optional(),
  createdAt: IsoDateTime,
  decidedAt: IsoDateTime.optional(),
  version: z.number().int().min(1),
});
export type Approval = z.infer<typeof Approval>;
