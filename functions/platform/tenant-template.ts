import { DomainError } from '../../shared/errors.ts';
import { Organization } from '../../shared/schemas/organization.ts';
import type { Tenant } from '../../shared/schemas/tenant.ts';
import { Unit } from '../../shared/schemas/unit.ts';
import type { FormDefinition } from '../../shared/forms/form-definition.ts';
import type { Lookups } from '../../shared/schemas/lookups.ts';
import type { TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { caseForms, FORM_PARTITION } from '../config/form-store.ts';
import { LOOKUPS_PARTITION, tenantLookups } from '../config/lookup-store.ts';
import { rootUnit, unitItem } from '../units/unit-store.ts';

/**
 * What onboarding copies from a template tenant (`templateTenantId`): the unit tree, the case form and lookups
 * in force, and the active partner organisations — configuration only. Never its users, cases, people,
 * history, counters or audit: nothing here queries those partitions.
 *
 * In AWS the template is read with the tenant data role tagged with the template tenant
 * (`documentClientFor(templateId)`), the same role every request of that tenant uses; the code only reads there.
 */
export interface TenantTemplate {
  /** Every unit but the root, re-rooted under the new tenant (ids kept, paths rewritten). */
  units: Unit[];
  /** The template root's kind and location, for the new root (named after the new tenant). */
  root: Pick<Unit, 'kind' | 'locationId'>;
  form: Omit<FormDefinition, 'version'>;
  lookups: Omit<Lookups, 'version'>;
  organizations: Organization[];
}

/** Reads the template tenant's configuration and re-roots its unit tree for `tenantId`. */
export async function readTemplate(template: TenantRepository, tenantId: string): Promise<TenantTemplate> {
  const [unitItems, form, lookups, organizationItems] = await Promise.all([
    template.queryAll({ partition: 'UNITS', sortKeyPrefix: 'UNIT#' }),
    caseForms(template).current(),
    tenantLookups(template).current(),
    template.queryAll({ index: 'byTenant', partition: 'ORGS' }),
  ]);
  const units = unitItems.map((item) => Unit.parse(item));
  const templateRoot = units.find((unit) => unit.parentId === null);
  const rootId = templateRoot?.id ?? template.tenantId;
  if (units.some((unit) => unit.parentId !== null && unit.id === tenantId)) {
    const message = `The template has a unit with the new tenant's id (${tenantId}); its root takes that id`;
    throw new DomainError('VALIDATION_FAILED', message, [{ path: 'templateTenantId', message }]);
  }
  const reroot = (id: string) => (id === rootId ? tenantId : id);
  const { version: _form, ...formContent } = form;
  const { version: _lookups, ...lookupsContent } = lookups;
  return {
    units: units
      .filter((unit) => unit.parentId !== null)
      .map((unit) => stripUndefined({ ...unit, parentId: reroot(unit.parentId!), path: unit.path.map(reroot), version: 1 })),
    root: { kind: templateRoot?.kind ?? 'national', ...(templateRoot?.locationId ? { locationId: templateRoot.locationId } : {}) },
    form: formContent,
    lookups: lookupsContent,
    organizations: organizationItems.map((item) => Organization.parse(item)).filter((organization) => organization.active),
  };
}

/**
 * The new tenant's writes for the template's units, form and lookups (and the organisations to create), in the
 * new tenant's space: the form and
 * lookups as their version 1, the root named after the tenant, the tree version 1. Units come in chunks of
 * at most 90 per transaction; all `attribute_not_exists`.
 */
export function templateWrites(tenant: Pick<Tenant, 'id' | 'name' | 'kind'>, template: TenantTemplate) {
  const root: Unit = { ...rootUnit(tenant), ...template.root };
  const units: WriteOperation[] = template.units.map((unit) => ({ put: unitItem(unit), condition: 'attribute_not_exists(pk)' }));
  return {
    root,
    form: { pk: FORM_PARTITION, sk: 'CURRENT', entity: 'form', ...template.form, version: 1 },
    lookups: { pk: LOOKUPS_PARTITION, sk: 'CURRENT', entity: 'lookups', ...template.lookups, version: 1 },
    organizations: template.organizations,
    unitChunks: Array.from({ length: Math.ceil(units.length / 90) }, (_, i) => units.slice(i * 90, (i + 1) * 90)),
  };
}

const stripUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
