/**
 * Shared set-up of the browser tests: one platform (embedded PostgreSQL, demo data) and one Chromium per
 * test file, a fresh browser context per test, and a screenshot of every test's last screen in
 * test-artifacts/e2e/ (also when it fails: that is when it helps most).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { startPlatform } from '../../server/src/main.ts';

export const DEMO_PASSWORD = 'HezaDemo!2024';
export const ADMIN = { email: 'admin@heza.demo', name: 'Quản trị viên (demo)' } as const;
export const STAFF = { email: 'canbo@heza.demo', name: 'Nguyễn Văn Cán Bộ (demo)' } as const;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS_DIR = path.join(repoRoot, 'test-artifacts/e2e');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long to wait for something to appear before failing. */
export const WAIT_MS = 15_000;

export interface E2eEnv {
  /** Base URL of the running platform, e.g. http://localhost:41234 */
  url: string;
}

interface TestContext {
  page: Page;
  url: string;
}

type TestBody = (ctx: TestContext) => Promise<void>;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * Declares the platform and browser for this test file and returns `e2eTest`, which runs a body in a fresh
 * browser context (own cookies and localStorage), fails on uncaught page errors and saves a screenshot.
 */
export function setupE2e(fileLabel: string) {
  const env: E2eEnv = { url: '' };
  let browser: Browser | undefined;
  let closePlatform: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;

  before(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'heza-e2e-'));
    const platform = await startPlatform({ port: 0, dataDir, demo: true, logLevel: 'warn' });
    await platform.demoReady;
    env.url = platform.url;
    closePlatform = () => platform.close();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await closePlatform?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function e2eTest(name: string, body: TestBody, contextOptions: BrowserContextOptions = {}) {
    test(name, { timeout: 120_000 }, async () => {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        ...contextOptions,
      });
      context.setDefaultTimeout(WAIT_MS);
      const page = await context.newPage();
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      try {
        await body({ page, url: env.url });
        if (pageErrors.length > 0) {
          throw new Error(
            `Uncaught errors in the page:\n${pageErrors.map((e) => e.stack ?? e.message).join('\n')}`,
          );
        }
      } finally {
        await page
          .screenshot({
            path: path.join(ARTIFACTS_DIR, `${slug(fileLabel)}--${slug(name)}.png`),
            fullPage: true,
          })
          .catch(() => undefined);
        await context.close();
      }
    });
  }

  return { env, e2eTest };
}

/**
 * A form field by its visible label. Required fields show " *" after the label (hidden from screen readers);
 * matching the whole label avoids "Mật khẩu" also finding "Mật khẩu mới" or the "Hiện mật khẩu" button.
 */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

/** Fills the login form and waits for the dashboard. */
export async function signIn(
  page: Page,
  url: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${url}/login`);
  await field(page, 'Email').fill(email);
  await field(page, 'Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
}

/** Waits until the locator is visible (throws after WAIT_MS). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/** The main navigation landmark. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: /Điều hướng chính|Main navigation/ });
}

/** Opens the user menu in the header. */
export async function openUserMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Menu tài khoản|Account menu):/ }).click();
  await page.getByRole('menu').waitFor();
}
