import { z } from 'zod';
import { Role } from '../auth/roles.ts';
import { Action } from '../auth/permissions-schema.ts';
import { Locale } from './common.ts';

export const User = z.object({
  userId: z.string(),
  username: z.string().min(3).max(128),
  displayName: z.string().min(1).max(200),
  roles: z.array(Role).min(1),
  organizationId: z.string().optional(),
  status: z.enum(['active', 'disabled']),
});
export type User = z.infer<typeof User>;

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
