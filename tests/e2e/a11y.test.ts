// Accessibility audit in real Chromium against the real server: axe-core (WCAG 2.x A/AA rules) runs on every
// page a class meets — login, the student's home, the workbench with a buyer talking, a report and its
// appeal form, the staff class page, the drill monitor, the scenario studio and a catalogue file in it, the
// appeals page and the admin page — in Chinese and in English, and a serious or critical violation fails the
// test with the rule, its help and the elements it found. Then the workbench is used with the keyboard
// alone (opening and switching buyers, sending, a quick phrase, an order operation); a report on a phone
// keeps its rule tags to their words and its transcript in the page's one scrollbar; and a wrong password
// is answered on the login page without an error in the browser's console.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, seedUser, TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'a11y');
let server: TestServer;
let clock: ManualClock;
let browser: Browser;
let cls: StaffClass;
let admin: TestUser;
let drillId: string;
let reportId: string;
const contexts: BrowserContext[] = [];

type Language = 'zh-CN' | 'en';

async function pageAs(user: TestUser | null, language: Language, width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, locale: language });
  contexts.push(ctx);
  await ctx.addInitScript((lang) => localStorage.setItem('kefu.lang', lang), language);
  if (user) {
    await ctx.addCookies([{ name: 'kefu_session', value: user.cookie.split('=')[1]!, url: server.url }]);
  }
  return ctx.newPage();
}

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; returns its serious and critical violations. */
async function audit(page: Page, name: string): Promise<Finding[]> {
  // Let transitions and charts settle, so colours are measured as the user sees them.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      targets: v.nodes.map(
        (n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      ),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await audit(page, name);
  const report = found.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`);
  expect(report, `${name}: axe found serious/critical violations`).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  clock = new ManualClock(Date.now());
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['zhang-san', 'li-si']);
  admin = await seedUser(server.app, 'admin', 'admin');
  const [a] = cls.students as [TestUser, TestUser];
  await playConversation(server, clock, a, 'jacket-colour-size');
  reportId = await playConversation(server, clock, a, 'price-objection', '一句“已经很便宜了”');
  const drill = await api(server, 'POST', `/api/classes/${cls.classId}/drills`, {
    as: cls.instructor,
    body: {
      title: '课堂演练',
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
  await api(server, 'POST', `/api/drills/${drillId}/join`, { as: a });
  await clock.advanceBy(20_000);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

describe.each(['zh-CN', 'en'] as const)(
  'axe-core finds no serious or critical violation (%s)',
  (language) => {
    const shot = (name: string) => `${language}-${name}`;

    it('the login page', async () => {
      const page = await pageAs(null, language);
      await page.goto(server.url);
      await page.locator('input[type=password]').waitFor();
      await expectAccessible(page, shot('login'));
    });

    it("the student's home", async () => {
      const page = await pageAs(cls.students[1]!, language);
      await page.goto(`${server.url}/#/home`);
      await page.getByRole('searchbox').waitFor();
      await expectAccessible(page, shot('home'));
    });

    it('the workbench with a buyer talking', async () => {
      const student = cls.students[0]!;
      const page = await pageAs(student, language);
      await page.goto(`${server.url}/#/workbench`);
      await page.locator('.msg-buyer').first().waitFor();
      await expectAccessible(page, shot('workbench'));
    });

    it('a report and its appeal form', async () => {
      const page = await pageAs(cls.students[0]!, language);
      await page.goto(`${server.url}/#/summary/${reportId}`);
      const item = page.locator('li.violation[data-rule="objection-unaddressed"]');
      await item.waitFor();
      await expectAccessible(page, shot('report'));
      await item.getByRole('button', { name: language === 'en' ? 'Appeal' : '申诉' }).click();
      await item.locator('textarea').waitFor();
      await expectAccessible(page, shot('appeal'));
    });

    it('the staff class page', async () => {
      const page = await pageAs(cls.instructor, language);
      await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
      await page
        .getByText(/zhang-san/)
        .first()
        .waitFor();
      await expectAccessible(page, shot('class'));
    });

    it('the drill monitor', async () => {
      const page = await pageAs(cls.instructor, language);
      await page.goto(`${server.url}/#/staff/monitor/${drillId}`);
      await page
        .getByText(/zhang-san/)
        .first()
        .waitFor();
      await expectAccessible(page, shot('monitor'));
    });

    it('the scenario studio and a catalogue file', async () => {
      const page = await pageAs(cls.instructor, language);
      await page.goto(`${server.url}/#/staff/studio`);
      await page
        .getByRole('button', { name: /price-objection|嫌贵砍价|too expensive/i })
        .first()
        .click();
      await page.locator('.cm-content').waitFor();
      await expectAccessible(page, shot('studio'));
      await page.getByRole('button', { name: /down-jacket\.yaml/ }).click();
      await page.locator('.cm-line', { hasText: 'aliases:' }).first().waitFor();
      await expectAccessible(page, shot('catalogue'));
    });

    it('the appeals page', async () => {
      const page = await pageAs(cls.trainer, language);
      await page.goto(`${server.url}/#/staff/appeals`);
      await page.locator('main h2, main h1').first().waitFor();
      await expectAccessible(page, shot('appeals'));
    });

    it('the admin page', async () => {
      const page = await pageAs(admin, language);
      await page.goto(`${server.url}/#/staff/admin`);
      await page.getByRole('table').first().waitFor();
      await expectAccessible(page, shot('admin'));
    });
  },
);

describe('the report on a phone (390 px)', () => {
  it("keeps each rule's tag to its words and scrolls the transcript with the page", async () => {
    const page = await pageAs(cls.students[0]!, 'zh-CN', 390);
    await page.goto(`${server.url}/#/summary/${reportId}`);
    await page.locator('li.violation .tag').first().waitFor();
    const tags = await page.locator('li.violation > .tag').evaluateAll((els) =>
      els.map((el) => {
        const words = document.createRange();
        words.selectNodeContents(el);
        return { box: el.getBoundingClientRect().width, words: words.getBoundingClientRect().width };
      }),
    );
    expect(tags.length).toBeGreaterThan(0);
    // 8 px of padding each side, and a pixel for rounding.
    for (const tag of tags) expect(tag.box).toBeLessThanOrEqual(tag.words + 17);
    const transcript = await page.locator('.transcript').evaluate((el) => ({
      scroll: el.scrollHeight,
      client: el.clientHeight,
      overflow: getComputedStyle(el).overflowY,
    }));
    expect(transcript.overflow).toBe('visible');
    expect(transcript.scroll).toBeLessThanOrEqual(transcript.client + 1);
    await page.screenshot({ path: join(OUT, 'report-390.png'), fullPage: true });
  });
});

describe('a wrong password', () => {
  it('is said on the login page with no error in the browser console', async () => {
    const page = await pageAs(null, 'zh-CN');
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByLabel('用户名').fill(cls.students[1]!.user.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('用户名或密码不对，请检查后重试');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: /你好/ }).waitFor();
    expect(errors).toEqual([]);
  });
});

/** Presses Tab until the focused element is the one wanted (what a keyboard user does), at most `max` times. */
async function tabTo(page: Page, wanted: (el: { role: string; name: string }) => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
        name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      };
    });
    if (wanted(focused)) return focused;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}

describe('the workbench with the keyboard alone', () => {
  it('opens a buyer, sends, sends a quick phrase, invites to order and switches buyers', async () => {
    const page = await pageAs(cls.students[0]!, 'zh-CN');
    await page.goto(`${server.url}/#/workbench`);
    await page.locator('.conv-row').nth(1).waitFor();
    const active = () => page.locator('.conv-row.active').getAttribute('data-conversation-id');
    const composer = page.getByRole('combobox', { name: '输入消息' });
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const lastAgent = () => page.locator('.msg-agent').last();

    // Alt+1: the first buyer, with the cursor in the message box.
    await page.keyboard.press('Alt+1');
    const first = await active();
    expect(first).not.toBeNull();
    expect(await focusedName()).toBe('输入消息');

    await page.keyboard.type('您好，在的，请问有什么可以帮您？');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAgent().getAttribute('data-status')).toBe('sent');
    expect(await lastAgent().textContent()).toContain('您好，在的');

    // Alt+P: the quick phrases, searched from the keyboard; Tab to a phrase, Enter puts it in the box.
    await page.keyboard.press('Alt+P');
    expect(await focusedName()).toBeNull();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    await tabTo(page, (el) => el.name.startsWith('插入：'));
    await page.keyboard.press('Enter');
    expect(await focusedName()).toBe('输入消息');
    const phrase = await composer.inputValue();
    expect(phrase.length).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => lastAgent().getAttribute('data-status')).toBe('sent');
    expect(await lastAgent().textContent()).toContain(phrase.slice(0, 8));

    // The side panel's tabs by arrow keys, then the order tool.
    await tabTo(page, (el) => el.role === 'tab');
    for (let i = 0; i < 3; i++) {
      if ((await page.getByRole('tab', { name: '订单' }).getAttribute('aria-selected')) === 'true') break;
      await page.keyboard.press('ArrowRight');
    }
    expect(await page.getByRole('tab', { name: '订单' }).getAttribute('aria-selected')).toBe('true');
    const sent = await page.locator('.msg-agent').count();
    await tabTo(page, (el) => el.name === '邀请下单', 10);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg-agent').count()).toBe(sent + 1);
    await expect.poll(() => lastAgent().getAttribute('data-status')).toBe('sent');

    // Alt+↓: the other buyer, the cursor again in the message box.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(active).not.toBe(first);
    expect(await focusedName()).toBe('输入消息');
    await page.screenshot({ path: join(OUT, 'keyboard-workbench.png') });
  });
});
