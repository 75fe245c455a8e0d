// Screenshots of every staff page with seeded data, for a person to look at (not a test):
//   npm run build -w client && npx tsx tests/e2e/staff-screens.ts
// Prints the folder the PNGs are in (tests/.artifacts/staff, git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import {
  ARTIFACTS,
  counterExampleNames,
  playConversation,
  seedClass,
  startStaffServer,
} from './staff-server.ts';

mkdirSync(ARTIFACTS, { recursive: true });
const clock = new ManualClock(Date.now());
const server = await startStaffServer(clock);
const only = process.argv[2];
try {
  const cls = await seedClass(server, ['zhang-san', 'li-si', 'wang-wu']);
  const [a, b, c] = cls.students as [TestUser, TestUser, TestUser];
  const conv = await playConversation(server, clock, a, 'jacket-colour-size');
  await playConversation(server, clock, a, 'price-objection');
  for (const name of counterExampleNames('jacket-colour-size').slice(0, 2)) {
    await playConversation(server, clock, b, 'jacket-colour-size', name);
  }
  const bad = await playConversation(
    server,
    clock,
    b,
    'price-objection',
    counterExampleNames('price-objection')[0],
  );
  await playConversation(server, clock, c, 'unpaid-reminder');
  await api(server, 'POST', '/api/evaluations', {
    as: cls.instructor,
    body: { studentId: a.user.id, classId: cls.classId, score: 92, comment: '响应及时，话术灵活。' },
  });
  await api(server, 'POST', '/api/evaluations', {
    as: cls.trainer,
    body: { studentId: a.user.id, classId: cls.classId, score: 88, comment: '催付可以更主动。' },
  });

  const browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await ctx.addCookies([
    { name: 'kefu_session', value: cls.instructor.cookie.split('=')[1]!, url: server.url },
  ]);
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const shot = async (p: Page, name: string, full = true) => {
    await p.waitForTimeout(700);
    await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: full });
    console.log(`saved ${name}.png`);
  };
  const visit = async (path: string, name: string) => {
    if (only && !name.includes(only)) return;
    await page.goto(`${server.url}/#/staff/${path}`);
    await page.waitForTimeout(800);
    await shot(page, name);
  };
  await visit('', '01-staff-home');
  await visit(`class/${cls.classId}`, '02-class-report');
  await visit(`student/${cls.classId}/${a.user.id}`, '03-student-report');
  await visit(`student/${cls.classId}/${b.user.id}`, '04-student-report-b');
  await visit(`conversation/${bad}`, '05-replay-violations');
  await visit(`conversation/${conv}`, '06-replay-model');
  await visit(`drills/${cls.classId}`, '07-drills');
  await visit('studio', '08-studio');
  await visit(`rubric/${cls.classId}`, '09-rubric');
  if (!only || 'rubric'.includes(only)) {
    await page.getByLabel('首次响应基准（秒）').fill('1');
    await page.getByLabel('响应速度').fill('60');
    await page.getByRole('button', { name: '重新计算' }).click();
    await page.getByRole('heading', { name: /预览/ }).waitFor();
    await shot(page, '09b-rubric-preview');
  }
  if (!only || 'studio'.includes(only)) {
    await page.goto(`${server.url}/#/staff/studio`);
    await page.getByRole('button', { name: /嫌贵砍价/ }).click();
    await page.locator('.cm-content').waitFor();
    await shot(page, '08b-studio-open', false);
    // Shipped scenarios are read-only: edit a copy of one's own.
    await page.getByRole('button', { name: '复制后编辑' }).click();
    await page.locator('.cm-line', { hasText: '（副本）' }).waitFor();
    const line = page.locator('.cm-line', { hasText: 'products: [down-jacket]' });
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('x]');
    await page.waitForTimeout(1200);
    await shot(page, '08c-studio-error', false);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(']');
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: '证明' }).click();
    await page.waitForTimeout(1500);
    await shot(page, '08d-studio-proved');
  }
  if (!only || 'catalogue'.includes(only)) {
    // A product edited in the studio: 发布 proves every scenario in the browser (progress), then the server.
    await page.goto(`${server.url}/#/staff/studio`);
    await page.getByRole('button', { name: /down-jacket\.yaml/ }).click();
    const aliases = page.locator('.cm-line', { hasText: 'aliases: [羽绒服, 轻薄羽绒服' });
    await aliases.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(', 羽绒外套]');
    await page.getByText('校验通过').waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText(/正在证明：已完成/).waitFor({ timeout: 60_000 });
    await shot(page, '16-catalogue-proving', false);
    await page.getByText(/已发布：|不能发布|没有发布/).waitFor({ timeout: 180_000 });
    await page.getByRole('button', { name: '版本历史' }).click();
    await page.getByRole('region', { name: '版本历史' }).locator('li').first().waitFor();
    await shot(page, '17-catalogue-published');
    // The page stays as wide as the window: long YAML lines scroll inside the editor.
    console.log('page width', await page.evaluate(() => document.documentElement.scrollWidth));
  }
  if (!only || 'newproduct'.includes(only)) {
    // 新建商品: the template opens valid; an id another product has is marked; the first save names the file.
    await page.goto(`${server.url}/#/staff/studio`);
    const create = page.getByRole('button', { name: '新建商品' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '新建商品' && !b.disabled),
    );
    await create.click();
    await page.getByText('校验通过').waitFor();
    await shot(page, '18-new-product', false);
    const idLine = page.locator('.cm-line', { hasText: 'id: new-product-1' });
    await idLine.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'new-product-1'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('down-jacket');
    await page.getByText('1 处错误').waitFor();
    await shot(page, '18b-new-product-id-taken', false);
    for (let i = 0; i < 'down-jacket'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('cotton-hoodie');
    await page.getByText('校验通过').waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/已保存草稿/).waitFor();
    await page.getByRole('button', { name: /cotton-hoodie\.yaml/ }).waitFor();
    await shot(page, '18c-new-product-draft', false);
  }
  if (!only || 'monitor'.includes(only)) {
    const drill = await api(server, 'POST', `/api/classes/${cls.classId}/drills`, {
      as: cls.instructor,
      body: {
        title: '课堂演练一',
        settings: {
          scenarioIds: ['jacket-colour-size', 'price-objection'],
          shoppersPerStudent: 2,
          arrivalIntervalSeconds: 0,
          concurrency: 2,
          durationMinutes: 10,
        },
      },
    });
    const drillId = drill.body.drill.id as string;
    await api(server, 'POST', `/api/drills/${drillId}/start`, { as: cls.instructor });
    for (const s of [a, b]) await api(server, 'POST', `/api/drills/${drillId}/join`, { as: s });
    await clock.advanceBy(3_000);
    await page.goto(`${server.url}/#/staff/monitor/${drillId}`);
    await page.waitForTimeout(2500);
    await shot(page, '11-monitor');
    await page.getByRole('button', { name: /查看 .*zhang-san/ }).click();
    await page.waitForTimeout(1500);
    await shot(page, '12-monitor-watch');
  }
  if (!only || 'waiting'.includes(only)) {
    // A drill that starts when 3 of the class joined, with one joined: the form, the monitor, the banner.
    const drill = await api(server, 'POST', `/api/classes/${cls.classId}/drills`, {
      as: cls.instructor,
      body: {
        title: '到齐即开始',
        settings: {
          scenarioIds: ['jacket-colour-size'],
          shoppersPerStudent: 2,
          arrivalIntervalSeconds: 20,
          concurrency: 2,
          durationMinutes: 10,
          startWhenJoined: 3,
        },
      },
    });
    const drillId = drill.body.drill.id as string;
    await api(server, 'POST', `/api/drills/${drillId}/join`, { as: c });
    await page.goto(`${server.url}/#/staff/drills/${cls.classId}`);
    await page.getByLabel('学生到齐后自动开始').check();
    await shot(page, '16-drill-auto-start');
    await page.goto(`${server.url}/#/staff/monitor/${drillId}`);
    await shot(page, '17-monitor-waiting');
    const sctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await sctx.addCookies([{ name: 'kefu_session', value: c.cookie.split('=')[1]!, url: server.url }]);
    const sp = await sctx.newPage();
    await sp.goto(`${server.url}/#/home`);
    await sp.getByRole('button', { name: '已加入，进入接待台' }).click();
    await shot(sp, '18-workbench-waiting', false);
    await sctx.close();
  }
  if (!only || 'appealbadge'.includes(only)) {
    // A student files an appeal: the 申诉 button of the staff bar shows it waiting, on any staff page.
    const report = await api(server, 'GET', `/api/reports/conversations/${bad}`, { as: b });
    const violation = report.body.report.violations[0];
    const filed = await api(server, 'POST', '/api/appeals', {
      as: b,
      body: { conversationId: bad, violationKey: violation.key, reason: '我觉得这样回答没问题' },
    });
    if (filed.status !== 200) throw new Error(`appeal refused: ${JSON.stringify(filed.body)}`);
    await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
    await page.locator('.nav-badge').waitFor();
    await shot(page, '19-appeal-badge', false);
  }
  if (!only || 'print'.includes(only)) {
    await page.goto(`${server.url}/#/staff/student/${cls.classId}/${a.user.id}`);
    await page.waitForTimeout(1200);
    await page.pdf({ path: join(ARTIFACTS, '10-student-report.pdf'), format: 'A4', printBackground: true });
    await page.setViewportSize({ width: 718, height: 1050 });
    await page.emulateMedia({ media: 'print' });
    await shot(page, '10-student-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  if (!only || 'tryit'.includes(only)) {
    await page.goto(`${server.url}/#/staff/studio`);
    await page.getByRole('button', { name: /嫌贵砍价/ }).click();
    await page.getByRole('button', { name: '试玩' }).click();
    await page.locator('.conv-row').first().waitFor();
    await page.waitForTimeout(3000);
    await shot(page, '13-try-it-workbench', false);
  }
  if (!only || 'english'.includes(only)) {
    await page.goto(`${server.url}/#/staff/class/${cls.classId}`);
    await page.evaluate(() => localStorage.setItem('kefu.lang', 'en'));
    await page.reload();
    await page.waitForTimeout(1500);
    await shot(page, '14-class-report-en');
    await page.evaluate(() => localStorage.setItem('kefu.lang', 'zh-CN'));
  }
  if (!only || 'selfeval'.includes(only)) {
    const sctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await sctx.addCookies([{ name: 'kefu_session', value: a.cookie.split('=')[1]!, url: server.url }]);
    const sp = await sctx.newPage();
    await sp.goto(`${server.url}/#/home`);
    await sp.getByRole('heading', { name: '综合成绩与自评' }).waitFor();
    await sp.getByRole('heading', { name: '综合成绩与自评' }).scrollIntoViewIfNeeded();
    await shot(sp, '15-student-self-eval');
    await sctx.close();
  }
  await browser.close();
  console.log(`screenshots in ${ARTIFACTS}`);
} finally {
  await server.close();
  server.cleanup();
}
