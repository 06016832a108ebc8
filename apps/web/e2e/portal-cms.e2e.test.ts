/**
 * The portal's content editor: staff format a body with the rich-text toolbar (bold, bulleted list), keep
 * a separate body per language, and what they publish shows on the public page with that structure; a
 * pasted or hand-written <script> never reaches the portal (the editor drops it, the server's sanitiser
 * removes it and says so).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN, field, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('portal-cms');

/** Creates a news item from the content list and opens its editor. */
async function createNews(page: Page, url: string, title: string): Promise<void> {
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/portal/content`);
  await visible(page.getByRole('heading', { level: 1, name: 'Nội dung cổng thông tin' }));
  await page.getByRole('button', { name: 'Thêm nội dung' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nội dung' });
  await dialog.getByLabel('Tiêu đề').fill(title);
  await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
  await page.waitForURL(/\/portal\/content\/[0-9a-f-]+$/);
}

/** Pastes HTML into the focused editor as a browser does (a paste event carrying text/html). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => {
    const target = document.activeElement as HTMLElement;
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', markup.replace(/<[^>]+>/g, ''));
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);
}

e2eTest(
  'should format a body with the toolbar, publish it, and show the formatting on the portal without any script',
  async ({ page, url }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const title = 'Tin định dạng từ trình soạn thảo';
    await createNews(page, url, title);

    const toolbar = page.getByRole('toolbar', { name: 'Định dạng nội dung' });
    const body = page.getByRole('textbox', { name: 'Nội dung', exact: true });
    await body.click();
    await page.keyboard.type('Ưu đãi mới: ');
    await toolbar.getByRole('button', { name: 'In đậm' }).click();
    await page.keyboard.type('miễn thuế 4 năm');
    await toolbar.getByRole('button', { name: 'In đậm' }).click();
    await page.keyboard.type(' cho dự án công nghệ cao.');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Danh sách gạch đầu dòng' }).click();
    await page.keyboard.type('Thuế suất 10% trong 15 năm');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Giảm 50% trong 9 năm tiếp theo');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // A paste carrying a script and an event handler: the editor keeps the text, never the code.
    await pasteHtml(
      page,
      '<p>Đoạn dán vào.<script>alert("pasted")</script><img src="x" onerror="alert(2)"></p>',
    );
    await visible(body.getByText('Đoạn dán vào.'));
    assert.equal(await body.locator('script, [onerror]').count(), 0);
    await visible(body.locator('strong', { hasText: 'miễn thuế 4 năm' }));
    assert.equal(await body.locator('ul > li').count(), 2);

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const preview = page
      .locator('[lang="vi"]')
      .filter({ has: page.locator('ul') })
      .last();
    await visible(preview.locator('strong', { hasText: 'miễn thuế 4 năm' }));

    // The HTML source shows what was saved; a script typed there is removed by the server, which says so.
    await page.getByRole('switch', { name: 'Mã HTML' }).check();
    const source = page.getByLabel('Nội dung — mã HTML');
    const saved = await source.inputValue();
    assert.match(saved, /<strong>miễn thuế 4 năm<\/strong>/);
    assert.match(saved, /<ul><li><p>Thuế suất 10% trong 15 năm<\/p><\/li><li>/);
    await source.fill(`${saved}<script>alert("typed")</script>`);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await visible(page.getByText('Khi lưu, hệ thống đã loại bỏ: <script>.'));
    await page.getByRole('switch', { name: 'Mã HTML' }).uncheck();
    await visible(body.locator('strong', { hasText: 'miễn thuế 4 năm' }));

    // Another language keeps its own body.
    await page.getByRole('tab', { name: /Tiếng Anh/ }).click();
    await field(page.getByRole('tabpanel'), 'Tiêu đề').fill('Formatted news from the editor');
    const bodyEn = page.getByRole('textbox', { name: 'Nội dung', exact: true });
    assert.equal((await bodyEn.textContent())?.trim(), '', 'the English body starts empty');
    await bodyEn.click();
    await page
      .getByRole('toolbar', { name: 'Định dạng nội dung' })
      .getByRole('button', { name: 'In nghiêng' })
      .click();
    await page.keyboard.type('Tax holiday');
    // (A language without a version yet creates its first draft.)
    await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
    await visible(page.locator('[lang="en"] em', { hasText: 'Tax holiday' }));
    await page.getByRole('tab', { name: /Tiếng Việt/ }).click();
    await visible(page.getByRole('textbox', { name: 'Nội dung', exact: true }).getByText('miễn thuế 4 năm'));

    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: 'Duyệt và đăng ngay' }).click();
    await visible(page.getByText(/Đang hiển thị trên cổng từ/));

    // The public page: the structure as written, no script, no handler, nothing run.
    await page.goto(`${url}/vi/news`);
    await page.getByRole('link', { name: title }).click();
    await visible(page.getByRole('heading', { level: 1, name: title }));
    const article = page.locator('main');
    await visible(article.locator('strong', { hasText: 'miễn thuế 4 năm' }));
    const items = article.locator('ul > li').filter({ hasText: /Thuế suất 10%|Giảm 50%/ });
    assert.equal(await items.count(), 2);
    await visible(article.getByText('Đoạn dán vào.'));
    const html = await page.content();
    assert.doesNotMatch(html, /alert\(/);
    assert.doesNotMatch(html, /onerror/i);
    assert.equal(await page.locator('main script').count(), 0);
    assert.deepEqual(dialogs, [], 'no script ran, in the editor or on the portal');
  },
);
