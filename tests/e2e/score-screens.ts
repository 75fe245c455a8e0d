// Screenshots of what scoring and appeals show, for a person to look at (not a test):
//   npm run build -w client && npx tsx tests/e2e/score-screens.ts
// A student's report of a conversation stored before the departure split, whose buyer-left a trainer overturned
// (it now reads as buyer-gave-up and stays overturned), a mid-sale report where the buyer brought the paid order
// and left over a change never made, and the trainer's appeal queue. PNGs in tests/.artifacts/staff.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ConversationEvent, playScript, type Violation } from '@kefu/shared';
import type { Page } from 'playwright-core';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { api, storeEndedConversation, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, seedClass, startStaffServer } from './staff-server.ts';

mkdirSync(ARTIFACTS, { recursive: true });
const clock = new ManualClock(Date.now());
const server = await startStaffServer(clock);
try {
  const cls = await seedClass(server, ['zhang-san']);
  const student = cls.students[0] as TestUser;
  const { app } = server;
  const scenarioId = 'pre-flask-gift-engrave';
  const script = app.catalog.library.buyers
    .get(scenarioId)!
    .counterExamples.find((c) => c.name === '连问两个只答一个')!.script;
  const played = playScript(app.catalog.library, scenarioId, script, {
    seed: 7,
    start: clock.now() - 3_600_000,
  });
  const events: ConversationEvent[] = played.events.map((e) =>
    e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e,
  );
  const old = await storeEndedConversation(app, student.user.id, scenarioId, 7, events);
  const departure = events.find((e) => e.type === 'buyer-left')!;
  const origin = events.find((e) => e.type === 'buyer-message')!.at;
  const violation: Violation = {
    key: `buyer-left|${departure.at}`,
    rule: 'buyer-left',
    atSeconds: (departure.at - origin) / 1000,
    message: '买家等不及回复，离开了（顾客流失）。',
    detail: { reason: 'patience' },
  };
  const appealId = await app.appeals.create(
    {
      conversationId: old,
      classId: cls.classId,
      studentId: student.user.id,
      violation,
      reply: null,
      reason: '我每条都很快回复了',
    },
    clock.now() - 1_000_000,
  );
  await api(server, 'POST', `/api/appeals/${appealId}/decision`, {
    as: cls.trainer,
    body: { verdict: 'overturned', note: '回复都很及时，买家是因为礼盒没答才走的，不算响应慢' },
  });
  // An open appeal for the trainer's queue, on the same report's dodge.
  const report = await api(server, 'GET', `/api/reports/conversations/${old}`, { as: student });
  const dodge = report.body.report.violations.find((v: Violation) => v.rule === 'question-evaded');
  await api(server, 'POST', '/api/appeals', {
    as: student,
    body: { conversationId: old, violationKey: dodge.key, reason: '我说了可以刻字，礼盒下一句就答' },
  });
  const midSale = await playConversation(
    server,
    clock,
    student,
    'mid-change-size-shoes',
    '只说改好了，订单没改',
  );

  const browser = await launchChromium();
  const shot = async (p: Page, name: string) => {
    await p.waitForTimeout(900);
    await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    console.log(`saved ${name}.png`);
  };
  const as = async (user: TestUser) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await ctx.addCookies([{ name: 'kefu_session', value: user.cookie.split('=')[1]!, url: server.url }]);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    return page;
  };
  const sp = await as(student);
  await sp.goto(`${server.url}/#/summary/${old}`);
  await shot(sp, 's1-student-report-overturned');
  await sp.goto(`${server.url}/#/summary/${midSale}`);
  await shot(sp, 's2-student-report-mid-sale');
  const tp = await as(cls.trainer);
  await tp.goto(`${server.url}/#/staff/appeals`);
  await shot(tp, 's3-trainer-appeals');
  await browser.close();
} finally {
  await server.close();
  server.cleanup();
}
