import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, field, mainNav, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('registry');

const ENTERPRISE_USER = {
  email: 'doanhnghiep@heza.demo',
  enterprise: 'Công ty TNHH Demo Hải Phòng (dữ liệu mẫu)',
};
/** A demo FDI project with four certificate entries (new 2002, adjustments 2009, 2011, 2024). */
const PROJECT_CODE = '021043000381';

/** Picks an option of a Mantine Select / combobox by the field's label. */
async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string | RegExp,
): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Asserts that a message sits under a field: visible, the input marked invalid and described by it. */
async function assertFieldError(input: Locator, message: Locator): Promise<void> {
  await visible(message);
  const id = await message.getAttribute('id');
  assert.ok(id, 'the error message has an id');
  await input
    .page()
    .waitForFunction(
      ([el, messageId]) =>
        (el as HTMLElement).getAttribute('aria-invalid') === 'true' &&
        ((el as HTMLElement).getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .includes(messageId as string),
      [await input.elementHandle(), id] as const,
    );
}

e2eTest(
  'should find a zone searched without diacritics and show its lifecycle timeline',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Khu kinh tế, khu công nghiệp' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Khu kinh tế, khu công nghiệp' }));
    const table = page.getByRole('table', { name: 'Danh sách khu kinh tế, khu công nghiệp' });
    await visible(table.getByRole('link', { name: 'KCN An Dương' }));

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dinh vu');
    await page.waitForURL(/q=dinh\+vu/);
    await table.getByRole('link', { name: 'KCN An Dương' }).waitFor({ state: 'detached' });
    await visible(table.getByRole('link', { name: 'KCN Đình Vũ (DEEP C I)' }));
    const economicZone = table.getByRole('link', { name: 'Khu kinh tế Đình Vũ - Cát Hải', exact: true });
    await visible(economicZone);
    // Numbers in the official Vietnamese style: occupancy with a decimal comma.
    await visible(table.getByRole('row').filter({ hasText: 'KCN Đình Vũ (DEEP C I)' }).getByText('96,1%'));

    // The list, with its search, downloads as an Excel file.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Xuất Excel' }).click();
    assert.match((await downloading).suggestedFilename(), /^zones-\d{4}-\d{2}-\d{2}\.xlsx$/);

    await economicZone.first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'Khu kinh tế Đình Vũ - Cát Hải' }));
    const timeline = page.getByRole('list', { name: 'Các mốc vòng đời của khu, từ cũ đến mới' });
    await visible(timeline);
    const events = timeline.getByRole('listitem');
    assert.equal(await events.count(), 2);
    assert.match((await events.nth(0).textContent()) ?? '', /10\/01\/2008.*Đã thành lập/);
    assert.match((await events.nth(1).textContent()) ?? '', /01\/01\/2009.*Đang hoạt động/);
    // The parks inside the economic zone, with their status, and the area in Vietnamese style.
    const parks = page.getByRole('table', { name: 'Các khu công nghiệp nằm trong khu kinh tế này' });
    await visible(parks.getByRole('link', { name: 'KCN Nam Đình Vũ (khu I)' }));
    await visible(parks.getByText('1.000 ha'));
    await visible(page.getByText('Theo số liệu ngày 10/01/2008: tổng diện tích 22.540 ha', { exact: false }));
  },
);

e2eTest(
  'should record, refuse and void lifecycle events and areas when a new zone is managed',
  async ({ page, url }) => {
    const name = `KCN Kiểm thử ${Date.now()}`;
    await signIn(page, url, ADMIN.email);
    await page.goto(`${url}/registry/zones`);
    await page.getByRole('button', { name: 'Thêm khu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm khu' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Thêm khu' }).click();
    await visible(dialog.getByText('Vui lòng nhập tên.'));
    await field(dialog, 'Tên tiếng Việt').fill(name);
    await choose(page, dialog, 'Loại khu', 'Khu công nghiệp');
    await dialog.getByRole('button', { name: 'Thêm khu' }).click();
    await visible(page.getByRole('heading', { level: 1, name }));

    // An "operating" event in the future is refused by the server, under the date.
    await page.getByRole('button', { name: 'Thêm mốc' }).first().click();
    const eventDialog = page.getByRole('dialog', { name: 'Thêm mốc vòng đời' });
    await choose(page, eventDialog, 'Mốc', 'Đang hoạt động');
    const eventDate = field(eventDialog, 'Ngày có hiệu lực');
    await eventDate.fill('01/01/2099');
    await eventDate.press('Tab');
    await eventDialog.getByRole('button', { name: 'Ghi mốc' }).click();
    await assertFieldError(
      eventDate,
      eventDialog.getByText('Ngày sự kiện không được ở tương lai', { exact: false }),
    );

    // A real past event with its deciding document.
    await choose(page, eventDialog, 'Mốc', 'Có trong quy hoạch');
    await eventDate.fill('02/12/2023');
    await eventDate.press('Tab');
    await field(eventDialog, 'Số quyết định').fill('1516/QĐ-TTg');
    await eventDialog.getByRole('button', { name: 'Ghi mốc' }).click();
    await eventDialog.waitFor({ state: 'detached' });
    const timeline = page.getByRole('list', { name: 'Các mốc vòng đời của khu, từ cũ đến mới' });
    await visible(timeline.getByText('Quyết định số 1516/QĐ-TTg'));

    // Void it with a reason: it stays in the history, marked.
    await timeline.getByRole('button', { name: 'Hủy mốc Có trong quy hoạch ngày 02/12/2023' }).click();
    const voidDialog = page.getByRole('dialog', { name: 'Hủy mốc ghi nhầm' });
    await field(voidDialog, 'Lý do hủy').fill('Ghi nhầm khu');
    await voidDialog.getByRole('button', { name: 'Hủy mốc' }).click();
    await voidDialog.waitFor({ state: 'detached' });
    await visible(timeline.getByText('Đã hủy', { exact: true }));
    await visible(timeline.getByText(/lý do: Ghi nhầm khu/));

    // Areas: leased above leasable is refused under its field; then a valid record shows its occupancy.
    await page.getByRole('button', { name: 'Ghi diện tích' }).click();
    const areaDialog = page.getByRole('dialog', { name: 'Ghi diện tích của khu' });
    await field(areaDialog, 'Tổng diện tích').fill('100');
    await field(areaDialog, 'Đất có thể cho thuê').fill('50');
    await field(areaDialog, 'Đất đã cho thuê').fill('60');
    await areaDialog.getByRole('button', { name: 'Ghi diện tích' }).click();
    await assertFieldError(
      field(areaDialog, 'Đất đã cho thuê'),
      areaDialog.getByText('Diện tích đã cho thuê lớn hơn diện tích có thể cho thuê.'),
    );
    await field(areaDialog, 'Đất đã cho thuê').fill('37,5');
    await areaDialog.getByRole('button', { name: 'Ghi diện tích' }).click();
    await areaDialog.waitFor({ state: 'detached' });
    await visible(page.getByText(/đã cho thuê 37,5 ha trên 50 ha đất có thể cho thuê, tỷ lệ lấp đầy 75%/));
  },
);

e2eTest('should show a project with its certificate ledger', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await mainNav(page).getByRole('link', { name: 'Dự án đầu tư' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Dự án đầu tư' }));
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(PROJECT_CODE);
  await page.waitForURL(new RegExp(`q=${PROJECT_CODE}`));
  const table = page.getByRole('table', { name: 'Danh sách dự án đầu tư' });
  await visible(table.getByText('489.260.000 USD'));
  await table.getByRole('link', { name: /Dự án sản xuất điện tử dân dụng 0381/ }).click();

  await visible(page.getByRole('heading', { level: 1, name: /Dự án sản xuất điện tử dân dụng 0381/ }));
  const ledger = page.getByRole('table', {
    name: new RegExp(`Sổ giấy chứng nhận của dự án ${PROJECT_CODE}`),
  });
  await visible(ledger);
  const rows = ledger.locator('tbody tr');
  assert.equal(await rows.count(), 4);
  const first = (await rows.nth(0).textContent()) ?? '';
  assert.match(first, /Cấp mới/);
  assert.match(first, /cấp ngày 20\/12\/2002/);
  assert.match(first, /\+23\.920\.000/);
  assert.match(first, /Tỷ giá 15\.300 đồng\/USD/);
  const last = (await rows.nth(3).textContent()) ?? '';
  assert.match(last, /Điều chỉnh vốn/);
  assert.match(last, /điều chỉnh lần 3 ngày 30\/12\/2024/);
  assert.match(last, /75\.770\.000/);
  assert.match(last, /489\.260\.000/);
  assert.match(last, /\+9\.675\.666\.000\.000/);
});

e2eTest(
  'should show the server messages under the fields when a ledger entry does not add up or follows a termination',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await page.goto(`${url}/registry/projects?q=${PROJECT_CODE}`);
    await page.getByRole('link', { name: /Dự án sản xuất điện tử dân dụng 0381/ }).click();
    await page.getByRole('button', { name: 'Ghi bút toán' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ghi bút toán' });
    await visible(dialog);
    // The form starts from the ledger: an adjustment of the same certificate, capital before = current.
    assert.equal(await field(dialog, 'Vốn trước').inputValue(), '489260000');
    // The demo's exchange rates end in 2025: a certificate of 2025 converts at the 2025 rate.
    const date = field(dialog, 'Ngày cấp');
    await date.fill('15/01/2025');
    await date.press('Tab');
    await field(dialog, 'Thay đổi').fill('1.000.000');
    await field(dialog, 'Vốn sau').fill('1');
    await dialog.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await assertFieldError(
      field(dialog, 'Vốn sau'),
      dialog.getByText('Vốn sau không bằng vốn trước cộng phần thay đổi.'),
    );
    await field(dialog, 'Vốn sau').fill('490.260.000');
    await dialog.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await dialog.waitFor({ state: 'detached' });
    const ledger = page.getByRole('table', {
      name: new RegExp(`Sổ giấy chứng nhận của dự án ${PROJECT_CODE}`),
    });
    await visible(ledger.locator('tbody tr').nth(4).getByText('+1.000.000', { exact: true }));
    await visible(page.getByText('490.260.000 USD').first());

    // A terminated project takes no adjustment.
    await page.goto(`${url}/registry/projects?status=terminated&investmentType=fdi`);
    const table = page.getByRole('table', { name: 'Danh sách dự án đầu tư' });
    await visible(table.getByText('Đã chấm dứt').first());
    await table.locator('tbody tr').first().getByRole('link').first().click();
    await visible(page.getByRole('table', { name: /Sổ giấy chứng nhận của dự án/ }));
    await page.getByRole('button', { name: 'Ghi bút toán' }).first().click();
    const again = page.getByRole('dialog', { name: 'Ghi bút toán' });
    await choose(page, again, 'Loại', 'Điều chỉnh vốn');
    await field(again, 'Số giấy chứng nhận').fill('TEST-ADJ');
    const againDate = field(again, 'Ngày cấp');
    await againDate.fill('15/01/2025');
    await againDate.press('Tab');
    await field(again, 'Thay đổi').fill('1000');
    await again.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await assertFieldError(
      again.getByRole('combobox', { name: 'Loại' }),
      again.getByText(/Dự án đã chấm dứt ngày .*; không thể ghi/),
    );
  },
);

e2eTest(
  'should refuse an invalid tax code in Vietnamese under the field and create the enterprise with a valid one',
  async ({ page, url }) => {
    const taxCode = `03${String(Date.now()).slice(-8)}`;
    const name = `Công ty TNHH Kiểm Thử ${taxCode}`;
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Doanh nghiệp', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Doanh nghiệp' }));
    await page.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm doanh nghiệp' });
    await visible(dialog);
    const taxInput = field(dialog, 'Mã số thuế');
    await taxInput.fill('12345');
    await field(dialog, 'Tên doanh nghiệp (tiếng Việt)').fill(name);
    await dialog.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await assertFieldError(
      taxInput,
      dialog.getByText('Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số với chi nhánh.'),
    );
    // Focus goes to the field in error.
    assert.equal(await taxInput.evaluate((el) => el === document.activeElement), true);

    // A well-formed code that is already registered: the server's message lands under the same field.
    await taxInput.fill('0200000001');
    await dialog.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await assertFieldError(taxInput, dialog.getByText('Mã số thuế 0200000001 đã có trong sổ doanh nghiệp.'));

    await taxInput.fill(taxCode);
    await dialog.getByRole('radio', { name: 'Có vốn đầu tư nước ngoài (FDI)' }).check();
    await dialog.getByRole('button', { name: 'Thêm doanh nghiệp' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText(`Mã số thuế ${taxCode}`, { exact: true }));

    // It is found by its tax code in the list.
    await page.goto(`${url}/registry/enterprises?q=${taxCode}`);
    await visible(page.getByRole('table', { name: 'Danh sách doanh nghiệp' }).getByRole('link', { name }));
  },
);

e2eTest(
  'should register a project with its first certificate and name an unknown VSIC code',
  async ({ page, url }) => {
    const code = `KT${Date.now()}`;
    await signIn(page, url, ADMIN.email);
    // A demo enterprise other than the one the enterprise account owns (whose projects another test counts).
    await page.goto(`${url}/registry/enterprises?q=0201000689`);
    const enterprises = page.getByRole('table', { name: 'Danh sách doanh nghiệp' });
    await visible(enterprises.getByText('0201000689'));
    await enterprises.getByRole('link').first().click();
    await visible(page.getByText('Mã số thuế 0201000689', { exact: true }));
    await page.getByRole('button', { name: 'Thêm dự án' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm dự án đầu tư' });
    await visible(dialog);
    await field(dialog, 'Mã số dự án').fill(code);
    await dialog.getByRole('radio', { name: 'DDI (vốn trong nước)' }).check();
    await field(dialog, 'Tên dự án (tiếng Việt)').fill('Dự án kiểm thử kho bãi');
    await choose(page, dialog, 'Khu', 'KCN Đồ Sơn');
    const sector = dialog.getByRole('combobox', { name: 'Ngành (VSIC 2018)' });
    await sector.fill('9999');
    await field(dialog, 'Số giấy chứng nhận').fill(code);
    const date = field(dialog, 'Ngày cấp');
    await date.fill('15/03/2025');
    await date.press('Tab');
    await field(dialog, 'Thay đổi').fill('12.500.000.000');
    await dialog.getByRole('button', { name: 'Thêm dự án' }).click();
    await assertFieldError(sector, dialog.getByText(/Mã ngành VSIC 9999 không có trong danh mục VSIC 2018/));

    await sector.fill('5210');
    await page.getByRole('option', { name: /^5210 — Kho bãi/ }).click();
    await dialog.getByRole('button', { name: 'Thêm dự án' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(page.getByRole('heading', { level: 1, name: 'Dự án kiểm thử kho bãi' }));
    const ledger = page.getByRole('table', { name: new RegExp(`Sổ giấy chứng nhận của dự án ${code}`) });
    const row = ledger.locator('tbody tr').first();
    await visible(row.getByText('Cấp mới'));
    await visible(row.getByText('+12.500.000.000', { exact: true }));
    await visible(page.getByText('12.500.000.000 VND').first());
  },
);

e2eTest('should draw the zone map and open a zone card from the list', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/registry/zones`);
  await page
    .getByRole('navigation', { name: 'Các trang về khu' })
    .getByRole('link', { name: 'Bản đồ' })
    .click();
  await visible(page.getByRole('heading', { level: 1, name: 'Bản đồ các khu' }));
  const canvas = page.locator('canvas.maplibregl-canvas');
  await visible(canvas);
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 200, 'the map canvas has a size');
  await visible(page.getByRole('region', { name: 'Chú giải' }).getByText('Đang hoạt động'));

  const list = page.getByRole('table', { name: /Các khu trên bản đồ/ });
  await list.getByRole('button', { name: 'Xem KCN Đình Vũ (DEEP C I) trên bản đồ' }).click();
  const card = page.getByRole('region', { name: 'KCN Đình Vũ (DEEP C I)' });
  await visible(card.getByText('Tỷ lệ lấp đầy: 96,1%'));
  await card.getByRole('link', { name: 'Xem chi tiết khu' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'KCN Đình Vũ (DEEP C I)' }));

  // Colouring by occupancy changes the legend to occupancy bands.
  await page.goto(`${url}/registry/zones/map?color=occupancy`);
  await visible(page.getByRole('region', { name: 'Chú giải' }).getByText('Từ 90% trở lên'));
  await visible(page.locator('canvas.maplibregl-canvas'));
});

e2eTest('should count established and operating parks as of a date', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/registry/zones/summary?asOf=2024-10-31`);
  await visible(page.getByRole('heading', { level: 1, name: 'Số liệu các khu theo ngày' }));
  await visible(
    page.getByText(
      'Đến ngày 31/10/2024: 14 khu công nghiệp đã thành lập, trong đó 9 khu đang hoạt động; tỷ lệ lấp đầy bình quân của các khu đã thành lập là 65%.',
    ),
  );
  await visible(page.getByRole('region', { name: 'Đã thành lập' }).getByText('6.101,95 ha'));
});

e2eTest(
  'should show the investment figures of a period in the official number format',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await mainNav(page).getByRole('link', { name: 'Thống kê đầu tư' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thống kê thu hút đầu tư' }));
    await page.goto(`${url}/registry/stats?period=2024YTD11`);
    await visible(page.getByText('Kỳ: 11 tháng đầu năm 2024 (mã 2024YTD11), từ 01/01/2024 đến 30/11/2024.'));
    const fdi = page.getByRole('table', { name: /FDI \(vốn nước ngoài\) — 11 tháng đầu năm 2024/ });
    const fdiRow = (await fdi.locator('tbody tr').first().textContent()) ?? '';
    for (const figure of ['621,4', '2.226,2', '21,4', '2.869', '143,45%', '581', '28.850'])
      assert.ok(fdiRow.includes(figure), `FDI row lacks ${figure}: ${fdiRow}`);
    const ddi = page.getByRole('table', { name: /DDI \(vốn trong nước\)/ });
    const ddiRow = (await ddi.locator('tbody tr').first().textContent()) ?? '';
    for (const figure of ['2.057', '2.271', '229', '320.836'])
      assert.ok(ddiRow.includes(figure), `DDI row lacks ${figure}: ${ddiRow}`);

    // Grouped by investor country, with the countries named in Vietnamese.
    await choose(page, page, 'Chia nhóm', 'Theo quốc gia nhà đầu tư');
    await page.waitForURL(/groupBy=country/);
    await visible(fdi.getByRole('rowheader', { name: 'Nhật Bản' }));

    // In English the same figures use the English separators.
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Investment statistics' }));
    await choose(page, page, 'Grouping', 'No grouping');
    const fdiEn = page.getByRole('table', { name: /FDI \(foreign\) — first 11 months of 2024/ });
    await visible(fdiEn.getByRole('rowheader', { name: 'All projects' }));
    const fdiEnRow = (await fdiEn.locator('tbody tr').first().textContent()) ?? '';
    for (const figure of ['621.4', '2,226.2', '28,850'])
      assert.ok(fdiEnRow.includes(figure), `English FDI row lacks ${figure}: ${fdiEnRow}`);
  },
);

e2eTest('should list plans with their revisions and record an exchange rate', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await mainNav(page).getByRole('link', { name: 'Kế hoạch và tỷ giá' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Kế hoạch, chỉ tiêu và tỷ giá' }));
  const plans = page.getByRole('table', { name: 'Kế hoạch, chỉ tiêu và các lần điều chỉnh' });
  await visible(plans.getByText('3.500–3.800 triệu USD'));
  await visible(plans.getByText('4868/QĐ-UBND'));

  // A range needs both ends: the server says which one is missing.
  await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  const planDialog = page.getByRole('dialog', { name: 'Thêm kế hoạch, chỉ tiêu' });
  await choose(page, planDialog, 'Chỉ tiêu', 'Kim ngạch xuất khẩu');
  await field(planDialog, 'Từ năm').fill('2026');
  await planDialog.getByText('Một khoảng', { exact: true }).click();
  await field(planDialog, 'Từ').fill('30.000');
  await field(planDialog, 'Đến').fill('25.000');
  await planDialog.getByRole('button', { name: 'Ghi kế hoạch' }).click();
  await assertFieldError(field(planDialog, 'Đến'), planDialog.getByText('Cận trên nhỏ hơn cận dưới.'));
  await field(planDialog, 'Đến').fill('32.000');
  await planDialog.getByRole('button', { name: 'Ghi kế hoạch' }).click();
  await planDialog.waitFor({ state: 'detached' });
  await visible(plans.getByText('30.000–32.000 triệu USD'));

  await page.getByRole('tab', { name: 'Tỷ giá' }).click();
  await page.waitForURL(/tab=rates/);
  const rates = page.getByRole('table', {
    name: 'Tỷ giá quy đổi sang đồng Việt Nam theo thời gian hiệu lực',
  });
  await visible(rates.getByText('01/01/2024 – 31/12/2024'));
  await page.getByRole('button', { name: 'Thêm tỷ giá' }).click();
  const rateDialog = page.getByRole('dialog', { name: 'Thêm tỷ giá' });
  await field(rateDialog, 'Ngoại tệ').fill('JPY');
  await field(rateDialog, 'Số đồng cho 1 đơn vị ngoại tệ').fill('165,25');
  await rateDialog.getByRole('button', { name: 'Ghi tỷ giá' }).click();
  await rateDialog.waitFor({ state: 'detached' });
  await visible(rates.getByRole('row').filter({ hasText: 'JPY' }).getByText('165,25'));
});

e2eTest(
  'should list every problem of a file on a dry run and import a valid one with nothing written twice',
  async ({ page, url }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'heza-import-'));
    try {
      await signIn(page, url, ADMIN.email);
      await mainNav(page).getByRole('link', { name: 'Nhập dữ liệu từ tệp' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ tệp' }));

      // The template downloads as a file.
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Tải mẫu CSV: Doanh nghiệp' }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^mau-enterprises-\d{4}-\d{2}-\d{2}\.csv$/);
      const templatePath = path.join(dir, 'template.csv');
      await download.saveAs(templatePath);

      // The template's example row names a zone that does not exist: a dry run lists the problem.
      const fileInput = page.locator('input[type="file"]');
      await fileInput.setInputFiles(templatePath);
      await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
      await visible(page.getByText('Tệp có lỗi, chưa ghi dữ liệu nào'));
      const problems = page.getByRole('table', { name: /Các lỗi trong tệp/ });
      const problem = problems.locator('tbody tr').first();
      await visible(problem.getByText('zone_codes'));
      assert.match((await problem.textContent()) ?? '', /^3zone_codesKhông có khu mã "kcn-vi-du"\./);

      // A valid file: the dry run writes nothing, the import writes it, importing it again changes nothing.
      const taxCode = `04${String(Date.now()).slice(-8)}`;
      const text = readFileSync(templatePath, 'utf8')
        .replace('0201234567', taxCode)
        .replace('kcn-vi-du', 'kcn-do-son')
        .replace('Công ty TNHH Ví Dụ', `Công ty TNHH Nhập Tệp ${taxCode}`);
      const goodPath = path.join(dir, 'enterprises.csv');
      writeFileSync(goodPath, text);
      await fileInput.setInputFiles(goodPath);
      await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
      await visible(page.getByText('Tệp hợp lệ (chưa ghi dữ liệu)'));
      await visible(page.getByText(/1 dòng: sẽ thêm mới 1, cập nhật 0, giữ nguyên 0/));
      const none = await page.request.get(`${url}/api/enterprises?q=${taxCode}`);
      assert.equal(((await none.json()) as { total: number }).total, 0, 'a dry run writes nothing');

      await page.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
      await visible(page.getByText('Đã nhập dữ liệu', { exact: true }));
      await visible(page.getByText(/1 dòng: thêm mới 1, cập nhật 0, giữ nguyên 0/));
      await page.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
      await visible(page.getByText(/1 dòng: thêm mới 0, cập nhật 0, giữ nguyên 1/));

      await page.goto(`${url}/registry/enterprises?q=${taxCode}`);
      await visible(page.getByRole('link', { name: `Công ty TNHH Nhập Tệp ${taxCode}` }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

e2eTest('should show a staff member only the zones of their jurisdiction', async ({ page, url }) => {
  await signIn(page, url, STAFF.email);
  await mainNav(page).getByRole('link', { name: 'Khu kinh tế, khu công nghiệp' }).click();
  const table = page.getByRole('table', { name: 'Danh sách khu kinh tế, khu công nghiệp' });
  await visible(table.getByRole('link', { name: 'KCN Đình Vũ (DEEP C I)' }));
  await visible(page.getByText('Hiển thị 1–8 trên tổng số 8'));
  assert.equal(await table.getByRole('link', { name: 'KCN An Dương' }).count(), 0);
  for (const row of await table.locator('tbody tr').all())
    assert.match((await row.textContent()) ?? '', /Đình Vũ|DEEP C|Cảng cửa ngõ/);

  // The map shows the same zones only.
  await page.goto(`${url}/registry/zones/map`);
  await visible(page.getByRole('table', { name: 'Các khu trên bản đồ (8)' }));
  // Their zone picker offers the same zones.
  await page.goto(`${url}/registry/projects`);
  await page.getByRole('combobox', { name: 'Khu', exact: true }).click();
  await visible(page.getByRole('option', { name: 'KCN MP Đình Vũ' }));
  assert.equal(await page.getByRole('option').count(), 8);
});

e2eTest('should show an enterprise user only its own enterprise and projects', async ({ page, url }) => {
  await signIn(page, url, ENTERPRISE_USER.email);
  const nav = mainNav(page);
  await visible(nav.getByRole('link', { name: 'Doanh nghiệp', exact: true }));
  assert.equal(await nav.getByRole('link', { name: 'Khu kinh tế, khu công nghiệp' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Thống kê đầu tư' }).count(), 0);

  await nav.getByRole('link', { name: 'Doanh nghiệp', exact: true }).click();
  const table = page.getByRole('table', { name: 'Danh sách doanh nghiệp' });
  await visible(table.getByRole('link', { name: ENTERPRISE_USER.enterprise }));
  await visible(page.getByText('Hiển thị 1–1 trên tổng số 1'));
  assert.equal(await page.getByRole('button', { name: 'Thêm doanh nghiệp' }).count(), 0);

  await table.getByRole('link', { name: ENTERPRISE_USER.enterprise }).click();
  await visible(page.getByRole('heading', { level: 1, name: ENTERPRISE_USER.enterprise }));
  const projects = page.getByRole('table', { name: `Các dự án đầu tư của ${ENTERPRISE_USER.enterprise}` });
  await visible(projects.locator('tbody tr').first());
  assert.equal(await projects.locator('tbody tr').count(), 2);
  // Zones are named but not linked: the enterprise may not open the zone registry.
  assert.equal(await page.getByRole('link', { name: 'KCN Đồ Sơn' }).count(), 0);

  await nav.getByRole('link', { name: 'Dự án đầu tư' }).click();
  await visible(page.getByText('Hiển thị 1–2 trên tổng số 2'));
  await page.goto(`${url}/registry/zones`);
  await visible(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }));
});

e2eTest(
  'should fit the zone list and detail on a phone without sideways scrolling of the page',
  async ({ page, url }) => {
    await signIn(page, url, ADMIN.email);
    await page.goto(`${url}/registry/zones?q=nomura`);
    const table = page.getByRole('table', { name: 'Danh sách khu kinh tế, khu công nghiệp' });
    await visible(table.getByRole('link', { name: 'KCN Nomura - Hải Phòng' }));
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 1, 'the list page does not scroll sideways');
    await table.getByRole('link', { name: 'KCN Nomura - Hải Phòng' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'KCN Nomura - Hải Phòng' }));
    await visible(page.getByRole('list', { name: 'Các mốc vòng đời của khu, từ cũ đến mới' }));
    assert.ok((await overflow()) <= 1, 'the detail page does not scroll sideways');
  },
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
);
