import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { launchBrowser, SCREENSHOTS, seriousViolations, signInWithKeyboard } from '../support/browser.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.url}/login`);
  return page;
}

describe('onboarding a province through the consoles', () => {
  it('operator onboards → admin creates a caseworker → caseworker registers a case', async () => {
    const operator = await freshPage();
    await signInWithKeyboard(operator, 'platform');
    await operator.getByRole('heading', { name: 'Tenants' }).waitFor();
    expect(await operator.getByRole('link', { name: 'Caseload' }).count()).toBe(0);
    await operator.getByLabel('Tenant id').fill('vn-hg');
    await operator.getByLabel('Name', { exact: true }).fill('Hà Giang');
    await operator.getByLabel('Kind').selectOption('province');
    await operator.getByLabel('Parent tenant').selectOption('vn');
    await operator.getByLabel('vi', { exact: true }).check();
    await operator.getByLabel('Username').fill('admin.hg');
    await operator.getByLabel('Full name').fill('Admin Hà Giang');
    await operator.getByRole('button', { name: 'Onboard' }).click();
    const adminPassword = await operator.getByTestId('temporary-password').textContent();
    await operator.getByRole('cell', { name: 'Hà Giang' }).waitFor();
    expect(await seriousViolations(operator)).toEqual([]);
    await operator.screenshot({ path: join(SCREENSHOTS, 'platform.png'), fullPage: true });

    const admin = await freshPage();
    await signInWithKeyboard(admin, 'admin.hg', adminPassword!);
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    await admin.getByLabel('Username').fill('worker.hg');
    await admin.getByLabel('Full name').fill('Lò Thị Mỷ');
    await admin.locator('fieldset').filter({ hasText: 'Roles' }).getByLabel('Caseworker').check();
    await admin.getByRole('button', { name: 'Create user' }).click();
    const workerPassword = await admin.getByTestId('temporary-password').textContent();
    await admin.getByRole('strong').filter({ hasText: 'Lò Thị Mỷ' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.getByText('admin.hg created worker.hg').waitFor();

    // A username taken in another tenant is refused without saying where; only the platform operator can give
    // someone already working in Nghe An a membership in Hà Giang too.
    await admin.getByLabel('Username').fill('caseworker.vn-na');
    await admin.getByLabel('Full name').fill('Shared caseworker');
    await admin.locator('fieldset').filter({ hasText: 'Roles' }).getByLabel('Supervisor').check();
    await admin.getByRole('button', { name: 'Create user' }).click();
    await admin.getByRole('alert').filter({ hasText: 'This username is taken. Choose another.' }).waitFor();
    await admin.screenshot({ path: join(SCREENSHOTS, 'users.png'), fullPage: true });
    const platformApi = await ApiClient.signIn(stack.url, 'platform');
    const granted = await platformApi.post('/api/v1/platform/tenants/vn-hg/members', { username: 'caseworker.vn-na', displayName: 'Shared caseworker', roles: ['supervisor'] });
    expect(granted.status).toBe(201);
    await admin.reload();
    await admin.getByText('platform gave caseworker.vn-na access to this tenant').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    const shared = await freshPage();
    await signInWithKeyboard(shared, 'caseworker.vn-na');
    await shared.getByLabel('Work in which tenant?').selectOption('vn-hg');
    await shared.getByRole('button', { name: 'Continue' }).click();
    await shared.getByText('Shared caseworker · Hà Giang').waitFor();

    const worker = await freshPage();
    await signInWithKeyboard(worker, 'worker.hg', workerPassword!);
    await worker.getByRole('heading', { name: 'Caseload' }).waitFor();
    await worker.getByRole('link', { name: 'Register case' }).click();
    await worker.getByLabel('Full name', { exact: true }).fill('Sùng Thị Pà');
    await worker.getByLabel('Neglect', { exact: true }).check();
    await worker.getByRole('button', { name: 'Register' }).click();
    await worker.getByRole('heading', { name: /^HG-\d{4}-\d{6}$/ }).waitFor();
  });
});
