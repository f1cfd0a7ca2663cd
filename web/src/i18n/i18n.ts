import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'my', name: 'မြန်မာ' },
  { code: 'ar', name: 'العربية' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'sanad.lang';
const RIGHT_TO_LEFT = new Set<string>(['ar']);
const isSupported = (code: string | null | undefined): code is LanguageCode => LANGUAGES.some((l) => l.code === code);

/** `?lang=` wins and is remembered; then the remembered choice; then the browser's; then English. */
export function chooseLanguage(search: string, stored: string | null, browser: readonly string[]): LanguageCode {
  const requested = new URLSearchParams(search).get('lang');
  if (isSupported(requested)) return requested;
  if (isSupported(stored)) return stored;
  return browser.map((tag) => tag.slice(0, 2)).find(isSupported) ?? 'en';
}

/** The writing direction of a language: the stylesheet uses logical properties, so `dir` alone flips the page. */
export const directionOf = (code: string): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr');

/** Switches the interface language, remembers it for the next visit, and sets `<html lang dir>` to match. */
export function applyLanguage(code: LanguageCode): void {
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
  void i18next.changeLanguage(code);
}

/**
 * English (the fallback) is in the main bundle; the other languages are separate chunks loaded when chosen,
 * so the login page's JavaScript does not grow with every language added.
 */
const LAZY_LOCALES: Record<string, () => Promise<{ default: ResourceKey }>> = {
  vi: () => import('./locales/vi.json'),
  my: () => import('./locales/my.json'),
  ar: () => import('./locales/ar.json'),
};

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load = LAZY_LOCALES[language];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Starts i18next in the chosen language; the promise settles once that language's strings are loaded. */
export function initI18n(): Promise<unknown> {
  const language = chooseLanguage(window.location.search, localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  const ready = i18next.use(lazyLocales).use(initReactI18next).init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyLanguage(language);
  return ready;
}
