import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT, type LocalStack } from '../../infra/local/stack.ts';
import { startTestStack } from './local-stack.ts';

export const SCREENSHOTS = join(REPO_ROOT, 'tests', 'e2e', 'screenshots');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The username field, in any language the login page speaks. */
const usernameLabel = /username|tên đăng nhập|اسم المستخدم|အသုံးပြုသူအမည်/i;

/** Signs in through the login page using only the keyboard: Tab to the first field, type, Tab, type, Enter. */
export async function signInWithKeyboard(page: Page, username: string, password = 'sanad-demo'): Promise<void> {
  const usernameField = page.getByLabel(usernameLabel);
  await usernameField.waitFor();
  // The page puts the focus on its heading; the username field is the next stop in the tab order.
  for (let presses = 0; !(await usernameField.evaluate((field) => field === document.activeElement)); presses++) {
    if (presses === 5) throw new Error('Tab never reached the username field');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** axe-core violations that matter: serious or critical. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * The local stack and a browser for one test file: started before its tests, stopped after them.
 * `env.stack` and `env.browser` are set once `beforeAll` has run.
 */
export function useStackAndBrowser(): { stack: LocalStack; browser: Browser } {
  const env = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    [env.stack, env.browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.stop();
  });
  return env;
}
