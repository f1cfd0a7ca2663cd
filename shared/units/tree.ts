import { DomainError } from '../errors.ts';
import { MAX_UNIT_DEPTH, type Unit } from '../schemas/unit.ts';

/** One tenant's unit tree, read whole: every question about ancestry is answered from memory. */
export class UnitTree {
  private readonly byId: ReadonlyMap<string, Unit>;
  private readonly children = new Map<string, Unit[]>();
  readonly root: Unit;

  constructor(units: readonly Unit[]) {
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const unit of units) {
      if (unit.parentId === null) continue;
      this.children.set(unit.parentId, [...(this.children.get(unit.parentId) ?? []), unit]);
    }
    const roots = units.filter((unit) => unit.parentId === null);
    if (roots.length !== 1) throw new DomainError('INTERNAL', `A tenant has exactly one root unit (found ${roots.length})`);
    this.root = roots[0]!;
  }

  get(unitId: string): Unit | undefined {
    return this.byId.get(unitId);
  }

  all(): Unit[] {
    return [...this.byId.values()];
  }

  childrenOf(unitId: string): Unit[] {
    return this.children.get(unitId) ?? [];
  }

  /** Root first, the unit itself last; a unit no longer in the tree counts as under the root. */
  pathOf(unitId: string): string[] {
    return this.byId.get(unitId)?.path ?? [this.root.id];
  }

  /** Whether `unitId` is `ancestorId` or below it. */
  contains(ancestorId: string, unitId: string): boolean {
    return this.pathOf(unitId).includes(ancestorId);
  }

  /** Every unit id of the subtree under (and including) `unitId`. */
  subtree(unitId: string): string[] {
    const ids: string[] = [];
    const walk = (id: string) => {
      ids.push(id);
      for (const child of this.childrenOf(id)) walk(child.id);
    };
    if (this.byId.has(unitId)) walk(unitId);
    return ids;
  }

  /** How many levels the subtree under `unitId` spans (1 for a leaf). */
  height(unitId: string): number {
    return 1 + Math.max(0, ...this.childrenOf(unitId).map((child) => this.height(child.id)));
  }

  /**
   * The paths every unit of `unitId`'s subtree gets when it moves under `newParentId`; refuses a move under
   * itself or its own subtree, under a missing or inactive unit, of the root, or one that makes the tree too deep.
   */
  planMove(unitId: string, newParentId: string): Map<string, string[]> {
    const unit = this.byId.get(unitId);
    const parent = this.byId.get(newParentId);
    const refuse = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ path: 'parentId', message }]);
    if (!unit) throw refuse('No such unit');
    if (unit.parentId === null) throw refuse('The root unit cannot move');
    if (!parent) throw refuse('No such unit');
    if (!parent.active) throw refuse('The new parent is deactivated');
    if (this.contains(unitId, newParentId)) throw refuse('A unit cannot move under itself or its own subtree');
    if (parent.path.length + this.height(unitId) > MAX_UNIT_DEPTH) throw refuse(`The tree may be at most ${MAX_UNIT_DEPTH} levels deep`);
    const paths = new Map<string, string[]>();
    const walk = (id: string, path: string[]) => {
      paths.set(id, path);
      for (const child of this.childrenOf(id)) walk(child.id, [...path, child.id]);
    };
    walk(unitId, [...parent.path, unitId]);
    return paths;
  }
}
