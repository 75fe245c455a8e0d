// End to end in real Chromium: the admin lands on 账号与班级, creates a student account and reads its
// one-time password off the screen; the student logs in with it and must set their own first. A student
// locked out after five wrong passwords gets a reset from the admin (confirmed in a dialog) and logs in. An
// instructor imports a class list saved by Excel (GBK), prints and downloads the password sheet, and a student
// logs in with the password from it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, seedUser, TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'e2e');
let server: TestServer;
let browser: Browser;
let admin: TestUser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  return ctx.newPage();
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStaffServer(undefined, 7, inject('clientDir'));
  admin = await seedUser(server.app, 'admin', 'e2e-admin');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

describe('admin', () => {
  let adminPage: Page;

  it('creates a student whose one-time password works once and must be changed', async () => {
    adminPage = await newPage();
    await login(adminPage, admin.user.username, TEST_PASSWORD);
    await adminPage.getByRole('heading', { name: '账号与班级' }).waitFor();
    await adminPage.getByLabel('用户名', { exact: true }).fill('new-student');
    await adminPage.getByLabel('姓名', { exact: true }).fill('新同学');
    await adminPage.getByRole('button', { name: '创建账号' }).click();
    const secret = adminPage.locator('.secret-password');
    await secret.waitFor();
    const password = (await secret.textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    await adminPage
      .getByRole('row', { name: /新同学/ })
      .getByText('待首次修改密码')
      .waitFor();

    const student = await newPage();
    await login(student, 'new-student', password);
    await student.getByText('首次登录请先设置新密码。').waitFor();
    await student.getByLabel('当前密码').fill(password);
    await student.getByLabel('新密码', { exact: true }).fill('my-new-pass-1');
    await student.getByLabel('再次输入新密码').fill('my-new-pass-1');
    await student.getByRole('button', { name: '保存新密码' }).click();
    await student.getByRole('heading', { name: /你好/ }).waitFor();
  });

  it('resets a locked-out student after confirming, and the new password logs them in', async () => {
    const locked = await seedUser(server.app, 'student', 'locked-stu');
    for (let i = 0; i < 5; i++) {
      await api(server, 'POST', '/api/auth/login', {
        body: { username: 'locked-stu', password: `bad-${i}` },
      });
    }
    const student = await newPage();
    await login(student, 'locked-stu', TEST_PASSWORD);
    await student.getByText(/登录尝试太多/).waitFor();

    await adminPage.reload();
    // The list says the account is locked (not 正常).
    const row = adminPage.getByRole('row', { name: new RegExp(locked.user.displayName) });
    await row.getByText('已锁定').waitFor();
    expect(await row.getByText('正常').count()).toBe(0);
    await adminPage.getByRole('button', { name: `重置密码：${locked.user.displayName}` }).click();
    const dialog = adminPage.getByRole('alertdialog', { name: `重置 ${locked.user.displayName} 的密码？` });
    await dialog.waitFor();
    await shot(adminPage, 'admin-reset-confirm');
    // Esc closes it and nothing happens.
    await adminPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await api(server, 'GET', '/api/auth/me', { as: locked })).status).toBe(200);

    await adminPage.getByRole('button', { name: `重置密码：${locked.user.displayName}` }).click();
    await dialog.getByRole('button', { name: '重置密码' }).click();
    const secret = adminPage.locator('.secret-password');
    await secret.waitFor();
    const password = (await secret.textContent()) ?? '';
    await shot(adminPage, 'admin-reset-password');

    // The reset lifted the lock.
    await adminPage.getByRole('button', { name: '我已记下' }).click();
    await row.getByText('待首次修改密码').waitFor();
    expect(await row.getByText('已锁定').count()).toBe(0);

    await login(student, 'locked-stu', password);
    await student.getByText('首次登录请先设置新密码。').waitFor();
  });

  it('imports a class list from Excel (GBK) for an instructor: passwords once, an A4 sheet, a working login', async () => {
    const instructor = await seedUser(server.app, 'instructor', 'e2e-teacher');
    const created = await api<{ class: { id: string } }>(server, 'POST', '/api/classes', {
      as: instructor,
      body: { name: '电商2401班' },
    });
    expect(created.status).toBe(200);
    const page = await newPage();
    await login(page, instructor.user.username, TEST_PASSWORD);
    await page.getByRole('button', { name: '导入名单：电商2401班' }).click();
    await page.getByRole('heading', { name: '电商2401班 · 导入学员名单' }).waitFor();
    // 学号,姓名 / 2024101,张三 / 2024102,李四 — as Excel's plain "CSV" saves it on a Chinese Windows.
    const gbk = Buffer.from(
      'd1a7bac52cd0d5c3fb0d0a323032343130312cd5c5c8fd0d0a323032343130322cc0eecbc40d0a',
      'hex',
    );
    await page
      .getByLabel('名单文件（.csv）')
      .setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: gbk });
    await page.getByText('已选择 名单.csv').waitFor();
    await shot(page, 'import-chosen');
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.getByText('已导入 2 名学员：新建 2 个账号，0 个已有账号。').waitFor();
    const row = page.getByRole('row', { name: /张三/ });
    const password = (await row.locator('.secret-password').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(await row.textContent()).toContain('2024101');
    await shot(page, 'import-result');
    // On a phone nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'import-result-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    // On paper: only the slips, both students, nothing of the page around them.
    await page.emulateMedia({ media: 'print' });
    const slips = page.locator('.password-sheet .slip');
    expect(await slips.count()).toBe(2);
    expect(await slips.first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '打印密码单' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(OUT, 'import-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The download is the same sheet, a standalone A4 page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载密码单' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('电商2401班-学员初始密码.html');
    const sheet = readFileSync((await download.path()) ?? '', 'utf8');
    expect(sheet).toContain('size: A4');
    expect(sheet).toContain(password);
    expect(sheet).toContain('李四');

    const student = await newPage();
    await login(student, '2024101', password);
    await student.getByText('首次登录请先设置新密码。').waitFor();
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}
