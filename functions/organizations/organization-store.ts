import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../../shared/errors.ts';
import { diff } from '../../shared/history/diff.ts';
import { Organization, type OrganizationInput, type OrganizationPatch } from '../../shared/schemas/organization.ts';
import type { Page, TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';
import type { Actor } from '../cases/case-store.ts';

/**
 * A partner organisation: `ORG#<id>` / `PROFILE`, listed through byTenant `ORGS` by name. Each change writes an
 * audit entry `ORG#<id>` / `AUDIT#<at>#<uuid>` in the same transaction.
 */
const organizationItem = (organization: Organization) => ({
  pk: `ORG#${organization.id}`,
  sk: 'PROFILE',
  entity: 'organization',
  gsi2pk: 'ORGS',
  gsi2sk: `${organization.name.toLocaleLowerCase()}#${organization.id}`,
  ...organization,
});

function auditWrite(organization: Organization, actor: Actor, action: string, before?: Organization): WriteOperation {
  const at = organization.updatedAt;
  const changes = diff(before ?? {}, organization).filter((change) => !['updatedAt', 'version', 'createdAt'].includes(change.path));
  return { put: { pk: `ORG#${organization.id}`, sk: `AUDIT#${at}#${randomUUID()}`, entity: 'audit', at, action, actor: { userId: actor.userId, username: actor.username }, changes } };
}

export class OrganizationStore {
  constructor(private readonly repository: TenantRepository) {}

  async create(input: OrganizationInput, actor: Actor): Promise<Organization> {
    const now = new Date().toISOString();
    const organization: Organization = { ...input, active: true, createdAt: now, updatedAt: now, version: 1 };
    await this.repository.transact([
      { put: organizationItem(organization), condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DomainError('CONFLICT', `An organisation with id ${input.id} exists`) },
      auditWrite(organization, actor, 'create'),
    ]);
    return organization;
  }

  async change(id: string, patch: OrganizationPatch, expectedVersion: number, actor: Actor): Promise<Organization> {
    const current = await this.get(id);
    if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The organisation has changed; reload it');
    const next: Organization = Organization.parse({ ...current, ...patch, updatedAt: new Date().toISOString(), version: current.version + 1 });
    await this.repository.transact([
      { put: organizationItem(next), ...atVersion(expectedVersion, 'organisation') },
      auditWrite(next, actor, 'update', current),
    ]);
    return next;
  }

  async find(id: string): Promise<Organization | undefined> {
    if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) return undefined;
    const item = await this.repository.get(`ORG#${id}`, 'PROFILE');
    return item ? Organization.parse(item) : undefined;
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.find(id);
    if (!organization) throw notFound('Organisation');
    return organization;
  }

  /** The directory, by name: one Query on the tenant index. */
  async list(limit: number, cursor?: string): Promise<Page<Organization>> {
    const page = await this.repository.query({ index: 'byTenant', partition: 'ORGS', limit, cursor });
    return { items: page.items.map((item) => Organization.parse(item)), nextCursor: page.nextCursor };
  }
}
