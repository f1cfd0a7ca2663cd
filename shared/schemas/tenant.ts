import * as z from 'zod';
import { Locale, TenantId } from './common.ts';
import { PersonName, SafeLine } from './text.ts';

export const TenantKind = z.enum(['country', 'province', 'governorate']);
export type TenantKind = z.infer<typeof TenantKind>;

export const Tenant = z.object({
  id: TenantId,
  name: z.string().min(1).max(200),
  kind: TenantKind,
  parentId: TenantId.optional(),
  region: z.string().max(40).optional(),
  locales: z.array(Locale).min(1),
  /** Prefix of readable case numbers, e.g. `NA` in `NA-2026-000123`. */
  caseNumberPrefix: z.string().regex(/^[A-Z]{2,6}$/),
  status: z.enum(['active', 'suspended']),
});
export type Tenant = z.infer<typeof Tenant>;

/** `POST /platform/tenants`: onboarding a ministry, with its first tenant admin. */
export const TenantOnboardingInput = z.object({
  id: TenantId,
  name: PersonName({ max: 200 }),
  kind: TenantKind,
  parentId: TenantId.optional(),
  region: SafeLine({ max: 40 }),
  locales: z.array(Locale).min(1).max(4),
  caseNumberPrefix: z.string().regex(/^[A-Z]{2,6}$/).optional(),
  /**
   * Start from a copy of this tenant's unit tree, case form, lookups and partner directory (never its people,
   * cases or users); 400 at `templateTenantId` when no such tenant is registered.
   */
  templateTenantId: TenantId.optional(),
  admin: z.object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._@-]{2,127}$/, 'Use 3–128 letters, digits, . _ @ or -'),
    displayName: PersonName({ max: 200 }),
    email: z.string().trim().email().optional(),
  }),
});
export type TenantOnboardingInput = z.infer<typeof TenantOnboardingInput>;

export const TenantStatusInput = z.object({ status: z.enum(['active', 'suspended']) });

/**
 * `PATCH /platform/tenants/{id}` (platform operator, If-Match): suspend or reactivate, re-parent (`parentId`;
 * `null` makes it a top-level tenant), rename, change the languages. At least one of them.
 */
export const TenantPatch = z.strictObject({
  status: z.enum(['active', 'suspended']),
  parentId: TenantId.nullable(),
  name: PersonName({ max: 200 }),
  locales: z.array(Locale).min(1).max(4),
}).partial().refine((patch) => Object.keys(patch).length > 0, { message: 'Send status, parentId, name or locales' });
export type TenantPatch = z.infer<typeof TenantPatch>;
