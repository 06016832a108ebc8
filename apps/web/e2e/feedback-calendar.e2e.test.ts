import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, field, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('feedback-calendar');
const LEADER = 'lanhdao@heza.demo';

/** Picks an option of a Mantine Select by the field's label (required fields add " *"). */
async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await scope.getByRole('combobox', { name: new RegExp(`^${escaped}(\\s*\\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Signs out by dropping the session cookie, then signs in as someone else. */
async function switchUser(page: Page, url: string, email: string) {
  await page.context().clearCookies();
  await signIn(page, url, email);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

e2eTest(
  'should let staff record, route, note, answer and publish a feedback item that then shows on the portal API',
  async ({ page, url }) => {
    // One-stop intake at the counter, in a category of the Văn phòng.
    await signIn(page, url, STAFF.email);
    await page.goto(`${url}/feedback`);
    await visible(page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }));
    await page.getByRole('button', { name: 'Ghi nhận tại quầy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận phản ánh, kiến nghị tại Bộ phận Một cửa' });
    // Nothing filled: the form names what is missing, without a request.
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await visible(dialog.getByText('Vui lòng chọn lĩnh vực.'));
    await visible(dialog.getByText('Vui lòng nhập tiêu đề.'));
    await choose(dialog, page, 'Lĩnh vực', 'Thủ tục hành chính, giải quyết hồ sơ');
    await field(dialog, 'Họ tên hoặc tên tổ chức').fill('Công ty TNHH Kiểm Thử E2E');
    await field(dialog, 'Email').fill('e2e-requester@example.vn');
    const subject = `Thời gian chờ tại quầy quá lâu (e2e ${Date.now()})`;
    await field(dialog, 'Tiêu đề').fill(subject);
    await field(dialog, 'Nội dung phản ánh, kiến nghị').fill(
      'Ngày 10/11 doanh nghiệp chờ hơn 2 giờ tại quầy tiếp nhận. Đề nghị bố trí thêm cán bộ. Người liên hệ: Nguyễn Văn E2E, 0912345678.',
    );
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await visible(page.getByRole('heading', { level: 1, name: subject }));
    const code = ((await page.getByTestId('feedback-code').textContent()) ?? '').trim();
    assert.match(code, /^PAKN-\d{6}-\d{4}$/);
    await visible(page.getByTestId('feedback-days-left').filter({ hasText: /Còn \d+ ngày làm việc/ }));
    // canbo belongs to another unit: the item is shown, the handling buttons are not.
    await visible(page.getByText('Phản ánh này thuộc đơn vị khác', { exact: false }));
    assert.equal(await page.getByRole('button', { name: 'Nhận xử lý' }).count(), 0);
    const itemUrl = page.url();

    // The leader routes it to canbo's unit.
    await switchUser(page, url, LEADER);
    await page.goto(itemUrl);
    // The leader corrects the category first; the hint points to the unit that handles it.
    await choose(page, page, 'Lĩnh vực', 'Hoạt động doanh nghiệp, giám sát đầu tư');
    await visible(
      page.getByText('Lĩnh vực này thường do Phòng Doanh nghiệp và Giám sát đầu tư xử lý', { exact: false }),
    );
    await page.getByRole('button', { name: 'Sửa lĩnh vực' }).click();
    await visible(page.getByText('Đã sửa lĩnh vực.'));
    // The handling log records the correction.
    await visible(page.getByText('procedures → enterprise'));
    await choose(page, page, 'Chuyển đến đơn vị', 'Phòng Doanh nghiệp và Giám sát đầu tư');
    await field(page, 'Ghi chú chuyển (không bắt buộc)').fill('Chuyển phòng DN&GSĐT xử lý theo phân công.');
    await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await visible(page.getByText('Đã chuyển tới Phòng Doanh nghiệp và Giám sát đầu tư.'));

    // canbo takes it, notes, answers and publishes.
    await switchUser(page, url, STAFF.email);
    await page.goto(`${url}/feedback?q=${encodeURIComponent(code)}`);
    await page.getByRole('link', { name: code }).click();
    await visible(page.getByRole('heading', { level: 1, name: subject }));
    await page.getByRole('button', { name: 'Nhận xử lý' }).click();
    await visible(page.getByText('Nguyễn Văn Cán Bộ (demo)').first());
    await field(page, 'Ghi chú mới').fill('Đã liên hệ bộ phận một cửa để xác minh (ghi chú nội bộ e2e).');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await visible(page.getByTestId('feedback-notes').getByText('ghi chú nội bộ e2e', { exact: false }));
    const answer =
      'Ban Quản lý đã bố trí thêm một cán bộ tiếp nhận vào buổi sáng từ ngày 01/12 (trả lời e2e).';
    await field(page, 'Nội dung trả lời').fill(answer);
    await page.getByLabel('Công khai trên cổng thông tin').check();
    const question = 'Doanh nghiệp phản ánh thời gian chờ tại quầy tiếp nhận quá lâu.';
    await field(page, 'Câu hỏi đăng trên cổng').fill(question);
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await visible(page.getByTestId('feedback-answer').filter({ hasText: answer }));
    await visible(page.getByTestId('feedback-public').filter({ hasText: 'Đang công khai trên cổng' }));

    // The portal API shows the edited question and the answer, never the requester nor the internal note.
    const res = await page.request.get(`${url}/api/public/feedback/answers?pageSize=50`);
    assert.equal(res.status(), 200);
    const body = (await res.json()) as { items: { code: string; question: string; answer: string }[] };
    const published = body.items.find((i) => i.code === code);
    assert.ok(published, `${code} is among the published answers`);
    assert.equal(published.answer, answer);
    assert.equal(published.question, question);
    const raw = JSON.stringify(published);
    assert.doesNotMatch(raw, /E2E|0912345678|ghi chú nội bộ/);
  },
);

e2eTest(
  'should warn an administrator, with the list, before a holiday that moves an issued deadline is saved',
  async ({ page, url }) => {
    const today = todayVn();
    // An issued deadline: a demo dossier still open with an appointment ahead, else a fresh portal feedback.
    let target: { code: string; due: string } | undefined;
    await signIn(page, url, ADMIN.email);
    const list = await page.request.get(`${url}/api/procedures/dossiers?status=processing&pageSize=100`);
    assert.equal(list.status(), 200);
    const open = (
      (await list.json()) as { items: { code: string | null; legalDueDate: string | null }[] }
    ).items
      .filter((d) => d.code && d.legalDueDate && d.legalDueDate > today)
      .sort((a, b) => a.legalDueDate!.localeCompare(b.legalDueDate!));
    if (open[0]) target = { code: open[0].code!, due: open[0].legalDueDate! };
    if (!target) {
      await page.context().clearCookies();
      const res = await page.request.post(`${url}/api/feedback`, {
        data: {
          kind: 'petition',
          categoryCode: 'procedures',
          requesterName: 'Khách E2E',
          requesterEmail: 'guest-e2e@example.vn',
          subject: 'Kiến nghị thử nghiệm lịch',
          body: 'Nội dung thử nghiệm.',
        },
      });
      assert.equal(res.status(), 201);
      const receipt = (await res.json()) as { code: string; dueDate: string };
      target = { code: receipt.code, due: receipt.dueDate };
      await signIn(page, url, ADMIN.email);
    }
    const year = Number(target.due.slice(0, 4));

    await page.goto(`${url}/admin/calendar?year=${year}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }));
    await visible(page.getByRole('heading', { name: `Lịch năm ${year}` }));
    // The appointment day is a working day before the change.
    const cell = page.locator(`[data-date="${target.due}"]`);
    assert.match((await cell.getAttribute('aria-label')) ?? '', /Ngày làm việc/);

    await page.getByRole('button', { name: 'Thêm ngày vào bảng lịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm ngày vào bảng lịch' });
    await field(dialog, 'Ngày').fill(dmy(target.due));
    await field(dialog, 'Tên ngày (tiếng Việt)').fill('Nghỉ đột xuất (thử nghiệm e2e)');
    await field(dialog, 'Căn cứ').fill('Thông báo thử nghiệm e2e');
    await dialog.getByRole('button', { name: 'Kiểm tra và lưu' }).click();

    // Warned and listed, nothing saved yet.
    const conflicts = dialog.getByTestId('calendar-conflicts');
    await visible(conflicts);
    await visible(dialog.getByText(/Thay đổi này làm lệch \d+ hạn đã hẹn/));
    const row = conflicts.getByRole('row').filter({ hasText: target.code });
    await visible(row);
    const cells = await row.getByRole('cell').allTextContents();
    assert.equal(cells[2], dmy(target.due));
    assert.ok(cells[3] && cells[3] !== cells[2], 'the recomputed date differs from the one given');
    const before = await page.request.get(`${url}/api/calendar/official-days?year=${year}`);
    assert.ok(!((await before.json()) as { date: string }[]).some((r) => r.date === target.due));

    await dialog.getByRole('button', { name: 'Vẫn lưu' }).click();
    await visible(page.getByText(/Đã lưu\. \d+ hạn đã hẹn bị ảnh hưởng/));
    await visible(page.getByRole('row').filter({ hasText: 'Nghỉ đột xuất (thử nghiệm e2e)' }));
    assert.match((await cell.getAttribute('aria-label')) ?? '', /Ngày lễ \(bảng chính thức\)/);

    // The calculator skips the new holiday.
    await field(page, 'Từ ngày').fill(dmy(today));
    await field(page, 'Số ngày làm việc').fill('0');
    await visible(page.getByTestId('calculator-result').filter({ hasText: dmy(today) }));
  },
);

e2eTest('should let an administrator replace the placeholder agency identifier', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/admin/agency`);
  await visible(page.getByRole('heading', { level: 1, name: 'Thông tin cơ quan' }));
  await visible(page.getByText('Mã định danh đang là mã tạm'));
  await visible(page.getByText('chỉ áp dụng cho hồ sơ tiếp nhận sau khi lưu', { exact: false }).first());
  const code = field(page, 'Mã định danh cơ quan');
  assert.equal(await code.inputValue(), '000.00.00.Z99');

  await code.fill('H31');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByText('Mã định danh cơ quan phải có dạng 000.00.00.H31', { exact: false }));

  await code.fill('000.00.00.h31');
  await visible(page.getByTestId('agency-sample').filter({ hasText: /^000\.00\.00\.H31-\d{6}-0001$/ }));
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Đổi mã định danh cơ quan' });
  await visible(confirm.getByText('Đổi mã định danh từ 000.00.00.Z99 sang 000.00.00.H31?'));
  await confirm.getByRole('button', { name: 'Đổi mã định danh' }).click();
  await visible(
    page.getByText('Hồ sơ tiếp nhận từ bây giờ mang mã bắt đầu bằng 000.00.00.H31', { exact: false }),
  );
  await visible(page.getByRole('heading', { name: 'Mã định danh đã dùng trước đây' }));
  assert.equal(await page.getByText('Mã định danh đang là mã tạm').count(), 0);

  const res = await page.request.get(`${url}/api/procedures/agency`);
  assert.equal(((await res.json()) as { code: string }).code, '000.00.00.H31');
  const audit = await page.request.get(`${url}/api/audit?action=procedures.agency.update`);
  assert.equal(audit.status(), 200);
  const entries = (await audit.json()) as { items: { entityId: string | null }[] };
  assert.ok(
    entries.items.some((e) => e.entityId === '000.00.00.H31'),
    'the change is audited',
  );
});

e2eTest(
  'should show the forbidden notice to staff on the agency screen and hide calendar edits',
  async ({ page, url }) => {
    await signIn(page, url, STAFF.email);
    await page.goto(`${url}/admin/agency`);
    await visible(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));
    assert.equal(await page.getByLabel(/Mã định danh cơ quan/).count(), 0);

    // Staff may read the calendar but not edit it.
    await page.goto(`${url}/admin/calendar`);
    await visible(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }));
    await visible(page.getByRole('heading', { name: /Bảng lịch chính thức năm/ }));
    assert.equal(await page.getByRole('button', { name: 'Thêm ngày vào bảng lịch' }).count(), 0);
    // With a valid session and CSRF token, the server itself refuses the change.
    const session = await page.request.get(`${url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const put = await page.request.put(`${url}/api/procedures/agency`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { code: '000.00.00.H32', nameVi: 'X', nameEn: 'X', parentVi: 'X', placeVi: 'X' },
    });
    assert.equal(put.status(), 403);
    assert.equal(((await put.json()) as { code: string }).code, 'FORBIDDEN');
  },
);
