import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, seriousViolations, signInWithKeyboard, useStackAndBrowser } from '../support/browser.ts';

const env = useStackAndBrowser();

describe('the tenant admin builds the case form, a caseworker fills it', () => {
  it('adds a required select and a text field shown for one answer; registration asks for both', async () => {
    const admin = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    let page = await admin.newPage();
    await page.goto(`${env.stack.url}/login?lang=en`);
    await signInWithKeyboard(page, 'admin.eg');
    await page.getByRole('link', { name: 'Case form' }).click();
    await page.getByRole('heading', { name: 'Case form', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a section' }).click();
    await page.getByLabel('Section title (English)').fill('Schooling');
    await page.getByLabel('Section title (Tiếng Việt)').fill('Học tập');
    await page.getByRole('button', { name: 'Add a field' }).click();
    await page.getByLabel('Field id').nth(0).fill('activity');
    await page.getByLabel('Field type').nth(0).selectOption('select');
    await page.getByLabel('Required').nth(0).check();
    await page.getByLabel('Label (English)').nth(0).fill('Main activity');
    await page.getByLabel('Label (العربية)').nth(0).fill('النشاط الرئيسي');
    await page.getByLabel(/^Options/).fill('school=In school\nwork=Working');
    await page.getByLabel(/^Options/).blur();
    await page.getByRole('button', { name: 'Add a field' }).click();
    await page.getByLabel('Field id').nth(1).fill('employer');
    await page.getByLabel('Label (English)').nth(1).fill('Employer');
    await page.getByLabel('Show only when field').selectOption('activity');
    await page.getByLabel('equals', { exact: true }).fill('work');
    // Reordering is keyboard-operable: move the text field up and back down again.
    await page.getByRole('button', { name: 'Move Employer up' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Field id').nth(0).inputValue()).toBe('employer');
    await page.getByRole('button', { name: 'Move Employer down' }).click();
    expect(await page.getByLabel('Field id').nth(0).inputValue()).toBe('activity');

    // The preview is the register page's renderer: the dependent field appears only for "Working".
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByLabel('Main activity').selectOption('school');
    expect(await preview.getByLabel('Employer').count()).toBe(0);
    await preview.getByLabel('Main activity').selectOption('work');
    await preview.getByLabel('Employer').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'form-builder.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.getByText(/^Saved: version \d+\.$/).waitFor();
    await admin.close();

    const caseworker = await env.browser.newContext();
    page = await caseworker.newPage();
    await page.goto(`${env.stack.url}/login?lang=en`);
    await signInWithKeyboard(page, 'caseworker.eg');
    await page.getByRole('link', { name: 'Register case' }).click();
    await page.getByRole('heading', { name: 'Register a case' }).waitFor();
    await page.getByLabel('Full name', { exact: true }).fill('Youssef Ibrahim');
    await page.getByLabel('Child labour', { exact: true }).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const activity = page.getByLabel('Main activity');
    await expect.poll(() => activity.getAttribute('aria-invalid')).toBe('true');
    expect(await activity.evaluate((field) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('This field is required.');
    expect(await page.getByLabel('Employer').count()).toBe(0);
    await activity.selectOption('work');
    await page.getByLabel('Employer').fill('Brick kiln');
    await page.screenshot({ path: join(SCREENSHOTS, 'register-tenant-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^EG-/ }).waitFor();
    // The answers show on the case page, labelled by the tenant's form.
    await expect.poll(() => page.getByRole('definition').filter({ hasText: 'Brick kiln' }).count()).toBe(1);
    expect(await page.getByRole('definition').filter({ hasText: 'Working' }).count()).toBe(1);
    // ...and can be changed later with the same rules: back in school, the employer question disappears.
    await page.getByText('Edit the answers to the form').click();
    const editActivity = page.locator('#edit-field-activity');
    await expect.poll(() => editActivity.inputValue()).toBe('work');
    await editActivity.selectOption('school');
    expect(await page.locator('#edit-field-employer').count()).toBe(0);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('definition').filter({ hasText: 'In school' }).count()).toBe(1);
    expect(await page.getByRole('definition').filter({ hasText: 'Brick kiln' }).count()).toBe(0);
    await caseworker.close();
  });
});
