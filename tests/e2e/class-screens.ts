// Screenshots of the class page as its staff see it (the exports, the trainers section) and of the exam form,
// at a laptop's 1280×800 and a phone's 390 px, for a person to look at (not a test):
//   npm run build -w client && npx tsx tests/e2e/class-screens.ts [name-filter]
// The PNGs go to tests/.artifacts/staff (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, CLIENT_DIR, playConversation, seedClass } from './staff-server.ts';

mkdirSync(ARTIFACTS, { recursive: true });
const clock = new ManualClock(Date.now());
const server = await startServer({ clientDir: CLIENT_DIR, clock, seedSource: () => 7 });
const only = process.argv[2];
const SIZES = [
  { suffix: '1280', viewport: { width: 1280, height: 800 } },
  { suffix: '390', viewport: { width: 390, height: 800 } },
];

async function pageAs(browser: Browser, user: TestUser, viewport: { width: number; height: number }) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  await ctx.addCookies([{ name: 'kefu_session', value: user.cookie.split('=')[1]!, url: server.url }]);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  return page;
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
  console.log(`saved ${name}.png`);
}

let browser: Browser | undefined;
try {
  const cls = await seedClass(server, ['zhang-san', 'li-si']);
  const [student] = cls.students as [TestUser];
  await playConversation(server, clock, student, 'jacket-colour-size');
  for (const name of ['mentor-qian', 'mentor-sun', 'coach-li']) await seedUser(server.app, 'trainer', name);
  // Someone guessing at 李四's password: the class page offers to lift the lock.
  for (let i = 0; i < 5; i++)
    await api(server, 'POST', '/api/auth/login', { body: { username: 'li-si', password: 'wrong-guess-1' } });
  browser = await launchChromium();
  for (const { suffix, viewport } of SIZES) {
    if (!only || 'locks'.includes(only)) {
      const page = await pageAs(browser, cls.instructor, viewport);
      await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
      const locks = page.getByRole('region', { name: '登录被锁定的学员' });
      await locks.waitFor();
      await locks.scrollIntoViewIfNeeded();
      await shot(page, `class-locks-${suffix}`);
      await locks.getByRole('button', { name: /解除锁定/ }).click();
      await shot(page, `class-locks-confirm-${suffix}`);
      await page.context().close();
      const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
      const login = await ctx.newPage();
      await login.goto(server.url);
      await login.getByLabel('用户名').fill('li-si');
      await login.getByLabel('密码').fill('wrong-guess-1');
      await login.getByRole('button', { name: '登录' }).click();
      await login.getByText(/登录尝试太多/).waitFor();
      await shot(login, `login-locked-${suffix}`);
      await ctx.close();
    }
    if (!only || 'class'.includes(only)) {
      const page = await pageAs(browser, cls.instructor, viewport);
      await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
      await page.getByRole('link', { name: '导出学员汇总 CSV' }).waitFor();
      await shot(page, `class-report-${suffix}`);
      await shot(page, `class-report-full-${suffix}`, true);
      const trainers = page.getByRole('region', { name: '评估导师' });
      await trainers.scrollIntoViewIfNeeded();
      await shot(page, `class-trainers-${suffix}`);
      await trainers.getByRole('searchbox').fill('mentor');
      await shot(page, `class-trainers-search-${suffix}`);
      await trainers.getByRole('button', { name: '移除 测试mentor-zhao' }).click();
      await shot(page, `class-trainers-remove-${suffix}`);
      await page.context().close();
    }
    if (!only || 'exam'.includes(only)) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const page = await pageAs(browser, cls.instructor, viewport);
        await page.goto(`${server.url}/#/staff/drills/${cls.classId}`);
        if (locale === 'en') await page.getByRole('combobox', { name: /语言|Language/ }).selectOption('en');
        const form = page.getByRole('form', { name: locale === 'en' ? 'New exam' : '新建考试' });
        await form.waitFor();
        const opens = form.getByRole('group', { name: locale === 'en' ? 'Opens at' : '开考时间' });
        await opens.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await shot(page, `exam-form-${locale}-${suffix}`);
        // The day list open: each day named in the page's language.
        await opens.getByLabel(locale === 'en' ? 'Date' : '日期').focus();
        await page.context().close();
      }
    }
    if (!only || 'trainer'.includes(only)) {
      const page = await pageAs(browser, cls.trainer, viewport);
      await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
      await page.getByRole('link', { name: '导出学员汇总 CSV' }).waitFor();
      await shot(page, `class-report-trainer-${suffix}`);
      await page.context().close();
    }
  }
} finally {
  await browser?.close();
  await server.close();
  server.cleanup();
}
