// Supervision from a phone: a teacher walking round the computer room opens the staff pages (the drill
// monitor first, then the class report, the drill list and a student's report) at 390×844 in real Chromium.
// No page scrolls sideways and the header's title stays on one line; screenshots are kept for a person.
// And practice on a phone: a student opens a conversation from the list, replies, sees the buyer's answer
// and switches to the 订单/商品 panel and back, one pane at a time, touch targets at least 40 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PracticeResponse } from '@kefu/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'phone');
const PHONE = { width: 390, height: 844 };
let server: TestServer;
let clock: ManualClock;
let browser: Browser;
let cls: StaffClass;
let page: Page;
let drillId: string;
/** A student's finished conversation with a mistake in it (a counter-example), for their own report. */
let mistakeConversation: string;
const staffPage = () => page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  clock = new ManualClock(Date.now());
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['zhang-san', 'li-si', 'wang-wu']);
  const [a, b] = cls.students as [TestUser, TestUser, TestUser];
  await playConversation(server, clock, a, 'jacket-colour-size');
  await playConversation(server, clock, b, 'price-objection');
  mistakeConversation = await playConversation(server, clock, a, 'jacket-colour-size', '说错材质（鹅绒）');
  const drill = await api(server, 'POST', `/api/classes/${cls.classId}/drills`, {
    as: cls.instructor,
    body: {
      title: '课堂演练：双十一前的接待高峰',
      settings: {
        scenarioIds: ['jacket-colour-size', 'price-objection'],
        shoppersPerStudent: 2,
        arrivalIntervalSeconds: 0,
        concurrency: 2,
        durationMinutes: 10,
      },
    },
  });
  drillId = drill.body.drill.id;
  await api(server, 'POST', `/api/drills/${drillId}/start`, { as: cls.instructor });
  for (const s of [a, b]) await api(server, 'POST', `/api/drills/${drillId}/join`, { as: s });
  await clock.advanceBy(40_000);
  browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  await ctx.addCookies([
    { name: 'kefu_session', value: cls.instructor.cookie.split('=')[1]!, url: server.url },
  ]);
  page = await ctx.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

/** The page is no wider than the phone, and the header's title is one line (not one character per line). */
async function fitsThePhone(name: string, page: Page = staffPage()): Promise<void> {
  // Charts draw after their data: give them a moment so the picture shows them.
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.viewport).toBe(PHONE.width);
  expect(widths.document).toBeLessThanOrEqual(PHONE.width);
  expect(widths.body).toBeLessThanOrEqual(PHONE.width);
  const title = page.locator('header.topbar .brand');
  const box = await title.boundingBox();
  expect(box).not.toBeNull();
  // One line of 16–20 px text.
  expect(box!.height).toBeLessThan(40);
}

describe('staff pages on a phone (390×844)', () => {
  it('the drill monitor', async () => {
    await page.goto(`${server.url}/#/staff/monitor/${drillId}`);
    await page.getByRole('button', { name: /查看 .*zhang-san/ }).waitFor();
    await page.getByText('未加入（1 人）').waitFor();
    await fitsThePhone('01-monitor');
    await page.getByRole('button', { name: /查看 .*zhang-san/ }).click();
    await page.getByRole('heading', { name: /正在查看/ }).waitFor();
    await fitsThePhone('02-monitor-watch');
  });

  it('the class report', async () => {
    await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
    await page
      .getByText(/zhang-san/)
      .first()
      .waitFor();
    await fitsThePhone('03-class-report');
  });

  it('the drill list', async () => {
    await page.goto(`${server.url}/#/staff/drills/${cls.classId}`);
    await page.getByText('课堂演练：双十一前的接待高峰').first().waitFor();
    await fitsThePhone('04-drills');
  });

  it("a student's report", async () => {
    await page.goto(`${server.url}/#/staff/student/${cls.classId}/${cls.students[0]!.user.id}`);
    await page
      .getByRole('heading', { name: /zhang-san/ })
      .first()
      .waitFor();
    await fitsThePhone('05-student-report');
  });

  it("an ended drill's results, with every student's score and a chart", async () => {
    await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: cls.instructor });
    await page.goto(`${server.url}/#/staff/results/${drillId}`);
    await page.getByRole('heading', { name: /演练结果/ }).waitFor();
    await page.getByText('未加入（1 人）').waitFor();
    await page.getByRole('link', { name: /zhang-san/ }).waitFor();
    await page.locator('.staff-chart canvas').waitFor();
    await fitsThePhone('06-drill-results');
    // At a desktop's width too, for a person to look at.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, '06b-drill-results-desktop.png'), fullPage: true });
    await page.goto(`${server.url}/#/staff/monitor/${drillId}`);
    await page.getByRole('button', { name: '查看结果' }).waitFor();
    await page.screenshot({ path: join(OUT, '07-monitor-ended-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
  });
});

describe("a student's own pages on a phone (390×844), in Chinese and in English", () => {
  it('home and report: the top bar wraps (its title and language choice on screen), a mistake reads across', async () => {
    const ctx = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const student = cls.students[0]!;
    await ctx.addCookies([{ name: 'kefu_session', value: student.cookie.split('=')[1]!, url: server.url }]);
    const phone = await ctx.newPage();
    for (const [language, greeting, mistakes] of [
      ['zh-CN', /你好/, '问题清单'],
      ['en', /Hello/, 'Mistakes'],
    ] as const) {
      await phone.goto(`${server.url}/#/home`);
      await phone.getByRole('heading', { name: greeting }).waitFor();
      await fitsThePhone(`13-student-home-${language}`, phone);
      // 我的报告: a report's scenario title reads across the list, not squeezed beside its date and button.
      const report = phone.locator('.my-reports li').first();
      const row = await report.evaluate((li) => ({
        list: li.getBoundingClientRect().width,
        title: li.querySelector(':scope > span')!.getBoundingClientRect().width,
      }));
      expect(row.title).toBeGreaterThan(row.list * 0.8);
      await phone.goto(`${server.url}/#/summary/${mistakeConversation}`);
      const mistake = phone.locator('li.violation').first();
      await mistake.waitFor();
      await phone.getByRole('heading', { name: mistakes }).waitFor();
      await fitsThePhone(`14-student-report-${language}`, phone);
      // The explanation takes the card's width instead of a column a few characters wide.
      const widths = await mistake.evaluate((li) => ({
        card: li.getBoundingClientRect().width,
        text: li.querySelector(':scope > p')!.getBoundingClientRect().width,
      }));
      expect(widths.text).toBeGreaterThan(widths.card * 0.8);
      if (language === 'zh-CN') await phone.getByRole('combobox', { name: '语言' }).selectOption('en');
    }
    await ctx.close();
  });
});

describe('the student workbench on a phone (390×844)', () => {
  it('list → chat → reply → the buyer answers → 订单/商品 and back; the desktop keeps three panes', async () => {
    const student = cls.students[2]!;
    const started = await api<PracticeResponse>(server, 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const conversationId = started.body.conversations[0]!.id;
    const buyerLines = async () =>
      (await server.app.eventLog.read(conversationId)).filter((e) => e.event.type === 'buyer-message').length;
    /** Moves the server's clock from timer to timer until the buyer has said more than `count` lines. */
    const buyerSpeaksAfter = async (count: number) => {
      for (let step = 0; step < 100 && (await buyerLines()) <= count; step++) {
        const next = clock.nextDue();
        if (next === null) throw new Error('the buyer has nothing left to do');
        await clock.advanceTo(next);
      }
      expect(await buyerLines()).toBeGreaterThan(count);
    };
    await buyerSpeaksAfter(0);

    const ctx = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await ctx.addCookies([{ name: 'kefu_session', value: student.cookie.split('=')[1]!, url: server.url }]);
    const phone = await ctx.newPage();
    await phone.goto(`${server.url}/#/workbench`);
    const row = phone.locator(`.conv-row[data-conversation-id="${conversationId}"]`);
    await row.waitFor();
    const composer = phone.getByRole('combobox', { name: '输入消息' });
    // The list alone: no chat beside it.
    expect(await composer.isVisible()).toBe(false);
    await fitsThePhone('07-workbench-list', phone);

    await row.tap();
    await composer.waitFor();
    expect(await row.isVisible()).toBe(false);
    await phone.locator('.msg-buyer').first().waitFor();
    await fitsThePhone('08-workbench-chat', phone);

    const before = await buyerLines();
    await composer.fill('您好，欢迎光临！这款羽绒服有黑色、米白和藏青三个颜色，您平时穿什么码？');
    await phone.getByRole('button', { name: '发送', exact: true }).tap();
    await expect.poll(() => phone.locator('.msg-agent').last().getAttribute('data-status')).toBe('sent');
    await buyerSpeaksAfter(before);
    await expect.poll(() => phone.locator('.msg-buyer').count()).toBe(before + 1);
    await fitsThePhone('09-workbench-answer', phone);

    // The phrase panel opens above the composer and fits.
    await phone.getByRole('button', { name: '快捷短语' }).tap();
    await phone
      .getByRole('searchbox')
      .or(phone.getByPlaceholder(/搜索话术/))
      .first()
      .waitFor();
    await fitsThePhone('10-workbench-phrases', phone);
    await phone.getByRole('button', { name: '快捷短语' }).tap();

    await phone.getByRole('button', { name: '订单/商品 ›' }).tap();
    await phone.getByRole('tablist').waitFor();
    expect(await composer.isVisible()).toBe(false);
    await phone.getByRole('tab', { name: '订单' }).tap();
    await fitsThePhone('11-workbench-panel', phone);
    // Every control a finger may touch is at least 40 px high.
    const small = await phone
      .locator('.workbench :is(button, select, input, [role="tab"])')
      .evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ text: el.textContent?.trim() ?? el.tagName, h: el.getBoundingClientRect().height }))
          .filter((b) => b.h < 40),
      );
    expect(small).toEqual([]);
    await phone.getByRole('button', { name: '‹ 返回聊天' }).tap();
    await composer.waitFor();
    await phone.getByRole('button', { name: '‹ 会话列表' }).tap();
    await row.waitFor();

    // At a desktop's width the three panes stand side by side, without the phone's view bar.
    await phone.setViewportSize({ width: 1366, height: 900 });
    await row.click();
    await composer.waitFor();
    expect(await phone.getByRole('tablist').isVisible()).toBe(true);
    expect(await row.isVisible()).toBe(true);
    expect(await phone.locator('.phone-nav').isVisible()).toBe(false);
    await phone.waitForTimeout(400);
    await phone.screenshot({ path: join(OUT, '12-workbench-desktop.png') });
    await ctx.close();
  });
});
