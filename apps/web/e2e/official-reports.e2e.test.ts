import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, field, mainNav, STAFF, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('official-reports');

/** Picks an option of a Mantine Select by the field's label. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

e2eTest(
  'should let staff produce the integration report for a new period and edit a narrative paragraph through the UI alone',
  async ({ page, url }) => {
    await signIn(page, url, STAFF.email);
    await mainNav(page).getByRole('link', { name: 'Báo cáo tổng hợp' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp' }));

    // A new report: template, period, done.
    await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo báo cáo từ mẫu' });
    await choose(page, 'Mẫu báo cáo', 'Báo cáo kết quả thực hiện công tác hội nhập quốc tế');
    await field(dialog, 'Kỳ báo cáo').fill('2025S1');
    await dialog.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await visible(
      page.getByRole('heading', {
        level: 1,
        name: 'V/v báo cáo kết quả thực hiện công tác hội nhập quốc tế năm 2025, phương hướng nhiệm vụ năm 2026',
      }),
    );
    await visible(page.getByText('Dự thảo', { exact: true }).first());

    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'official-reports--editor.png') });
    // Edit the opening paragraph and save.
    const intro = page.locator('[data-item="intro"] textarea');
    await intro.fill(
      'Căn cứ chức năng, nhiệm vụ được giao, Ban Quản lý báo cáo kết quả 6 tháng đầu năm 2025 như sau (đoạn sửa thử):',
    );
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu.' }));

    // The preview shows the new text and figures that open their records.
    await page.getByRole('tab', { name: 'Xem trước' }).click();
    await visible(page.getByText('(đoạn sửa thử)', { exact: false }));
    const figure = page.locator('[data-figure="fdi.cumulative.count"]').first();
    await visible(figure);
    assert.match((await figure.textContent()) ?? '', /^\d[\d.]*$/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'official-reports--preview.png') });
    await figure.click();
    const drawer = page.getByRole('dialog', { name: 'Lũy kế dự án FDI còn hiệu lực' });
    await visible(drawer);
    await visible(drawer.getByRole('table'));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'official-reports--records.png') });
    await page.keyboard.press('Escape');

    // The DOCX downloads; the draft goes to review.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'DOCX' }).click();
    assert.equal((await downloading).suggestedFilename(), 'du-thao-integration-2025S1.docx');
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await page
      .getByRole('dialog', { name: 'Trình duyệt' })
      .getByRole('button', { name: 'Trình duyệt' })
      .click();
    await visible(page.getByText('Chờ duyệt', { exact: true }).first());
  },
);
