import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestStack } from '../support/local-stack.ts';
import { launchBrowser, SCREENSHOTS, seriousViolations, signInWithKeyboard } from '../support/browser.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let browser: Browser;
let caseUrl = '';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a caseworker registers a case and finds it', () => {
  it('signs in with the keyboard, registers "Nguyễn Thị Hồng", lands on the case page and sees it in the caseload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await signInWithKeyboard(page, 'caseworker.vn-na');
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Register case' }).click();
    await page.getByRole('heading', { name: 'Register a case' }).waitFor();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.getByText("Enter the child's name.").isVisible()).toBe(true);
    // The error is tied to its field, so a screen reader reads it with the field.
    const fullName = page.getByLabel('Full name', { exact: true });
    expect(await fullName.getAttribute('aria-invalid')).toBe('true');
    expect(await fullName.evaluate((field) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent)).toBe("Enter the child's name.");

    await page.getByLabel('Full name', { exact: true }).fill('Nguyễn Thị Hồng');
    await page.getByLabel('Sex', { exact: true }).selectOption('female');
    await page.getByLabel('Date of birth').fill('2014-05-01');
    await page.getByLabel('Location', { exact: true }).fill('Vinh, Nghệ An');
    await page.getByLabel('Neglect', { exact: true }).check();
    await page.getByLabel('High', { exact: true }).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'register.png'), fullPage: true });
    await page.getByRole('button', { name: 'Register' }).click();

    await page.getByRole('heading', { name: /^NA-\d{4}-\d{6}$/ }).waitFor();
    caseUrl = page.url();
    expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Nguyễn Thị Hồng').isVisible()).toBe(true);
    // The case page loads its data before its heading exists: the focus must still land on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByText('Female', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Neglect', { exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'case.png'), fullPage: true });

    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await page.getByRole('cell', { name: 'Nguyễn Thị Hồng' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload.png'), fullPage: true });
    await context.close();
  });

  it('opens the deep link cold: sign-in first, then straight to the case', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(caseUrl);
    await page.waitForURL(/\/login\?next=/);
    await signInWithKeyboard(page, 'caseworker.vn-na');
    await page.waitForURL(caseUrl);
    await page.getByRole('heading', { name: /^NA-/ }).waitFor();
    await context.close();
  });

  it('shows "not found" to a caseworker of another tenant', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(caseUrl);
    await signInWithKeyboard(page, 'caseworker.mm');
    await page.getByRole('heading', { name: 'This case does not exist or you may not see it.' }).waitFor();
    expect(await page.getByText('Nguyễn Thị Hồng').count()).toBe(0);
    await context.close();
  });

  it('fits a 360 px wide phone without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}/login`);
    await signInWithKeyboard(page, 'supervisor.vn-na');
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    await page.getByRole('cell').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload-360.png'), fullPage: true });
    await context.close();
  });

  it('speaks Vietnamese with ?lang=vi and remembers it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/login?lang=vi`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await signInWithKeyboard(page, 'caseworker.vn-na');
    await page.getByRole('heading', { name: 'Danh sách hồ sơ' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload-vi.png'), fullPage: true });
    await context.close();
  });

  it('writes Arabic right to left, still without horizontal scrolling on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}/login?lang=ar`);
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await seriousViolations(page)).toEqual([]);
    await signInWithKeyboard(page, 'supervisor.vn-na');
    await page.getByRole('heading', { name: 'قائمة الحالات' }).waitFor();
    await page.getByRole('cell').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload-ar-360.png'), fullPage: true });
    await context.close();
  });
});
