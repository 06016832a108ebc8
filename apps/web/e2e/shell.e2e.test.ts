import assert from 'node:assert/strict';
import {
  ADMIN,
  DEMO_PASSWORD,
  field,
  mainNav,
  openUserMenu,
  STAFF,
  setupE2e,
  signIn,
  visible,
} from './harness.ts';

const { e2eTest } = setupE2e('shell');

e2eTest('should show the dashboard when the admin signs in', async ({ page, url }) => {
  await page.goto(`${url}/account`);
  // Not signed in: the app sends the visitor to the login page, in Vietnamese.
  await page.waitForURL((u) => u.pathname === '/login');
  await visible(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.title(), 'Đăng nhập — HEZA');

  // Signing in returns to the page that was asked for.
  await field(page, 'Email').fill(ADMIN.email);
  await field(page, 'Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/account');
  await mainNav(page).getByRole('link', { name: 'Tổng quan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await visible(page.getByText(`Xin chào, ${ADMIN.name}!`));
  await visible(page.getByRole('banner').getByText('Quản trị viên', { exact: true }));

  const nav = mainNav(page);
  for (const entry of ['Tổng quan', 'Người dùng', 'Nhật ký', 'Khu kinh tế, khu công nghiệp']) {
    await visible(nav.getByRole('link', { name: entry }));
  }
  await visible(nav.getByText('Quản trị', { exact: true }));
  await visible(nav.getByText('Báo cáo định kỳ'));
  // Empty states, no invented figures.
  await visible(page.getByText('Chưa có dữ liệu về các khu.', { exact: false }));
});

e2eTest('should show an error in Vietnamese when the password is wrong', async ({ page, url }) => {
  await page.goto(`${url}/login`);
  await field(page, 'Email').fill(ADMIN.email);
  await field(page, 'Mật khẩu').fill('sai-mat-khau-123');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  const alert = await visible(page.getByRole('alert').filter({ hasText: 'Không đăng nhập được' }));
  assert.match((await alert.textContent()) ?? '', /Email hoặc mật khẩu không đúng/);
  assert.equal(new URL(page.url()).pathname, '/login');
});

e2eTest('should check the form before calling the server when fields are empty', async ({ page, url }) => {
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByText('Vui lòng nhập email.'));
  await visible(page.getByText('Vui lòng nhập mật khẩu.'));
  // Focus goes to the first field in error so it can be fixed straight away.
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'email');
});

e2eTest(
  'should switch to English and send Accept-Language when the language is changed',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    const englishRequest = page.waitForRequest(
      (req) => req.url().includes('/api/') && req.headers()['accept-language'] === 'en',
    );
    await page.getByText('English', { exact: true }).click();

    await visible(page.getByRole('heading', { level: 1, name: 'Overview' }));
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await visible(mainNav(page).getByRole('link', { name: 'Users' }));
    await visible(mainNav(page).getByRole('link', { name: 'Audit log' }));
    await visible(page.getByText(`Hello, ${ADMIN.name}!`));
    await englishRequest;
    assert.equal(await page.evaluate(() => localStorage.getItem('heza.lang')), 'en');

    // The choice survives a reload.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Overview' }));
    assert.equal(await page.getAttribute('html', 'lang'), 'en');

    // …and back to Vietnamese.
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Tổng quan' }));
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  },
);

e2eTest(
  'should show the profile and validate the new password when the account page is opened',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();

    await visible(page.getByRole('heading', { level: 1, name: 'Tài khoản' }));
    assert.equal(new URL(page.url()).pathname, '/account');
    const profile = page.getByRole('region', { name: 'Thông tin tài khoản' });
    await visible(profile.getByText(ADMIN.email));
    await visible(profile.getByText('Quản trị viên', { exact: true }));

    // Client-side rule first…
    await field(page, 'Mật khẩu hiện tại').fill('HezaDemo!2024');
    await field(page, 'Mật khẩu mới').fill('ngan');
    await field(page, 'Nhập lại mật khẩu mới').fill('ngan');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await visible(page.getByText('Mật khẩu phải có ít nhất 10 ký tự.'));

    // …then a rule only the server knows, shown under its field from `details`.
    const spaces = ' '.repeat(12);
    await field(page, 'Mật khẩu mới').fill(spaces);
    await field(page, 'Nhập lại mật khẩu mới').fill(spaces);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const message = await visible(page.getByText('Mật khẩu không được chỉ gồm khoảng trắng.'));
    // The message belongs to the field: it is in the input's description, and the input is marked invalid.
    const newPassword = field(page, 'Mật khẩu mới');
    const messageId = await message.getAttribute('id');
    assert.ok(messageId, 'the error message has an id');
    const describedBy = ((await newPassword.getAttribute('aria-describedby')) ?? '').split(/\s+/);
    assert.ok(
      describedBy.includes(messageId),
      `aria-describedby "${describedBy.join(' ')}" lacks ${messageId}`,
    );
    assert.equal(await newPassword.getAttribute('aria-invalid'), 'true');
  },
);

e2eTest('should return to the login page when the user signs out', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();

  await page.waitForURL(`${url}/login`);
  await visible(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
  // The session is really gone on the server too.
  await page.goto(`${url}/account`);
  await page.waitForURL(`${url}/login`);
  const session = (await page.evaluate(async () => (await fetch('/api/auth/session')).json())) as {
    user: unknown;
  };
  assert.equal(session.user, null);
});

e2eTest('should hide the administration menu when a staff member signs in', async ({ page, url }) => {
  await signIn(page, url, STAFF.email);
  await visible(page.getByText(`Xin chào, ${STAFF.name}!`));
  const nav = mainNav(page);
  await visible(nav.getByRole('link', { name: 'Khu kinh tế, khu công nghiệp' }));
  // Staff may read the working-day calendar (the one entry of the administration group they see), not users.
  await visible(nav.getByRole('link', { name: 'Lịch làm việc' }));
  assert.equal(await nav.getByRole('link', { name: 'Người dùng' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Thông tin cơ quan' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Nhật ký' }).count(), 0);

  // Typing the address does not help either.
  await page.goto(`${url}/admin/users`);
  await visible(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));
});

e2eTest(
  'should send the user to the login page with a message when the session ends',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    // The server forgets the session (simulated by dropping the cookie).
    await page.context().clearCookies();
    await mainNav(page).getByRole('link', { name: 'Người dùng' }).click();

    await page.waitForURL(`${url}/login`);
    await visible(page.getByRole('status').filter({ hasText: /đăng nhập/i }));

    // Signing in again returns to the page that was asked for.
    await field(page, 'Email').fill(ADMIN.email);
    await field(page, 'Mật khẩu').fill('HezaDemo!2024');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${url}/admin/users`);
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
  },
);

e2eTest(
  'should show the same neutral confirmation when a password reset is requested',
  async ({ page, url }) => {
    await page.goto(`${url}/login`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }));
    await field(page, 'Email').fill('khong-ton-tai@heza.demo');
    await page.getByRole('button', { name: 'Gửi hướng dẫn' }).click();
    await visible(page.getByText('Đã ghi nhận yêu cầu'));
    await visible(page.getByText(/Nếu khong-ton-tai@heza\.demo là email của một tài khoản/));
  },
);

e2eTest('should explain an unusable link when the reset page has no token', async ({ page, url }) => {
  await page.goto(`${url}/reset-password`);
  await visible(page.getByRole('heading', { level: 1, name: 'Đặt lại mật khẩu' }));
  await visible(page.getByText('Liên kết không còn hiệu lực'));
  await visible(page.getByRole('link', { name: 'Gửi lại yêu cầu đặt lại mật khẩu' }));
});

e2eTest(
  'should open the navigation from the burger when the screen is a phone',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
    await visible(burger);
    assert.equal(await burger.getAttribute('aria-expanded'), 'false');
    // Closed drawer: its links are out of reach (inert), not just off-screen.
    assert.equal(await mainNav(page).getAttribute('inert'), '');

    await burger.click();
    const usersLink = mainNav(page).getByRole('link', { name: 'Người dùng' });
    await visible(usersLink);
    await usersLink.click();
    await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
    // Picking a page closes the drawer again (and takes it out of the tab order).
    await visible(page.getByRole('button', { name: 'Mở menu điều hướng' }));
    await page.waitForFunction(() => document.getElementById('app-navbar')?.hasAttribute('inert'));
    await page.waitForTimeout(400); // let the slide-out finish for the screenshot
  },
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
);

e2eTest('should offer a skip link as the first stop of the keyboard', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  // A fresh page load, as when the user opens the app.
  await page.reload();
  await visible(page.getByRole('heading', { level: 1, name: 'Tổng quan' }));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main-content');
});
