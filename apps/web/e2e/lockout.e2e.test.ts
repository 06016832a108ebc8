import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { field, setupE2e, visible } from './harness.ts';

// A file of its own: it spends many sign-in attempts, which count against the per-IP rate limit.
const { e2eTest } = setupE2e('lockout');

/** Clicks "Đăng nhập" and waits for the server's answer (listening before the click, so none is missed). */
async function submitAndWait(page: Page): Promise<void> {
  const answered = page.waitForResponse((res) => res.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await answered;
}

e2eTest(
  'should say until when the account is locked when the password is wrong too often',
  async ({ page, url }) => {
    await page.goto(`${url}/login`);
    await field(page, 'Email').fill('lanhdao@heza.demo');
    const alert = page.getByRole('alert').filter({ hasText: 'Không đăng nhập được' });
    let locked = false;
    for (let attempt = 1; attempt <= 10 && !locked; attempt++) {
      await field(page, 'Mật khẩu').fill(`sai-mat-khau-${attempt}`);
      await submitAndWait(page);
      await visible(alert);
      locked = /khóa/i.test((await alert.textContent()) ?? '');
    }
    assert.ok(locked, 'expected the lock-out message after repeated failures');
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /Tài khoản sẽ được mở khóa lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\./);

    // Even the right password is refused while locked.
    await field(page, 'Mật khẩu').fill('HezaDemo!2024');
    await submitAndWait(page);
    await visible(alert.filter({ hasText: /khóa/i }));
    assert.equal(new URL(page.url()).pathname, '/login');
  },
);
