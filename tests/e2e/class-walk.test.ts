// A first lesson end to end in real Chromium, the way a class meets the product: every account is made in
// the browser and starts with its one-time password. The admin creates an instructor and a trainer; the
// instructor creates a class and imports its list; the admin puts the trainer in it; the instructor runs a
// drill that two students join after their first login (one on a phone) while a student of another class
// sees nothing of it; the instructor watches and ends it; a student disputes a violation, the trainer
// upholds it and exports the grades. Also the ways out of dead ends a class met: a trainer with no class yet
// and a workbench opened in a new tab after the drill both say what to do next.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassResponse } from '@kefu/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, seedUser, TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'class-walk');
const NEW_PASSWORD = 'Lesson-one-2026';
const DRILL = '第一次课堂演练';
const OFF_PLATFORM = '加我微信 wx123456 私下便宜点';

let server: TestServer;
let browser: Browser;
let admin: TestUser;
const contexts: BrowserContext[] = [];
/** One-time passwords as the screens showed them, by username. */
const oneTime = new Map<string, string>();
const pages: Record<string, Page> = {};

async function newPage(width = 1280, height = 800): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  contexts.push(ctx);
  return ctx.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs in with the one-time password and sets a new one, as the first login asks. */
async function firstLogin(page: Page, username: string): Promise<void> {
  const otp = oneTime.get(username);
  if (!otp) throw new Error(`no one-time password seen for ${username}`);
  await login(page, username, otp);
  await page.getByText('首次登录请先设置新密码。').waitFor();
  await page.getByLabel('当前密码').fill(otp);
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '保存新密码' }).click();
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStaffServer(undefined, 7, inject('clientDir'));
  admin = await seedUser(server.app, 'admin', 'walk-admin');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

describe('a first lesson', () => {
  it('the admin creates the instructor and the trainer, each with a one-time password', async () => {
    const page = await newPage();
    pages.admin = page;
    await login(page, admin.user.username, TEST_PASSWORD);
    await page.getByRole('heading', { name: '账号与班级' }).waitFor();
    for (const [username, name, role] of [
      ['wang.laoshi', '王老师', '讲师'],
      ['zhao.daoshi', '赵导师', '评估导师'],
    ] as const) {
      await page.getByLabel('用户名', { exact: true }).fill(username);
      await page.getByLabel('姓名', { exact: true }).fill(name);
      await page.getByLabel('角色', { exact: true }).selectOption({ label: role });
      await page.getByRole('button', { name: '创建账号' }).click();
      await page.getByText(`已创建 ${role}账号 ${name}（${username}）。`).waitFor();
      oneTime.set(username, (await page.locator('.secret-password').textContent()) ?? '');
    }
    await shot(page, '01-admin-accounts');
  });

  it('the trainer logs in first: with no class yet the page says it appears once they are added', async () => {
    const page = await newPage();
    pages.trainer = page;
    await firstLogin(page, 'zhao.daoshi');
    await page.getByRole('heading', { name: '我的班级' }).waitFor();
    await page.getByText('还没有班级。讲师或管理员把你加入班级后，班级会出现在这里。').waitFor();
    await shot(page, '02-trainer-no-class');
  });

  it('the instructor logs in first, creates the class and imports its list', async () => {
    const page = await newPage();
    pages.teacher = page;
    await firstLogin(page, 'wang.laoshi');
    await page.getByText(/还没有班级。在下面新建一个班级/).waitFor();
    await page.getByLabel('新建班级').fill('电商2401班');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByRole('button', { name: '导入名单：电商2401班' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '电商2401班.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('学号,姓名\r\n2401001,李明\r\n2401002,王芳\r\n', 'utf8'),
    });
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.getByText('已导入 2 名学员：新建 2 个账号，0 个已有账号。').waitFor();
    for (const row of await page.locator('tbody tr').all()) {
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      if (cells.length === 3) oneTime.set(cells[0]!, cells[2]!);
    }
    expect(oneTime.get('2401001')).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(oneTime.get('2401002')).toMatch(/^[A-Za-z0-9]{12}$/);
    await shot(page, '03-class-imported');
  });

  it('the admin puts the trainer in the class', async () => {
    const page = pages.admin!;
    await page.reload();
    await page
      .getByRole('row', { name: /电商2401班/ })
      .getByRole('button', { name: '管理' })
      .click();
    await page.getByLabel('选择评估导师或学员').selectOption({ label: '赵导师（zhao.daoshi）' });
    await page.getByRole('button', { name: '加入班级' }).click();
    await page.getByText('已把 赵导师 加入班级。').waitFor();
  });

  it('the instructor starts a drill; two students join after their first login, one on a phone, and reply', async () => {
    const teacher = pages.teacher!;
    await teacher.getByRole('button', { name: '返回班级列表' }).click();
    await teacher.getByRole('button', { name: '演练与监控：电商2401班' }).click();
    const form = teacher.getByRole('form', { name: '新建演练' });
    await form.getByLabel('演练名称').fill(DRILL);
    await form.getByRole('checkbox', { name: '羽绒服选颜色和尺码', exact: true }).check();
    await form.getByLabel('每位学员的买家数').fill('1');
    await form.getByLabel('买家到达间隔（秒）').fill('0');
    await form.getByLabel('同时接待上限').fill('1');
    await form.getByLabel('时长（分钟）').fill('5');
    await form.getByRole('button', { name: '创建演练' }).click();
    await teacher.getByRole('button', { name: '开始' }).click();
    await teacher.getByRole('heading', { name: `实时监控 · ${DRILL}` }).waitFor();

    // A student of another class sees no drill to join.
    const outsider = await seedUser(server.app, 'student', 'other-class-stu');
    const otherTeacher = await seedUser(server.app, 'instructor', 'other-teacher');
    const other = await api<ClassResponse>(server, 'POST', '/api/classes', {
      as: otherTeacher,
      body: { name: '电商2402班' },
    });
    await api(server, 'POST', '/api/classes/join', {
      as: outsider,
      body: { joinCode: other.body.class.joinCode },
    });
    const outsiderPage = await newPage();
    await login(outsiderPage, outsider.user.username, TEST_PASSWORD);
    await outsiderPage.getByRole('heading', { name: /你好/ }).waitFor();
    await outsiderPage.getByText('暂无进行中的演练').waitFor();
    expect(await outsiderPage.getByRole('button', { name: '加入演练' }).count()).toBe(0);

    const replies: Record<string, string> = {
      '2401001': OFF_PLATFORM,
      '2401002': '亲，酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货，您看看喜欢哪个~',
    };
    for (const [username, reply] of Object.entries(replies)) {
      const phone = username === '2401002';
      const page = phone ? await newPage(390, 844) : await newPage();
      pages[username] = page;
      await firstLogin(page, username);
      await page.getByRole('heading', { name: /你好/ }).waitFor();
      await page.getByRole('button', { name: '加入演练' }).click();
      await page.getByText(`演练：${DRILL}`).waitFor();
      // On a phone the list comes first: the student opens the buyer who walked in.
      if (phone) await page.locator('.conv-row').first().click({ timeout: 20_000 });
      await page.locator('.msg-buyer').first().waitFor({ timeout: 20_000 });
      const composer = page.getByRole('combobox', { name: '输入消息' });
      await composer.fill(reply);
      await composer.press('Enter');
      await expect
        .poll(() => page.locator('.msg-agent', { hasText: reply }).last().getAttribute('data-status'))
        .toBe('sent');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phone ? 390 : 1280,
      );
      await shot(page, `04-workbench-${username}`);
    }
  });

  it('the instructor watches the replies arrive and the violation show, then ends the drill', async () => {
    const teacher = pages.teacher!;
    const tile = (name: string) =>
      teacher.locator('li.monitor-tile', {
        has: teacher.getByRole('button', { name: `查看 ${name} 的对话` }),
      });
    for (const name of ['李明', '王芳']) {
      await expect.poll(() => tile(name).textContent(), { timeout: 20_000 }).toMatch(/平均响应 \d+(\.\d)? s/);
    }
    await expect.poll(() => tile('李明').textContent(), { timeout: 20_000 }).toContain('引导站外交易');
    await shot(teacher, '05-monitor');
    await teacher.getByRole('button', { name: '结束演练' }).click();
    await teacher.getByRole('alertdialog').getByRole('button', { name: '结束演练' }).click();
    await teacher.getByText('已结束').waitFor();
  });

  it('a student disputes the violation on their report; a new tab of the workbench says nothing is open', async () => {
    const page = pages['2401001']!;
    await page.getByRole('button', { name: '返回首页' }).click();
    const reports = page.getByRole('region', { name: '我的报告' });
    await reports.getByRole('button', { name: '查看' }).first().click();
    const item = page.locator('li.violation[data-rule="off-platform-contact"]');
    await item.getByRole('button', { name: '申诉' }).click();
    await item.getByLabel('用一句话说明你为什么认为这条判错了').fill('我只是想让顾客加微信方便联系');
    await item.getByRole('button', { name: '提交申诉' }).click();
    await item.getByText('申诉中 · 等老师处理').waitFor();
    await shot(page, '06-student-appealed');

    // The drill is over: the workbench opened anew has no buyer coming and leads back home.
    const tab = await page.context().newPage();
    await tab.goto(`${server.url}/#/workbench`);
    const nothing = tab.getByRole('status').filter({ hasText: '现在没有进行中的接待' });
    await nothing.waitFor();
    expect(await tab.getByText('等待买家进店…').count()).toBe(0);
    await shot(tab, '07-workbench-new-tab');
    await nothing.getByRole('button', { name: '返回首页' }).click();
    await tab.getByRole('heading', { name: /你好，李明/ }).waitFor();
  });

  it('the trainer upholds the appeal and exports the grades; the student reads the decision', async () => {
    const trainer = pages.trainer!;
    await trainer.reload();
    await trainer.getByRole('button', { name: '申诉', exact: true }).click();
    const card = trainer.locator('li.appeal-card', { hasText: '我只是想让顾客加微信方便联系' });
    await card.getByLabel('裁定理由（学员能看到）').fill('引导加微信就是站外交易，平台严禁');
    await card.getByRole('button', { name: '维持原判' }).click();
    await trainer.getByText('没有待处理的申诉。').waitFor();

    await trainer.getByRole('button', { name: '班级', exact: true }).click();
    await trainer.getByRole('button', { name: '班级报告：电商2401班' }).click();
    // The 统计范围 choice looks like the page's other choices (it was the browser's bare default).
    const look = (choice: Locator) =>
      choice.evaluate((el) => {
        const style = getComputedStyle(el);
        return { border: style.borderTopColor, radius: style.borderRadius, height: el.clientHeight };
      });
    expect(await look(trainer.getByRole('combobox', { name: /^统计范围/ }))).toEqual(
      await look(trainer.getByLabel('筛选', { exact: true })),
    );
    const [download] = await Promise.all([
      trainer.waitForEvent('download'),
      trainer.getByRole('link', { name: '导出成绩 CSV' }).click(),
    ]);
    const file = join(OUT, 'grades.csv');
    await download.saveAs(file);
    const rows = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const header = rows[0]!;
    const byUser = new Map(rows.slice(1).map((r) => [r[header.indexOf('用户名')], r]));
    for (const [username, name] of [
      ['2401001', '李明'],
      ['2401002', '王芳'],
    ]) {
      const row = byUser.get(username);
      expect(row?.[header.indexOf('姓名')]).toBe(name);
      expect(row?.[header.indexOf('演练')]).toBe(DRILL);
    }
    await shot(trainer, '08-class-report');

    const student = pages['2401001']!;
    await student.reload();
    const item = student.locator('li.violation[data-rule="off-platform-contact"]');
    await item.getByText('申诉未通过 · 维持原判').waitFor();
    await item.getByText(/引导加微信就是站外交易，平台严禁/).waitFor();
  });

  it('a page opened before the server got a new build loads it again instead of going blank', async () => {
    const page = await newPage();
    await login(page, '2401001', NEW_PASSWORD);
    await page.getByRole('heading', { name: /你好，李明/ }).waitFor();
    // The summary's chunk of the build this page was loaded with is gone (the server has a newer build).
    let refused = 0;
    await page.route(/\/assets\/Summary-[^/]+\.js$/, (route) =>
      refused++ === 0 ? route.fulfill({ status: 404, body: '' }) : route.continue(),
    );
    await page
      .getByRole('region', { name: '我的报告' })
      .getByRole('button', { name: '查看' })
      .first()
      .click();
    await page.locator('li.violation[data-rule="off-platform-contact"]').waitFor();
    expect(refused).toBe(2);
  });
});
