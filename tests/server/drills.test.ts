// Class drills: arrivals on schedule up to the concurrency cap, late joiners get the rest, independent
// shoppers per student, a live monitor for the instructor, and stop ends every open conversation.
import {
  type ConversationOpenedPayload,
  type DrillStatusPayload,
  type MonitorUpdatePayload,
  type MonitorWatchAck,
  SIMULATION_EPOCH,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let early: TestUser;
let late: TestUser;
let classId: string;
let drillId: string;
const clients: LiveClient[] = [];
const opened = new Map<string, ConversationOpenedPayload[]>();
const statuses = new Map<string, DrillStatusPayload[]>();
const monitorUpdates: MonitorUpdatePayload[] = [];

async function watchStudent(user: TestUser): Promise<LiveClient> {
  const c = await connect(server, user);
  clients.push(c);
  opened.set(user.user.id, []);
  statuses.set(user.user.id, []);
  c.socket.on('conversation:opened', (p) => opened.get(user.user.id)!.push(p));
  c.socket.on('drill:status', (p) => statuses.get(user.user.id)!.push(p));
  return c;
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  instructor = await seedUser(server.app, 'instructor');
  early = await seedUser(server.app, 'student');
  late = await seedUser(server.app, 'student');
  const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '直播电商班' } });
  classId = cls.body.class.id;
  for (const s of [early, late]) {
    const join = await api(server, 'POST', '/api/classes/join', {
      as: s,
      body: { joinCode: cls.body.class.joinCode },
    });
    expect(join.status).toBe(200);
    expect(join.body.class.joinCode).toBeNull();
  }
  const drill = await api(server, 'POST', `/api/classes/${classId}/drills`, {
    as: instructor,
    body: {
      title: '双十一接待演练',
      settings: {
        scenarioIds: ['jacket-colour-size', 'price-objection'],
        shoppersPerStudent: 3,
        arrivalIntervalSeconds: 30,
        concurrency: 2,
        durationMinutes: 10,
      },
    },
  });
  expect(drill.status).toBe(200);
  drillId = drill.body.drill.id;
  expect(Object.keys(drill.body.drill.versions).sort()).toEqual(['jacket-colour-size', 'price-objection']);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

describe('a class drill', () => {
  it('runs the schedule, the cap, late joiners, the monitor and stop', async () => {
    const monitorClient = await connect(server, instructor);
    clients.push(monitorClient);
    monitorClient.socket.on('monitor:update', (u) => monitorUpdates.push(u));
    await watchStudent(early);
    await watchStudent(late);

    expect((await api(server, 'POST', `/api/drills/${drillId}/join`, { as: early })).status).toBe(200);
    const start = await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    expect(start.status).toBe(200);
    expect(start.body.drill.status).toBe('running');
    expect((await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor })).status).toBe(409);
    await clock.advanceBy(0);
    const watch = await request<MonitorWatchAck>(monitorClient.socket, 'monitor:watch', { drillId });
    if (!watch.ok) throw new Error(watch.error.message);
    // Every student of the class is listed; the one who has not joined yet as not joined (未加入).
    expect(watch.students.map((s) => [s.studentId, s.joined])).toEqual([
      [early.user.id, true],
      [late.user.id, false],
    ]);
    expect(watch.students[0]!.open).toHaveLength(1);
    expect(watch.students[0]!.longestWaitSince).toBe(start.body.drill.startedAt);

    // Slot 0 at once, slot 1 after 30 s; slot 2 (due at 60 s) waits: two buyers are already open.
    expect(opened.get(early.user.id)).toHaveLength(1);
    expect(statuses.get(early.user.id)!.map((s) => s.drill.status)).toEqual(['running']);
    await clock.advanceBy(30_000);
    expect(opened.get(early.user.id)).toHaveLength(2);
    await clock.advanceBy(35_000);
    expect(opened.get(early.user.id)).toHaveLength(2);

    // A late joiner at 65 s skips the slots that passed, except the latest: one buyer now, and that is all.
    const joined = await api(server, 'POST', `/api/drills/${drillId}/join`, { as: late });
    expect(joined.body.drill.joined).toBe(true);
    await clock.advanceBy(0);
    expect(opened.get(late.user.id)).toHaveLength(1);
    expect(monitorUpdates.some((u) => u.student.studentId === late.user.id && u.student.joined)).toBe(true);

    // Nobody answers: the first buyer runs out of patience (90 s), which frees a slot for the third.
    await clock.advanceBy(30_000);
    expect(opened.get(early.user.id)).toHaveLength(3);
    const leftAlert = monitorUpdates.find((u) => u.student.alerts.some((a) => a.kind === 'buyer-left'));
    expect(leftAlert?.student.studentId).toBe(early.user.id);
    expect(leftAlert?.student.handled).toBe(1);
    await clock.advanceBy(120_000);
    expect(opened.get(early.user.id)).toHaveLength(3);
    expect(opened.get(late.user.id)).toHaveLength(1);

    // Independent shoppers: every conversation has its own seed.
    const rows = await server.app.conversations.listForDrill(drillId);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.seed)).size).toBe(4);
    expect(rows.every((r) => r.drill_id === drillId)).toBe(true);

    const stop = await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: instructor });
    expect(stop.status).toBe(200);
    expect(stop.body.drill.status).toBe('finished');
    await clock.advanceBy(0);
    const after = await server.app.conversations.listForDrill(drillId);
    expect(after.every((r) => r.status === 'ended')).toBe(true);
    expect(statuses.get(late.user.id)!.map((s) => s.drill.status)).toEqual(['running', 'finished']);
    const joinAfter = await api(server, 'POST', `/api/drills/${drillId}/join`, { as: late });
    expect(joinAfter.status).toBe(409);
    expect(joinAfter.body.error.code).toBe('drill-finished');

    // The drill's results: every student of the class, their conversations in this drill scored, a link's ids.
    const results = await api(server, 'GET', `/api/drills/${drillId}/results`, { as: instructor });
    expect(results.status).toBe(200);
    const resultRows = results.body.rows as {
      student: { id: string };
      joined: boolean;
      conversations: { drillId: string; status: string }[];
      summary: { score: number } | null;
    }[];
    // In the class's enrolment order (both joined the class in the same millisecond here): compared as a set.
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(resultRows.map((r) => [r.student.id, r.joined, r.conversations.length]).sort(byId)).toEqual(
      [
        [early.user.id, true, 3],
        [late.user.id, true, 1],
      ].sort(byId),
    );
    expect(
      resultRows.flatMap((r) => r.conversations).every((c) => c.drillId === drillId && c.status === 'ended'),
    ).toBe(true);
    expect(resultRows.every((r) => r.summary !== null)).toBe(true);
    // Students do not see the class's results.
    expect((await api(server, 'GET', `/api/drills/${drillId}/results`, { as: early })).status).toBe(403);

    // The class report now has both students with their ended conversations; the CSV opens in Excel.
    const report = await api(server, 'GET', `/api/reports/classes/${classId}`, { as: instructor });
    const byStudent = new Map(report.body.rows.map((r: { student: { id: string } }) => [r.student.id, r]));
    expect((byStudent.get(early.user.id) as { conversations: number }).conversations).toBe(3);
    expect((byStudent.get(late.user.id) as { conversations: number }).conversations).toBe(1);
    const csv = await api(server, 'GET', `/api/reports/classes/${classId}/export.csv`, { as: instructor });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.split('\r\n')[0]).toContain('用户名,姓名,对话数');
    expect(csv.text).toContain(`测试${early.user.username}`);
  });
});
