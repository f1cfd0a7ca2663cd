import * as z from 'zod';
import { IsoDate, IsoDateTime } from './common.ts';
import { PersonName, SafeText } from './text.ts';

/** Free text (`text.ts`): control characters and bidi overrides refused, new lines kept. */
const Text = (max: number) => SafeText({ max });

export const FollowUpInput = z.object({ dueDate: IsoDate, note: Text(2_000) });
export type FollowUpInput = z.infer<typeof FollowUpInput>;

/** Records read their texts as stored (plain strings): what was stored before the text rules must still read. */
export const FollowUp = FollowUpInput.extend({
  note: z.string(),
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  status: z.enum(['open', 'done']),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  completedAt: IsoDateTime.optional(),
  version: z.number().int().min(1),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpDue = z.enum(['overdue', 'week']);

/** Alternative care: where the person lives, from when to when, and why it ended. */
export const PLACEMENT_TYPES = ['family', 'kinship', 'foster', 'kafala', 'institution', 'independent_living'] as const;
export const PLACEMENT_END_REASONS = ['planned', 'reunified', 'breakdown', 'returned_to_institution', 'aged_out', 'other'] as const;

export const PlacementInput = z.object({
  type: z.enum(PLACEMENT_TYPES),
  startDate: IsoDate,
  carer: PersonName({ max: 200, min: 0 }).optional(),
  note: SafeText({ max: 2_000, min: 0 }).optional(),
});
export type PlacementInput = z.infer<typeof PlacementInput>;

export const PlacementEndInput = z.object({ endDate: IsoDate, endReason: z.enum(PLACEMENT_END_REASONS), note: SafeText({ max: 2_000, min: 0 }).optional() });
export type PlacementEndInput = z.infer<typeof PlacementEndInput>;

export const Placement = PlacementInput.extend({
  carer: z.string().optional(),
  note: z.string().optional(),
  id: z.string(),
  caseId: z.string(),
  endDate: IsoDate.optional(),
  endReason: z.enum(PLACEMENT_END_REASONS).optional(),
  endNote: z.string().optional(),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Placement = z.infer<typeof Placement>;

export const NoteInput = z.object({ text: Text(20_000), confidential: z.boolean().default(false) });
export type NoteInput = z.infer<typeof NoteInput>;

export const Note = z.object({
  id: z.string(),
  caseId: z.string(),
  text: z.string(),
  confidential: z.boolean(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: IsoDateTime,
});
export type Note = z.infer<typeof Note>;
