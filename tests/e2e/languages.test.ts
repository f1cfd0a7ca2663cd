import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousViolations, signInWithKeyboard, useStackAndBrowser } from '../support/browser.ts';
import en from '../../web/src/i18n/locales/en.json' with { type: 'json' };
import vi from '../../web/src/i18n/locales/vi.json' with { type: 'json' };
import my from '../../web/src/i18n/locales/my.json' with { type: 'json' };
import ar from '../../web/src/i18n/locales/ar.json' with { type: 'json' };

const env = useStackAndBrowser();

/** Each language with a tenant whose staff speak it, and a child's name in its script. */
const RUNS = [
  { lang: 'en', strings: en, tenant: 'eg', name: 'Amal Hassan', dir: 'ltr', audit: true },
  { lang: 'vi', strings: vi, tenant: 'vn', name: 'Trần Văn Đức', dir: 'ltr', audit: false },
  { lang: 'my', strings: my, tenant: 'mm', name: 'မောင်အောင်ကျော်', dir: 'ltr', audit: false },
  { lang: 'ar', strings: ar, tenant: 'sy', name: 'أحمد محمود', dir: 'rtl', audit: true },
] as const;

const exact = { exact: true } as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(RUNS)('in $lang', ({ lang, strings, tenant, name, dir, audit }) => {
  it('signs in with the keyboard, shows the caseload and registers a case', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(env.stack.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto(`${env.stack.url}/login?lang=${lang}`);
    await page.getByRole('heading', { name: strings.login.title }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    if (audit) expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${lang}-login.png`), fullPage: true });

    await signInWithKeyboard(page, `caseworker.${tenant}`);
    await page.getByRole('heading', { name: strings.caseload.title, level: 1 }).waitFor();
    if (audit) expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${lang}-caseload.png`), fullPage: true });

    await page.getByRole('link', { name: strings.nav.register }).click();
    await page.getByRole('heading', { name: strings.register.title }).waitFor();
    await page.getByLabel(strings.register.fullName, exact).fill(name);
    await page.getByLabel(strings.register.sex, exact).selectOption('female');
    await page.getByLabel(strings.register.dateOfBirth, exact).fill('2015-03-02');
    await page.getByLabel(strings.category.neglect, exact).check();
    await page.getByLabel(strings.risk.high, exact).check();
    await page.screenshot({ path: join(SCREENSHOTS, `${lang}-register.png`), fullPage: true });
    await page.getByRole('button', { name: strings.register.submit, exact: true }).click();

    // A similar child already registered (demo data): the notice lists it, then the caseworker goes on.
    const duplicates = page.getByRole('link', { name: new RegExp(strings.duplicates.continue.split('{{caseNumber}}').map(escape).join('.+')) });
    await Promise.race([page.waitForURL(/\/cases\/[0-9a-f-]{36}$/), duplicates.waitFor()]);
    if (await duplicates.isVisible()) {
      await page.screenshot({ path: join(SCREENSHOTS, `${lang}-duplicates.png`), fullPage: true });
      await duplicates.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    }
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(strings.category.neglect, exact).isVisible()).toBe(true);
    if (audit) expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${lang}-case.png`), fullPage: true });

    // The language is remembered: back in the caseload, still the same language, and the case is found by search.
    await page.getByRole('link', { name: strings.nav.caseload, exact: true }).click();
    await page.getByLabel(strings.caseload.search).fill(name);
    await page.getByRole('button', { name: strings.caseload.searchSubmit, exact: true }).click();
    await page.getByRole('cell', { name }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // Fonts are bundled: nothing is fetched from another origin.
    expect(outside).toEqual([]);
    await context.close();
  });
});
