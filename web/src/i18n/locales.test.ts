import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './i18n.ts';

type Strings = { [key: string]: string | Strings };

// Every file in locales/, so a language added later is checked without touching this test.
const directory = join(import.meta.dirname, 'locales');
const locales = Object.fromEntries(
  readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(directory, file), 'utf8')) as Strings]),
);
const { en, ...translations } = locales;

/** Dotted paths to every string: `{"a": {"b": "x"}}` → `{"a.b": "x"}`. */
const flatten = (strings: Strings, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(strings).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return typeof value === 'string' ? [[path, value]] : Object.entries(flatten(value, path));
    }),
  );

// i18next plural keys: `count_one`, `count_other`… Languages differ in which forms they need (Arabic has six).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const baseKeys = (strings: Record<string, string>) => [...new Set(Object.keys(strings).map(baseKey))].sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const english = flatten(en!);

describe('translations', () => {
  it('has a file for every language the picker offers, and offers every file', () => {
    expect(Object.keys(locales).sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  describe.each(Object.entries(translations))('%s', (language, strings) => {
    const translated = flatten(strings);

    it('has every key of English, and no key English lacks', () => {
      expect(baseKeys(translated)).toEqual(baseKeys(english));
    });

    it('has every plural form the language needs', () => {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const pluralKeys = baseKeys(english).filter((key) => `${key}_other` in english);
      const missing = pluralKeys.flatMap((key) => forms.filter((form) => !(`${key}_${form}` in translated)).map((form) => `${key}_${form}`));
      expect(missing).toEqual([]);
    });

    it('keeps the placeholders of English, and leaves nothing empty', () => {
      const wrong = Object.entries(translated).filter(([key, text]) => {
        const source = english[key] ?? english[`${baseKey(key)}_other`] ?? '';
        // A plural form may spell the number out ("one change"), so it may drop {{count}}.
        const expected = placeholders(source).filter((name) => !(PLURAL_SUFFIX.test(key) && name === 'count'));
        const actual = placeholders(text).filter((name) => !(PLURAL_SUFFIX.test(key) && name === 'count'));
        return text.trim() === '' || JSON.stringify(actual) !== JSON.stringify(expected);
      });
      expect(wrong.map(([key]) => key)).toEqual([]);
    });
  });

  it('leaves no English string empty', () => {
    expect(Object.entries(english).filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
