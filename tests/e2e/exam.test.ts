// An exam end to end in real Chromium against the real server (ephemeral port, temp DATA_DIR, a clock the
// test moves): the instructor creates it on the class's drills page; a student starts it from their home,
// answers in the workbench under the 考试 countdown, and cannot start it twice; the window closes; the class
// report filtered by the exam, the grade's exam part and the exam's leaderboard show it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassReportResponse, LeaderboardResponse } from '@kefu/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localParts } from '../../client/src/staff/monitor/WhenField.tsx';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'exam');
const MINUTE = 60_000;
let server: TestServer;
let clock: ManualClock;
let browser: Browser;
let cls: StaffClass;
const contexts: BrowserContext[] = [];

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

async function loginPage(user: TestUser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
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
  // Whole minutes: the form's times are to the minute.
  clock = new ManualClock(Math.floor(Date.now() / MINUTE) * MINUTE);
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['exam-taker', 'exam-absent']);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
  console.log(`exam e2e screenshots: ${OUT}`);
});

describe('an exam', () => {
  let teacher: Page;
  let student: Page;
  let examId = '';
  const opensAt = () => clock.now();

  it('is created by the instructor with its window', async () => {
    teacher = await loginPage(cls.instructor);
    await teacher.goto(`${server.url}/#/staff/drills/${cls.classId}`);
    const form = teacher.getByRole('form', { name: '新建考试' });
    await form.waitFor();
    await form.getByLabel('考试名称').fill('期末考试');
    await form.getByRole('checkbox', { name: '嫌贵砍价', exact: true }).check();
    await form.getByLabel('每位学员的买家数').fill('1');
    await form.getByLabel('买家到达间隔（秒）').fill('0');
    await form.getByLabel('同时接待上限').fill('1');
    for (const [label, at] of [
      ['开考时间', opensAt()],
      ['结束时间', opensAt() + 30 * MINUTE],
    ] as const) {
      const field = form.getByRole('group', { name: label });
      const { day, hour, minute } = localParts(at);
      await field.getByLabel('日期').selectOption(day);
      await field.getByLabel('时').selectOption(hour);
      await field.getByLabel('分').selectOption(minute);
    }
    await form.getByRole('button', { name: '创建考试' }).click();
    await teacher.getByText('期末考试').waitFor();
    const list = await api(server, 'GET', `/api/classes/${cls.classId}/drills`, { as: cls.instructor });
    const exam = list.body.drills[0];
    expect(exam).toMatchObject({ kind: 'exam', title: '期末考试', graded: true });
    expect(exam.closesAt - exam.opensAt).toBe(30 * MINUTE);
    examId = exam.id;
    // Its opening time has come: the clock opens it.
    await clock.advanceBy(0);
    await teacher.reload();
    await teacher.getByText('考试中').waitFor();
    await shot(teacher, '01-drills-page-exam');
  });

  it('is taken by a student in the workbench, once', async () => {
    student = await loginPage(cls.students[0]!);
    await student.getByRole('heading', { name: '考试' }).waitFor();
    await shot(student, '02-student-home-exam', false);
    await student.getByRole('button', { name: '开始考试' }).click();
    const composer = student.getByRole('combobox', { name: '输入消息' });
    await composer.waitFor();
    await expect
      .poll(() => student.getByRole('status').first().textContent())
      .toMatch(/^考试：期末考试 剩余/);
    // The buyer writes a few seconds in.
    for (let i = 0; i < 20 && (await student.locator('.msg-buyer, .bubble').count()) === 0; i++) {
      await clock.advanceBy(1_000);
      await student.waitForTimeout(100);
    }
    await student.locator('.msg-buyer, .bubble').first().waitFor({ timeout: 10_000 });
    await composer.click();
    await composer.fill('亲，这款羽绒服现在活动价已经很优惠了，还送运费险哦~');
    await composer.press('Enter');
    await student.getByText('亲，这款羽绒服现在活动价已经很优惠了，还送运费险哦~').first().waitFor();
    await shot(student, '03-workbench-exam');

    const again = await api(server, 'POST', `/api/drills/${examId}/join`, { as: cls.students[0]! });
    expect([again.status, again.body.error.code]).toEqual([409, 'exam-attempt-used']);
    expect(again.body.error.message).toBe('这场考试你已经参加过了，每人只能参加一次');
  });

  it('ends at the window’s close', async () => {
    await clock.advanceTo(opensAt() + 30 * MINUTE);
    await student.getByText('考试已结束').waitFor({ timeout: 15_000 });
    await shot(student, '04-workbench-exam-over');
    const late = await api(server, 'POST', `/api/drills/${examId}/join`, { as: cls.students[1]! });
    expect(late.body.error.code).toBe('exam-closed');
  });

  it('shows in the class report by exam, in the grade and on its leaderboard', async () => {
    const report = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${cls.classId}`, {
      as: cls.instructor,
    });
    const [taker, absent] = cls.students.map(
      (s) => report.body.rows.find((r) => r.student.id === s.user.id)!,
    );
    expect(taker!.grade.exam).not.toBeNull();
    expect(taker!.grade.total).toBe(taker!.grade.exam);
    expect(absent!.grade.exam).toBe(0);

    await teacher.goto(`${server.url}/#/staff/class/${cls.classId}`);
    await teacher.getByRole('table', { name: /班级学员成绩表/ }).waitFor();
    await teacher.getByLabel('统计范围').selectOption({ label: '考试：期末考试' });
    const row = teacher.getByRole('row', { name: new RegExp(cls.students[0]!.user.displayName) });
    await expect.poll(() => row.textContent()).toContain(String(taker!.grade.exam));
    await shot(teacher, '05-class-report-exam');

    await teacher.getByRole('button', { name: '排行榜' }).first().click();
    await teacher.getByLabel('统计范围').selectOption({ label: '考试：期末考试' });
    await teacher.getByLabel('匿名显示（投影到课堂时用）').check();
    await expect.poll(() => teacher.locator('table').first().textContent()).toContain('学员 1');
    const board = await api<LeaderboardResponse>(
      server,
      'GET',
      `/api/reports/classes/${cls.classId}/leaderboard?drillId=${examId}&anonymous=true`,
      { as: cls.instructor },
    );
    expect(board.body.rows.map((r) => [r.rank, r.name, r.receptions])).toEqual([
      [1, null, 1],
      [null, null, 0],
    ]);
    expect(await teacher.locator('table').first().textContent()).not.toContain(
      cls.students[0]!.user.displayName,
    );
    await shot(teacher, '06-leaderboard-exam');
  });
});
