// "Start when N joined": a drill set to start once N students joined waits (telling its class k/N), starts
// its clock at the Nth join with arrivals following from there, and with fewer joins nothing starts — the
// teacher can still start at once. N above the class's students is refused and creates nothing.
import { type ConversationOpenedPayload, type DrillStatusPayload, SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
  tempDataDir,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let instructor: TestUser;
let students: TestUser[];
let classId: string;
const clients: LiveClient[] = [];
const opened = new Map<string, ConversationOpenedPayload[]>();
const statuses = new Map<string, DrillStatusPayload[]>();

const settings = (startWhenJoined?: number) => ({
  scenarioIds: ['jacket-colour-size'],
  shoppersPerStudent: 3,
  arrivalIntervalSeconds: 30,
  concurrency: 3,
  durationMinutes: 10,
  ...(startWhenJoined === undefined ? {} : { startWhenJoined }),
});

async function createDrill(title: string, startWhenJoined?: number) {
  return api(server, 'POST', `/api/classes/${classId}/drills`, {
    as: instructor,
    body: { title, settings: settings(startWhenJoined) },
  });
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  instructor = await seedUser(server.app, 'instructor');
  students = [];
  for (let i = 0; i < 3; i++) students.push(await seedUser(server.app, 'student'));
  const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '客服一班' } });
  classId = cls.body.class.id;
  for (const s of students) {
    const join = await api(server, 'POST', '/api/classes/join', {
      as: s,
      body: { joinCode: cls.body.class.joinCode },
    });
    expect(join.status).toBe(200);
    const c = await connect(server, s);
    clients.push(c);
    opened.set(s.user.id, []);
    statuses.set(s.user.id, []);
    c.socket.on('conversation:opened', (p) => opened.get(s.user.id)!.push(p));
    c.socket.on('drill:status', (p) => statuses.get(s.user.id)!.push(p));
  }
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  server?.cleanup();
});

describe('a drill that starts when N students joined', () => {
  it('refuses N above the class’s students and creates nothing', async () => {
    const before = await api(server, 'GET', `/api/classes/${classId}/drills`, { as: instructor });
    const res = await createDrill('人数太多', 4);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('drill-start-count-too-large');
    expect(res.body.error.message).toContain('3 人');
    const zero = await createDrill('零人', 0);
    expect(zero.status).toBe(400);
    const after = await api(server, 'GET', `/api/classes/${classId}/drills`, { as: instructor });
    expect(after.body.drills).toHaveLength(before.body.drills.length);
  });

  it('waits for N joins, then starts the clock at the Nth; arrivals follow from there', async () => {
    const created = await createDrill('到齐即开始', 2);
    expect(created.status).toBe(200);
    const drillId: string = created.body.drill.id;
    expect(created.body.drill).toMatchObject({
      status: 'draft',
      joinedCount: 0,
      settings: { startWhenJoined: 2 },
    });
    const [a, b, c] = students as [TestUser, TestUser, TestUser];

    await clock.advanceBy(5_000);
    const first = await api(server, 'POST', `/api/drills/${drillId}/join`, { as: a });
    expect(first.status).toBe(200);
    expect(first.body.drill).toMatchObject({ status: 'draft', joined: true, joinedCount: 1 });
    await clock.advanceBy(60_000);
    // Nothing starts with one of two: no buyer, and the class hears 1/2.
    expect(opened.get(a.user.id)).toHaveLength(0);
    expect(statuses.get(b.user.id)!.at(-1)!.drill).toMatchObject({
      id: drillId,
      status: 'draft',
      joinedCount: 1,
    });
    const seen = await api(server, 'GET', `/api/drills/${drillId}`, { as: c });
    expect(seen.body.drill).toMatchObject({ status: 'draft', joined: false, joinedCount: 1 });

    const second = await api(server, 'POST', `/api/drills/${drillId}/join`, { as: b });
    const startedAt = clock.now();
    expect(second.body.drill).toMatchObject({ status: 'running', startedAt, endsAt: startedAt + 600_000 });
    await clock.advanceBy(0);
    // Both who waited get their first buyer at the start, the second 30 s after the start.
    expect(opened.get(a.user.id)).toHaveLength(1);
    expect(opened.get(b.user.id)).toHaveLength(1);
    expect(statuses.get(c.user.id)!.at(-1)!.drill).toMatchObject({
      id: drillId,
      status: 'running',
      startedAt,
    });
    await clock.advanceBy(29_000);
    expect(opened.get(a.user.id)).toHaveLength(1);
    await clock.advanceBy(1_000);
    expect(opened.get(a.user.id)).toHaveLength(2);
    expect(opened.get(b.user.id)).toHaveLength(2);

    // The teacher's start comes too late; a late joiner (45 s) gets the latest due slot only, then the rest.
    const start = await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    expect(start.body.error.code).toBe('drill-already-started');
    await clock.advanceBy(15_000);
    expect((await api(server, 'POST', `/api/drills/${drillId}/join`, { as: c })).body.drill.status).toBe(
      'running',
    );
    await clock.advanceBy(0);
    expect(opened.get(c.user.id)).toHaveLength(1);
    const rows = await server.app.conversations.listForDrill(drillId);
    expect(rows.filter((r) => r.student_id === c.user.id).map((r) => r.slot)).toEqual([1]);
    await clock.advanceBy(15_000);
    expect(opened.get(c.user.id)).toHaveLength(2);

    expect((await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: instructor })).status).toBe(200);
    await clock.advanceBy(0);
  });

  it('with fewer than N nothing starts, and the teacher can still start at once', async () => {
    for (const s of students) opened.set(s.user.id, []);
    const created = await createDrill('三人才开始', 3);
    const drillId: string = created.body.drill.id;
    const [a, b] = students as [TestUser, TestUser];
    await api(server, 'POST', `/api/drills/${drillId}/join`, { as: a });
    await api(server, 'POST', `/api/drills/${drillId}/join`, { as: b });
    await clock.advanceBy(120_000);
    const waiting = await api(server, 'GET', `/api/drills/${drillId}`, { as: instructor });
    expect(waiting.body.drill).toMatchObject({ status: 'draft', joinedCount: 2, startedAt: null });
    expect(opened.get(a.user.id)).toHaveLength(0);
    expect(await server.app.conversations.listForDrill(drillId)).toHaveLength(0);

    const start = await api(server, 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    expect(start.body.drill.status).toBe('running');
    await clock.advanceBy(0);
    expect(opened.get(a.user.id)).toHaveLength(1);
    expect(opened.get(b.user.id)).toHaveLength(1);
    // Once running, no count is sent: it is no longer waiting.
    expect(start.body.drill.joinedCount).toBeUndefined();
    await api(server, 'POST', `/api/drills/${drillId}/stop`, { as: instructor });
    await clock.advanceBy(0);
  });
});

describe('start when N joined, across a crash', () => {
  it('a drill whose Nth join was stored but not started (the server died in between) starts at the next boot', async () => {
    const own = new ManualClock(SIMULATION_EPOCH);
    const dataDir = tempDataDir();
    const first = await startServer({ clock: own, dataDir });
    const teacher = await seedUser(first.app, 'instructor');
    const student = await seedUser(first.app, 'student');
    const cls = await first.app.classes.create('重启班', teacher.user.id, 'default', own.now());
    await first.app.classes.addMember(cls.id, student.user.id, 'student', own.now());
    const created = await api(first, 'POST', `/api/classes/${cls.id}/drills`, {
      as: teacher,
      body: { title: '到齐即开始', settings: settings(1) },
    });
    expect(created.status).toBe(200);
    const id: string = created.body.drill.id;
    // The join is stored; the process dies before it acts on it.
    await first.app.drills.join(id, student.user.id, own.now());
    await first.close();

    await own.advanceBy(60_000);
    const back = await startServer({ clock: own, dataDir });
    try {
      const drill = (await api(back, 'GET', `/api/drills/${id}`, { as: teacher })).body.drill;
      expect([drill.status, drill.startedAt]).toEqual(['running', own.now()]);
    } finally {
      await back.close();
      back.cleanup();
    }
  });
});
