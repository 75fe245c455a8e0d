// End to end in real Chromium against the real server (ephemeral port, temp DATA_DIR, wall clock):
// an instructor writes a scenario in the studio, sees a deliberate error marked at its line, fixes it,
// proves and saves it as a draft (not offered to drills), publishes it to the class, runs a drill with two students in two browser contexts and watches the monitor
// update as they answer; a trainer opens the class report, adds their score and exports the CSV.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'e2e');
let server: TestServer;
let browser: Browser;
let cls: StaffClass;
const contexts: BrowserContext[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function loginPage(user: TestUser): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(user.user.username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // Students land on their home (你好…), instructors and trainers on their staff home (我的班级).
  await page.getByRole('heading', { name: user.user.role === 'student' ? /你好/ : '我的班级' }).waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStaffServer(undefined, 7, inject('clientDir'));
  cls = await seedClass(server, ['stu-li', 'stu-wang']);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
  console.log(`staff e2e screenshots: ${OUT}`);
});

describe('instructor and trainer', () => {
  let scenarioId = '';
  let scenarioTitle = '';
  let teacher: Page;

  it('writes a scenario in the studio: error marked at its line, fixed, proven, saved', async () => {
    teacher = await loginPage(cls.instructor);
    await teacher.getByRole('button', { name: '场景工作室' }).first().click();
    await teacher.getByRole('button', { name: '新建场景' }).click();
    await teacher.locator('.cm-content').waitFor();
    const idLine = await teacher.locator('.cm-line', { hasText: /^id: my-scenario-/ }).textContent();
    scenarioId = (idLine ?? '').replace('id: ', '').trim();
    expect(scenarioId).toMatch(/^my-scenario-\d+$/);
    // Staff pages name scenarios by their titles (never ids): the drill form picks it by this one.
    const titleLine = await teacher
      .locator('.cm-line', { hasText: /^title: / })
      .first()
      .textContent();
    scenarioTitle = (titleLine ?? '').replace('title: ', '').trim();
    expect(scenarioTitle).toMatch(/^新场景 \d+$/);

    // A deliberate mistake on line 10: a product that is not in the catalogue.
    await teacher.locator('.cm-line', { hasText: 'products: [down-jacket]' }).click();
    await teacher.keyboard.press('End');
    await teacher.keyboard.press('ArrowLeft');
    await teacher.keyboard.type('z');
    await teacher.getByText(/\d+ 处错误/).waitFor();
    const problems = teacher.getByRole('list', { name: /处错误/ });
    await expect
      .poll(() => problems.locator('li').first().textContent())
      .toMatch(/^10:12 products\[0\] 未知的商品 "down-jacketz"/);
    await teacher.locator('.cm-lintRange-error').first().waitFor();
    expect(await teacher.locator('.cm-lintRange-error').first().textContent()).toBe('down-jacketz');
    // the red marker sits in the gutter of line 10
    const markerBox = await teacher.locator('.cm-lint-marker-error').first().boundingBox();
    const lineBox = await teacher.locator('.cm-line').nth(9).boundingBox();
    expect(
      Math.abs(
        (markerBox?.y ?? 0) + (markerBox?.height ?? 0) / 2 - ((lineBox?.y ?? 0) + (lineBox?.height ?? 0) / 2),
      ),
    ).toBeLessThan(8);
    await shot(teacher, '01-studio-error');

    await teacher.keyboard.press('Backspace');
    await teacher.getByText('校验通过').waitFor();
    await teacher.getByRole('button', { name: '证明' }).click();
    await teacher.getByText(/全部通过/).waitFor();
    await teacher.getByRole('button', { name: '保存草稿' }).click();
    await teacher.getByText(/已保存草稿（\d{2}:\d{2}:\d{2} 保存）/).waitFor();
    const bar = teacher.getByRole('region', { name: '草稿与发布' });
    await bar.getByText('草稿', { exact: true }).waitFor();
    await shot(teacher, '02-studio-proved-saved');

    // A draft is not offered to the class's drills…
    await teacher.goto(`${server.url}/#/staff/drills/${cls.classId}`);
    await teacher.getByRole('heading', { name: '新建演练' }).waitFor();
    const drillForm = teacher.getByRole('form', { name: '新建演练' });
    await drillForm.getByRole('checkbox', { name: '嫌贵砍价', exact: true }).waitFor();
    expect(await teacher.getByRole('checkbox', { name: scenarioTitle, exact: true }).count()).toBe(0);
    // …until it is published (to this class): the server proves that version first.
    await teacher.goto(`${server.url}/#/staff/studio`);
    await bar.getByText('草稿', { exact: true }).waitFor();
    await bar.getByLabel('发布到').selectOption(cls.classId);
    await bar.getByRole('button', { name: '发布', exact: true }).click();
    await bar.getByText(/已发布到.+：学员和新演练从现在起使用这个版本/).waitFor({ timeout: 20_000 });
    await bar.getByText(/^已发布 · /).waitFor();
    await shot(teacher, '02b-studio-published');
  });

  it('runs a drill with two students and watches the monitor update as they answer', async () => {
    await teacher.goto(`${server.url}/#/staff/drills/${cls.classId}`);
    await teacher.getByRole('heading', { name: '新建演练' }).waitFor();
    // The drill form (the page also has the new exam form, with the same scenario boxes and numbers).
    const form = teacher.getByRole('form', { name: '新建演练' });
    await form.getByLabel('演练名称').fill('第一次课堂演练');
    await form.getByRole('checkbox', { name: scenarioTitle, exact: true }).check();
    await form.getByLabel('每位学员的买家数').fill('1');
    await form.getByLabel('买家到达间隔（秒）').fill('0');
    await form.getByLabel('同时接待上限').fill('1');
    await form.getByLabel('时长（分钟）').fill('5');
    await form.getByRole('button', { name: '创建演练' }).click();
    await teacher.getByRole('button', { name: '开始' }).click();
    await teacher
      .getByRole('heading', { name: /实时监控 · 第一次课堂演练/ })
      .waitFor({ timeout: 10_000 })
      .catch(async (err) => {
        await shot(teacher, '99-monitor-failed');
        throw err;
      });

    const students: Page[] = [];
    for (const s of cls.students) {
      const page = await loginPage(s);
      if (students.length === 0) {
        // A staff link is no dead end for a student: it lands on their own home.
        await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
        await page.getByRole('heading', { name: /你好/ }).waitFor();
        expect(page.url()).toMatch(/#\/home$/);
      }
      await page.getByRole('button', { name: '加入演练' }).click();
      await page.getByRole('combobox', { name: '输入消息' }).waitFor();
      students.push(page);
    }
    // Both tiles appear; a buyer is waiting on each (the wait is counting).
    for (const s of cls.students) {
      await teacher.getByRole('button', { name: `查看 ${s.user.displayName} 的对话` }).waitFor();
    }
    // A tile: its button names the student, its figures stand beside the button.
    const tile = (s: TestUser) =>
      teacher.locator('li.monitor-tile', {
        has: teacher.getByRole('button', { name: `查看 ${s.user.displayName} 的对话` }),
      });
    await expect
      .poll(async () => tile(cls.students[0]!).textContent(), { timeout: 20_000 })
      .toMatch(/进行中 1/);
    await expect
      .poll(async () => tile(cls.students[0]!).locator('.tile-wait b').textContent(), { timeout: 20_000 })
      .toMatch(/^\d+ s$/);
    expect(await tile(cls.students[0]!).textContent()).toContain('平均响应 —');
    await shot(teacher, '03-monitor-waiting');

    // Each student answers the buyer; the monitor's running average appears.
    for (const page of students) {
      await page.locator('.msg-buyer, .bubble').first().waitFor({ timeout: 20_000 });
      const composer = page.getByRole('combobox', { name: '输入消息' });
      await composer.click();
      await composer.fill('亲，米白色有现货的，S到XL码都有~');
      await composer.press('Enter');
    }
    await shot(students[0]!, '04-student-answered');
    for (const s of cls.students) {
      await expect
        .poll(async () => tile(s).textContent(), { timeout: 20_000 })
        .toMatch(/平均响应 \d+(\.\d)? s/);
    }
    await tile(cls.students[0]!).click();
    const watcher = teacher.getByRole('region', { name: /正在查看 .*（只读）/ });
    await watcher.getByText('亲，米白色有现货的，S到XL码都有~').waitFor({ timeout: 10_000 });
    await shot(teacher, '05-monitor-answered-watching');

    // Ending the drill for the whole class is confirmed in a modal dialog first.
    await teacher.getByRole('button', { name: '结束演练' }).click();
    const confirm = teacher.getByRole('alertdialog', { name: /结束“.*”？/ });
    await confirm.getByText(/全班/).waitFor();
    await shot(teacher, '06-monitor-stop-confirm');
    await confirm.getByRole('button', { name: '结束演练' }).click();
    await teacher.getByText('已结束').waitFor();
  });

  it('a trainer opens the class report, adds a score and exports the CSV', async () => {
    const trainer = await loginPage(cls.trainer);
    await trainer.getByRole('button', { name: /班级报告：电商2401班/ }).click();
    const table = trainer.getByRole('table', { name: /班级学员成绩表/ });
    for (const s of cls.students)
      await table.getByRole('button', { name: s.user.displayName, exact: true }).waitFor();
    await trainer.locator('.staff-chart canvas').first().waitFor();

    const first = cls.students[0]!;
    await trainer.getByRole('button', { name: `给 ${first.user.displayName} 评分` }).click();
    await trainer.getByLabel('企业导师评分（0–100）').fill('150');
    await trainer.getByRole('button', { name: '保存评分' }).click();
    expect(await trainer.getByRole('alert').textContent()).toContain('分数在 0–100 之间');
    await trainer.getByLabel('企业导师评分（0–100）').fill('86');
    await trainer.getByLabel('评语').fill('接待及时，语气亲切。');
    await trainer.getByRole('button', { name: '保存评分' }).click();
    await trainer.getByRole('form').waitFor({ state: 'detached' });
    await shot(trainer, '06-class-report-graded');

    const [download] = await Promise.all([
      trainer.waitForEvent('download'),
      trainer.getByRole('link', { name: '导出成绩 CSV' }).click(),
    ]);
    // The server names the file in the UI's language (the link asks for zh-CN here).
    expect(download.suggestedFilename()).toMatch(/-成绩\.csv$/);
    const file = join(OUT, 'grades.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(col('总评')).toBeGreaterThan(0);
    const byUser = new Map(rows.slice(1).map((r) => [r[col('用户名')], r]));
    for (const s of cls.students) {
      const row = byUser.get(s.user.username);
      expect(row, s.user.username).toBeDefined();
      expect(row![col('演练')]).toBe('第一次课堂演练');
    }
    const graded = byUser.get(first.user.username)!;
    expect(graded[col('导师评分')]).toBe('86');
    expect(Number(graded[col('总评')])).toBeGreaterThan(0);

    await trainer.getByRole('button', { name: first.user.displayName, exact: true }).click();
    await trainer.getByRole('heading', { name: /个人报告/ }).waitFor();
    await trainer.getByText('接待及时，语气亲切。').waitFor();
    await shot(trainer, '07-student-report');
  });

  it('试玩 keeps the draft: back from the workbench by 返回首页, the studio shows it again', async () => {
    await teacher.goto(`${server.url}/#/staff/studio`);
    await teacher.getByRole('button', { name: '新建场景' }).click();
    const title = teacher.locator('.cm-line', { hasText: /^title: / }).first();
    await title.click();
    await teacher.keyboard.press('End');
    await teacher.keyboard.type('（试玩稿）');
    await teacher.getByText('校验通过').waitFor();
    await teacher.getByRole('button', { name: '试玩' }).click();
    await teacher.getByRole('combobox', { name: '输入消息' }).waitFor();

    // 返回首页 takes a teacher to the staff home, not the student home.
    await teacher.getByRole('button', { name: '返回首页' }).click();
    await teacher.getByRole('heading', { name: '我的班级' }).waitFor();
    await teacher.getByRole('button', { name: '场景工作室' }).first().click();
    await teacher.locator('.cm-line', { hasText: '（试玩稿）' }).waitFor();
    await shot(teacher, '08-studio-after-try');
  });
});
