import * as z from 'zod';
import { IsoDate, IsoDateTime, PageQuery } from './common.ts';
import { CaseLifecycle } from './lifecycle.ts';
import { PersonName } from './text.ts';

/** The Circular 02/2020 steps a case moves through. */
export const STAGES = ['intake', 'assessment', 'care_plan', 'implementation', 'evaluation', 'closed'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const CaseStatus = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

/** Every new tenant has these category codes; tenant admins may add more. */
export const DEFAULT_CATEGORY_CODES = [
  'sexual_abuse',
  'physical_abuse',
  'emotional_abuse',
  'neglect',
  'gbv',
  'child_in_conflict_with_law',
  'child_labour',
  'trafficking',
  'disability',
  'orphan',
  'mental_health',
  'alternative_care',
  'other',
] as const;
export const CategoryCode = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'Use a category code such as neglect');

/** Who the case is about, as typed: names follow the name rule of `text.ts` (bidi controls stripped, NFC). */
export const Child = z.object({
  fullName: PersonName({ max: 200, required: 'Enter the name' }),
  sex: Sex,
  dateOfBirth: IsoDate.optional(),
  ageYears: z.number().int().min(0).max(130).optional(),
  location: PersonName({ max: 200, min: 0 }).optional(),
});
export type Child = z.infer<typeof Child>;

/** The child as stored: read as it was written, also before the text rules (an old record must still read). */
export const StoredChild = Child.extend({ fullName: z.string(), location: z.string().optional() });

/** Tenant form fields: validated against the tenant's form definition (see the forms issue). */
export const CaseFields = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/), z.unknown());

export const CaseInput = z.object({
  child: Child,
  categories: z.array(CategoryCode).min(1, 'Choose at least one category').max(20),
  riskLevel: RiskLevel,
  fields: CaseFields.optional(),
  /** A unit inside the creator's scope; by default the creator's own unit. */
  unitId: z.string().max(40).optional(),
});
export type CaseInput = z.infer<typeof CaseInput>;

/** `PATCH /cases/{id}`: any of the core fields; `child` and `fields` merge into what is there. */
export const CasePatch = z
  .strictObject({
    child: Child.partial(),
    categories: CaseInput.shape.categories,
    riskLevel: RiskLevel,
    fields: CaseFields,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one of child, categories, riskLevel, fields' });
export type CasePatch = z.infer<typeof CasePatch>;

/** The other tenant's side of a transfer. */
export const TransferLink = z.object({ tenantId: z.string(), caseId: z.string().optional(), caseNumber: z.string().optional(), transferId: z.string() });

export const Case = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: CaseStatus,
  stage: Stage,
  riskLevel: RiskLevel,
  categories: z.array(z.string()),
  child: StoredChild,
  fields: CaseFields,
  /** The version of the tenant's form the fields were last checked against (`GET /forms/case` history). */
  formVersion: z.number().int().min(1).optional(),
  ownerId: z.string(),
  assignedTo: z.array(z.string()),
  /** The unit the case belongs to (API.md "Units"); cases from before units are in the root. */
  unitId: z.string(),
  /** The unit's ancestors, root first, as they were at the case's last write (what the per-unit indexes use). */
  unitPath: z.array(z.string()).min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
  /** A case that moved between tenants links to where it came from, or where it went. */
  links: z.object({ transferredFrom: TransferLink.optional(), transferredTo: TransferLink.optional() }).optional(),
}).extend(CaseLifecycle.shape);
export type Case = z.infer<typeof Case>;

/** A case that may be the same person: its number and score always, its id only when the caller may read the case. */
export const PossibleDuplicate = z.object({
  id: z.string().optional().meta({ description: 'Only when the case is in the caller\'s scope (the caller may read it)' }),
  caseNumber: z.string(),
  score: z.number().meta({ description: '0…1: name-token overlap, sex, date of birth within a year' }),
});

/** `POST /cases/possible-duplicates`: the check a registration screen makes before saving. */
export const DuplicateCheckInput = z.object({
  child: Child.pick({ fullName: true, dateOfBirth: true }).extend({ sex: Sex.default('unknown') }),
});

export const CaseListQuery = PageQuery.extend({
  owner: z.string().max(128).optional(),
  /** Cases assigned to this user (`me` or a user id) rather than owned. */
  assigned: z.string().max(128).optional(),
  status: CaseStatus.optional(),
  stage: Stage.optional(),
  riskLevel: RiskLevel.optional(),
  /** Only cases of this unit's subtree (inside the caller's scope). */
  unit: z.string().max(40).optional(),
  q: PersonName({ max: 200 }).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const HistoryChange = z.object({ path: z.string(), from: z.unknown(), to: z.unknown() });
export const HistoryEntry = z.object({
  at: IsoDateTime,
  actor: z.object({ userId: z.string(), username: z.string() }),
  action: z.string(),
  changes: z.array(HistoryChange),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
