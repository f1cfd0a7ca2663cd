import * as z from 'zod';
import { IsoDateTime } from './common.ts';

export const ORGANIZATION_KINDS = ['ngo', 'ministry', 'un_agency'] as const;
export const OrganizationKind = z.enum(ORGANIZATION_KINDS);

const Text = (max: number) => z.string().trim().min(1, 'Required').max(max);
const Slug = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Use lower-case letters, digits and hyphens, starting with a letter');

/** A contact point, as Open Referral (HSDS) describes one. */
export const Contact = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.email().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
});

/** A service a partner offers, in Open Referral (HSDS) shape. */
export const Service = z.object({
  id: Slug,
  name: Text(200),
  description: z.string().trim().max(2_000).optional(),
  eligibility: z.string().trim().max(1_000).optional(),
  /** Where it is offered: location names or codes from the tenant's location tree. */
  areaServed: z.array(Text(200)).max(100).default([]),
  /** Languages the service is delivered in (BCP 47, e.g. `vi`, `my`, `ar`). */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Use a language code such as vi')).max(20).default([]),
  contact: Contact.optional(),
});
export type Service = z.infer<typeof Service>;

export const OrganizationInput = z.object({
  id: Slug,
  name: Text(200),
  kind: OrganizationKind,
  description: z.string().trim().max(2_000).optional(),
  website: z.url().max(500).optional(),
  contact: Contact.optional(),
  services: z
    .array(Service)
    .max(50)
    .default([])
    .refine((services) => new Set(services.map((s) => s.id)).size === services.length, { message: 'Service ids must be unique' }),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

/** `PATCH /organizations/{id}`: anything but the id; `services` replaces the list. */
export const OrganizationPatch = OrganizationInput.omit({ id: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one field to change' });
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

export const Organization = OrganizationInput.extend({
  active: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Organization = z.infer<typeof Organization>;
