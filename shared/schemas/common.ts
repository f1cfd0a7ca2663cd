import * as z from 'zod';

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z.iso.date({ error: 'Use a date in the form YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime();

/** Tenant ids are lower-case slugs (`vn-na`); ids starting with `_` are reserved for the control plane. */
export const TenantId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'Use 2–40 lower-case letters, digits or hyphens, starting with a letter');

export const Locale = z.enum(['en', 'vi', 'my', 'ar']);
export type Locale = z.infer<typeof Locale>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const ListMeta = z.object({ nextCursor: z.string().nullable() });
