import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, field, mainNav, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('reporting');

const ENTERPRISE = { email: 'doanhnghiep@heza.demo', name: 'Công ty TNHH Demo Hải Phòng (dữ liệu mẫu)' };
const FORM = {
  code: 'BM-SXKD-THANG',
  name: 'Báo cáo tình hình sản xuất kinh doanh hằng tháng (dữ liệu mẫu)',
  dueAfterDays: 10,
  lockAfterDays: 45,
};

/** Today on Vietnam's clock, as the platform sees it. */
function vnToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The month `back` months before today's (0 = this month): id, Vietnamese label, last day. */
function month(back: number) {
  const [y, m] = vnToday().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  const year = d.getUTCFullYear();
  const mon = d.getUTCMonth() + 1;
  const end = new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
  return { id: `${year}M${String(mon).padStart(2, '0')}`, label: `Tháng ${mon}/${year}`, end };
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Picks an option of a Mantine Select by the field's label (a required field's label ends with " *"). */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await scope.getByRole('combobox', { name: new RegExp(`^${escaped}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Picks the demo enterprise in an enterprise picker (searched by name on the server). */
async function pickEnterprise(page: Page, scope: Page | Locator) {
  await scope.getByRole('combobox', { name: /^Doanh nghiệp( \*)?$/ }).fill('Demo Hải Phòng');
  await page
    .getByRole('option', { name: new RegExp(`^${ENTERPRISE.name.replace(/[()]/g, '\\$&')}`) })
    .click();
}

/** The block of one indicator on the report entry screen: its name and its inputs. */
function indicatorBlock(page: Page, name: string): Locator {
  return page
    .locator('div')
    .filter({ has: page.getByText(name, { exact: true }) })
    .filter({ has: page.getByRole('textbox', { name: /^Tổng số/ }) })
    .last();
}

async function typeTotal(page: Page, indicator: string, value: string) {
  await indicatorBlock(page, indicator)
    .getByRole('textbox', { name: /^Tổng số/ })
    .fill(value);
}

/** The demo form's id, read with the signed-in user's session. */
async function formId(page: Page, url: string): Promise<string> {
  const res = await page.request.get(`${url}/api/reporting/forms`);
  const forms = (await res.json()) as { items: { id: string; code: string }[] };
  const found = forms.items.find((f) => f.code === FORM.code);
  assert.ok(found, `form ${FORM.code} is listed`);
  return found.id;
}

e2eTest(
  'should let an enterprise enter, be warned as it types, save a draft and submit, and a reviewer return then accept it',
  async ({ page, url }) => {
    const current = month(0);
    await signIn(page, url, ENTERPRISE.email);
    await mainNav(page).getByRole('link', { name: 'Báo cáo của doanh nghiệp' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ của doanh nghiệp' }));
    const row = page.getByRole('row').filter({ hasText: current.label });
    await visible(row.getByText('Chưa nộp'));
    await row.getByRole('link', { name: 'Nhập báo cáo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `${FORM.name} — ${current.label}` }));
    await visible(page.getByText('Kỳ chưa kết thúc: chỉ nhập số ước tính.'));

    await typeTotal(page, 'Doanh thu', '1.500.000');
    await typeTotal(page, 'Kim ngạch nhập khẩu', '600.000');
    await typeTotal(page, 'Nộp ngân sách nhà nước', '250.000.000');
    await typeTotal(page, 'Thu nhập bình quân', '9.500.000');
    const labour = indicatorBlock(page, 'Lao động');
    await labour.getByRole('textbox', { name: /^Tổng số/ }).fill('200');
    await labour.getByRole('textbox', { name: 'Quốc tịch: Lao động Việt Nam' }).fill('180');
    const foreign = labour.getByRole('textbox', { name: 'Quốc tịch: Lao động nước ngoài' });
    // More foreign workers than workers: refused in Vietnamese as soon as it is typed, before any save.
    await foreign.fill('250');
    await visible(page.getByText('Lao động nước ngoài (250) lớn hơn tổng số Lao động (200).'));
    assert.equal(await foreign.getAttribute('aria-invalid'), 'true');
    // A configurable warning rule (exports above 150% of revenue) speaks as the value is typed, too.
    await typeTotal(page, 'Kim ngạch xuất khẩu', '2.400.000');
    await visible(
      page.getByText('Kim ngạch xuất khẩu lớn hơn 150% doanh thu: đề nghị kiểm tra lại.').first(),
    );

    await foreign.fill('20');
    await page
      .getByText('Lao động nước ngoài (250) lớn hơn tổng số Lao động (200).')
      .waitFor({ state: 'detached' });
    await typeTotal(page, 'Kim ngạch xuất khẩu', '900.000');
    await page
      .getByText('Kim ngạch xuất khẩu lớn hơn 150% doanh thu: đề nghị kiểm tra lại.')
      .first()
      .waitFor({ state: 'detached' });
    assert.equal(await foreign.getAttribute('aria-invalid'), null);

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await visible(page.getByText('Đã lưu nháp.'));
    await visible(page.getByText(/Đang có bản nháp chưa nộp/));
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await visible(page.getByText('Đã nộp báo cáo.'));
    await visible(page.getByText('Đã nộp', { exact: true }));
    const entryUrl = page.url();
    assert.match(entryUrl, new RegExp(`/reporting/forms/[0-9a-f-]{36}/reports/[0-9a-f-]{36}/${current.id}$`));

    // The reviewer (administrator: the demo enterprise is in KCN Đồ Sơn, outside canbo's Đình Vũ zones)
    // returns it with a comment.
    const reviewer = await page
      .context()
      .browser()!
      .newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const staffPage = await reviewer.newPage();
    try {
      await signIn(staffPage, url, ADMIN.email);
      await mainNav(staffPage).getByRole('link', { name: 'Báo cáo đã nhận' }).click();
      await field(staffPage, 'Kỳ báo cáo').fill(current.id);
      await pickEnterprise(staffPage, staffPage);
      const submitted = staffPage.getByRole('row').filter({ hasText: ENTERPRISE.name });
      await visible(submitted.getByText('Đã nộp', { exact: true }));
      await submitted.getByRole('button', { name: 'Trả lại' }).click();
      const dialog = staffPage.getByRole('dialog', { name: 'Trả lại báo cáo để chỉnh sửa' });
      await field(dialog, 'Nội dung cần sửa').fill('Kiểm tra lại số nộp ngân sách tháng này.');
      await dialog.getByRole('button', { name: 'Trả lại' }).click();
      await visible(staffPage.getByText('Đã trả lại báo cáo.'));

      // The enterprise sees the comment; its values are kept. It corrects one and submits again.
      await page.reload();
      await visible(page.getByText('Báo cáo bị trả lại để chỉnh sửa'));
      await visible(page.getByText('Kiểm tra lại số nộp ngân sách tháng này.'));
      const revenue = indicatorBlock(page, 'Doanh thu').getByRole('textbox', { name: /^Tổng số/ });
      assert.equal(await revenue.inputValue(), '1500000');
      assert.equal(
        await indicatorBlock(page, 'Lao động')
          .getByRole('textbox', { name: 'Quốc tịch: Lao động nước ngoài' })
          .inputValue(),
        '20',
      );
      await revenue.fill('1.600.000');
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await visible(page.getByText('Đã nộp báo cáo.'));

      // The value history shows the change, who made it and how.
      await indicatorBlock(page, 'Doanh thu').getByRole('button', { name: 'Lịch sử' }).click();
      const drawer = page.getByRole('dialog', { name: 'Lịch sử thay đổi: Doanh thu' });
      const change = drawer.getByRole('row').filter({ hasText: '1.600.000' });
      await visible(change);
      assert.match(
        (await change.textContent()) ?? '',
        /1\.600\.000 \(ước\).*1\.500\.000 \(ước\).*Doanh nghiệp nộp trực tuyến/,
      );

      // The reviewer accepts it.
      await staffPage.reload();
      await field(staffPage, 'Kỳ báo cáo').fill(current.id);
      await pickEnterprise(staffPage, staffPage);
      const again = staffPage.getByRole('row').filter({ hasText: ENTERPRISE.name });
      await again.getByRole('button', { name: 'Tiếp nhận' }).click();
      await visible(staffPage.getByText('Đã tiếp nhận báo cáo.'));
      await page.reload();
      await visible(page.getByText('Đã tiếp nhận', { exact: true }));
    } finally {
      await reviewer.close();
    }
  },
);

e2eTest(
  'should list the enterprises still missing a report, with a reminder button',
  async ({ page, url }) => {
    const previous = month(1);
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Tình hình nộp báo cáo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Tình hình nộp báo cáo' }));
    const missing = page.getByRole('region', { name: `Doanh nghiệp chưa nộp — ${previous.label}` });
    // The demo enterprise's report of last month was returned for correction: it counts as missing.
    const row = missing.getByRole('row').filter({ hasText: ENTERPRISE.name });
    await visible(row.getByText('Trả lại để sửa'));
    await visible(row.getByText(ENTERPRISE.email));
    await missing.getByRole('button', { name: 'Gửi thư nhắc' }).click();
    await visible(page.getByText(/^Đã gửi \d+ thư nhắc tới \d+ doanh nghiệp\.$/));
  },
);

e2eTest(
  'should let an administrator add indicators and a validation rule through the screens and see them listed',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Chỉ tiêu báo cáo' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Danh mục chỉ tiêu' }));
    await page.getByRole('link', { name: 'Thêm chỉ tiêu' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thêm chỉ tiêu' }));

    // Nothing filled: every problem is named under its field, in Vietnamese.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await visible(page.getByText(/^Mã chỉ tiêu gồm chữ thường không dấu/));
    await visible(page.getByText('Vui lòng nhập tên tiếng Việt.'));
    assert.equal(await field(page, 'Mã chỉ tiêu').getAttribute('aria-invalid'), 'true');

    await field(page, 'Mã chỉ tiêu').fill('hoc_vien_nghe');
    await field(page, 'Tên tiếng Việt').fill('Học viên đào tạo nghề');
    await field(page, 'Tên tiếng Anh').fill('Vocational trainees');
    await field(page, 'Tên tiếng Trung').fill('职业培训学员');
    await field(page, 'Tên tiếng Hàn').fill('직업훈련생');
    await field(page, 'Tên tiếng Nhật').fill('職業訓練生');
    await choose(page, page, 'Đơn vị lưu trữ', /^Người$/);
    await choose(page, page, 'Cách cộng gộp', 'Giá trị cuối kỳ (chỉ tiêu thời điểm)');
    await page.getByRole('checkbox', { name: 'Dùng phân tổ Giới tính' }).check();
    await page.getByRole('checkbox', { name: 'Bắt buộc nhập phân tổ Giới tính' }).check();
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await visible(page.getByText('Đã thêm chỉ tiêu Học viên đào tạo nghề.'));
    await visible(page.getByRole('heading', { level: 1, name: 'Danh mục chỉ tiêu' }));
    const table = page.getByRole('table', { name: 'Danh mục chỉ tiêu báo cáo' });
    const added = table.getByRole('row').filter({ hasText: 'hoc_vien_nghe' });
    await visible(added.getByRole('link', { name: 'Học viên đào tạo nghề' }));
    assert.match(
      (await added.textContent()) ?? '',
      /người.*Doanh nghiệp báo cáo.*Giá trị cuối kỳ.*Giới tính \(bắt buộc\)/,
    );

    // A computed indicator: the formula's operands are checked as it is typed.
    await page.getByRole('link', { name: 'Thêm chỉ tiêu' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thêm chỉ tiêu' }));
    await page.getByText('Tính toán', { exact: true }).click();
    assert.ok(await page.getByRole('radio', { name: 'Tính toán' }).isChecked());
    await field(page, 'Mã chỉ tiêu').fill('can_can_e2e');
    await field(page, 'Tên tiếng Việt').fill('Cán cân thương mại (thử)');
    await field(page, 'Tên tiếng Anh').fill('Trade balance (test)');
    const formula = field(page, 'Công thức');
    await formula.fill('export - nhap_khau');
    await visible(page.getByText('nhap_khau — không có trong danh mục (hoặc không có trên biểu mẫu)'));
    await formula.fill('export - (import');
    await visible(page.getByText(/^Biểu thức sai cú pháp tại ký tự \d+/));
    await formula.fill('export - import');
    await visible(page.getByText('Biểu thức hợp lệ; các chỉ tiêu được dùng:'));
    await visible(page.getByText('import — Kim ngạch nhập khẩu'));
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await visible(page.getByText('Đã thêm chỉ tiêu Cán cân thương mại (thử).'));
    const computed = table.getByRole('row').filter({ hasText: 'can_can_e2e' });
    assert.match((await computed.textContent()) ?? '', /Tính toán.*Tính theo công thức: export - import/);

    // A validation rule on the demo form, tried before it is saved.
    await mainNav(page).getByRole('link', { name: 'Quy tắc kiểm tra' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Quy tắc kiểm tra số liệu' }));
    const rules = page.getByRole('table', { name: `Quy tắc kiểm tra của biểu mẫu ${FORM.code}` });
    await visible(rules.getByText('labour[nationality:foreign] ≤ labour'));
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const dialog = page.getByRole('dialog', { name: `Thêm quy tắc cho biểu mẫu ${FORM.code}` });
    await field(dialog, 'Mã quy tắc').fill('NK-LE-3XK');
    await choose(page, dialog, 'Mức độ', 'Cảnh báo');
    await field(dialog, 'Vế trái').fill('import');
    await field(dialog, 'Vế phải').fill('export * 3 +');
    await visible(dialog.getByText(/^Biểu thức sai cú pháp tại ký tự/));
    await field(dialog, 'Vế phải').fill('export * 3');
    await field(dialog, 'Giá trị mẫu của import').fill('400');
    await field(dialog, 'Giá trị mẫu của export').fill('100');
    await visible(dialog.getByText('Vi phạm, cảnh báo: vế trái = 400, vế phải = 300.'));
    await field(dialog, 'Giá trị mẫu của export').fill('200');
    await visible(dialog.getByText('Đạt: vế trái = 400, vế phải = 600.'));
    await field(dialog, 'Thông báo tiếng Việt').fill(
      'Kim ngạch nhập khẩu lớn hơn ba lần xuất khẩu: đề nghị kiểm tra.',
    );
    await field(dialog, 'Thông báo tiếng Anh').fill('Imports above three times exports: please check.');
    await dialog.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await visible(page.getByText('Đã thêm quy tắc NK-LE-3XK.'));
    const rule = rules.getByRole('row').filter({ hasText: 'NK-LE-3XK' });
    assert.match(
      (await rule.textContent()) ?? '',
      /import ≤ export \* 3.*Cảnh báo.*Kim ngạch nhập khẩu lớn hơn ba lần/,
    );

    // Edited, then deleted.
    await rule.getByRole('button', { name: 'Sửa quy tắc NK-LE-3XK' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa quy tắc NK-LE-3XK' });
    await field(edit, 'Vế phải').fill('export * 4');
    await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
    await visible(rules.getByText('import ≤ export * 4'));
    await rule.getByRole('button', { name: 'Xóa quy tắc NK-LE-3XK' }).click();
    await page
      .getByRole('dialog', { name: 'Xóa quy tắc kiểm tra' })
      .getByRole('button', { name: 'Xóa' })
      .click();
    await visible(page.getByText('Đã xóa quy tắc NK-LE-3XK.'));
    await rules.getByRole('row').filter({ hasText: 'NK-LE-3XK' }).waitFor({ state: 'detached' });
  },
);

e2eTest(
  'should explain the due day and the lock day on a form and grant then revoke an unlock',
  async ({ page, url }) => {
    const previous = month(1);
    const locked = month(3);
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Biểu mẫu báo cáo' }).click();
    await page.getByRole('link', { name: FORM.name }).click();
    await visible(page.getByRole('heading', { level: 1, name: `Biểu mẫu ${FORM.code}` }));
    assert.match(page.url(), /\/reporting\/forms\/[0-9a-f-]{36}$/);
    assert.equal(
      await field(page, 'Hạn nộp (số ngày sau khi kết thúc kỳ)').inputValue(),
      String(FORM.dueAfterDays),
    );
    const lock = field(page, 'Ngày khóa số liệu (số ngày sau khi kết thúc kỳ)');
    assert.equal(await lock.inputValue(), String(FORM.lockAfterDays));
    await visible(
      page.getByText(
        `${previous.label} kết thúc ngày ${vnDate(previous.end)}: hạn nộp ${vnDate(addDays(previous.end, FORM.dueAfterDays))}, khóa số liệu sau ngày ${vnDate(addDays(previous.end, FORM.lockAfterDays))}.`,
      ),
    );
    // A lock day before the due day is refused, naming why.
    await lock.fill('5');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await visible(page.getByText(/^Ngày khóa số liệu phải sau hoặc trùng hạn nộp/));
    assert.equal(await lock.getAttribute('aria-invalid'), 'true');

    // An unlock exception for the demo enterprise, recorded with who and why, then revoked.
    const unlocks = page.getByRole('region', { name: 'Mở khóa sau ngày khóa số liệu' });
    await unlocks.getByRole('button', { name: 'Mở khóa' }).click();
    const dialog = page.getByRole('dialog', { name: `Mở khóa nhập liệu — biểu mẫu ${FORM.code}` });
    await choose(page, dialog, 'Kỳ báo cáo', locked.label);
    await field(dialog, 'Mở đến hết ngày').fill(vnDate(addDays(vnToday(), 7)));
    await pickEnterprise(page, dialog);
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await visible(dialog.getByText('Vui lòng ghi lý do mở khóa (ít nhất 3 ký tự).'));
    await field(dialog, 'Lý do').fill('Doanh nghiệp đề nghị điều chỉnh số lao động.');
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await visible(page.getByText('Đã mở khóa.'));
    const row = unlocks.getByRole('row').filter({ hasText: locked.label });
    await visible(row.getByText('Đang mở'));
    assert.match(
      (await row.textContent()) ?? '',
      new RegExp(
        `Công ty TNHH Demo Hải Phòng.*${vnDate(addDays(vnToday(), 7))}.*Doanh nghiệp đề nghị.*admin@heza\\.demo`,
      ),
    );
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page
      .getByRole('dialog', { name: 'Thu hồi mở khóa' })
      .getByRole('button', { name: 'Thu hồi' })
      .click();
    await visible(page.getByText('Đã thu hồi mở khóa.'));
    await visible(row.getByText('Đã thu hồi'));
  },
);

e2eTest(
  'should refuse a paper-report file with one bad row, writing nothing, then import a good one with its history',
  async ({ page, url }) => {
    const previous = month(1);
    const dir = mkdtempSync(path.join(tmpdir(), 'heza-reporting-import-'));
    try {
      await signIn(page, url, STAFF.email);
      // An enterprise of the staff member's zones that reports the demo form.
      const id = await formId(page, url);
      const list = await page.request.get(
        `${url}/api/reporting/submissions?formId=${id}&periodId=${previous.id}&pageSize=1`,
      );
      const target = (
        (await list.json()) as { items: { enterpriseId: string; taxCode: string; enterpriseName: string }[] }
      ).items[0];
      assert.ok(target, 'the staff member sees at least one report of last month');
      const history = async () => {
        const res = await page.request.get(
          `${url}/api/reporting/forms/${id}/reports/${target.enterpriseId}/${previous.id}/history?indicator=revenue`,
        );
        return ((await res.json()) as { items: { source: string; value: string | null }[] }).items;
      };
      const importsBefore = (await history()).filter((h) => h.source === 'import').length;

      await mainNav(page).getByRole('link', { name: 'Nhập báo cáo giấy' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Nhập báo cáo giấy từ tệp' }));
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: `Tải mẫu XLSX của biểu mẫu ${FORM.code}` }).click();
      const download = await downloading;
      assert.equal(download.suggestedFilename(), `mau-${FORM.code}.xlsx`);
      const templatePath = path.join(dir, 'template.xlsx');
      await download.saveAs(templatePath);

      // A real workbook built from the template: its mark and headers, then our rows.
      const build = async (rows: Record<string, string>[], name: string) => {
        const template = new ExcelJS.Workbook();
        await template.xlsx.readFile(templatePath);
        const sheet = template.worksheets[0]!;
        const headerRow = sheet.getRow(2);
        const keys: string[] = [];
        headerRow.eachCell({ includeEmpty: false }, (cell, col) => {
          keys[col] = /\(([a-z0-9_]+)\)\s*$/.exec(String(cell.value))?.[1] ?? '';
        });
        const book = new ExcelJS.Workbook();
        const out = book.addWorksheet(FORM.code);
        out.addRow((sheet.getRow(1).values as unknown[]).slice(1));
        out.addRow((headerRow.values as unknown[]).slice(1));
        for (const r of rows) out.addRow(keys.slice(1).map((k) => r[k] ?? ''));
        const file = path.join(dir, name);
        await book.xlsx.writeFile(file);
        return file;
      };
      const good = {
        tax_code: target.taxCode,
        period: previous.id,
        revenue: '7654321.5',
        export: '5000000',
        import: '3000000',
        budget_payments: '120000000',
        labour: '300',
        labour__nationality__vn: '290',
        labour__nationality__foreign: '10',
        avg_income: '9800000',
      };
      assert.ok(
        (await (async () => {
          const template = new ExcelJS.Workbook();
          await template.xlsx.readFile(templatePath);
          return String(template.worksheets[0]!.getCell('B1').value);
        })()) === `reporting:${FORM.code}`,
        'the template names its form',
      );
      const badPath = await build([good, { ...good, tax_code: '0299999999' }], 'bad.xlsx');
      const goodPath = await build([good], 'good.xlsx');

      const fileInput = page.locator('input[type="file"]');
      await fileInput.setInputFiles(badPath);
      await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
      await visible(page.getByText('Tệp có lỗi, chưa ghi dữ liệu nào'));
      const problems = page.getByRole('table', { name: /Các lỗi trong tệp/ });
      const problemRows = problems.locator('tbody tr');
      await visible(problemRows.first());
      assert.equal(await problemRows.count(), 1);
      assert.equal(
        (await problemRows.first().textContent()) ?? '',
        '4tax_codeKhông có doanh nghiệp với mã số thuế 0299999999 trong sổ đăng ký.',
      );
      // Importing the same file is refused as a whole: the good row is not written either.
      await page.getByRole('button', { name: 'Nhập số liệu' }).click();
      await visible(page.getByText('Tệp có lỗi, chưa ghi dữ liệu nào'));
      assert.equal((await history()).filter((h) => h.source === 'import').length, importsBefore);

      await fileInput.setInputFiles(goodPath);
      await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
      await visible(page.getByText('Tệp hợp lệ, chưa ghi'));
      await visible(page.getByText(/^1 dòng hợp lệ: sẽ ghi 1 báo cáo với 8 giá trị/));
      assert.equal((await history()).filter((h) => h.source === 'import').length, importsBefore);
      await page.getByRole('button', { name: 'Nhập số liệu' }).click();
      await visible(page.getByText('Đã nhập xong'));
      await visible(page.getByText('Đã ghi 1 báo cáo (8 giá trị) từ 1 dòng.'));

      // The report shows the imported value, and its history says where it came from.
      await page.goto(`${url}/reporting/forms/${id}/reports/${target.enterpriseId}/${previous.id}`);
      await visible(page.getByRole('heading', { level: 1, name: `${FORM.name} — ${previous.label}` }));
      assert.equal(
        await indicatorBlock(page, 'Doanh thu')
          .getByRole('textbox', { name: /^Tổng số/ })
          .inputValue(),
        '7654321,5',
      );
      await indicatorBlock(page, 'Doanh thu').getByRole('button', { name: 'Lịch sử' }).click();
      const drawer = page.getByRole('dialog', { name: 'Lịch sử thay đổi: Doanh thu' });
      const imported = drawer.getByRole('row').filter({ hasText: 'Nhập từ tệp' });
      await visible(imported);
      assert.match((await imported.first().textContent()) ?? '', /7\.654\.321,5 \(thực hiện\).*Nhập từ tệp/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
