// An appeal a trainer decided before a re-score renamed its violation still holds: a conversation stored before
// the departure split (an old-shaped buyer-left), appealed as buyer-left and overturned then, is read today as
// buyer-gave-up — the penalty stays overturned, the report shows the decision beside it, and the student cannot
// appeal the same violation again under its new name.
import {
  type AppealView,
  type ConversationEvent,
  type ConversationReportResponse,
  playScript,
  type Violation,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  newClass,
  seedUser,
  startApp,
  storeEndedConversation,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
const SCENARIO = 'pre-flask-gift-engrave';

let server: TestServer;
let student: TestUser;
let instructor: TestUser;
let classId: string;

/** The counter-example's log stored as an ended solo conversation, buyer-left as written before the split. */
async function storedOldShaped(): Promise<{ id: string; departureAt: number }> {
  const { app } = server;
  const script = app.catalog.library.buyers
    .get(SCENARIO)!
    .counterExamples.find((c) => c.name === '连问两个只答一个')!.script;
  const played = playScript(app.catalog.library, SCENARIO, script, { seed: 2, start: NOW - 3_600_000 });
  const events: ConversationEvent[] = played.events.map((e) =>
    e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e,
  );
  const id = await storeEndedConversation(app, student.user.id, SCENARIO, 2, events);
  return { id, departureAt: events.find((e) => e.type === 'buyer-left')!.at };
}

const reportOf = async (id: string, as: TestUser) => {
  const res = await api<ConversationReportResponse>(server, 'GET', `/api/reports/conversations/${id}`, {
    as,
  });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  server = await startApp({ clock: new ManualClock(NOW) });
  student = await seedUser(server.app, 'student', 'rescore_student');
  instructor = await seedUser(server.app, 'instructor', 'rescore_instructor');
  classId = await newClass(server, instructor, [student]);
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('an appeal decided on a violation a re-score renamed', () => {
  it('stays overturned, is shown beside it, and cannot be made again', async () => {
    const { id, departureAt } = await storedOldShaped();
    const before = await reportOf(id, student);
    const gaveUp = before.report.violations.find((v) => v.rule === 'buyer-gave-up')!;
    // The appeal as the report of the time gave the violation: buyer-left, named by its moment.
    const old: Violation = {
      key: `buyer-left|${departureAt}`,
      rule: 'buyer-left',
      atSeconds: gaveUp.atSeconds,
      message: '买家等不及回复，离开了（顾客流失）。',
      detail: { reason: 'patience' },
    };
    const appealId = await server.app.appeals.create(
      {
        conversationId: id,
        classId,
        studentId: student.user.id,
        violation: old,
        reply: null,
        reason: '我回复了',
      },
      NOW - 1_000_000,
    );
    const decided = await api<{ appeal: AppealView }>(server, 'POST', `/api/appeals/${appealId}/decision`, {
      as: instructor,
      body: { verdict: 'overturned', note: '买家不是等回复等走的' },
    });
    expect(decided.status).toBe(200);

    for (const viewer of [student, instructor]) {
      const after = await reportOf(id, viewer);
      expect(after.report.violations.map((v) => v.rule)).toEqual(['question-evaded']);
      expect(after.report.overturned.map((v) => v.key)).toEqual([gaveUp.key]);
      expect(after.report.score).toBeGreaterThan(before.report.score);
      expect(after.appeals).toHaveLength(1);
      expect(after.appeals[0]).toMatchObject({ id: appealId, status: 'overturned', reportKey: gaveUp.key });
    }
    // The student's list of scores reads the same decision.
    const scores = await api(server, 'GET', `/api/reports/students/${student.user.id}`, { as: student });
    expect(
      scores.body.conversations.find((c: { conversationId: string }) => c.conversationId === id),
    ).toMatchObject({
      violations: 1,
    });

    const again = await api(server, 'POST', '/api/appeals', {
      as: student,
      body: { conversationId: id, violationKey: gaveUp.key, reason: '再申诉一次' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('appeal-decided');
  });

  it('is counted where the violation is now — the stats, the queue and the report agree', async () => {
    const { id, departureAt } = await storedOldShaped();
    const before = await reportOf(id, student);
    const gaveUp = before.report.violations.find((v) => v.rule === 'buyer-gave-up')!;
    const filed: Violation = {
      key: `buyer-left|${departureAt}`,
      rule: 'buyer-left',
      atSeconds: gaveUp.atSeconds,
      message: '买家等不及回复，离开了（顾客流失）。',
      detail: { reason: 'patience' },
    };
    const appealId = await server.app.appeals.create(
      {
        conversationId: id,
        classId,
        studentId: student.user.id,
        violation: filed,
        reply: null,
        reason: '我回复了',
      },
      NOW - 500_000,
    );
    const statsOf = async () =>
      (await api(server, 'GET', `/api/appeals/stats?classId=${classId}`, { as: instructor })).body.rules as {
        rule: string;
        appealed: number;
        open: number;
        overturned: number;
      }[];
    const open = await statsOf();
    expect(open.find((r) => r.rule === 'buyer-left')).toBeUndefined();
    expect(open.find((r) => r.rule === 'buyer-gave-up')).toMatchObject({ open: 1 });

    await api(server, 'POST', `/api/appeals/${appealId}/decision`, {
      as: instructor,
      body: { verdict: 'overturned', note: '买家不是等回复等走的' },
    });
    // Both appeals of this file (the first test's and this one) under the rule the report gives them today.
    const decided = await statsOf();
    expect(decided.map((r) => r.rule)).toEqual(['buyer-gave-up']);
    expect(decided[0]).toMatchObject({ appealed: 2, open: 0, overturned: 2 });

    const queue = await api<{ appeals: AppealView[] }>(server, 'GET', `/api/appeals?classId=${classId}`, {
      as: instructor,
    });
    const listed = queue.body.appeals.find((a) => a.id === appealId)!;
    expect(listed.violation.rule).toBe('buyer-left');
    expect(listed.current).toMatchObject({ rule: 'buyer-gave-up', key: gaveUp.key });
    const shown = (await reportOf(id, instructor)).appeals.find((a) => a.id === appealId)!;
    expect(shown.current.key).toBe(shown.reportKey);
  });
});
