// Walks a running server through the student's screens in headless Chromium and saves a PNG of each, for
// a person to look at. Not a test. Usage:
//   KEFU_URL=http://127.0.0.1:3456 KEFU_ADMIN_PASSWORD=… KEFU_SHOTS=/tmp/shots tsx tests/e2e/screenshots.ts
// The server needs LEARNING_PATH=open: the fresh student it creates plays scenarios of later units.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

const base = process.env.KEFU_URL ?? 'http://127.0.0.1:3456';
const adminPassword = process.env.KEFU_ADMIN_PASSWORD ?? '';
const out = process.env.KEFU_SHOTS ?? 'tests/.artifacts/screens';
const newAdminPassword = 'admin-pass-1234';
mkdirSync(out, { recursive: true });

const browser = await launchChromium();

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`saved ${name}.png`);
}

try {
  // ── Admin: first login, change password, create a class for the student to join ──
  const admin = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const a = await admin.newPage();
  await a.goto(base);
  await a.getByLabel('用户名').waitFor();
  await shot(a, '01-login');
  await a.getByLabel('用户名').fill('admin');
  await a.getByLabel('密码').fill('wrong-password');
  await a.getByRole('button', { name: '登录' }).click();
  await a.getByRole('alert').waitFor();
  await shot(a, '01b-login-error');
  await a.getByLabel('用户名').fill('admin');
  await a.getByLabel('密码').fill(adminPassword);
  await a.getByRole('button', { name: '登录' }).click();
  await a.getByRole('heading', { name: '修改密码' }).waitFor();
  await shot(a, '02-change-password');
  await a.getByLabel('当前密码').fill(adminPassword);
  await a.getByLabel('新密码', { exact: true }).fill(newAdminPassword);
  await a.getByLabel('再次输入新密码').fill(newAdminPassword);
  await a.getByRole('button', { name: '保存新密码' }).click();
  await a.getByRole('heading', { name: /你好/ }).waitFor();
  const created = await a.request.post(`${base}/api/classes`, {
    data: { name: '电商2401班' },
    headers: { origin: base },
  });
  const joinCode = ((await created.json()) as { class: { joinCode: string } }).class.joinCode;

  // ── Student: register with the class code, start a three-buyer practice ──
  const student = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const s = await student.newPage();
  await s.goto(`${base}/#/register`);
  await s.getByLabel('班级邀请码').waitFor();
  await s.getByLabel('班级邀请码').fill(joinCode);
  await s.getByLabel('用户名').fill(`stu${Date.now() % 100000}`);
  await s.getByLabel('姓名').fill('李同学');
  await s.getByLabel('密码').fill('student-pass-1');
  await shot(s, '03-register');
  await s.getByRole('button', { name: '注册并加入班级' }).click();
  await s.getByRole('heading', { name: /你好/ }).waitFor();
  await s.waitForTimeout(800);
  await shot(s, '04-home');

  await s.getByLabel('同时接待的买家人数').fill('3');
  await s.getByRole('button', { name: '随机开始' }).click();
  await s.locator('.conv-row').first().waitFor();
  await s.waitForTimeout(4_000);
  await shot(s, '05-workbench');

  const composer = s.getByRole('combobox', { name: '输入消息' });
  await composer.click();
  await composer.fill('亲，您好，在的！');
  await composer.press('Enter');
  await composer.pressSequentially('/hy');
  await shot(s, '06-slash-completion');
  await composer.press('Escape');
  await composer.fill('');
  await s.keyboard.press('Alt+P');
  await s.getByRole('region', { name: '快捷短语' }).waitFor();
  await shot(s, '07-phrase-panel');
  await s.keyboard.press('Escape');
  await s.getByRole('tab', { name: '商品' }).click();
  await shot(s, '08-product-tab');
  await s.getByRole('tab', { name: '订单' }).click();
  await shot(s, '09-orders-tab');
  await s.keyboard.press('F1');
  await shot(s, '10-shortcuts');
  await s.keyboard.press('Escape');
  await s.waitForTimeout(30_000);
  await shot(s, '11-workbench-later');

  // ── One scenario played well to the end: order card, 催付, payment, summary ──
  await s.getByRole('button', { name: '返回首页' }).click();
  await s.getByRole('searchbox', { name: '搜索场景' }).fill('拍下不付款');
  await s.getByRole('button', { name: '开始练习：拍下不付款' }).click();
  const buyerLines = s.locator('.msg-buyer');
  await buyerLines.first().waitFor();
  await composer.fill('亲，是一级能效的，很省电省水，喜欢可以直接拍下哦~');
  await composer.press('Enter');
  await s.locator('.order-card').waitFor({ timeout: 60_000 });
  await composer.fill('好的亲，订单收到啦~');
  await composer.press('Enter');
  await s.getByRole('tab', { name: '订单' }).click();
  await shot(s, '12-order-unpaid');
  await s.getByRole('button', { name: '催付' }).click();
  await s.getByText('已付款').first().waitFor({ timeout: 60_000 });
  await composer.pressSequentially('/js2');
  await composer.press('Enter');
  await composer.press('Enter');
  await shot(s, '13-order-paid');
  const summary = s.getByRole('button', { name: '查看练习总结' });
  await s.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '查看练习总结');
      return button && !button.disabled;
    },
    undefined,
    { timeout: 90_000 },
  );
  await summary.click();
  await s.locator('.summary-card').first().waitFor();
  await shot(s, '14-summary');
  await s.screenshot({ path: join(out, '15-summary-full.png'), fullPage: true });
  await s
    .locator('.violations')
    .nth(1)
    .screenshot({ path: join(out, '15b-violations.png') })
    .catch(() => undefined);
  await s.getByRole('combobox', { name: '语言' }).selectOption('en');
  await s.waitForTimeout(500);
  await shot(s, '16-summary-en');
  await s.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await s.getByRole('button', { name: '返回首页' }).click();
  await s.getByRole('heading', { name: '我的报告' }).waitFor();
  await s.waitForTimeout(1_000);
  await s.screenshot({ path: join(out, '17-home-after.png'), fullPage: true });
} finally {
  await browser.close();
}
