// One log, three readers: the drill monitor (server), the workbench's fold and timer colour (client) and the
// final report agree. A violation shows on the monitor the moment it is due (a first reply late the moment
// 3 s pass), not when the conversation ends; when 结束演练 cuts the conversation short, the monitor holds
// exactly the report's violations and response averages, and the report is marked stopped. The class's
// students who never joined are listed as not joined.
import {
  type ConversationEvent,
  type ConversationOpenedPayload,
  type ConversationReportResponse,
  type MonitorUpdatePayload,
  type MonitorWatchAck,
  SIMULATION_EPOCH,
  type StudentMonitor,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEnvelopes, createEntry } from '../../client/src/conversation/entry.ts';
import { waitTone } from '../../client/src/staff/monitor/live-wait.ts';
import { waitLevel } from '../../client/src/workbench/format.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let instructor: TestUser;
let student: TestUser;
let absent: TestUser;
let drillId: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  instructor = await seedUser(server.app, 'instructor');
  student = await seedUser(server.app, 'student');
  absent = await seedUser(server.app, 'student');
  const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '客服一班' } });
  for (const s of [student, absent]) {
    const join = await api(server, 'POST', '/api/classes/join', {
      as: s,
      body: { joinCode: cls.body.class.joinCode },
    });
    expect(join.status).toBe(200);
  }
  const drill = await api(server, 'POST', `/api/classes/${cls.body.class.id}/drills`, {
    as: instructor,
    body: {
      title: '首响演练',
      settings: {
        scenarioIds: ['jacket-colour-size'],
        shoppersPerStudent: 1,
        arrivalIntervalSeconds: 30,
        concurrency: 1,
        durationMinutes: 10,
      },
    },
  });
  expect(drill.status).toBe(200);
  drillId = drill.body.drill.id;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

const latest = (updates: MonitorUpdatePayload[], id: string): StudentMonitor | undefined =>
  updates.filter((u) => u.student.studentId === id).at(-1)?.student;

describe('the drill monitor, the workbench and the report', () => {
  it('read one log the same way, live and at the stop', async () => {
    const monitorClient = await connect(server, instructor);
    const studentClient = await connect(server, student);
    clients.push(monitorClient, studentClient);
    const updates: MonitorUpdatePayload[] = [];
    const opened: ConversationOpenedPayload[] = [];
    monitorClient.socket.on('monitor:update', (u) => updates.push(u));
    studentClient.socket.on('conversation:opened', (p) => opened.push(p));

    expect((await api(server, 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);
    expect((await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor })).status).toBe(200);
    await clock.advanceBy(0);
    const watch = await request<MonitorWatchAck>(monitorClient.socket, 'monitor:watch', { drillId });
    if (!watch.ok) throw new Error(watch.error.message);
    // The class's student who did not join is listed, as not joined.
    expect(watch.students.map((s) => [s.studentId, s.joined]).sort()).toEqual(
      [
        [student.user.id, true],
        [absent.user.id, false],
      ].sort(),
    );
    expect(watch.benchmarks).toEqual({ firstResponseSeconds: 3, responseSeconds: 30 });
    const view = opened[0]!.conversation;
    expect(view.benchmarks).toEqual(watch.benchmarks);

    // The buyer waits: the monitor and the workbench's fold agree on since when, and colour it alike.
    const workbench = () => applyEnvelopes(createEntry(view), studentClient.events).entry;
    const tile = () => latest(updates, student.user.id) ?? watch.students.find((s) => s.joined)!;
    const since = workbench().waitingSince;
    expect(since).not.toBeNull();
    expect(tile().open[0]!.waitingSince).toBe(since);
    expect(tile().alerts).toEqual([]);

    // 3 s is within the first-response benchmark; the first millisecond past it is late, on the monitor at
    // once — the conversation is still open.
    await clock.advanceBy(since! + 3_000 - clock.now());
    expect(tile().alerts).toEqual([]);
    expect(waitLevel(clock.now() - since!, view.benchmarks)).toBe('ok');
    await clock.advanceBy(1);
    expect(tile().alerts.map((a) => a.kind)).toEqual(['slow-first-response']);
    expect(tile().handled).toBe(0);
    expect(waitLevel(clock.now() - since!, view.benchmarks)).toBe('amber');
    expect(waitTone(tile().longestWaitSince, clock.now(), watch.benchmarks)).toBe('amber');
    // About to leave from the scenario's patience, not a fixed minute.
    const leaving = tile().open[0]!;
    expect(leaving.leavesAt).not.toBeNull();
    expect(leaving.warnAt! - since!).toBeLessThan(leaving.leavesAt! - since!);

    // A reply at 8 s ends the wait everywhere.
    await clock.advanceBy(5_000 - 1);
    const conversationId = view.id;
    const sent = await request<{ ok: boolean }>(studentClient.socket, 'conversation:send', {
      conversationId,
      message: { id: 'r1', text: '亲，在的，这款羽绒服有黑色、白色两种颜色哦', source: 'typed' },
    });
    expect(sent.ok).toBe(true);
    await clock.advanceBy(0);
    expect(workbench().waitingSince).toBeNull();
    expect(tile().open[0]?.waitingSince ?? null).toBeNull();
    expect(tile().firstResponseSeconds).toBe(8);

    // 结束演练 cuts it short: the report is marked stopped, and the monitor's last reading is the report.
    await clock.advanceBy(1_000);
    expect((await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: instructor })).status).toBe(200);
    await clock.advanceBy(0);
    const final = tile();
    expect(final.open).toEqual([]);
    expect(final.handled).toBe(1);
    const res = await api(server, 'GET', `/api/reports/conversations/${conversationId}`, { as: instructor });
    expect(res.status).toBe(200);
    const { report, events } = res.body as ConversationReportResponse;
    expect(report.stopped).toBe(true);
    const logged = (events as { event: ConversationEvent }[]).map((e) => e.event);
    const origin = logged.find((e) => e.type === 'buyer-message')!.at;
    const fromReport = report.violations
      .map((v) => ({ kind: v.rule, conversationId, at: origin + Math.round(v.atSeconds * 1000) }))
      .sort((a, b) => b.at - a.at);
    expect(final.alerts).toEqual(fromReport);
    expect(final.alerts.map((a) => a.kind)).toContain('slow-first-response');
    expect(final.firstResponseSeconds).toBe(report.metrics.firstResponseSeconds);
    expect(final.averageResponseSeconds).toBe(report.metrics.averageResponseSeconds);
  });
});
