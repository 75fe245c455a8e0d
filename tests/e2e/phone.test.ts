// Supervision from a phone: a teacher walking round the computer room opens the staff pages (the drill
// monitor first, then the class report, the drill list and a student's report) at 390×844 in real Chromium.
// No page scrolls sideways and the header's title stays on one line; screenshots are kept for a person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  clock = new ManualClock(Date.now());
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['zhang-san', 'li-si', 'wang-wu']);
  const [a, b] = cls.students as [TestUser, TestUser, TestUser];
  await playConversation(server, clock, a, 'jacket-colour-size');
  await playConversation(server, clock, b, 'price-objection');
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
async function fitsThePhone(name: string): Promise<void> {
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
