import * as z from 'zod';
import { IsoDateTime } from './common.ts';
import { HttpUrl, PersonName, SafeLine, SafeText } from './text.ts';

export const ORGANIZATION_KINDS = ['ngo', 'ministry', 'un_agency'] as const;
export const OrganizationKind = z.enum(ORGANIZATION_KINDS);

/** Names of organisations, services and places follow the name rule of `text.ts`; descriptions are free text. */
const Name = (max: number) => PersonName({ max });
const Description = (max: number) => SafeText({ max, min: 0 }).optional();
const Slug = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Use lower-case letters, digits and hyphens, starting with a letter');

/** A contact point, as Open Referral (HSDS) describes one. */
export const Contact = z.object({
  name: PersonName({ max: 200, min: 0 }).optional(),
  email: z.email().max(200).optional(),
  phone: SafeLine({ max: 50, min: 0 }).optional(),
});

/** A service a partner offers, in Open Referral (HSDS) shape. */
export const Service = z.object({
  id: Slug,
  name: Name(200),
  description: Description(2_000),
  eligibility: Description(1_000),
  /** Where it is offered: location names or codes from the tenant's location tree. */
  areaServed: z.array(Name(200)).max(100).default([]),
  /** Languages the service is delivered in (BCP 47, e.g. `vi`, `my`, `ar`). */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Use a language code such as vi')).max(20).default([]),
  contact: Contact.optional(),
});
export type Service = z.infer<typeof Service>;

export const OrganizationInput = z.object({
  id: Slug,
  name: Name(200),
  kind: OrganizationKind,
  description: Description(2_000),
  /** `http:` or `https:` only: the SPA links to it. */
  website: HttpUrl.optional(),
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

/** Texts as stored, read as they were written: what was stored before the text rules must still read. */
const StoredContact = Contact.extend({ name: z.string().optional(), phone: z.string().optional() });
const StoredService = Service.extend({
  name: z.string(),
  description: z.string().optional(),
  eligibility: z.string().optional(),
  areaServed: z.array(z.string()).default([]),
  contact: StoredContact.optional(),
});

export const Organization = OrganizationInput.extend({
  name: z.string(),
  description: z.string().optional(),
  website: z.string().optional(),
  contact: StoredContact.optional(),
  services: z.array(StoredService).default([]),
  active: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Organization = z.infer<typeof Organization>;
