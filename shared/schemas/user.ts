import * as z from 'zod';
import { Role } from '../auth/roles.ts';
import { Action } from '../auth/permissions-schema.ts';
import { Locale } from './common.ts';

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._@-]{2,127}$/, 'Use 3–128 letters, digits, . _ @ or -');

export const User = z.object({
  userId: z.string(),
  username: z.string().min(3).max(128),
  displayName: z.string().min(1).max(200),
  email: z.string().email().optional(),
  roles: z.array(Role).min(1),
  organizationId: z.string().optional(),
  status: z.enum(['active', 'disabled']),
  version: z.number().int().min(1).default(1),
});
export type User = z.infer<typeof User>;

/** `POST /users`: a tenant admin adds someone to the tenant. */
export const NewUserInput = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(200),
    email: z.string().trim().email().optional(),
    roles: z.array(Role).min(1).max(6),
    organizationId: z.string().trim().min(1).max(64).optional(),
  })
  .refine((user) => !user.roles.includes('partner') || user.organizationId, { message: 'A partner belongs to an organisation', path: ['organizationId'] });
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserPatch = z.strictObject({ roles: z.array(Role).min(1).max(6), status: z.enum(['active', 'disabled']), displayName: z.string().trim().min(1).max(200) }).partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send roles, status or displayName' });
export type UserPatch = z.infer<typeof UserPatch>;

export const Me = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  permissions: z.array(Action),
  tenant: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['country', 'province', 'governorate', 'platform']),
    parentId: z.string().optional(),
    locales: z.array(Locale),
  }),
  organizationId: z.string().optional(),
});
export type Me = z.infer<typeof Me>;
