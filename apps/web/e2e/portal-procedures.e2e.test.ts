/**
 * The portal's one-stop pages in a real Chromium: a guest finds a procedure without typing Vietnamese accents,
 * applies online with a real file upload, keeps the lookup key shown, the one-stop counter receives the dossier,
 * and the guest then follows it (code, receipt) and tracks it with the code and the key. Feedback is sent with
 * JavaScript turned off.
 */
import assert from 'node:assert/strict';
import { ADMIN, DEMO_PASSWORD, setupE2e, visible } from './harness.ts';

const { e2eTest } = setupE2e('portal-procedures');

/** A tiny but real PDF (what the server's content sniffer needs). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Signs in through the API and returns a JSON request helper (session cookie + CSRF token). */
async function apiAs(url: string, email: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}/api${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

e2eTest('should let a guest apply online with a file and then track the dossier', async ({ page, url }) => {
  // The catalogue, searched without accents.
  await page.goto(`${url}/vi/procedures`);
  await visible(page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }));
  await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill('cap lai giay chung nhan dang ky dau tu');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: 'Cấp lại Giấy chứng nhận đăng ký đầu tư' }).click();
  await visible(page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }));
  await visible(page.getByText('Ngày hẹn trả kết quả nếu hồ sơ được tiếp nhận ngay bây giờ'));
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }));

  // A missing file: the form comes back with the message next to the field and the values kept.
  await page.getByLabel('Họ tên người nộp hoặc tên tổ chức').fill('Công ty TNHH Thử nghiệm E2E');
  await page.getByLabel('Email').fill('e2e.guest@example.vn');
  await page.getByLabel('Số điện thoại').fill('0912 000 111');
  await page
    .getByLabel('Nội dung đề nghị giải quyết')
    .fill('Cấp lại Giấy chứng nhận đăng ký đầu tư bị hư hỏng');
  await page.getByLabel('Tôi cam đoan nội dung và các tệp đính kèm là đúng sự thật.').check();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await visible(page.getByRole('alert').getByText('Hồ sơ chưa được nộp. Vui lòng sửa các mục sau:'));
  assert.equal(
    await page.getByLabel('Họ tên người nộp hoặc tên tổ chức').inputValue(),
    'Công ty TNHH Thử nghiệm E2E',
  );

  // Now with the file.
  await page
    .getByLabel('Văn bản đề nghị cấp lại Giấy chứng nhận đăng ký đầu tư')
    .setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }));
  const secret = (await page.locator('#tracking-secret').textContent())?.trim() ?? '';
  assert.match(secret, /^[A-Z2-9]{4}$/);
  await visible(page.getByText('don-de-nghi.pdf'));
  const followHref =
    (await page.getByRole('link', { name: 'Theo dõi hồ sơ vừa nộp' }).getAttribute('href')) ?? '';
  const id = /submissions\/([0-9a-f-]{36})$/.exec(followHref)?.[1];
  assert.ok(id, followHref);

  // The one-stop counter receives it (a member of staff of the one-stop unit).
  const admin = await apiAs(url, ADMIN.email);
  const password = 'Mot-Cua-E2E-2024!';
  const created = await admin('POST', '/users', {
    email: 'motcua.e2e@heza.demo',
    fullName: 'Cán bộ Một cửa (e2e)',
    role: 'staff',
    department: 'office',
    zoneScope: 'all',
    password,
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const office = await apiAs(url, 'motcua.e2e@heza.demo', password);
  const received = await office('POST', `/procedures/dossiers/${id}/receive`, {});
  assert.equal(received.status, 200, JSON.stringify(received.json));
  const code = String(received.json.code);

  // The applicant follows the submission with the key, gets the code, and tracks it.
  await page.goto(`${url}${followHref}`);
  await page.getByLabel('Mã tra cứu').fill(secret);
  await page.getByRole('button', { name: 'Xem tình trạng' }).click();
  await visible(page.locator('#dossier-code').getByText(code));
  await visible(page.getByRole('link', { name: /Tải Giấy tiếp nhận hồ sơ/ }));
  // The tracking page's own form (POST: the secret stays out of the URL)…
  await page.goto(`${url}/vi/dossiers/track`);
  await page.getByLabel('Mã hồ sơ').fill(code);
  await page.getByLabel('Mã tra cứu').fill(secret);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await visible(page.getByText('Đã tiếp nhận', { exact: true }));
  assert.equal(new URL(page.url()).search, '');
  // …and its QR-code form (GET with code and secret), the same answer.
  await page.goto(`${url}/vi/dossiers/track?code=${encodeURIComponent(code)}&secret=${secret}`);
  await visible(page.getByText('Đã tiếp nhận', { exact: true }));
});

e2eTest(
  'should send feedback and find it with its key with JavaScript turned off',
  async ({ page, url }) => {
    await page.goto(`${url}/en/feedback`);
    await visible(page.getByRole('heading', { level: 1, name: 'Feedback and petitions' }));
    await page.getByLabel('Subject area').selectOption('procedures');
    await page.locator('#f-subject').fill('Slow intake of online dossiers');
    await page.getByLabel('Your feedback or petition').fill('My online dossier has waited three days.');
    await page.locator('#f-name').fill('E2E Investor Ltd');
    await page.getByLabel('E-mail').fill('e2e.feedback@example.vn');
    await page.getByRole('button', { name: 'Send' }).click();
    // The consent is missing: the same page again, with the message and the values kept.
    await visible(page.getByRole('alert').getByText('Please agree to the use of your contact details.'));
    assert.equal(await page.locator('#f-subject').inputValue(), 'Slow intake of online dossiers');
    await page.getByLabel(/I agree that the authority uses these contact details/).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Feedback sent' }));
    const code = (await page.locator('#feedback-code').textContent())?.trim() ?? '';
    const secret = (await page.locator('#feedback-secret').textContent())?.trim() ?? '';
    assert.match(code, /^PAKN-\d{6}-\d{4}$/);
    await page.getByRole('link', { name: 'See the answer' }).click();
    await page.getByLabel('Feedback code').fill(code);
    await page.getByLabel('Lookup key').fill(secret);
    await page.getByRole('button', { name: 'Find' }).click();
    await visible(page.getByRole('heading', { level: 2, name: code }));
    await visible(page.getByText('No answer yet.'));
  },
  { javaScriptEnabled: false },
);
