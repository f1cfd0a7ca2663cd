import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestStack } from '../support/local-stack.ts';
import { launchBrowser, SCREENSHOTS, seriousViolations, signInWithKeyboard } from '../support/browser.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let browser: Browser;
let caseId = '';

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.url}/login`);
  await signInWithKeyboard(page, username);
  await page.getByRole('heading', { name: 'Caseload' }).waitFor();
  return { context, page };
}

async function openCase(page: Page, tab: string) {
  await page.goto(`${stack.url}/cases/${caseId}`);
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

async function approveAs(supervisor: Page, caseNumber: string) {
  await supervisor.goto(`${stack.url}/approvals`);
  const item = supervisor.getByRole('listitem').filter({ hasText: caseNumber });
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect.poll(() => item.count()).toBe(0);
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const api = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  caseId = (await api.post('/api/v1/cases', newCase({ child: { fullName: 'Phạm Minh Khang', sex: 'male' } }))).body.data.id;
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the Circular 02 steps in the browser', () => {
  it('assess → approve → plan → approve → follow-up → close request → approve → closed → reopen', async () => {
    const worker = await signedIn('caseworker.vn-na');
    const boss = await signedIn('supervisor.vn-na');
    const w = worker.page;

    await openCase(w, 'Assessment');
    const caseNumber = (await w.getByRole('heading', { level: 1 }).textContent())!;
    await w.getByLabel('Needs (one per line)').fill('School fees\nCounselling');
    await w.getByLabel('Summary').fill('Out of school since March; lives with grandmother.');
    await w.getByRole('button', { name: 'Submit the assessment for approval' }).click();
    await w.getByText('Waiting for a supervisor to approve the needs assessment.').waitFor();
    expect(await seriousViolations(w)).toEqual([]);

    await approveAs(boss.page, caseNumber);

    await openCase(w, 'Care plan');
    await w.getByLabel('Goal', { exact: true }).fill('Back to school by January');
    await w.getByLabel('Services (separated by commas)').fill('tuition support, uniform');
    await w.getByLabel('Due date').fill('2027-01-15');
    await w.getByLabel('Summary').fill('School and counselling');
    await w.getByRole('button', { name: 'Submit the care plan for approval' }).click();
    await w.getByText('Waiting for a supervisor to approve the care plan.').waitFor();
    await approveAs(boss.page, caseNumber);

    await openCase(w, 'Follow-ups');
    await w.getByLabel('Due date').fill('2027-01-20');
    await w.getByLabel('Note', { exact: true }).fill('Check school attendance');
    await w.getByRole('button', { name: 'Add follow-up' }).click();
    await w.getByText('Check school attendance').waitFor();

    await openCase(w, 'Overview');
    await w.locator('summary', { hasText: 'Ask to close the case' }).click();
    await w.getByLabel('Reason').fill('Goals met');
    await w.getByLabel('Outcome').fill('Back in school, safe at home');
    await w.getByRole('button', { name: 'Ask to close the case' }).click();
    await w.getByText('Waiting for a supervisor to approve the closure.').waitFor();
    await approveAs(boss.page, caseNumber);

    await openCase(w, 'Overview');
    await w.getByRole('listitem').filter({ hasText: 'Closed' }).and(w.locator('[aria-current="step"]')).waitFor();
    await w.locator('summary', { hasText: 'Reopen the case' }).click();
    await w.getByLabel('Reason').fill('New report from the school');
    await w.getByRole('button', { name: 'Reopen the case' }).click();
    await w.locator('[aria-current="step"]', { hasText: 'Intake' }).waitFor();

    await w.getByRole('tab', { name: 'History', exact: true }).click();
    for (const step of ['Assessment submitted', 'Care plan submitted', 'Follow-up added', 'Closure requested', 'Reopened']) {
      await w.getByText(step, { exact: true }).waitFor();
    }
    await w.screenshot({ path: join(SCREENSHOTS, 'case-history.png'), fullPage: true });
    await worker.context.close();
    await boss.context.close();
  });

  it('a supervisor assigns a second caseworker, who then finds the case under "Assigned to me"', async () => {
    const boss = await signedIn('supervisor.vn-na');
    await openCase(boss.page, 'Overview');
    await boss.page.locator('summary', { hasText: 'Assign a caseworker' }).click();
    await boss.page.getByLabel('Caseworker', { exact: true }).selectOption({ label: 'Second caseworker (vn-na) (caseworker2.vn-na)' });
    await boss.page.getByRole('button', { name: 'Assign a caseworker' }).click();
    await boss.page.getByRole('definition').filter({ hasText: 'Second caseworker (vn-na)' }).waitFor();
    const second = await signedIn('caseworker2.vn-na');
    await second.page.getByLabel('Assigned to me').check();
    await second.page.getByRole('cell', { name: 'Phạm Minh Khang' }).waitFor();
    await boss.context.close();
    await second.context.close();
  });

  it('a conflicting edit opens the conflict dialog, keeps the input and saves it on the latest version', async () => {
    const one = await signedIn('caseworker.vn-na');
    const two = await signedIn('supervisor.vn-na');
    for (const { page } of [one, two]) {
      await openCase(page, 'Overview');
      await page.locator('summary', { hasText: 'Edit' }).click();
    }
    await two.page.getByLabel('Risk level').selectOption('high');
    await two.page.getByRole('button', { name: 'Save' }).click();
    await two.page.locator('.risk-high').first().waitFor();

    await one.page.getByLabel('Location').fill('Cửa Lò');
    await one.page.getByRole('button', { name: 'Save' }).click();
    const dialog = one.page.getByRole('dialog', { name: 'Someone else changed this case' });
    await dialog.waitFor();
    await dialog.getByText('riskLevel').waitFor();
    await one.page.screenshot({ path: join(SCREENSHOTS, 'conflict.png') });
    expect(await one.page.getByLabel('Location').inputValue()).toBe('Cửa Lò');
    await dialog.getByRole('button', { name: 'Save my changes on the latest version' }).click();
    await one.page.getByRole('definition').filter({ hasText: 'Cửa Lò' }).waitFor();
    // The colleague's edit survives: only the field this user changed was sent again.
    await one.page.getByRole('definition').locator('.risk-high').waitFor();
    await one.context.close();
    await two.context.close();
  });
});
