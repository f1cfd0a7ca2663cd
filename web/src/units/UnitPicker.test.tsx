import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en.json';
import type { Me } from '../../../shared/schemas/user.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { UnitPicker } from './UnitPicker.tsx';

const unit = (id: string, path: string[], extra: Partial<Unit> = {}): Unit => ({
  id, parentId: path.at(-2) ?? null, path, name: { en: id, my: `${id}-my` }, kind: 'region', active: true, version: 1, ...extra,
});
const UNITS = [
  unit('mm', ['mm'], { kind: 'national' }),
  unit('yangon', ['mm', 'yangon']),
  unit('hlaing', ['mm', 'yangon', 'hlaing'], { kind: 'district' }),
  unit('thingangyun', ['mm', 'yangon', 'thingangyun'], { kind: 'district', active: false }),
  unit('mandalay', ['mm', 'mandalay']),
];
const me = (unitId?: string): Me => ({
  userId: 'u1', username: 'supervisor.yangon', displayName: 'S', roles: ['supervisor'], permissions: ['unit.list', 'case.create'],
  tenant: { id: 'mm', name: 'Myanmar', kind: 'country', locales: ['my', 'en'] }, ...(unitId ? { unitId } : {}),
});

/** The picker with the cache holding what `/me` and `/units` would answer (no request is made). */
function renderPicker(home: string | undefined, props: Partial<Parameters<typeof UnitPicker>[0]> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(['me'], me(home));
  client.setQueryData(['units'], UNITS);
  render(<QueryClientProvider client={client}><UnitPicker id="unit" label="Unit" {...props} /></QueryClientProvider>);
  return within(screen.getByLabelText('Unit')).getAllByRole('option').map((option) => [option.getAttribute('value'), option.textContent?.trim()]);
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});
afterEach(cleanup);

describe('UnitPicker', () => {
  it("offers the home unit's subtree only, in tree order, without deactivated units", () => {
    expect(renderPicker('yangon')).toEqual([['yangon', 'yangon'], ['hlaing', 'hlaing']]);
  });

  it('offers the whole tree to a user of the root (or one with no home unit), and "all" first in a filter', () => {
    expect(renderPicker(undefined, { anyLabel: 'All my units', includeInactive: true }).map(([value]) => value)).toEqual(['', 'mm', 'mandalay', 'yangon', 'hlaing', 'thingangyun']);
  });

  it('leaves out what the caller excludes', () => {
    expect(renderPicker('mm', { exclude: (id) => id === 'mm' }).map(([value]) => value)).toEqual(['mandalay', 'yangon', 'hlaing']);
  });
});
