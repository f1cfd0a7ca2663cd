import * as z from 'zod';
import { LocalizedText, StoredLocalizedText } from '../forms/form-definition.ts';
import { CategoryCode, DEFAULT_CATEGORY_CODES } from './case.ts';
import type { TenantKind } from './tenant.ts';

/**
 * A tenant's lookups (`GET/PUT /lookups`): the case categories it uses and its location tree, in the
 * country's own administrative levels. Case categories must be codes listed here; `location` form fields name
 * a location id from here.
 */
export const CategoryLookup = z.object({ code: CategoryCode, label: LocalizedText });
export type CategoryLookup = z.infer<typeof CategoryLookup>;

const LookupId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'Use 1–64 lower-case letters, digits, _ . or -');

export const LocationLevel = z.object({ id: LookupId, label: LocalizedText });
export type LocationLevel = z.infer<typeof LocationLevel>;

export const LocationEntry = z.object({
  id: LookupId,
  parentId: LookupId.nullable(),
  level: LookupId,
  name: LocalizedText,
});
export type LocationEntry = z.infer<typeof LocationEntry>;

/** The lookups must fit one DynamoDB item (400 KB): a few thousand locations. */
export const MAX_LOCATIONS = 2000;

const LookupLists = z.object({
  categories: z.array(CategoryLookup).min(1, 'Keep at least one category').max(200),
  locationLevels: z.array(LocationLevel).max(6),
  locations: z.array(LocationEntry).max(MAX_LOCATIONS),
});

/**
 * `PUT /lookups` body, checked as a whole: codes and ids unique; a location's level is one of the levels, the
 * top level has no parent, every other location's parent comes earlier and sits one level up.
 */
export const LookupsInput = LookupLists.superRefine((lookups, ctx) => {
  const duplicates = <T>(items: readonly T[], keyOf: (item: T) => string, path: (i: number) => (string | number)[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} ${key} is listed twice` });
      seen.add(key);
    });
  };
  duplicates(lookups.categories, (c) => c.code, (i) => ['categories', i, 'code'], 'Category');
  duplicates(lookups.locationLevels, (l) => l.id, (i) => ['locationLevels', i, 'id'], 'Level');
  duplicates(lookups.locations, (l) => l.id, (i) => ['locations', i, 'id'], 'Location');
  const depth = new Map(lookups.locationLevels.map((level, i) => [level.id, i]));
  const placed = new Map<string, number>();
  lookups.locations.forEach((location, i) => {
    const level = depth.get(location.level);
    if (level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['locations', i, 'level'], message: 'Use one of the location levels' });
      return;
    }
    if (location.parentId === null) {
      if (level !== 0) ctx.addIssue({ code: 'custom', path: ['locations', i, 'parentId'], message: 'Only the top level has no parent' });
    } else if (placed.get(location.parentId) !== level - 1) {
      ctx.addIssue({ code: 'custom', path: ['locations', i, 'parentId'], message: 'The parent must come earlier, one level up' });
    }
    placed.set(location.id, level);
  });
});
export type LookupsInput = z.infer<typeof LookupsInput>;

/** The lookups as stored, their labels read as they were written (also before the text rules). */
export const Lookups = z.object({
  categories: z.array(CategoryLookup.extend({ label: StoredLocalizedText })),
  locationLevels: z.array(LocationLevel.extend({ label: StoredLocalizedText })),
  locations: z.array(LocationEntry.extend({ name: StoredLocalizedText })),
  version: z.number().int().min(1),
});
export type Lookups = z.infer<typeof Lookups>;

/** English labels of the default categories (the SPA translates known codes itself). */
export const DEFAULT_CATEGORY_LABELS: Record<(typeof DEFAULT_CATEGORY_CODES)[number], string> = {
  sexual_abuse: 'Sexual abuse',
  physical_abuse: 'Physical abuse',
  emotional_abuse: 'Emotional abuse',
  neglect: 'Neglect',
  gbv: 'Gender-based violence',
  child_in_conflict_with_law: 'Child in conflict with the law',
  child_labour: 'Child labour',
  trafficking: 'Trafficking',
  disability: 'Disability',
  orphan: 'Orphan',
  mental_health: 'Mental health',
  alternative_care: 'Alternative care',
  other: 'Other',
};

const level = (id: string, en: string, vi?: string, my?: string, ar?: string): LocationLevel => ({
  id,
  label: { en, ...(vi ? { vi } : {}), ...(my ? { my } : {}), ...(ar ? { ar } : {}) },
});

/** Administrative levels by country, from the top; a province or governorate tenant starts one level down. */
const COUNTRY_LEVELS: Record<string, LocationLevel[]> = {
  vn: [level('province', 'Province', 'Tỉnh'), level('district', 'District', 'Huyện'), level('commune', 'Commune', 'Xã')],
  mm: [level('state_region', 'State or region', undefined, 'ပြည်နယ်/တိုင်းဒေသကြီး'), level('district', 'District', undefined, 'ခရိုင်'), level('township', 'Township', undefined, 'မြို့နယ်')],
  sy: [level('governorate', 'Governorate', undefined, undefined, 'محافظة'), level('district', 'District', undefined, undefined, 'منطقة')],
  eg: [level('governorate', 'Governorate', undefined, undefined, 'محافظة'), level('district', 'District', undefined, undefined, 'مركز')],
};
const GENERIC_LEVELS = [level('region', 'Region'), level('district', 'District')];

/**
 * The location levels a new tenant starts with: its country's (the country is the first part of its id or of
 * its parent's, `vn-na` → Viet Nam); a province or governorate tenant starts below its own level — except a
 * governorate-wide pilot, whose single governorate is the top of the tree.
 */
export function defaultLocationLevels(tenant: { id: string; kind: TenantKind; parentId?: string }): LocationLevel[] {
  const country = (tenant.parentId ?? tenant.id).split('-')[0] ?? '';
  const levels = COUNTRY_LEVELS[country] ?? GENERIC_LEVELS;
  return tenant.kind === 'province' && tenant.parentId ? levels.slice(1) : levels;
}

/** What onboarding gives a tenant: the default categories, its country's levels, no locations yet. */
export function defaultLookups(tenant: { id: string; kind: TenantKind; parentId?: string }): Omit<Lookups, 'version'> {
  return {
    categories: DEFAULT_CATEGORY_CODES.map((code) => ({ code, label: { en: DEFAULT_CATEGORY_LABELS[code] } })),
    locationLevels: defaultLocationLevels(tenant),
    locations: [],
  };
}
