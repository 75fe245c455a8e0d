// No internal ids in the interface (#14.9): conversations that together break every scoring rule are played
// over the real socket, then every page that explains them — the student's summary and my reports, the
// instructor's class report, student report and each conversation's replay — is opened in real Chromium
// (Chinese UI) and its visible text searched for ids: the database's ids, scenario, product, phrase and
// rule ids, fact references (product.fact), and words that never reach a person (种子, undefined, NaN).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary, RULE_IDS } from '@kefu/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { SCENARIOS_DIR, TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'no-ids');
const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));
const clock = new ManualClock(Date.UTC(2026, 10, 30, 1, 0, 0));
let server: TestServer;
let browser: Browser;
let cls: StaffClass;
const played: string[] = [];

/** Few counter-examples that together produce every rule's violation (greedy cover of the library). */
function everyRule(): { scenarioId: string; script: string }[] {
  const options = [...library.buyers].flatMap(([scenarioId, s]) =>
    s.counterExamples.map((c) => ({ scenarioId, script: c.name, rules: new Set<string>(c.violations) })),
  );
  const left = new Set<string>(RULE_IDS);
  const picked: { scenarioId: string; script: string }[] = [];
  while (left.size > 0) {
    const gain = (o: (typeof options)[number]) => [...o.rules].filter((r) => left.has(r)).length;
    const best = options.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    if (gain(best) === 0) throw new Error(`no counter-example produces ${[...left].join(', ')}`);
    picked.push({ scenarioId: best.scenarioId, script: best.script });
    for (const r of best.rules) left.delete(r);
  }
  return picked;
}

/** Everything an id could look like here. */
function forbidden(): { ids: Set<string>; patterns: RegExp[] } {
  const ids = new Set<string>([...played, cls.classId, ...RULE_IDS]);
  for (const u of [cls.instructor, cls.trainer, ...cls.students]) ids.add(u.user.id);
  for (const id of library.buyers.keys()) ids.add(id);
  for (const [id, product] of library.products) {
    ids.add(id);
    for (const key of Object.keys(product.facts)) ids.add(`${id}.${key}`);
  }
  for (const id of library.phrases.keys()) ids.add(id);
  return {
    ids,
    patterns: [
      // kebab-case or dotted lowercase words: soothing-cream.shelf-life, buyer-left, no-order-prompt
      /\b[a-z][a-z0-9]*(?:[-.][a-z][a-z0-9]*)+\b/,
      // a concern or topic id in brackets: 买家的顾虑（quality）
      /[（(][a-z][a-z-]*[)）]/,
      /种子|\bseed\b|undefined|\bnull\b|NaN|\[object /,
    ],
  };
}

async function leaks(page: Page): Promise<string[]> {
  // What a person sees (not hidden text such as the print-only parts).
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
  const seen = await page.locator('body').innerText();
  const { ids, patterns } = forbidden();
  const found = [...ids].filter((id) => id.length > 3 && seen.includes(id));
  // Usernames are what people log in with (and may be kebab-case): shown on purpose.
  let text = seen;
  for (const u of [cls.instructor, cls.trainer, ...cls.students]) text = text.replaceAll(u.user.username, '');
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) found.push(`${match[0]} … ${text.slice(Math.max(0, match.index - 30), match.index + 30)}`);
  }
  return found;
}

async function loginPage(user: TestUser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(user.user.username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: user.user.role === 'student' ? /你好/ : '我的班级' }).waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['stu-ids']);
  for (const { scenarioId, script } of everyRule()) {
    played.push(await playConversation(server, clock, cls.students[0]!, scenarioId, script));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

describe('no internal ids in the interface', () => {
  it('the student: every mistake explained on the summary, and my reports, in words only', async () => {
    const page = await loginPage(cls.students[0]!);
    await page
      .getByRole('region', { name: '我的报告' })
      .getByRole('listitem')
      .nth(played.length - 1)
      .waitFor();
    expect(await leaks(page)).toEqual([]);
    await page.goto(`${server.url}/#/summary/${played.join(',')}`);
    await page
      .locator('.summary-card')
      .nth(played.length - 1)
      .waitFor();
    // Every rule was broken, so every rule's explanation is on the page.
    expect(await page.locator('.violation').count()).toBeGreaterThanOrEqual(RULE_IDS.length);
    await page.screenshot({ path: join(OUT, 'summary.png'), fullPage: true });
    expect(await leaks(page)).toEqual([]);
    await page.context().close();
  });

  it('the instructor: class report, student report and every replay, in words only', async () => {
    const page = await loginPage(cls.instructor);
    await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
    await page
      .getByRole('cell', { name: /stu-ids/ })
      .first()
      .waitFor();
    expect(await leaks(page)).toEqual([]);
    await page.goto(`${server.url}/#/staff/student/${cls.classId}/${cls.students[0]!.user.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .locator('tbody tr')
      .nth(played.length - 1)
      .waitFor();
    expect(await leaks(page)).toEqual([]);
    for (const id of played) {
      await page.goto(`${server.url}/#/staff/conversation/${id}`);
      await page.locator('.tl-violation').first().waitFor();
      const found = await leaks(page);
      if (found.length > 0) await page.screenshot({ path: join(OUT, `replay-${id}.png`), fullPage: true });
      expect(found, id).toEqual([]);
    }
    await page.context().close();
  });
});
