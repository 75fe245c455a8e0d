// A conversation stored before the shopper said what a departing buyer waited for (an old-shaped buyer-left)
// is reported over HTTP exactly as one that says it: the student who replied fast but never answered the
// question sees full responsiveness and the departure charged to the question (buyer-gave-up), not
// "买家等不及回复".
import { type ConversationEvent, type ConversationReportResponse, playScript } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
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

/** Stores the counter-example's log as an ended solo conversation; `oldShaped` strips what buyer-left says. */
async function stored(oldShaped: boolean): Promise<string> {
  const { app } = server;
  const script = app.catalog.library.buyers
    .get(SCENARIO)!
    .counterExamples.find((c) => c.name === '连问两个只答一个')!.script;
  const played = playScript(app.catalog.library, SCENARIO, script, { seed: 2, start: NOW - 3_600_000 });
  const events: ConversationEvent[] = played.events.map((e) =>
    oldShaped && e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e,
  );
  const id = await storeEndedConversation(app, student.user.id, SCENARIO, 2, events);
  return id;
}

const reportOf = async (id: string) => {
  const res = await api<ConversationReportResponse>(server, 'GET', `/api/reports/conversations/${id}`, {
    as: student,
  });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  server = await startApp({ clock: new ManualClock(NOW) });
  student = await seedUser(server.app, 'student', 'departure_student');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('a buyer who left, replayed from the stored log', () => {
  it('scores an old-shaped departure as the shopper says it now, and shows the student no cause it cannot know', async () => {
    const now = await reportOf(await stored(false));
    const old = await reportOf(await stored(true));
    expect(old.report).toEqual(now.report);
    const rules = old.report.violations.map((v) => v.rule);
    expect(rules).toEqual(['question-evaded', 'buyer-gave-up']);
    expect(old.report.dimensions.find((d) => d.id === 'responsiveness')).toMatchObject({ score: 1 });
    const left = old.report.violations.find((v) => v.rule === 'buyer-gave-up')!;
    expect(left.message).toContain('礼盒');
    expect(left.message).not.toContain('等不及');
    // What the student's transcript reads: the cause when the log says it, nothing when it does not.
    const departure = (r: ConversationReportResponse) =>
      (r.events as readonly { event?: { type: string; waitingFor?: string } }[])
        .map((e) => e.event)
        .find((e) => e?.type === 'buyer-left');
    expect(departure(now)).toMatchObject({ waitingFor: 'answers' });
    expect(departure(old)).not.toHaveProperty('waitingFor');
  });
});
