import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';
import ar from './locales/ar.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'vi', name: 'Tiếng Việt' },
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

export function initI18n(): typeof i18next {
  const language = chooseLanguage(window.location.search, localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, vi: { translation: vi }, ar: { translation: ar } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyLanguage(language);
  return i18next;
}
