// Screenshots of the screens a class walk-through asked to change (the student's home by unit, the drill form,
// …), at a laptop's 1280×800 and a phone's 390 px, for a person to look at (not a test):
//   npm run build -w client && npx tsx tests/e2e/ux-screens.ts [name-filter]
// The PNGs go to tests/.artifacts/staff (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, startServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, CLIENT_DIR, playConversation, seedClass } from './staff-server.ts';

mkdirSync(ARTIFACTS, { recursive: true });
const clock = new ManualClock(Date.now());
// The learning path in order, as a class meets it: later units locked.
const server = await startServer({ clientDir: CLIENT_DIR, clock, seedSource: () => 7, pathInOrder: true });
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
  return page;
}

let browser: Browser | undefined;
try {
  const cls = await seedClass(server, ['zhang-san']);
  const [student] = cls.students as [TestUser];
  // The first unit passed (three model answers), one try in the second.
  for (const id of ['jacket-colour-size', 'cream-sensitive-skin', 'returning-vip', 'mooncake-shelf-life']) {
    await playConversation(server, clock, student, id);
  }
  browser = await launchChromium();
  for (const { suffix, viewport } of SIZES) {
    if (!only || 'home'.includes(only)) {
      const page = await pageAs(browser, student, viewport);
      await page.goto(server.url);
      await page.getByRole('heading', { name: /学习路径/ }).waitFor();
      await page.waitForTimeout(600);
      await page.getByRole('heading', { name: /学习路径/ }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `ux-home-${suffix}.png`) });
      await page.screenshot({ path: join(ARTIFACTS, `ux-home-full-${suffix}.png`), fullPage: true });
      await page.getByRole('searchbox', { name: '搜索场景' }).fill('月饼');
      await page.waitForTimeout(300);
      await page.evaluate(() => document.querySelector('[role=search]')?.scrollIntoView());
      await page.screenshot({ path: join(ARTIFACTS, `ux-home-search-${suffix}.png`) });
      console.log(`saved ux-home-*-${suffix}.png`);
      await page.context().close();
    }
    if (!only || 'slash'.includes(only)) {
      // A lipstick buyer: `/` offers the lipstick's phrases first.
      await api(server, 'POST', '/api/practice/abandon', { as: student });
      await api(server, 'POST', '/api/practice', {
        as: student,
        body: { scenarioId: 'pre-returning-lipstick' },
      });
      const page = await pageAs(browser, student, viewport);
      await page.goto(`${server.url}/#/workbench`);
      // A phone shows the list first: open the buyer.
      if (viewport.width < 640) await page.locator('.conv-row').first().click();
      const composer = page.getByRole('combobox', { name: '输入消息' });
      await composer.waitFor();
      await composer.click();
      await composer.pressSequentially('/');
      await page.getByRole('listbox').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `ux-slash-${suffix}.png`) });
      console.log(`saved ux-slash-${suffix}.png`);
      await page.context().close();
    }
    if (!only || 'import'.includes(only)) {
      const page = await pageAs(browser, cls.instructor, viewport);
      await page.goto(`${server.url}/#/staff/import/${cls.classId}`);
      await page.getByRole('button', { name: '选择文件' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `ux-import-${suffix}.png`) });
      console.log(`saved ux-import-${suffix}.png`);
      await page.context().close();
    }
    if (!only || 'drill'.includes(only)) {
      const page = await pageAs(browser, cls.instructor, viewport);
      await page.goto(`${server.url}/#/staff/drills/${cls.classId}`);
      const picks = page.getByRole('group', { name: '场景' }).first();
      await picks.waitFor();
      await page.getByRole('checkbox', { name: '全选「欢迎与响应」' }).first().check();
      await picks.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('.scenario-picks')?.scrollIntoView());
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `ux-drill-${suffix}.png`) });
      await page.getByRole('searchbox', { name: '搜索场景' }).first().fill('催付');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `ux-drill-search-${suffix}.png`) });
      console.log(`saved ux-drill-*-${suffix}.png`);
      await page.context().close();
    }
  }
} finally {
  await browser?.close();
  await server.close();
  server.cleanup();
}
