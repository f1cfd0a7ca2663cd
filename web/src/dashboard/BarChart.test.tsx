import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en.json';
import ar from '../i18n/locales/ar.json';
import { BarChart } from './BarChart.tsx';
import { barsOf } from './dashboard-bars.ts';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en }, ar: { translation: ar } }, lng: 'en', interpolation: { escapeValue: false } });
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('BarChart', () => {
  it('is a list named by its title whose items read "label: number"; the bars are hidden from screen readers', () => {
    render(<BarChart title="Cases by stage" bars={[{ key: 'intake', label: 'Intake', value: 12 }, { key: 'closed', label: 'Closed', value: 3 }]} />);
    const list = screen.getByRole('list', { name: 'Cases by stage' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Intake: 12', 'Closed: 3']);
    expect(screen.getByRole('figure', { name: 'Cases by stage' })).toBeTruthy();
    const bars = list.querySelectorAll<HTMLElement>('.chart-bar');
    expect([...bars].map((bar) => bar.style.inlineSize)).toEqual(['100%', '25%']);
    expect([...list.querySelectorAll('.chart-track')].every((track) => track.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('writes the numbers in the active language, and keeps a masked "<5"', async () => {
    await i18next.changeLanguage('vi');
    render(<BarChart title="t" bars={[{ key: 'vn-na', label: 'Nghe An', value: 1234 }, { key: 'vn-hg', label: 'Ha Giang', value: '<5' }]} />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Nghe An: 1.234', 'Ha Giang: <5']);
    cleanup();
    // Arabic digits follow the locale's data (Latin digits for plain "ar" in recent CLDR, Arabic-Indic for ar-EG).
    await i18next.changeLanguage('ar-EG');
    render(<BarChart title="t" bars={[{ key: 'eg', label: 'Egypt', value: 1234 }, { key: 'x', label: 'X', value: '<5' }]} />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Egypt: ١٬٢٣٤', 'X: <٥']);
  });

  it('says so when there is nothing to draw', () => {
    render(<BarChart title="Open cases by category" bars={[]} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('No cases yet.')).toBeTruthy();
  });
});

describe('barsOf', () => {
  it('keeps a given order, with 0 for what is missing, or puts the largest first', () => {
    expect(barsOf({ high: 2 }, (k) => k.toUpperCase(), ['high', 'medium'])).toEqual([{ key: 'high', label: 'HIGH', value: 2 }, { key: 'medium', label: 'MEDIUM', value: 0 }]);
    expect(barsOf({ a: 1, b: 5, c: '<5' }, (k) => k).map((bar) => bar.key)).toEqual(['b', 'a', 'c']);
  });
});
