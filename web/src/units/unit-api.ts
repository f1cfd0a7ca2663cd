import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitInput, UnitPatch } from '../../../shared/schemas/unit.ts';
import { UnitTree } from '../../../shared/units/tree.ts';
import { api } from '../app/api.ts';
import { useMe } from '../app/use-me.ts';
import { localized } from '../forms/form-api.ts';

export type { Unit };

export const UNITS_QUERY_KEY = ['units'] as const;

/** The tenant's unit tree (`GET /units`, root first), read whole: one request for the picker, the tree view and names. */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: UNITS_QUERY_KEY,
    enabled,
    queryFn: async () => (await api<Unit[]>('/api/v1/units')).data,
  });
}

export async function createUnit(input: UnitInput): Promise<Unit> {
  return (await api<Unit>('/api/v1/units', { method: 'POST', body: input })).data;
}

/** A change to a unit under If-Match with the version the admin was looking at. */
export async function changeUnit(unit: Pick<Unit, 'id' | 'version'>, patch: UnitPatch): Promise<Unit> {
  return (await api<Unit>(`/api/v1/units/${encodeURIComponent(unit.id)}`, { method: 'PATCH', body: patch, headers: { 'if-match': `"${unit.version}"` } })).data;
}

/** A unit's name in the interface language, else English, else its id. */
export const unitName = (unit: Pick<Unit, 'id' | 'name'> | undefined, language: string, fallback = '') =>
  unit ? localized(unit.name, language) || unit.id : fallback;

/** A unit of the tree with how deep it sits under the first unit listed (0 for that unit). */
export interface ListedUnit {
  unit: Unit;
  depth: number;
}

/**
 * The units of `rootId`'s subtree in tree order (each unit followed by its children, by name), for pickers and
 * filters. Children sort by their name in the interface language, so the order reads naturally in each.
 */
export function listSubtree(units: readonly Unit[], rootId: string | undefined, language: string): ListedUnit[] {
  if (units.length === 0) return [];
  const tree = new UnitTree(units);
  const start = rootId !== undefined && tree.get(rootId) ? rootId : tree.root.id;
  const listed: ListedUnit[] = [];
  const collator = new Intl.Collator(language);
  const walk = (unit: Unit, depth: number) => {
    listed.push({ unit, depth });
    const children = [...tree.childrenOf(unit.id)].sort((a, b) => collator.compare(unitName(a, language), unitName(b, language)));
    for (const child of children) walk(child, depth + 1);
  };
  walk(tree.get(start)!, 0);
  return listed;
}

/**
 * The units the signed-in user works in: their home unit's subtree (`/me.unitId`; no home unit is the root),
 * as the API decides scope. Deactivated units are left out unless asked for (a filter may still name one).
 */
export function useScopeUnits({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  const me = useMe().data;
  const units = useUnits(me !== undefined && me.permissions.includes('unit.list'));
  const { i18n } = useTranslation();
  const listed = units.data ? listSubtree(units.data, me?.unitId, i18n.language) : [];
  return {
    isPending: units.isPending,
    ready: units.data !== undefined,
    isError: units.isError,
    all: units.data ?? [],
    homeUnitId: me?.unitId ?? units.data?.find((unit) => unit.parentId === null)?.id,
    units: includeInactive ? listed : listed.filter((entry) => entry.unit.active),
  };
}

/** Why the API refused a move at `parentId`, in the terms the admin chose it in: a key under `units.moveRefused`. */
export type MoveRefusal = 'cycle' | 'tooDeep' | 'parentInactive' | 'root' | 'other';

/**
 * Explains a 400 at `parentId` from the tree as it is now (read again after the refusal): the API decided;
 * this only says which of its rules the chosen parent broke, so the message is in the admin's language.
 */
export function moveRefusal(units: readonly Unit[], unitId: string, parentId: string, maxDepth: number): MoveRefusal {
  const tree = new UnitTree(units);
  const unit = tree.get(unitId);
  const parent = tree.get(parentId);
  if (!unit || !parent) return 'other';
  if (unit.parentId === null) return 'root';
  if (tree.contains(unitId, parentId)) return 'cycle';
  if (!parent.active) return 'parentInactive';
  if (parent.path.length + tree.height(unitId) > maxDepth) return 'tooDeep';
  return 'other';
}
