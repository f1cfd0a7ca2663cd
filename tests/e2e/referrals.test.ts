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
let caseNumber = '';

async function signedIn(username: string, landing: string, lang = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.url}/login?lang=${lang}`);
  await signInWithKeyboard(page, username);
  await page.getByRole('heading', { name: landing }).waitFor();
  return { context, page };
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  const api = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  const created = (await api.post('/api/v1/cases', newCase({ child: { fullName: 'Hoàng Văn Nam', sex: 'male', dateOfBirth: '2012-09-09', location: 'Cửa Lò' } }))).body.data;
  [caseId, caseNumber] = [created.id, created.caseNumber];
  await api.post(`/api/v1/cases/${caseId}/notes`, { text: 'Only for the ministry', confidential: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a referral from caseworker to NGO and back', () => {
  it('is made with consent and a preview, accepted and completed by the NGO, and the caseworker sees the outcome', async () => {
    const worker = await signedIn('caseworker.vn-na', 'Caseload');
    const w = worker.page;
    await w.goto(`${stack.url}/cases/${caseId}?tab=referrals`);
    await w.getByRole('button', { name: 'Refer to a partner' }).click();

    // Step 1: the directory.
    await w.getByLabel('Search the directory').fill('counselling');
    await w.getByRole('radio', { name: /Psychosocial support — Hope Partners/ }).check();
    await w.getByLabel('Reason for the referral').fill('Nightmares since the incident; needs counselling');
    await w.getByRole('button', { name: 'Next' }).click();

    // Step 2: consent — a caseworker cannot set it aside, and must say who consented.
    const givenBy = w.getByLabel('Consent given by');
    expect(await givenBy.locator('option[value="not_required_best_interests"]').count()).toBe(0);
    await w.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => givenBy.getAttribute('aria-invalid')).toBe('true');
    await givenBy.selectOption('caregiver');
    await w.getByRole('button', { name: 'Next' }).click();

    // Step 3: what to share, previewed exactly.
    const preview = w.getByRole('region', { name: 'The partner will see exactly this' });
    await expect.poll(() => preview.textContent()).toContain('Hoàng Văn Nam');
    expect(await preview.textContent()).not.toContain('Cửa Lò');
    await w.getByRole('checkbox', { name: 'Location' }).check();
    await expect.poll(() => preview.textContent()).toContain('Cửa Lò');
    expect(await seriousViolations(w)).toEqual([]);
    await w.screenshot({ path: join(SCREENSHOTS, 'referral-wizard.png'), fullPage: true });
    await w.getByRole('button', { name: 'Send the referral' }).click();
    const panel = w.getByRole('tabpanel');
    await expect.poll(() => panel.getByText('Pending', { exact: true }).first().isVisible()).toBe(true);

    // The NGO: lands on its inbox, with an unread badge; reads the snapshot; accepts; completes.
    const ngo = await signedIn('ngo.vn-na', 'Referrals to us');
    const n = ngo.page;
    await n.getByRole('link', { name: caseNumber }).click();
    await n.getByRole('heading', { name: `Referral for ${caseNumber}` }).waitFor();
    expect(await n.getByText('Hoàng Văn Nam').isVisible()).toBe(true);
    expect(await n.getByText('Only for the ministry').count()).toBe(0);
    expect(await seriousViolations(n)).toEqual([]);
    await n.getByRole('button', { name: 'Accept' }).click();
    await n.getByLabel('Outcome').fill('Six counselling sessions; sleeping well again');
    await n.getByRole('button', { name: 'Mark completed' }).click();
    await expect.poll(() => n.getByText('Completed', { exact: true }).first().isVisible()).toBe(true);
    await n.screenshot({ path: join(SCREENSHOTS, 'referral-partner.png'), fullPage: true });
    // A partner has no way into the case itself.
    await n.goto(`${stack.url}/cases/${caseId}`);
    await expect.poll(() => n.getByRole('heading', { level: 1 }).textContent()).not.toBe(caseNumber);

    // Back at the ministry: the outcome and the timeline, and news in the nav.
    await w.reload();
    await expect.poll(() => w.getByText('Six counselling sessions; sleeping well again').first().isVisible()).toBe(true);
    expect(await w.getByRole('list', { name: 'Timeline' }).first().textContent()).toMatch(/Pending.*Accepted.*Completed/s);
    expect(await w.getByRole('link', { name: /Referrals/ }).first().getByLabel(/unread/).count()).toBe(1);
    await worker.context.close();
    await ngo.context.close();
  });

  it('works for an Arabic-speaking partner, right to left', async () => {
    const ngo = await signedIn('ngo.vn-na', 'الإحالات الواردة إلينا', 'ar');
    const n = ngo.page;
    expect(await n.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await n.getByRole('link', { name: caseNumber }).click();
    await n.getByRole('heading', { name: `إحالة الحالة ${caseNumber}` }).waitFor();
    expect(await seriousViolations(n)).toEqual([]);
    await n.screenshot({ path: join(SCREENSHOTS, 'referral-partner-ar.png'), fullPage: true });
    await ngo.context.close();
  });
});

describe('a child moves to another province', () => {
  it('the receiving supervisor takes the case over; the sender sees it closed as transferred', async () => {
    const api = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
    const moving = (await api.post('/api/v1/cases', newCase({ child: { fullName: 'Đỗ Thị Lan', sex: 'female' } }))).body.data;
    const worker = await signedIn('caseworker.vn-na', 'Caseload');
    const w = worker.page;
    await w.goto(`${stack.url}/cases/${moving.id}`);
    await w.getByText('Transfer to another tenant').click();
    await w.getByLabel('Where the child now lives').selectOption('vn');
    await w.getByLabel('Why the case moves').fill('The family moved to Ha Noi');
    await w.getByLabel('Consent given by').selectOption('caregiver');
    await w.getByRole('button', { name: 'Ask them to take the case over' }).click();
    await expect.poll(() => w.getByText('Transfer to vn waiting for their answer.').isVisible()).toBe(true);

    const boss = await signedIn('supervisor.vn', 'Caseload');
    const b = boss.page;
    await b.getByRole('link', { name: 'Transfers' }).click();
    const offer = b.getByRole('listitem').filter({ hasText: moving.caseNumber });
    expect(await seriousViolations(b)).toEqual([]);
    await offer.getByRole('button', { name: 'Take the case over' }).click();
    await expect.poll(() => offer.getByText('Taken over').isVisible()).toBe(true);
    await offer.getByRole('link').click();
    await expect.poll(() => b.getByText(`Transferred from vn-na (case ${moving.caseNumber}).`).isVisible()).toBe(true);

    await w.reload();
    await expect.poll(() => w.getByText(/Transferred to vn \(their case .+\); closed here\./).isVisible()).toBe(true);
    await worker.context.close();
    await boss.context.close();
  });
});
