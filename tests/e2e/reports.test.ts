import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { launchBrowser, SCREENSHOTS, seriousViolations, signInWithKeyboard } from '../support/browser.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

const HEADER = 'externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt';
const year = new Date().getFullYear();
const REGISTER = [
  HEADER,
  `na-e2e-1,Phan Thị Thu,female,2013-02-01,Vinh,neglect,high,open,${year}-01-15,`,
  `na-e2e-2,Đặng Văn Long,male,,Quỳnh Lưu,child_labour|orphan,medium,open,${year}-02-03,`,
  `na-e2e-3,Vũ Thị Hà,female,2016-08-20,,physical_abuse,low,open,,`,
  // Row 4: a sex the form does not know and a risk level that does not exist.
  'na-e2e-4,Trịnh Văn Bình,robot,,,neglect,extreme,open,,',
  `na-e2e-5,Cao Thị Lệ,female,,,neglect,low,closed,${year}-01-02,${year}-01-20`,
  // Row 6: row 1's child again, typed without diacritics, under another register id.
  `na-e2e-6,Phan Thi Thu,female,2013-06-01,Vinh,neglect,high,open,${year}-01-16,`,
].join('\n');

let stack: LocalStack;
let browser: Browser;
let managerPassword = '';
let parentManagerPassword = '';

/** A manager (no demo user has the role): created by the tenant admin, signed in with the one-time password. */
async function createManager(adminUsername: string, username: string): Promise<string> {
  const admin = await ApiClient.signIn(stack.url, adminUsername);
  const created = await admin.post('/api/v1/users', { username, displayName: `Manager ${username}`, roles: ['manager'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.temporaryPassword as string;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  managerPassword = await createManager('admin.vn-na', 'manager.vn-na');
  parentManagerPassword = await createManager('admin.vn', 'manager.vn');
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(username: string, password?: string, query = ''): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.url}/login${query}`);
  await signInWithKeyboard(page, username, password);
  return page;
}

const openCasesOnApi = async () => (await (await ApiClient.signIn(stack.url, 'supervisor.vn-na')).get('/api/v1/reports/dashboard')).body.data.openCases as number;

describe('reports, dashboard and register import in the browser', () => {
  let openBefore = 0;

  it('a supervisor imports a register: the progress completes, the bad row is listed and its CSV downloads', async () => {
    openBefore = await openCasesOnApi();
    const page = await signedIn('supervisor.vn-na');
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import a register' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('CSV or XLSX file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER) });
    await page.getByRole('button', { name: 'Upload and import' }).click();

    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    const progress = page.getByRole('progressbar', { name: /6 of 6 rows/ });
    expect(await progress.evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([6, 6]);
    expect(await page.getByTestId('import-created').textContent()).toBe('5');
    expect(await page.getByTestId('import-duplicates').textContent()).toBe('2');
    expect(await page.getByTestId('import-failed').textContent()).toBe('1');
    const failedRows = page.getByRole('table', { name: 'Rows with errors' });
    const cells = await failedRows.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(cells).toEqual(expect.arrayContaining([['4', 'sex'], ['4', 'riskLevel']]));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'import.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the rows with errors (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/failed\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('na-e2e-4,Trịnh Văn Bình,robot');
    const [duplicates] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the possible duplicates (CSV)' }).click()]);
    expect(duplicates.suggestedFilename()).toMatch(/duplicates\.csv$/);
    const flagged = await readFile((await duplicates.path())!, 'utf8');
    expect(flagged).toContain('1,na-e2e-1,Phan Thị Thu,');
    expect(flagged).toContain('6,na-e2e-6,Phan Thi Thu,');
    await page.context().close();
  });

  it('the dashboard shows the open cases the counters hold, with the import in them; accessible in English and Arabic', async () => {
    const open = await openCasesOnApi();
    expect(open).toBe(openBefore + 4);
    const page = await signedIn('supervisor.vn-na');
    await page.getByRole('heading', { name: 'Caseload' }).waitFor();
    // The supervisor may export the caseload (case.export); the file holds the imported children.
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(exported.suggestedFilename()).toMatch(/^cases-vn-na-.*\.csv$/);
    expect(await readFile((await exported.path())!, 'utf8')).toContain('Phan Thị Thu');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByTestId('open-cases').textContent()).toBe(String(open));
    const stages = page.getByRole('list', { name: 'Cases by stage' });
    expect(await stages.getByRole('listitem').first().textContent()).toMatch(/^Intake: \d+$/);
    // The supervisor may list users: the caseload chart names the workers.
    await expect.poll(() => page.getByRole('list', { name: 'Open cases per caseworker' }).textContent()).toContain('Supervisor (vn-na)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    await page.goto(`${stack.url}/dashboard?lang=ar`);
    await page.getByRole('heading', { name: 'لوحة المعلومات' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('list', { name: 'الحالات حسب المرحلة' }).waitFor();
    expect(await page.getByTestId('open-cases').textContent()).toBe(new Intl.NumberFormat('ar').format(open));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-ar.png'), fullPage: true });
    // On a phone the charts stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-ar-360.png'), fullPage: true });
    await page.context().close();
  });

  it('a manager lands on the dashboard, reads the Circular 02 report and downloads it as XLSX', async () => {
    const page = await signedIn('manager.vn-na', managerPassword);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Register case' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Circular 02 reports' }).waitFor();
    expect(await page.getByTestId('next-due').textContent()).toMatch(/Next due: the (half-year|annual) report .* (Due in \d+ days?\.|Due today\.)$/);

    await page.getByLabel(new RegExp(`^This year \\(\\W?${year}\\W?\\)$`)).check();
    const manager = await ApiClient.signIn(stack.url, 'manager.vn-na', managerPassword);
    const report = (await manager.get(`/api/v1/reports/circular-02?period=${year}`)).body.data;
    expect(report.totals.new).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByTestId('total-new').textContent()).toBe(String(report.totals.new));
    expect(await page.getByTestId('total-managed').textContent()).toBe(String(report.totals.managed));
    expect(await page.getByTestId('total-closed').textContent()).toBe(String(report.totals.closed));
    const neglect = page.getByRole('table', { name: 'By category' }).getByRole('row', { name: /^Neglect/ });
    expect(await neglect.locator('td').allTextContents()).toEqual([report.byCategory.neglect.managed, report.byCategory.neglect.new, report.byCategory.neglect.closed].map(String));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`circular-02-vn-na-${year}.xlsx`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // Arabic: right to left, the plural of "due in N days" Arabic needs, still no serious axe finding.
    await page.goto(`${stack.url}/reports?lang=ar`);
    await page.getByRole('heading', { name: 'تقارير التعميم 02' }).waitFor();
    expect(await page.getByTestId('next-due').textContent()).toMatch(/(مستحق خلال|مستحق اليوم)/);
    await page.getByTestId('total-new').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-ar.png'), fullPage: true });

    await page.goto(`${stack.url}/reports?lang=en`);
    await page.getByLabel('Other dates').check();
    await page.getByLabel('From').fill(`${year}-01-01`);
    await page.getByLabel('To').fill(`${year}-01-31`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/Jan 1, \d{4} – Jan 31, \d{4}/);
    await page.context().close();
  });

  it("a parent tenant's manager sees its child tenants' aggregates", async () => {
    const page = await signedIn('manager.vn', parentManagerPassword);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByLabel('Child tenants').check();
    const row = page.getByRole('row', { name: /^Nghe An/ });
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe(String(await openCasesOnApi()));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-children.png'), fullPage: true });
    await page.context().close();
  });
});
