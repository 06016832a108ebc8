import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, DEMO_PASSWORD, field, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('procedures');

const LEADER = 'lanhdao@heza.demo';
const ENTERPRISE = 'doanhnghiep@heza.demo';
/** A one-stop counter officer (Văn phòng) and a Labour Division officer, created for these tests. */
const ONE_STOP = { email: 'motcua.e2e@heza.demo', name: 'Lê Thị Một Cửa (e2e)' };
const LABOUR = { email: 'laodong.e2e@heza.demo', name: 'Phạm Văn Lao Động (e2e)' };
/** BQL-LD-05 (collective labour agreement): one required document, 1 original; labour → leader → office. */
const PROCEDURE = 'BQL-LD-05';
const DOC_NAME = 'Thỏa ước lao động tập thể đã ký kết';
const CODE_PATTERN = /^000\.00\.00\.Z99-\d{6}-\d{4}$/;

// biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely in these tests.
type Api = (method: string, p: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Signs in through the API and returns a request helper with the session and CSRF token. */
async function apiSession(url: string, email: string): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200, `login ${email}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, p, body) => {
    const res = await fetch(`${url}/api${p}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

let prepared: Promise<void> | null = null;

/** Creates the two officers once (the demo has no one-stop officer). */
function prepare(url: string): Promise<void> {
  prepared ??= (async () => {
    const admin = await apiSession(url, ADMIN.email);
    for (const [u, department] of [
      [ONE_STOP, 'office'],
      [LABOUR, 'labour'],
    ] as const) {
      const res = await admin('POST', '/users', {
        email: u.email,
        fullName: u.name,
        role: 'staff',
        department,
        zoneScope: 'all',
        password: DEMO_PASSWORD,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  })();
  return prepared;
}

/** Picks an option of a Mantine Select by the field's label (required fields add " *"). */
async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await scope.getByRole('combobox', { name: new RegExp(`^${escaped}(\\s*\\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function switchUser(page: Page, url: string, email: string) {
  await page.context().clearCookies();
  await signIn(page, url, email);
}

/** 'dd/mm/yyyy HH:mm' of an instant in Vietnam time. */
function vnDateTime(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** A small but real PDF (the server sniffs the content). */
function pdfBytes(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** Opens the counter page and fills the procedure and the applicant. */
async function startCounterIntake(page: Page, url: string, applicant: string) {
  await page.goto(`${url}/procedures/counter`);
  await visible(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tại quầy' }));
  await choose(page, page, 'Thủ tục', new RegExp(`^${PROCEDURE}`));
  await visible(page.getByTestId('appointment-preview'));
  await field(page, 'Tên tổ chức, cá nhân').fill(applicant);
  await field(page, 'Mã số thuế / mã số doanh nghiệp').fill('0201234567');
  await field(page, 'Nội dung yêu cầu giải quyết').fill('Đăng ký thỏa ước lao động tập thể năm 2026');
}

/** A dossier received at the counter through the API (as the one-stop officer). */
async function receivedDossier(url: string, applicant: string): Promise<{ id: string; code: string }> {
  const api = await apiSession(url, ONE_STOP.email);
  const res = await api('POST', '/procedures/dossiers/counter', {
    procedureCode: PROCEDURE,
    applicant: { kind: 'organisation', name: applicant },
    subject: 'Hồ sơ cho kiểm thử xử lý',
    documents: [{ documentKey: 'agreement', originals: 1, copies: 0 }],
    decision: 'receive',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id, code: res.body.code };
}

e2eTest(
  'should receive a complete dossier at the counter with its code, appointment and form 01 as a PDF',
  async ({ page, url }) => {
    await prepare(url);
    await signIn(page, url, ONE_STOP.email);
    await startCounterIntake(page, url, 'Công ty TNHH Kiểm Thử Đủ Hồ Sơ');
    // Nothing ticked yet: the check names the missing document and receiving is not offered.
    await visible(page.getByTestId('completeness').getByText(DOC_NAME));
    assert.equal(await page.getByRole('radio', { name: /^Tiếp nhận \(cấp mã/ }).isDisabled(), true);
    await page.getByRole('checkbox', { name: `Đã nhận: ${DOC_NAME}` }).check();
    await visible(page.getByText('Hồ sơ đủ thành phần bắt buộc.'));
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();

    const result = page.getByTestId('intake-result');
    await visible(result.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }));
    const code = (await result.getByTestId('result-code').textContent())!.trim();
    assert.match(code, CODE_PATTERN);
    const appointment = (await result.getByTestId('result-appointment').textContent())!.trim();
    assert.match(appointment, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // The screen shows what the server computed on the working-day calendar.
    const found = await page.request.get(`${url}/api/procedures/dossiers?q=${code}`);
    const dossier = (
      (await found.json()) as { items: { id: string; code: string; dueAt: string; status: string }[] }
    ).items[0]!;
    assert.equal(dossier.code, code);
    assert.equal(dossier.status, 'received');
    assert.equal(appointment, vnDateTime(dossier.dueAt));

    // Form 01 as a PDF, through the link on the screen.
    const href = await result.getByRole('link', { name: 'Tải Mẫu 01 (PDF)' }).getAttribute('href');
    assert.ok(href);
    const pdf = await page.request.get(`${url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const docx = await page.request.get(
      `${url}${await result.getByRole('link', { name: 'Tải Mẫu 01 (DOCX)' }).getAttribute('href')}`,
    );
    assert.equal(docx.status(), 200);
    assert.equal((await docx.body()).subarray(0, 2).toString('latin1'), 'PK');

    // The dossier page shows the code, the deadline in days left and the receipt among the forms.
    await result.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await visible(page.getByTestId('dossier-code').getByText(code));
    assert.equal((await page.getByTestId('dossier-appointment').textContent())?.trim(), appointment);
    await visible(page.getByTestId('dossier-days-left').getByText(/Còn \d+ ngày làm việc|Đến hạn hôm nay/));
    await visible(page.getByRole('button', { name: 'Chuyển đơn vị xử lý' }));
  },
);

e2eTest(
  'should turn an incomplete counter intake into one supplement request (form 02)',
  async ({ page, url }) => {
    await prepare(url);
    await signIn(page, url, ONE_STOP.email);
    await startCounterIntake(page, url, 'Công ty TNHH Kiểm Thử Thiếu Hồ Sơ');
    await visible(page.getByText('Còn thiếu 1 giấy tờ bắt buộc:'));
    // The decision follows the check: a supplement request, listing what is missing.
    assert.equal(await page.getByRole('radio', { name: /^Yêu cầu bổ sung, hoàn thiện/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }).click();

    const result = page.getByTestId('intake-result');
    await visible(result.getByRole('heading', { name: 'Đã lập phiếu yêu cầu bổ sung' }));
    await visible(result.getByTestId('dossier-status').getByText('Chờ bổ sung (tiếp nhận)'));
    await visible(result.getByTestId('supplement-items').getByText(new RegExp(DOC_NAME)));
    assert.equal(await result.getByTestId('result-code').count(), 0);
    const href = await result.getByRole('link', { name: 'Tải Mẫu 02 (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
  },
);

e2eTest(
  'should hand a dossier to the unit and let its officer claim and complete the step from the queue',
  async ({ page, url }) => {
    await prepare(url);
    const { id, code } = await receivedDossier(url, 'Công ty TNHH Kiểm Thử Xử Lý');

    // The one-stop hands it over to the Labour Division.
    await signIn(page, url, ONE_STOP.email);
    await page.goto(`${url}/procedures/dossiers/${id}`);
    await page.getByRole('button', { name: 'Chuyển đơn vị xử lý' }).click();
    const transfer = page.getByRole('dialog', { name: 'Chuyển đơn vị xử lý' });
    await transfer.getByLabel('Ghi chú').fill('Chuyển Phòng Lao động thẩm định');
    await transfer.getByRole('button', { name: 'Chuyển đơn vị xử lý' }).click();
    await visible(page.getByTestId('dossier-status').getByText('Đang giải quyết'));
    // Not the one-stop's step: no processing action for it now.
    assert.equal(await page.getByRole('button', { name: 'Hoàn thành bước' }).count(), 0);

    // The Labour officer finds it in the queue, claims it, and completes the appraisal step.
    await switchUser(page, url, LABOUR.email);
    await page.goto(`${url}/procedures/queue`);
    await visible(page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }));
    await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${code}` }).click();
    await visible(page.getByText('Bạn đã nhận xử lý bước hiện tại.'));
    const row = page.getByTestId('dossier-row').filter({ hasText: code });
    await visible(row.getByText(LABOUR.name));
    assert.equal(await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${code}` }).count(), 0);
    await page.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
    await visible(page.getByTestId('current-step').getByText('Thẩm định hồ sơ, dự thảo kết quả'));
    await page.getByRole('button', { name: 'Hoàn thành bước' }).click();
    const complete = page.getByRole('dialog', { name: 'Hoàn thành bước' });
    await complete.getByLabel('Ghi chú').fill('Đã thẩm định, đủ điều kiện');
    await complete.getByRole('button', { name: 'Hoàn thành bước' }).click();
    await visible(page.getByTestId('current-step').getByText('Lãnh đạo Ban xem xét, ký duyệt'));
    await visible(page.getByTestId('control-sheet').getByText('Hoàn thành bước, chuyển bước tiếp'));
    // A leader step now: nothing left for the Labour officer.
    await visible(page.getByTestId('no-actions'));

    const api = await apiSession(url, LABOUR.email);
    const d = (await api('GET', `/procedures/dossiers/${id}`)).body;
    assert.equal(d.currentStep.position, 1);
    assert.ok(d.steps[0].completedAt);
    assert.equal(d.steps[0].assignee.name, LABOUR.name);
    assert.equal(d.steps[0].note, 'Đã thẩm định, đủ điều kiện');
  },
);

e2eTest(
  'should let an enterprise submit online with an uploaded PDF and see the receipt once received',
  async ({ page, url }) => {
    await prepare(url);
    await signIn(page, url, ENTERPRISE);
    await page.goto(`${url}/procedures/dossiers`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }));
    await choose(page, page, 'Thủ tục', new RegExp(`^${PROCEDURE}`));
    await field(page, 'Nội dung yêu cầu giải quyết').fill('Đăng ký thỏa ước lao động tập thể (trực tuyến)');
    assert.notEqual(await field(page, 'Tên tổ chức, cá nhân').inputValue(), '');

    // Submitting without the file names it, without a request.
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await visible(page.getByText('Vui lòng tải lên tệp cho giấy tờ này.'));

    // A text file renamed .pdf: the server sniffs the content and says why, in Vietnamese.
    const input = page.getByLabel(new RegExp(`^${DOC_NAME}`));
    await input.setInputFiles({
      name: 'thoa-uoc.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('không phải PDF'),
    });
    await visible(page.getByRole('alert').getByText(/Nội dung tệp không thuộc loại được chấp nhận/));
    await input.setInputFiles({ name: 'thoa-uoc-2026.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await visible(page.getByTestId('uploaded-file').getByText(/thoa-uoc-2026\.pdf/));
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    await visible(page.getByTestId('submission-result').getByRole('heading', { name: 'Đã nộp hồ sơ' }));
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await visible(page.getByTestId('dossier-status').getByText('Chờ tiếp nhận'));
    await visible(page.getByRole('link', { name: 'thoa-uoc-2026.pdf' }));
    await visible(page.getByTestId('no-actions'));
    const id = page.url().split('/').pop()!;

    // The one-stop checks it online and receives it.
    await switchUser(page, url, ONE_STOP.email);
    await page.goto(`${url}/procedures/dossiers/${id}`);
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tiếp nhận hồ sơ' });
    await dialog.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await visible(page.getByTestId('dossier-status').getByText('Đã tiếp nhận'));

    // The enterprise now sees the code and the receipt.
    await switchUser(page, url, ENTERPRISE);
    await page.goto(`${url}/procedures/dossiers`);
    const row = page.getByTestId('dossier-row').filter({ hasText: 'trực tuyến' }).first();
    await visible(row.getByText(CODE_PATTERN));
    await page.goto(`${url}/procedures/dossiers/${id}`);
    assert.match((await page.getByTestId('dossier-code').textContent())!.trim(), CODE_PATTERN);
    const href = await page.getByRole('link', { name: 'Tải Mẫu 01 (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${url}${href}`);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
  },
);

e2eTest(
  'should refuse what a user may not do: pages, hidden actions and the server',
  async ({ page, url }) => {
    await prepare(url);
    // An enterprise user has no counter and no statistics.
    await signIn(page, url, ENTERPRISE);
    await page.goto(`${url}/procedures/counter`);
    await visible(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));
    await page.goto(`${url}/procedures/statistics`);
    await visible(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));

    // Staff of another unit may open the counter page but are warned, and the server refuses the intake.
    await switchUser(page, url, STAFF.email);
    await startCounterIntake(page, url, 'Công ty TNHH Không Được Tiếp Nhận');
    await visible(page.getByText(/Chỉ cán bộ Bộ phận Một cửa/));
    await page.getByRole('checkbox', { name: `Đã nhận: ${DOC_NAME}` }).check();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await visible(page.getByRole('alert').getByText('Bạn không có quyền thực hiện thao tác này.'));
    assert.equal(await page.getByTestId('intake-result').count(), 0);

    // A transition the state does not allow is refused by the server (and never offered on screen).
    const { id } = await receivedDossier(url, 'Công ty TNHH Kiểm Thử Trạng Thái');
    const api = await apiSession(url, ONE_STOP.email);
    const res = await api('POST', `/procedures/dossiers/${id}/return`, { method: 'counter' });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'INVALID_STATE');
    await switchUser(page, url, ONE_STOP.email);
    await page.goto(`${url}/procedures/dossiers/${id}`);
    await visible(page.getByRole('button', { name: 'Chuyển đơn vị xử lý' }));
    assert.equal(await page.getByRole('button', { name: 'Trả kết quả' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Hoàn thành bước' }).count(), 0);
  },
);

e2eTest('should show statistics whose numbers match the API', async ({ page, url }) => {
  await prepare(url);
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
    new Date(),
  );
  await signIn(page, url, LEADER);
  await page.goto(`${url}/procedures/statistics?period=${year}`);
  await visible(page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết hồ sơ' }));
  const table = page.getByTestId('statistics-table');
  await visible(table.getByTestId('stat-row-total'));

  const api = await apiSession(url, LEADER);
  const stats = (await api('GET', `/procedures/statistics?period=${year}&groupBy=procedure`)).body;
  assert.ok(stats.total.received.total > 0, 'the demo has dossiers this year');
  const cell = async (row: string, col: string) =>
    (await table.getByTestId(row).locator(`[data-col="${col}"]`).textContent())!.trim();
  const int = (s: string) => Number(s.replace(/\./g, ''));
  const pct = (s: string) => Number(s.replace('%', '').replace(',', '.'));

  assert.equal(int(await cell('stat-row-total', 'receivedTotal')), stats.total.received.total);
  assert.equal(int(await cell('stat-row-total', 'newOnline')), stats.total.received.newOnline);
  assert.equal(int(await cell('stat-row-total', 'resolvedTotal')), stats.total.resolved.total);
  assert.equal(int(await cell('stat-row-total', 'late')), stats.total.resolved.late);
  assert.equal(int(await cell('stat-row-total', 'overdue')), stats.total.inProgress.overdue);
  if (stats.total.onTimeRate !== null) {
    assert.ok(
      Math.abs(pct(await cell('stat-row-total', 'onTimeRate')) - stats.total.onTimeRate * 100) < 0.051,
    );
  }
  for (const row of stats.rows as { key: string; received: { total: number } }[]) {
    assert.equal(int(await cell(`stat-row-${row.key}`, 'receivedTotal')), row.received.total, row.key);
  }

  // Grouped by unit, the same totals.
  await page.getByRole('radiogroup').getByText('Đơn vị', { exact: true }).click();
  await page.waitForURL(/groupBy=unit/);
  await visible(table.getByTestId('stat-row-total'));
  assert.equal(int(await cell('stat-row-total', 'receivedTotal')), stats.total.received.total);

  // The scorecard shows the same on-time rate.
  await page.goto(`${url}/procedures/scorecard?period=${year}`);
  await visible(page.getByRole('heading', { level: 1, name: 'Bảng chỉ số chất lượng giải quyết' }));
  if (stats.total.onTimeRate !== null) {
    const shown = pct((await page.getByTestId('kpi-on-time').textContent())!.trim());
    assert.ok(Math.abs(shown - stats.total.onTimeRate * 100) < 0.051);
  }
});

e2eTest(
  'should show a procedure of the catalogue and let an administrator add a version',
  async ({ page, url }) => {
    await prepare(url);
    await signIn(page, url, ADMIN.email);
    await page.goto(`${url}/procedures/catalogue`);
    await visible(page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }));
    await page.getByRole('link', { name: PROCEDURE, exact: true }).click();
    await visible(
      page.getByRole('heading', { level: 1, name: 'Đăng ký thỏa ước lao động tập thể doanh nghiệp' }),
    );
    await visible(page.getByRole('cell', { name: DOC_NAME }));
    await visible(page.getByRole('cell', { name: 'Lãnh đạo Ban xem xét, ký duyệt' }));

    await page.getByRole('button', { name: 'Thêm phiên bản mới' }).click();
    const dialog = page.getByRole('dialog', { name: `Phiên bản mới của ${PROCEDURE}` });
    // A longer time limit without moving the steps: the form says the steps must add up, before any request.
    await field(dialog, 'Thời hạn (ngày làm việc)').fill('12');
    await dialog.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await visible(
      dialog.getByText(/Tổng thời gian các bước \(10 ngày\) phải bằng thời hạn giải quyết \(12 ngày\)/),
    );
    await dialog.getByLabel('Số ngày — bước 1').fill('9');
    await dialog.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await visible(page.getByText(`Đã lưu ${PROCEDURE} phiên bản 2.`));
    await visible(page.getByText('12 ngày làm việc').first());

    const api = await apiSession(url, ADMIN.email);
    const versions = (await api('GET', `/procedures/catalogue/${PROCEDURE}/versions`)).body as {
      version: number;
      timeLimitDays: number;
      effectiveTo: string | null;
    }[];
    const v2 = versions.find((v) => v.version === 2);
    assert.equal(v2?.timeLimitDays, 12);
    assert.ok(versions.find((v) => v.version === 1)?.effectiveTo, 'version 1 is closed');
  },
);
