import assert from 'node:assert/strict';
import { ADMIN, field, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('admin');

e2eTest('should list, search and filter users when the admin opens Người dùng', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await page.getByRole('link', { name: 'Người dùng' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Người dùng' }));
  const table = page.getByRole('table', { name: 'Danh sách người dùng' });
  await visible(table.getByText(STAFF.email));
  await visible(table.getByText(ADMIN.email));

  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('canbo');
  await page.waitForURL(/q=canbo/);
  await visible(table.getByText(STAFF.email));
  await table.getByText(ADMIN.email).waitFor({ state: 'detached' });

  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  await page.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Cán bộ', exact: true }).click();
  await page.waitForURL(/role=staff/);
  await visible(table.getByText(STAFF.email));
  await table.getByText(ADMIN.email).waitFor({ state: 'detached' });
});

e2eTest(
  'should create, edit and disable a user, and show the change in the audit log',
  async ({ page, url }) => {
    const email = `chuyenvien.${Date.now()}@heza.demo`;
    await signIn(page, url, ADMIN.email);
    await page.goto(`${url}/admin/users`);
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();

    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await visible(dialog);
    // Submitting empty shows every problem at once.
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await visible(dialog.getByText('Vui lòng nhập email.'));
    await visible(dialog.getByText('Vui lòng nhập họ và tên.'));
    await visible(dialog.getByText('Vui lòng chọn vai trò.'));

    await field(dialog, 'Email').fill(email);
    await field(dialog, 'Họ và tên').fill('Phạm Thị Chuyên Viên');
    await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Cán bộ', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Phòng, đơn vị' }).click();
    await page.getByRole('option', { name: 'Phòng Quản lý đầu tư' }).click();
    await field(dialog, 'Chỉ các khu được chọn').check();
    await dialog.getByRole('combobox', { name: 'Khu phụ trách' }).click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await field(dialog, 'Mật khẩu ban đầu').fill('MatKhauBanDau!2024');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();

    await dialog.waitFor({ state: 'detached' });
    await visible(page.getByText(`Đã tạo tài khoản ${email}.`));
    const row = page.getByRole('row').filter({ hasText: email });
    await visible(row.getByText('Phòng Quản lý đầu tư'));
    await visible(row.getByText('Đang hoạt động'));

    // The same e-mail twice: the server's conflict message lands on the e-mail field.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const again = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await field(again, 'Email').fill(email);
    await field(again, 'Họ và tên').fill('Trùng Email');
    await again.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Lãnh đạo', exact: true }).click();
    await field(again, 'Mật khẩu ban đầu').fill('MatKhauBanDau!2024');
    await again.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[role="dialog"] input[name="email"]')?.getAttribute('aria-invalid') ===
        'true',
    );
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'detached' });

    // Edit: rename and disable.
    await row.getByRole('button', { name: 'Sửa tài khoản Phạm Thị Chuyên Viên' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa thông tin người dùng' });
    await visible(edit);
    await field(edit, 'Họ và tên').fill('Phạm Thị Chuyên Viên Hai');
    await edit.getByRole('switch', { name: /Cho phép đăng nhập/ }).uncheck();
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'detached' });
    await visible(page.getByText(`Đã cập nhật tài khoản ${email}.`));
    await visible(row.getByText('Đã vô hiệu hóa'));
    await visible(row.getByText('Phạm Thị Chuyên Viên Hai'));

    // The audit log of that account shows the change field by field.
    await row.getByRole('link', { name: /Xem nhật ký của tài khoản/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }));
    assert.match(page.url(), /entityType=user/);
    const auditTable = page.getByRole('table', { name: 'Nhật ký thay đổi dữ liệu' });
    await visible(auditTable);
    const expanders = auditTable.getByRole('button', { name: 'Xem chi tiết thay đổi' });
    await visible(expanders);
    assert.ok((await expanders.count()) >= 2, 'expected the creation and the update in the log');
    await expanders.first().click();
    const diff = page.getByRole('table', { name: 'Giá trị trước và sau khi thay đổi' });
    await visible(diff);
    await visible(diff.getByText('Đã sửa').or(diff.getByText('Thêm mới')));
    await visible(auditTable.getByRole('button', { name: 'Ẩn chi tiết thay đổi' }));
  },
);

e2eTest('should filter the audit log when filters are set', async ({ page, url }) => {
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/admin/audit`);
  await visible(page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }));
  const table = page.getByRole('table', { name: 'Nhật ký thay đổi dữ liệu' });
  await visible(table);

  await page.getByRole('textbox', { name: 'Mã đối tượng' }).fill('00000000-0000-4000-8000-000000000000');
  await page.waitForURL(/entityId=/);
  await visible(page.getByText('Không có bản ghi nào phù hợp với bộ lọc.'));
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await visible(table);
});
