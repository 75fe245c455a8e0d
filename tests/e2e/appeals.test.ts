// End to end in real Chromium against the real server: a student appeals a violation on their report, the
// class's trainer overturns it from the 申诉 page, and the student's report then shows the new score, with
// the overturned violation listed apart (original verdict and decision). Screenshots in
// tests/.artifacts/staff/e2e (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import type { TestServer, TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'e2e');
let server: TestServer;
let browser: Browser;
let cls: StaffClass;
let conversationId: string;
const contexts: BrowserContext[] = [];

async function pageAs(user: TestUser, hash: string, width = 1366): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  await ctx.addCookies([{ name: 'kefu_session', value: user.cookie.split('=')[1]!, url: server.url }]);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/${hash}`);
  return page;
}

const scoreOf = async (page: Page) =>
  Number((await page.getByRole('img', { name: /^得分 / }).getAttribute('aria-label'))?.replace('得分 ', ''));

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const clock = new ManualClock(Date.now());
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['stu-appeal']);
  conversationId = await playConversation(
    server,
    clock,
    cls.students[0]!,
    'price-objection',
    '一句“已经很便宜了”',
  );
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
  console.log(`appeals e2e screenshots: ${OUT}`);
});

describe('申诉', () => {
  let before = 0;

  it('the student disputes a violation on their report with a sentence', async () => {
    const page = await pageAs(cls.students[0]!, `#/summary/${conversationId}`);
    const item = page.locator('li.violation[data-rule="objection-unaddressed"]');
    await item.waitFor();
    before = await scoreOf(page);
    await item.getByRole('button', { name: '申诉' }).click();
    await item
      .getByLabel('用一句话说明你为什么认为这条判错了')
      .fill('我讲了质量好、一分钱一分货，就是在回应价格');
    await page.screenshot({ path: join(OUT, 'appeal-1-student-form.png'), fullPage: true });
    await item.getByRole('button', { name: '提交申诉' }).click();
    await item.getByText('申诉中 · 等老师处理').waitFor();
    await page.screenshot({ path: join(OUT, 'appeal-2-student-pending.png'), fullPage: true });
  });

  it('the class trainer overturns it from the queue with a note', async () => {
    const page = await pageAs(cls.trainer, '#/staff/');
    await page.getByRole('button', { name: '申诉', exact: true }).click();
    const card = page.locator('li.appeal-card', { hasText: '我讲了质量好' });
    await card.waitFor();
    await page.screenshot({ path: join(OUT, 'appeal-3-trainer-queue.png'), fullPage: true });
    await card.getByLabel('裁定理由（学员能看到）').fill('讲了品质与性价比，算是回应了价格顾虑');
    await card.getByRole('button', { name: '撤销违规（判错了）' }).click();
    await page.getByText('没有待处理的申诉。').waitFor();
    // The rate per rule is charted (a canvas in a real browser) and said in words.
    await page.locator('.staff-chart canvas').first().waitFor();
    expect(await page.locator('.appeal-rates-words').textContent()).toBe(
      '异议未化解：裁定 1 条，撤销 1 条（100%）',
    );
    await page.getByLabel('显示').selectOption({ label: '已裁定' });
    await page.locator('li.appeal-card', { hasText: '讲了品质与性价比' }).waitFor();
    await page.screenshot({ path: join(OUT, 'appeal-4-trainer-decided.png'), fullPage: true });
    // The conversation's replay lists the appeal and its decision (the violation no longer counts there).
    await page
      .locator('li.appeal-card', { hasText: '讲了品质与性价比' })
      .getByRole('button', { name: '查看完整对话' })
      .click();
    await page.getByRole('heading', { name: '申诉与裁定' }).waitFor();
    await page.locator('.replay-appeals', { hasText: '讲了品质与性价比，算是回应了价格顾虑' }).waitFor();
    expect(await page.locator('.tl-violation').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'appeal-4b-trainer-replay.png'), fullPage: true });
  });

  it('the student sees the new score and the overturned violation with the decision', async () => {
    const page = await pageAs(cls.students[0]!, `#/summary/${conversationId}`);
    const apart = page.getByRole('region', { name: '申诉后撤销的问题' });
    await apart.waitFor();
    expect(await scoreOf(page)).toBeGreaterThan(before);
    // Only in the overturned list now, no longer among the mistakes that count.
    expect(await page.locator('li.violation[data-rule="objection-unaddressed"]').count()).toBe(1);
    expect(await apart.locator('li.violation[data-rule="objection-unaddressed"]').count()).toBe(1);
    await apart.getByText('申诉通过 · 已撤销').waitFor();
    await apart.getByText(/讲了品质与性价比，算是回应了价格顾虑/).waitFor();
    await page.screenshot({ path: join(OUT, 'appeal-5-student-overturned.png'), fullPage: true });
    // On a phone the decision wraps inside the page: nothing scrolls sideways.
    const phone = await pageAs(cls.students[0]!, `#/summary/${conversationId}`, 390);
    await phone.getByRole('region', { name: '申诉后撤销的问题' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(OUT, 'appeal-6-student-phone.png'), fullPage: true });
  });
});
