import { DomainError, notFound } from '../../shared/errors.ts';
import { MAX_UNIT_DEPTH, Unit, type UnitInput, type UnitPatch } from '../../shared/schemas/unit.ts';
import type { Tenant } from '../../shared/schemas/tenant.ts';
import { UnitTree } from '../../shared/units/tree.ts';
import type { TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';

/**
 * A tenant's units, all in one partition `UNITS` / `UNIT#<id>`, so the whole tree is one Query; each unit
 * keeps its path from the root. `UNITS` / `TREE` holds the tree's version: every unit write bumps it under a
 * condition, so two admins' moves never interleave into a cycle. The tree is cached per warm function for a
 * few seconds (it is part of every request's scope), and dropped at once by this container's own changes.
 */
const UNITS = 'UNITS';
const TREE_SK = 'TREE';
const unitSk = (id: string) => `UNIT#${id}`;
const TREE_CACHE_MS = 5_000;

const trees = new Map<string, { tree: UnitTree; version: number; until: number }>();

export const unitItem = (unit: Unit) => ({ pk: UNITS, sk: unitSk(unit.id), entity: 'unit', ...unit });

/** The root unit a tenant is created with: id = the tenant's id, named after it. */
export function rootUnit(tenant: Pick<Tenant, 'id' | 'name' | 'kind'>): Unit {
  return { id: tenant.id, parentId: null, name: { en: tenant.name }, kind: tenant.kind === 'country' ? 'national' : 'region', active: true, path: [tenant.id], version: 1 };
}

/** The writes that give a new tenant its root unit (in onboarding's transaction). */
export function rootUnitWrites(tenant: Pick<Tenant, 'id' | 'name' | 'kind'>): WriteOperation[] {
  return [
    { put: unitItem(rootUnit(tenant)), condition: 'attribute_not_exists(pk)' },
    { put: { pk: UNITS, sk: TREE_SK, entity: 'unit-tree', version: 1 }, condition: 'attribute_not_exists(pk)' },
  ];
}

/**
 * The tenant's unit tree (cached a few seconds). `holding`: a unit id the caller knows exists (a user's home
 * unit, perhaps created a moment ago in another container): a cached tree without it is read again.
 */
export async function unitTree(repository: TenantRepository, holding?: string): Promise<UnitTree> {
  const hit = trees.get(repository.tenantId);
  if (hit && hit.until > Date.now() && (holding === undefined || hit.tree.get(holding))) return hit.tree;
  return (await loadTree(repository)).tree;
}

async function loadTree(repository: TenantRepository): Promise<{ tree: UnitTree; version: number }> {
  const items = await repository.queryAll({ partition: UNITS });
  const version = Number(items.find((item) => item.sk === TREE_SK)?.version ?? 0);
  const units = items.filter((item) => item.entity === 'unit').map((item) => Unit.parse(item));
  // A tenant the units migration has not reached yet is one root: everything of it is still in scope as before.
  const tree = new UnitTree(units.length > 0 ? units : [rootUnit({ id: repository.tenantId, name: repository.tenantId, kind: 'country' })]);
  trees.set(repository.tenantId, { tree, version, until: Date.now() + TREE_CACHE_MS });
  return { tree, version };
}

export function forgetUnitTree(tenantId: string): void {
  trees.delete(tenantId);
}

const treeBump = (version: number): WriteOperation => ({
  update: { pk: UNITS, sk: TREE_SK },
  set: { entity: 'unit-tree' },
  add: { version: 1 },
  condition: 'version = :version',
  values: { ':version': version },
  onConditionFailed: () => new DomainError('CONFLICT', 'The unit tree changed meanwhile; reload and try again'),
});

export interface UnitOccupancy {
  /** Whether any open case or active user sits in the unit's subtree (deactivation is refused then). */
  occupied(tree: UnitTree, unitId: string): Promise<boolean>;
}

export class UnitStore {
  constructor(private readonly repository: TenantRepository) {}

  async list(): Promise<Unit[]> {
    return (await loadTree(this.repository)).tree.all().sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
  }

  async create(input: UnitInput): Promise<Unit> {
    const { tree, version } = await loadTree(this.repository);
    const parent = tree.get(input.parentId);
    const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, [{ path, message }]);
    if (!parent) throw invalid('parentId', 'No such unit');
    if (!parent.active) throw invalid('parentId', 'The parent is deactivated');
    if (parent.path.length >= MAX_UNIT_DEPTH) throw invalid('parentId', `The tree may be at most ${MAX_UNIT_DEPTH} levels deep`);
    if (tree.get(input.id)) throw new DomainError('CONFLICT', 'A unit with this id exists', [{ path: 'id', message: 'Taken' }]);
    const unit: Unit = { ...input, active: true, path: [...parent.path, input.id], version: 1 };
    await this.repository.transact([
      { put: unitItem(unit), condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DomainError('CONFLICT', 'A unit with this id exists', [{ path: 'id', message: 'Taken' }]) },
      treeBump(version),
    ]);
    forgetUnitTree(this.repository.tenantId);
    return unit;
  }

  /**
   * Renames, moves or (de)activates a unit under If-Match. A move rewrites the paths of the whole subtree in
   * the same transaction as the tree's version; the cases' per-unit index entries and counts follow in a
   * background recount (`onMoved`).
   */
  async change(unitId: string, patch: UnitPatch, expectedVersion: number, occupancy: UnitOccupancy): Promise<{ unit: Unit; moved: string[] }> {
    const { tree, version } = await loadTree(this.repository);
    const current = tree.get(unitId);
    if (!current) throw notFound('Unit');
    if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The unit has changed; reload it');
    if (current.parentId === null && patch.active === false) {
      throw new DomainError('VALIDATION_FAILED', 'The root unit cannot be deactivated', [{ path: 'active', message: 'The root stays active' }]);
    }
    if (patch.capacity !== undefined && patch.capacity !== null && (patch.kind ?? current.kind) !== 'facility') {
      throw new DomainError('VALIDATION_FAILED', 'Only facilities have a capacity', [{ path: 'capacity', message: 'Only facilities have a capacity' }]);
    }
    if (patch.active === false && current.active && (await occupancy.occupied(tree, unitId))) {
      throw new DomainError('CONFLICT', 'The unit still has open cases or active users: move them first');
    }
    const moving = patch.parentId !== undefined && patch.parentId !== current.parentId;
    const paths = moving ? tree.planMove(unitId, patch.parentId!) : new Map<string, string[]>();
    const { locationId, capacity, ...rest } = patch;
    const next: Unit = {
      ...current,
      ...rest,
      ...(locationId === null ? { locationId: undefined } : locationId !== undefined ? { locationId } : {}),
      ...(capacity === null ? { capacity: undefined } : capacity !== undefined ? { capacity } : {}),
      path: paths.get(unitId) ?? current.path,
      version: current.version + 1,
    };
    const descendants = [...paths].filter(([id]) => id !== unitId).map(([id, path]) => ({ ...tree.get(id)!, path }));
    if (descendants.length > 90) throw new DomainError('CONFLICT', 'Move the units below this one in smaller parts first (at most 90 at once)');
    await this.repository.transact([
      { put: unitItem(stripUndefined(next)), ...atVersion(expectedVersion, 'unit') },
      ...descendants.map((unit) => ({ put: unitItem(unit) })),
      treeBump(version),
    ]);
    forgetUnitTree(this.repository.tenantId);
    return { unit: next, moved: moving ? [...paths.keys()] : [] };
  }
}

const stripUndefined = (unit: Unit): Unit => Object.fromEntries(Object.entries(unit).filter(([, value]) => value !== undefined)) as Unit;
