import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { listSubtree, unitName } from './unit-api.ts';
import { nextFocus, type TreeKey } from './tree-keys.ts';

/**
 * The unit tree as a WAI-ARIA tree view (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): one tab stop
 * (roving tabindex); Up and Down move through the visible units, Home and End to the first and last; the key
 * towards the reading direction's end (Right, or Left in Arabic) opens a unit or goes to its first child, the
 * other closes it or goes to its parent; Enter or Space selects the unit for the editor beside the tree.
 * A tree rather than nested buttons because screen readers then announce level, position and open/closed.
 */
export function UnitTreeView({ units, selectedId, onSelect, label, expanded, onExpandedChange }: {
  units: readonly Unit[];
  selectedId: string | undefined;
  onSelect: (unitId: string) => void;
  label: string;
  expanded: ReadonlySet<string>;
  onExpandedChange: (next: Set<string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const listed = listSubtree(units, undefined, i18n.language);
  const childrenOf = new Map<string, Unit[]>();
  for (const { unit } of listed) if (unit.parentId !== null) childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit]);
  const root = listed[0]?.unit;
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const items = useRef(new Map<string, HTMLLIElement>());
  // The tree's one tab stop: the focused unit, else the selected one, else the root.
  const tabStop = [focusedId, selectedId].find((id) => id !== undefined && listed.some((entry) => entry.unit.id === id)) ?? root?.id;

  /** The units a keyboard user can reach now: the subtrees of closed units are skipped. */
  const visible: Unit[] = [];
  const walk = (unit: Unit) => {
    visible.push(unit);
    if (expanded.has(unit.id)) for (const child of childrenOf.get(unit.id) ?? []) walk(child);
  };
  if (root) walk(root);

  const focus = (unitId: string) => {
    setFocusedId(unitId);
    items.current.get(unitId)?.focus();
  };
  const toggle = (unitId: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(unitId);
    else next.delete(unitId);
    onExpandedChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, unit: Unit) => {
    // Only the item that has the focus answers, not its ancestors (the event bubbles through the nested items).
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(unit.id);
      return;
    }
    const rtl = document.documentElement.dir === 'rtl';
    const key = ({ ArrowDown: 'down', ArrowUp: 'up', Home: 'first', End: 'last', ArrowRight: rtl ? 'close' : 'open', ArrowLeft: rtl ? 'open' : 'close' } as Record<string, TreeKey>)[event.key];
    if (!key) return;
    event.preventDefault();
    const move = nextFocus(key, unit, { visible, hasChildren: (id) => (childrenOf.get(id)?.length ?? 0) > 0, isOpen: (id) => expanded.has(id) });
    if (move.toggle) toggle(unit.id, move.toggle === 'open');
    if (move.focus) focus(move.focus);
  };

  const renderItem = (unit: Unit, level: number, position: number, setSize: number) => {
    const children = childrenOf.get(unit.id) ?? [];
    const open = expanded.has(unit.id);
    const labelId = `unit-label-${unit.id}`;
    return (
      <li
        key={unit.id}
        ref={(element) => { if (element) items.current.set(unit.id, element); else items.current.delete(unit.id); }}
        role="treeitem"
        aria-labelledby={labelId}
        aria-level={level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-selected={unit.id === selectedId}
        aria-expanded={children.length > 0 ? open : undefined}
        tabIndex={unit.id === tabStop ? 0 : -1}
        className={`tree-item${unit.active ? '' : ' tree-item-inactive'}`}
        onKeyDown={(event) => onKeyDown(event, unit)}
        onFocus={(event) => { if (event.target === event.currentTarget) setFocusedId(unit.id); }}
      >
        <div
          className="tree-row"
          onClick={() => { focus(unit.id); onSelect(unit.id); }}
        >
          {children.length > 0 ? (
            <span
              className={`tree-toggle${open ? ' tree-toggle-open' : ''}`}
              aria-hidden="true"
              onClick={(event) => { event.stopPropagation(); toggle(unit.id, !open); focus(unit.id); }}
            >▸</span>
          ) : <span className="tree-toggle" aria-hidden="true" />}
          <span id={labelId} className="tree-label">
            <bdi>{unitName(unit, i18n.language)}</bdi>
            <span className="tree-kind"> · {t(`unitKind.${unit.kind}`)}</span>
            {!unit.active && <span className="tree-kind"> · {t('units.inactive')}</span>}
          </span>
        </div>
        {children.length > 0 && open && (
          <ul role="group">
            {children.map((child, index) => renderItem(child, level + 1, index + 1, children.length))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={label} className="unit-tree">
      {root && renderItem(root, 1, 1, 1)}
    </ul>
  );
}
