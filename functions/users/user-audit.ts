import { randomUUID } from 'node:crypto';
import { diff } from '../../shared/history/diff.ts';
import { UserAuditEntry, type User } from '../../shared/schemas/user.ts';
import type { Page, PutOperation, TenantRepository } from '../data/tenant-repository.ts';

/**
 * User administration, audited in the tenant's space: `T#<t>#AUDIT#USERS` / `<at>#<uuid>`, one entry per
 * create, change, password reset and membership, written in the same transaction as the profile change.
 */
const AUDIT_PARTITION = 'AUDIT#USERS';

export interface Actor {
  userId: string;
  username: string;
}

/** The audited parts of a user: who they are, what they may do, whether they may sign in. */
const audited = (user: User | undefined) =>
  user && {
    displayName: user.displayName, roles: [...user.roles].sort(), status: user.status,
    ...(user.organizationId ? { organizationId: user.organizationId } : {}), ...(user.unitId ? { unitId: user.unitId } : {}),
  };

const CASE_ROLES = new Set(['caseworker', 'supervisor', 'manager']);

export function userAuditEntry(actor: Actor, action: UserAuditEntry['action'], before: User | undefined, after: User): PutOperation {
  const at = new Date().toISOString();
  const id = `${at}#${randomUUID()}`;
  const gained = after.roles.filter((role) => !before?.roles.includes(role));
  const entry: UserAuditEntry = {
    id,
    at,
    actor: { userId: actor.userId, username: actor.username },
    action,
    target: { userId: after.userId, username: after.username },
    changes: diff(audited(before), audited(after) ?? {}),
    ...(actor.userId === after.userId && gained.some((role) => CASE_ROLES.has(role)) ? { selfGrant: true } : {}),
  };
  return { put: { pk: AUDIT_PARTITION, sk: id, entity: 'user-audit', ...entry, changes: JSON.stringify(entry.changes) } };
}

/** Newest first. */
export async function listUserAudit(repository: TenantRepository, limit: number, cursor?: string): Promise<Page<UserAuditEntry>> {
  const page = await repository.query({ partition: AUDIT_PARTITION, limit, cursor, newestFirst: true });
  return {
    items: page.items.map((item) => UserAuditEntry.parse({ ...item, changes: JSON.parse(String(item.changes)) })),
    nextCursor: page.nextCursor,
  };
}
