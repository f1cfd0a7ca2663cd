import { afterEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { applyLanguage, chooseLanguage, directionOf, initI18n } from './i18n.ts';

afterEach(() => localStorage.clear());

describe('chooseLanguage', () => {
  it('prefers ?lang=, then the remembered choice, then the browser, then English', () => {
    expect(chooseLanguage('?lang=vi', 'en', ['en-GB'])).toBe('vi');
    expect(chooseLanguage('?lang=ar', 'vi', ['en-GB'])).toBe('ar');
    expect(chooseLanguage('?lang=xx', 'vi', ['en-GB'])).toBe('vi');
    expect(chooseLanguage('', null, ['fr-FR', 'vi-VN'])).toBe('vi');
    expect(chooseLanguage('', null, ['ar-EG'])).toBe('ar');
    expect(chooseLanguage('?lang=my', 'vi', ['en-GB'])).toBe('my');
    expect(chooseLanguage('', null, ['my-MM'])).toBe('my');
    expect(chooseLanguage('', null, ['fr-FR'])).toBe('en');
  });
});

describe('applyLanguage', () => {
  it('sets <html lang dir>, remembers the choice and translates', async () => {
    initI18n();
    applyLanguage('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem('sanad.lang')).toBe('ar');
    await i18next.changeLanguage('ar');
    expect(i18next.t('login.title')).toBe('تسجيل الدخول');

    applyLanguage('vi');
    expect(document.documentElement.dir).toBe('ltr');
    await i18next.changeLanguage('vi');
    expect(i18next.t('login.title')).toBe('Đăng nhập');
    expect(chooseLanguage('', localStorage.getItem('sanad.lang'), ['en-GB'])).toBe('vi');
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['en', 'vi', 'my'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr']);
  });

  it('uses the plural forms of each language', async () => {
    initI18n();
    await i18next.changeLanguage('ar');
    expect(i18next.t('caseload.count', { count: 2 })).toBe('حالتان معروضتان');
    expect(i18next.t('caseload.count', { count: 5 })).toBe('5 حالات معروضة');
    await i18next.changeLanguage('my');
    expect(i18next.t('caseload.count', { count: 3 })).toBe('အမှုတွဲ 3 ခု ပြထားသည်');
    expect(i18next.t('login.title')).toBe('ဝင်ရောက်ရန်');
    await i18next.changeLanguage('en');
    expect(i18next.t('caseload.count', { count: 1 })).toBe('1 case shown');
  });
});
