import * as z from 'zod';
import { Role } from '../auth/roles.ts';
import { Action } from '../auth/permissions-schema.ts';
import { Locale } from './common.ts';
import { PersonName } from './text.ts';

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._@-]{2,127}$/, 'Use 3–128 letters, digits, . _ @ or -');

export const User = z.object({
  userId: z.string(),
  username: z.string().min(3).max(128),
  displayName: z.string().min(1).max(200),
  email: z.string().email().optional(),
  roles: z.array(Role).min(1),
  organizationId: z.string().optional(),
  /** The user's home unit (API.md "Units"): their scope is its subtree. Absent on profiles from before: the root. */
  unitId: z.string().optional(),
  status: z.enum(['active', 'disabled']),
  /** Tokens issued before this time (Unix seconds) are refused: set by disable and password reset. */
  sessionsValidAfter: z.number().int().optional(),
  version: z.number().int().min(1).default(1),
});
export type User = z.infer<typeof User>;

/** What a user administration audit entry records (`GET /users/audit`). */
export const USER_AUDIT_ACTIONS = ['user.created', 'user.membership_added', 'user.updated', 'user.password_reset'] as const;

export const UserAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ userId: z.string(), username: z.string() }),
  action: z.enum(USER_AUDIT_ACTIONS),
  target: z.object({ userId: z.string(), username: z.string() }),
  changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
  /** The actor changed their own roles or access: shown apart on the users page. */
  selfGrant: z.boolean().optional(),
});
export type UserAuditEntry = z.infer<typeof UserAuditEntry>;

/** `POST /platform/tenants/{id}/members`: the platform operator gives an existing person a membership. */
export const NewMembershipInput = z.strictObject({
  username: Username,
  displayName: PersonName({ max: 200 }),
  roles: z.array(Role).min(1).max(6),
  organizationId: z.string().trim().min(1).max(64).optional(),
}).refine((user) => !user.roles.includes('partner') || user.organizationId, { message: 'A partner belongs to an organisation', path: ['organizationId'] });
export type NewMembershipInput = z.infer<typeof NewMembershipInput>;

/** `POST /users`: a tenant admin adds someone to the tenant. */
export const NewUserInput = z
  .object({
    username: Username,
    displayName: PersonName({ max: 200 }),
    email: z.string().trim().email().optional(),
    roles: z.array(Role).min(1).max(6),
    organizationId: z.string().trim().min(1).max(64).optional(),
    unitId: z.string().trim().min(1).max(40).optional(),
  })
  .refine((user) => !user.roles.includes('partner') || user.organizationId, { message: 'A partner belongs to an organisation', path: ['organizationId'] });
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserPatch = z.strictObject({
  roles: z.array(Role).min(1).max(6), status: z.enum(['active', 'disabled']), displayName: PersonName({ max: 200 }), unitId: z.string().trim().min(1).max(40),
}).partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send roles, status, displayName or unitId' });
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
  /** The home unit: the root of what the user sees. */
  unitId: z.string().optional(),
});
export type Me = z.infer<typeof Me>;
