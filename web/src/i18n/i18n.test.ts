import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './i18n.ts';
import en from './locales/en.json';
import vi from './locales/vi.json';

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('translations', () => {
  it('every key exists in every language', () => {
    expect(keysOf(vi).sort()).toEqual(keysOf(en).sort());
  });
  it('no translation is empty', () => {
    for (const [lang, strings] of Object.entries({ en, vi })) {
      const empty = keysOf(strings).filter((key) => key.split('.').reduce<any>((o, k) => o[k], strings).trim() === '');
      expect(empty, lang).toEqual([]);
    }
  });
});

describe('chooseLanguage', () => {
  it('prefers ?lang=, then the remembered choice, then the browser, then English', () => {
    expect(chooseLanguage('?lang=vi', 'en', ['en-GB'])).toBe('vi');
    expect(chooseLanguage('?lang=xx', 'vi', ['en-GB'])).toBe('vi');
    expect(chooseLanguage('', null, ['fr-FR', 'vi-VN'])).toBe('vi');
    expect(chooseLanguage('', null, ['fr-FR'])).toBe('en');
  });
});
