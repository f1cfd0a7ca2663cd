import * as z from 'zod';
import { LocalizedText, StoredLocalizedText } from '../forms/form-definition.ts';

/**
 * A unit of a ministry (API.md "Units"): national office → regions → districts → communes or offices, and
 * facilities. Every tenant has one root (`parentId: null`, id = the tenant id, created with the tenant).
 * The tree is at most `MAX_UNIT_DEPTH` levels deep, root included: a case counts in its unit and each
 * ancestor in the same transaction, so the depth bounds what one case change writes.
 */
export const MAX_UNIT_DEPTH = 6;

export const UNIT_KINDS = ['national', 'region', 'district', 'commune', 'office', 'facility'] as const;
export const UnitKind = z.enum(UNIT_KINDS);

export const UnitId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use 1–40 lower-case letters, digits or hyphens');

const capacity = z.number().int().min(0).max(100_000);

export const Unit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: StoredLocalizedText,
  kind: UnitKind,
  locationId: z.string().optional(),
  capacity: z.number().int().optional(),
  active: z.boolean(),
  /** Ancestors from the root down to the unit itself: what scope and the per-unit indexes are computed from. */
  path: z.array(z.string()).min(1),
  version: z.number().int().min(1),
});
export type Unit = z.infer<typeof Unit>;

/** `POST /units` (tenant admin). */
export const UnitInput = z.strictObject({
  id: UnitId,
  parentId: UnitId,
  name: LocalizedText,
  kind: UnitKind,
  locationId: z.string().trim().min(1).max(64).optional(),
  capacity: capacity.optional(),
}).refine((unit) => unit.capacity === undefined || unit.kind === 'facility', { message: 'Only facilities have a capacity', path: ['capacity'] });
export type UnitInput = z.infer<typeof UnitInput>;

/** `PATCH /units/{id}` (tenant admin, If-Match): rename, move, deactivate or reactivate. */
export const UnitPatch = z.strictObject({
  parentId: UnitId,
  name: LocalizedText,
  kind: UnitKind,
  locationId: z.string().trim().min(1).max(64).nullable(),
  capacity: capacity.nullable(),
  active: z.boolean(),
}).partial().refine((patch) => Object.keys(patch).length > 0, { message: 'Send what to change' });
export type UnitPatch = z.infer<typeof UnitPatch>;
