import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newCase } from '../support/api-client.ts';
import { SCREENSHOTS, seriousViolations, signInWithKeyboard, useStackAndBrowser } from '../support/browser.ts';
import en from '../../web/src/i18n/locales/en.json' with { type: 'json' };
import ar from '../../web/src/i18n/locales/ar.json' with { type: 'json' };

const env = useStackAndBrowser();

/**
 * Each run builds a region and a district under the tenant's root with the keyboard, places a new supervisor in
 * the district, and checks that they work only there. In English in Myanmar (names in English and Burmese), in
 * Arabic in Egypt (names in English and Arabic, the page right to left).
 */
const RUNS = [
  {
    lang: 'en', strings: en, dir: 'ltr', tenant: 'mm', second: 'my',
    region: { id: 'e2e-ayeyarwady', en: 'Ayeyarwady', other: 'ဧရာဝတီ' },
    district: { id: 'e2e-pathein', en: 'Pathein', other: 'ပုသိမ်' },
    rootCase: 'Khin Myat Noe', districtCase: 'Thiha Zaw Lin',
  },
  {
    lang: 'ar', strings: ar, dir: 'rtl', tenant: 'eg', second: 'ar',
    region: { id: 'e2e-giza', en: 'Giza', other: 'الجيزة' },
    district: { id: 'e2e-dokki', en: 'Dokki', other: 'الدقي' },
    rootCase: 'سلمى عبد الحميد', districtCase: 'يوسف كمال رضوان',
  },
] as const;

const exact = { exact: true } as const;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name of the unit whose tree item has the focus. */
const focusedUnit = (page: Page) => page.evaluate(() => {
  const label = document.activeElement?.getAttribute('aria-labelledby');
  return label ? document.getElementById(label)?.querySelector('bdi')?.textContent : undefined;
});

/** Arrow down the tree until `name` has the focus (the demo tree may hold other units before it). */
async function arrowTo(page: Page, name: string) {
  for (let presses = 0; (await focusedUnit(page)) !== name; presses++) {
    if (presses === 30) throw new Error(`the tree never reached ${name}`);
    await page.keyboard.press('ArrowDown');
  }
}

/** Types a new unit's names and id into the "add a unit" form (the focus on its first field), then Enter. */
async function typeUnit(page: Page, unit: { id: string; en: string; other: string }) {
  await page.keyboard.type(unit.en);
  await page.keyboard.press('Tab');
  await page.keyboard.type(unit.other);
  await page.keyboard.press('Tab');
  await page.keyboard.type(unit.id);
  await page.keyboard.press('Enter');
}

describe.each(RUNS)('units in $lang', ({ lang, strings, dir, tenant, second, region, district, rootCase, districtCase }) => {
  it('an admin builds a subtree with the keyboard, places a supervisor in it, who works only there', async () => {
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `units-${lang}-${name}.png`), fullPage: true });
    // A case at the root, by a caseworker there: not the district supervisor's.
    const caseworker = await ApiClient.signIn(env.stack.url, `caseworker.${tenant}`);
    expect((await caseworker.post('/api/v1/cases', newCase({ child: { fullName: rootCase, sex: 'female' } }))).status).toBe(201);

    const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const admin = await context.newPage();
    await admin.goto(`${env.stack.url}/login?lang=${lang}`);
    await signInWithKeyboard(admin, `admin.${tenant}`);
    await admin.getByRole('link', { name: strings.nav.units, exact: true }).click();
    await admin.getByRole('heading', { name: strings.units.title, level: 1 }).waitFor();
    expect(await admin.evaluate(() => document.documentElement.dir)).toBe(dir);

    // The heading has the focus; the tree is the next tab stop, on the root; Tab again reaches the form to add under it.
    await admin.getByRole('tree').locator('[role=treeitem]').first().waitFor();
    const rootName = await (async () => { await admin.keyboard.press('Tab'); return focusedUnit(admin); })();
    expect(rootName).toBeTruthy();
    await admin.keyboard.press('Enter');
    await admin.keyboard.press('Tab');
    const addUnderRoot = admin.getByRole('form', { name: fill(strings.units.addUnder, { parent: rootName! }) });
    expect(await addUnderRoot.getByLabel(fill(strings.units.nameIn, { language: 'English' })).evaluate((input) => input === document.activeElement)).toBe(true);
    // The tenant's languages: English and its own.
    expect(await addUnderRoot.locator(`input[lang=${second}]`).count()).toBe(1);
    await typeUnit(admin, region);
    await admin.getByText(fill(strings.units.added, { name: lang === 'ar' ? region.other : region.en })).waitFor();

    // Back to the tree (its one tab stop), down to the new region, choose it, and add a district under it.
    const regionName = lang === 'ar' ? region.other : region.en;
    const districtName = lang === 'ar' ? district.other : district.en;
    await admin.locator('[role=treeitem][tabindex="0"]').focus();
    await arrowTo(admin, regionName);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: regionName, level: 2 }).waitFor();
    await admin.keyboard.press('Tab');
    await typeUnit(admin, district);
    await admin.getByText(fill(strings.units.added, { name: districtName })).waitFor();
    // The region opened: its first child is one arrow key away, towards the end of the line (left in Arabic).
    await admin.locator('[role=treeitem][tabindex="0"]').focus();
    await arrowTo(admin, regionName);
    await admin.keyboard.press(dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight');
    expect(await focusedUnit(admin)).toBe(districtName);
    expect(await admin.getByRole('treeitem', { name: new RegExp(`^${escape(regionName)}`) }).getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(admin)).toEqual([]);
    await shot(admin, 'tree');

    // A supervisor placed in the district.
    await admin.getByRole('link', { name: strings.nav.users, exact: true }).click();
    const newUser = admin.locator('form').filter({ has: admin.getByRole('heading', { name: strings.users.add }) });
    const username = `supervisor.${district.id}`;
    await newUser.getByLabel(strings.login.username).fill(username);
    await newUser.getByLabel(strings.users.displayName).fill(lang === 'ar' ? 'منى الشريف' : 'Daw Hla Hla');
    await newUser.getByLabel(strings.roles.supervisor, exact).check();
    await newUser.getByLabel(strings.users.unit, exact).selectOption(district.id);
    await newUser.getByRole('button', { name: strings.users.create }).click();
    const password = await admin.getByTestId('temporary-password').textContent();
    await admin.getByText(new RegExp(`${escape(username)}.*${escape(districtName)}`)).waitFor();

    if (lang === 'en') {
      // A unit with an active user cannot be deactivated: the 409 in words.
      await admin.getByRole('link', { name: strings.nav.units, exact: true }).click();
      await admin.locator('[role=treeitem][tabindex="0"]').focus();
      await arrowTo(admin, districtName);
      await admin.keyboard.press('Enter');
      await admin.getByRole('button', { name: strings.units.deactivate }).click();
      await admin.getByRole('alert').filter({ hasText: strings.units.errors.occupied }).waitFor();
      await shot(admin, 'refused');
    }

    const supervisor = await context.browser()!.newContext({ viewport: { width: 1100, height: 800 } }).then((other) => other.newPage());
    await supervisor.goto(`${env.stack.url}/login?lang=${lang}`);
    await signInWithKeyboard(supervisor, username, password!);
    await supervisor.getByRole('heading', { name: strings.caseload.title, level: 1 }).waitFor();
    // The unit filter offers their own subtree only: the district, and "all my units".
    const filter = supervisor.getByLabel(strings.units.filter, exact);
    await filter.locator('option').nth(1).waitFor({ state: 'attached' });
    expect((await filter.locator('option').allTextContents()).map((text) => text.trim())).toEqual([strings.units.allUnits, districtName]);

    await supervisor.getByRole('link', { name: strings.nav.register, exact: true }).click();
    await supervisor.getByLabel(strings.register.fullName, exact).fill(districtCase);
    await supervisor.getByLabel(strings.category.neglect, exact).check();
    // Registered in their own unit by default.
    expect(await supervisor.getByLabel(strings.register.unit, exact).inputValue()).toBe(district.id);
    await shot(supervisor, 'register');
    await supervisor.getByRole('button', { name: strings.register.submit, exact: true }).click();
    const duplicates = supervisor.getByRole('link', { name: new RegExp(strings.duplicates.continue.split('{{caseNumber}}').map(escape).join('.+')) });
    await Promise.race([supervisor.waitForURL(/\/cases\/[0-9a-f-]{36}$/), duplicates.waitFor()]);
    if (await duplicates.isVisible()) await duplicates.click();
    await supervisor.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const casePath = new URL(supervisor.url()).pathname;
    // The case page names its unit.
    const unitOfCase = supervisor.locator('dl.details dt', { hasText: strings.units.unit }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => unitOfCase.textContent()).toBe(districtName);
    expect(await seriousViolations(supervisor)).toEqual([]);
    await shot(supervisor, 'case');

    // Their caseload: the district's case, not the root's; searching for the root's finds nothing.
    await supervisor.getByRole('link', { name: strings.nav.caseload, exact: true }).click();
    await supervisor.getByRole('cell', { name: districtCase }).waitFor();
    expect(await supervisor.getByRole('cell', { name: rootCase }).count()).toBe(0);
    expect(await seriousViolations(supervisor)).toEqual([]);
    await shot(supervisor, 'caseload');
    await supervisor.getByLabel(strings.caseload.search).fill(rootCase);
    await supervisor.getByRole('button', { name: strings.caseload.searchSubmit, exact: true }).click();
    await supervisor.getByText(strings.caseload.empty).waitFor();
    // The root is outside their scope: asking for it in the URL says so.
    await supervisor.goto(`${env.stack.url}/cases?unit=${tenant}`);
    await supervisor.getByRole('alert').filter({ hasText: strings.units.outsideScope }).waitFor();
    await supervisor.context().close();

    if (lang === 'en') {
      // The root's supervisor reads the region by unit, then moves the district's case up to the region.
      const national = await context.newPage();
      await national.goto(`${env.stack.url}/login?lang=${lang}`);
      await signInWithKeyboard(national, `supervisor.${tenant}`);
      await national.getByRole('link', { name: strings.nav.dashboard, exact: true }).waitFor();
      await national.goto(`${env.stack.url}/dashboard?unit=${region.id}`);
      const byUnit = national.getByRole('region', { name: strings.dashboard.byUnit });
      await byUnit.getByRole('rowheader', { name: districtName }).waitFor();
      expect(await byUnit.getByRole('row', { name: new RegExp(`^${escape(districtName)} 1 `) }).count()).toBe(1);
      await national.getByRole('list', { name: strings.dashboard.openByUnit }).getByText(districtName).waitFor();
      expect(await seriousViolations(national)).toEqual([]);
      await shot(national, 'dashboard');

      await national.goto(`${env.stack.url}${casePath}`);
      await national.getByRole('button', { name: strings.units.moveCase }).click();
      const dialog = national.getByRole('dialog', { name: new RegExp(escape(strings.units.moveCaseTitle.split('{{')[0]!)) });
      await dialog.getByLabel(strings.units.moveCaseTarget).selectOption(region.id);
      await dialog.getByLabel(strings.fields.reason).fill('The family moved to the regional capital');
      expect(await seriousViolations(national)).toEqual([]);
      await shot(national, 'move');
      await dialog.getByRole('button', { name: strings.units.moveCaseSubmit }).click();
      await expect.poll(() => national.locator('dl.details dt', { hasText: strings.units.unit }).locator('xpath=following-sibling::dd[1]').textContent()).toBe(regionName);
    }
    await context.close();
  });
});
