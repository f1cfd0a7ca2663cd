import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en.json';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { UnitTreeView } from './UnitTreeView.tsx';
import { listSubtree, moveRefusal } from './unit-api.ts';
import { toUnitPatch, valuesOf } from './unit-form.ts';

const unit = (id: string, path: string[], extra: Partial<Unit> = {}): Unit => ({
  id, parentId: path.at(-2) ?? null, path, name: { en: id[0]!.toUpperCase() + id.slice(1) }, kind: 'region', active: true, version: 1, ...extra,
});
const UNITS = [
  unit('mm', ['mm'], { name: { en: 'Myanmar', my: 'မြန်မာ' }, kind: 'national' }),
  unit('yangon', ['mm', 'yangon']),
  unit('mandalay', ['mm', 'mandalay']),
  unit('thingangyun', ['mm', 'yangon', 'thingangyun'], { kind: 'district' }),
];

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});
afterEach(() => {
  cleanup();
  document.documentElement.dir = 'ltr';
});

function Harness({ onSelect }: { onSelect?: (id: string) => void }) {
  const [selected, setSelected] = useState<string>();
  const [expanded, setExpanded] = useState<Set<string>>(new Set(['mm']));
  return (
    <UnitTreeView units={UNITS} label="Unit tree" selectedId={selected} expanded={expanded} onExpandedChange={setExpanded}
      onSelect={(id) => { setSelected(id); onSelect?.(id); }} />
  );
}

const focused = () => document.activeElement?.getAttribute('aria-labelledby')?.replace('unit-label-', '');
const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });

describe('UnitTreeView', () => {
  it('is a named tree with one tab stop; items carry level, position and open state', () => {
    render(<Harness />);
    const tree = screen.getByRole('tree', { name: 'Unit tree' });
    const items = within(tree).getAllByRole('treeitem');
    // Thingangyun is inside closed Yangon: not rendered.
    expect(items.map((item) => item.getAttribute('aria-labelledby'))).toEqual(['unit-label-mm', 'unit-label-mandalay', 'unit-label-yangon']);
    expect(items.map((item) => item.tabIndex)).toEqual([0, -1, -1]);
    expect(items[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(items[2]!.getAttribute('aria-expanded')).toBe('false');
    expect(items[1]!.getAttribute('aria-expanded')).toBeNull();
    expect([items[1]!.getAttribute('aria-level'), items[1]!.getAttribute('aria-posinset'), items[1]!.getAttribute('aria-setsize')]).toEqual(['2', '1', '2']);
  });

  it('moves with the arrow keys, opens and closes, goes to the parent, and selects with Enter', () => {
    const chosen: string[] = [];
    render(<Harness onSelect={(id) => chosen.push(id)} />);
    screen.getAllByRole('treeitem')[0]!.focus();
    press('ArrowDown');
    expect(focused()).toBe('mandalay');
    press('ArrowDown');
    expect(focused()).toBe('yangon');
    press('ArrowRight'); // opens Yangon
    expect(screen.getByRole('treeitem', { name: /Thingangyun/ })).toBeTruthy();
    press('ArrowRight'); // on to its first child
    expect(focused()).toBe('thingangyun');
    press('Enter');
    expect(chosen).toEqual(['thingangyun']);
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
    press('ArrowLeft'); // a leaf: to its parent
    expect(focused()).toBe('yangon');
    press('ArrowLeft'); // open: closes
    expect(screen.queryByRole('treeitem', { name: /Thingangyun/ })).toBeNull();
    press('Home');
    expect(focused()).toBe('mm');
    press('End');
    expect(focused()).toBe('yangon');
  });

  it('mirrors Left and Right in a right-to-left page', () => {
    document.documentElement.dir = 'rtl';
    render(<Harness />);
    screen.getAllByRole('treeitem')[2]!.focus();
    press('ArrowLeft'); // towards the end of the line in Arabic: opens
    expect(screen.getByRole('treeitem', { name: /Thingangyun/ })).toBeTruthy();
    press('ArrowRight'); // closes
    expect(screen.queryByRole('treeitem', { name: /Thingangyun/ })).toBeNull();
  });
});

describe('the unit helpers', () => {
  it('lists a subtree in tree order, children by name, with depths', () => {
    expect(listSubtree(UNITS, undefined, 'en').map(({ unit: { id }, depth }) => `${depth}:${id}`)).toEqual(['0:mm', '1:mandalay', '1:yangon', '2:thingangyun']);
    expect(listSubtree(UNITS, 'yangon', 'en').map(({ unit: { id } }) => id)).toEqual(['yangon', 'thingangyun']);
  });

  it('says why the API refused a move: under its own subtree, too deep, a deactivated parent', () => {
    expect(moveRefusal(UNITS, 'yangon', 'thingangyun', 6)).toBe('cycle');
    expect(moveRefusal(UNITS, 'yangon', 'mandalay', 2)).toBe('tooDeep');
    expect(moveRefusal([...UNITS.slice(0, 2), { ...UNITS[2]!, active: false }, UNITS[3]!], 'thingangyun', 'mandalay', 6)).toBe('parentInactive');
    expect(moveRefusal(UNITS, 'mm', 'yangon', 6)).toBe('root');
  });

  it('patches only what changed, and clears a capacity when a facility becomes an office', () => {
    const home = unit('home', ['mm', 'home'], { kind: 'facility', capacity: 40 });
    expect(toUnitPatch(valuesOf(home), home).success).toBe(false);
    expect(toUnitPatch({ ...valuesOf(home), name: { en: 'Home', vi: '', my: 'အိမ်', ar: '' } }, home).data).toEqual({ name: { en: 'Home', my: 'အိမ်' } });
    expect(toUnitPatch({ ...valuesOf(home), kind: 'office' }, home).data).toEqual({ kind: 'office', capacity: null });
    expect(toUnitPatch({ ...valuesOf(home), capacity: 'x' }, home).error?.issues[0]?.path).toEqual(['capacity']);
  });
});
