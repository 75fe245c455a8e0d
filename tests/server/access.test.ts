// The access matrix: every role (and no session) against every route and socket event, with ownership —
// an instructor sees only their classes, a trainer only the classes they are assigned to, a student only
// themself. Refusals are 401 (no session), 403 (the role may never do it) or 404 (not yours: ids do not leak).
import { type Ack, type PracticeResponse, SIMULATION_EPOCH } from '@kefu/shared';
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

const ROLES = ['anon', 'admin', 'instA', 'instB', 'trainA', 'trainB', 'stuA1', 'stuA2', 'stuB'] as const;
type Who = (typeof ROLES)[number];

let server: TestServer;
let clock: ManualClock;
const users = {} as Record<Exclude<Who, 'anon'>, TestUser>;
let classA: string;
let classB: string;
let drillA: string;
let endedA1: string;
let openA1: string;
/** An account whose password the admin resets (the reset ends its sessions, so it is none of the above). */
let resetVictim: string;
/**
 * A student in both classes (the subject of the cross-class cells, not a requester): a drill conversation in
 * each class, each evaluated by that class's instructor, and a solo practice.
 */
let stuAB: TestUser;
let drillConvA: string;
let drillConvB: string;
let soloAB: string;

/** A drill of `classId` (pinned to the current version) with one conversation of `student` in it. */
async function drillConversation(classId: string, owner: TestUser, student: TestUser): Promise<string> {
  const { app } = server;
  const scenarioId = 'jacket-colour-size';
  const drill = await app.drills.create(
    {
      classId,
      title: '跨班演练',
      settings: {
        scenarioIds: [scenarioId],
        shoppersPerStudent: 1,
        arrivalIntervalSeconds: 0,
        concurrency: 1,
        durationMinutes: 5,
      },
      versions: { [scenarioId]: app.catalog.versionOf(scenarioId)! },
    },
    owner.user.id,
    clock.now(),
  );
  const runtime = await app.live.open({
    studentId: student.user.id,
    drillId: drill.id,
    slot: 0,
    scenarioId,
    rubricId: 'default',
    seed: 7,
  });
  return runtime.id;
}

async function practice(as: TestUser, scenarioId: string): Promise<string> {
  const res = await api<PracticeResponse>(server, 'POST', '/api/practice', { as, body: { scenarioId } });
  expect(res.status).toBe(200);
  return res.body.conversations[0]!.id;
}

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  const { app } = server;
  for (const who of ROLES) {
    if (who === 'anon') continue;
    const role =
      who === 'admin'
        ? 'admin'
        : who.startsWith('inst')
          ? 'instructor'
          : who.startsWith('train')
            ? 'trainer'
            : 'student';
    users[who] = await seedUser(app, role, `${who.toLowerCase()}_user`);
  }
  resetVictim = (await seedUser(app, 'student', 'reset_victim')).user.id;
  const now = clock.now();
  classA = (await app.classes.create('A 班', users.instA.user.id, 'default', now)).id;
  classB = (await app.classes.create('B 班', users.instB.user.id, 'default', now)).id;
  await app.classes.addMember(classA, users.trainA.user.id, 'trainer', now);
  await app.classes.addMember(classA, users.stuA1.user.id, 'student', now);
  await app.classes.addMember(classA, users.stuA2.user.id, 'student', now);
  await app.classes.addMember(classB, users.stuB.user.id, 'student', now);
  await app.classes.addMember(classB, users.trainB.user.id, 'trainer', now);
  stuAB = await seedUser(app, 'student', 'stu_ab_user');
  await app.classes.addMember(classA, stuAB.user.id, 'student', now);
  await app.classes.addMember(classB, stuAB.user.id, 'student', now);
  drillConvA = await drillConversation(classA, users.instA, stuAB);
  drillConvB = await drillConversation(classB, users.instB, stuAB);
  soloAB = await practice(stuAB, 'price-objection');
  for (const [classId, author, conversationId, comment] of [
    [classA, users.instA, drillConvA, 'A 班讲师的评语'],
    [classB, users.instB, drillConvB, 'B 班讲师的评语'],
  ] as const) {
    await app.evaluations.create(
      {
        studentId: stuAB.user.id,
        classId,
        conversationId,
        authorId: author.user.id,
        kind: 'teacher',
        score: 80,
        comment,
      },
      now,
    );
  }
  const drill = await api(server, 'POST', `/api/classes/${classA}/drills`, {
    as: users.instA,
    body: {
      title: '第一次演练',
      settings: {
        scenarioIds: ['jacket-colour-size'],
        shoppersPerStudent: 2,
        arrivalIntervalSeconds: 30,
        concurrency: 1,
        durationMinutes: 10,
      },
    },
  });
  expect(drill.status).toBe(200);
  drillA = drill.body.drill.id;
  endedA1 = await practice(users.stuA1, 'jacket-colour-size');
  await practice(users.stuA2, 'jacket-colour-size');
  // Nobody answers: the buyers run out of patience and leave, so these conversations are over.
  await clock.advanceBy(10 * 60_000);
  openA1 = await practice(users.stuA1, 'price-objection');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

type Expect = Partial<Record<Who, number>> & { rest: number };
const ok = (who: Who[], rest: number, extra: Partial<Record<Who, number>> = {}): Expect => {
  const out: Expect = { rest, ...extra };
  for (const w of who) out[w] = 200;
  return out;
};
const STAFF_A: Who[] = ['admin', 'instA', 'trainA'];
const STAFF_B: Who[] = ['admin', 'instB', 'trainB'];
const STAFF_AB: Who[] = ['admin', 'instA', 'trainA', 'instB', 'trainB'];
const EVERYONE: Exclude<Who, 'anon'>[] = [
  'admin',
  'instA',
  'instB',
  'trainA',
  'trainB',
  'stuA1',
  'stuA2',
  'stuB',
];
const ANON = { anon: 401 };
const STUDENTS_403 = { stuA1: 403, stuA2: 403, stuB: 403 };

let counter = 0;
interface Route {
  method: string;
  path: () => string;
  body?: () => unknown;
  expect: Expect;
}
const routes: Route[] = [
  { method: 'GET', path: () => '/api/auth/me', expect: ok(EVERYONE, 401) },
  { method: 'GET', path: () => '/api/users', expect: ok(['admin'], 403, ANON) },
  {
    method: 'POST',
    path: () => '/api/users',
    body: () => ({
      username: `new_${++counter}`,
      displayName: '新人',
      role: 'student',
      password: 'good-pass-123',
    }),
    expect: ok(['admin'], 403, ANON),
  },
  {
    method: 'POST',
    path: () => `/api/users/${resetVictim}/password`,
    body: () => ({}),
    expect: ok(['admin'], 403, ANON),
  },
  { method: 'GET', path: () => '/api/classes', expect: ok(EVERYONE, 401) },
  {
    method: 'POST',
    path: () => '/api/classes',
    body: () => ({ name: '新班级' }),
    expect: ok(['admin', 'instA', 'instB'], 403, ANON),
  },
  {
    method: 'GET',
    path: () => `/api/classes/${classA}`,
    expect: ok([...STAFF_A, 'stuA1', 'stuA2'], 404, ANON),
  },
  {
    method: 'PATCH',
    path: () => `/api/classes/${classA}`,
    body: () => ({ name: 'A 班（改）' }),
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403 }),
  },
  // Handing a class to another instructor: admins only (its own instructor may not give it away).
  {
    method: 'PATCH',
    path: () => `/api/classes/${classA}`,
    body: () => ({ instructorId: users.instA.user.id }),
    expect: ok(['admin'], 404, { ...ANON, ...STUDENTS_403, trainA: 403, instA: 403 }),
  },
  {
    method: 'POST',
    path: () => `/api/classes/${classA}/join-code`,
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403 }),
  },
  // An existing student joins with the join code (consent) or is added by an admin; a trainer by the owner.
  {
    method: 'POST',
    path: () => `/api/classes/${classA}/members`,
    body: () => ({ userId: users.stuA2.user.id, role: 'student' }),
    expect: ok(['admin'], 404, { ...ANON, ...STUDENTS_403, trainA: 403, instA: 403 }),
  },
  {
    method: 'POST',
    path: () => `/api/classes/${classA}/members`,
    body: () => ({ userId: users.trainA.user.id, role: 'trainer' }),
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403 }),
  },
  // The trainers the owner may assign: the owner and admins; another instructor's class is not found.
  {
    method: 'GET',
    path: () => `/api/classes/${classA}/trainers`,
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403, trainB: 403 }),
  },
  // A student's login lock is lifted by whoever can vouch for them: the class's instructor and admins.
  {
    method: 'GET',
    path: () => `/api/classes/${classA}/locked`,
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403, trainB: 403 }),
  },
  {
    method: 'POST',
    path: () => `/api/classes/${classA}/members/${users.stuA1.user.id}/unlock`,
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403, trainB: 403 }),
  },
  {
    method: 'GET',
    path: () => `/api/classes/${classA}/drills`,
    expect: ok([...STAFF_A, 'stuA1', 'stuA2'], 404, ANON),
  },
  {
    method: 'POST',
    path: () => `/api/classes/${classA}/drills`,
    body: () => ({
      title: '演练',
      settings: {
        scenarioIds: ['price-objection'],
        shoppersPerStudent: 1,
        arrivalIntervalSeconds: 0,
        concurrency: 1,
        durationMinutes: 5,
      },
    }),
    expect: ok(['admin', 'instA'], 404, { ...ANON, ...STUDENTS_403, trainA: 403 }),
  },
  {
    method: 'GET',
    path: () => `/api/drills/${drillA}`,
    expect: ok([...STAFF_A, 'stuA1', 'stuA2'], 404, ANON),
  },
  {
    method: 'POST',
    path: () => `/api/drills/${drillA}/join`,
    expect: ok(['stuA1', 'stuA2'], 403, { anon: 401, stuB: 404 }),
  },
  // Start and stop: only refusals here (a success changes the drill); the drill test starts one.
  {
    method: 'POST',
    path: () => `/api/drills/${drillA}/stop`,
    expect: { rest: 404, ...ANON, ...STUDENTS_403, trainA: 403, admin: 409, instA: 409 },
  },
  { method: 'GET', path: () => '/api/scenarios', expect: ok(EVERYONE, 401) },
  {
    method: 'GET',
    path: () => '/api/scenarios/jacket-colour-size',
    expect: ok(['admin', 'instA', 'instB', 'trainA', 'trainB'], 403, ANON),
  },
  { method: 'GET', path: () => '/api/catalog', expect: ok(EVERYONE, 401) },
  {
    method: 'POST',
    path: () => '/api/practice',
    body: () => ({ scenarioId: 'quality-doubt' }),
    expect: ok(EVERYONE, 401),
  },
  { method: 'GET', path: () => '/api/conversations?status=open', expect: ok(EVERYONE, 401) },
  {
    method: 'GET',
    path: () => `/api/conversations/${endedA1}`,
    expect: ok([...STAFF_A, 'stuA1'], 404, ANON),
  },
  {
    method: 'GET',
    path: () => `/api/reports/conversations/${endedA1}`,
    expect: ok([...STAFF_A, 'stuA1'], 404, ANON),
  },
  // A student sees their own report only once the conversation has ended.
  {
    method: 'GET',
    path: () => `/api/reports/conversations/${openA1}`,
    expect: ok(STAFF_A, 404, { ...ANON, stuA1: 403 }),
  },
  {
    method: 'GET',
    path: () => `/api/reports/students/${users.stuA1.user.id}`,
    expect: ok([...STAFF_A, 'stuA1'], 404, ANON),
  },
  {
    method: 'GET',
    path: () => `/api/reports/students/${users.stuA1.user.id}?classId=${classA}`,
    expect: ok([...STAFF_A, 'stuA1'], 404, ANON),
  },
  // A student in classes A and B: each class's staff see her drills of their own class only, her solo
  // practice through either class.
  { method: 'GET', path: () => `/api/conversations/${drillConvA}`, expect: ok(STAFF_A, 404, ANON) },
  { method: 'GET', path: () => `/api/reports/conversations/${drillConvA}`, expect: ok(STAFF_A, 404, ANON) },
  { method: 'GET', path: () => `/api/conversations/${drillConvB}`, expect: ok(STAFF_B, 404, ANON) },
  { method: 'GET', path: () => `/api/reports/conversations/${drillConvB}`, expect: ok(STAFF_B, 404, ANON) },
  { method: 'GET', path: () => `/api/conversations/${soloAB}`, expect: ok(STAFF_AB, 404, ANON) },
  {
    method: 'GET',
    path: () => `/api/reports/students/${stuAB.user.id}`,
    expect: ok(STAFF_AB, 404, ANON),
  },
  {
    method: 'GET',
    path: () => `/api/reports/students/${stuAB.user.id}?classId=${classB}`,
    expect: ok(STAFF_B, 404, ANON),
  },
  // An evaluation only of a conversation of the class it is written in.
  {
    method: 'POST',
    path: () => '/api/evaluations',
    body: () => ({
      studentId: stuAB.user.id,
      classId: classA,
      conversationId: drillConvB,
      score: 60,
      comment: '跨班评价',
    }),
    expect: { rest: 404, ...ANON, ...STUDENTS_403 },
  },
  {
    method: 'POST',
    path: () => '/api/evaluations',
    body: () => ({
      studentId: stuAB.user.id,
      classId: classB,
      conversationId: drillConvB,
      score: 60,
      comment: '本班评价',
    }),
    expect: ok(STAFF_B, 404, { ...ANON, ...STUDENTS_403 }),
  },
  { method: 'GET', path: () => `/api/reports/classes/${classA}`, expect: ok(STAFF_A, 404, ANON) },
  { method: 'GET', path: () => `/api/reports/classes/${classA}/export.csv`, expect: ok(STAFF_A, 404, ANON) },
  {
    method: 'POST',
    path: () => '/api/evaluations',
    body: () => ({ studentId: users.stuA1.user.id, classId: classA, score: 80, comment: '不错' }),
    expect: ok([...STAFF_A, 'stuA1'], 404, { ...ANON, stuA2: 403, stuB: 403 }),
  },
];

describe('HTTP access matrix', () => {
  for (const route of routes) {
    it(`${route.method} ${route.path.toString().replace(/^\(\) => /, '')}`, async () => {
      const got: Partial<Record<Who, number>> = {};
      const want: Partial<Record<Who, number>> = {};
      for (const who of ROLES) {
        const res = await api(server, route.method, route.path(), {
          as: who === 'anon' ? null : users[who],
          body: route.body?.(),
        });
        got[who] = res.status;
        want[who] = route.expect[who] ?? route.expect.rest;
        if (res.status >= 400) {
          // Every refusal is JSON with a code and a Chinese message a person can act on.
          expect(res.body.error.code).toEqual(expect.any(String));
          expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      expect(got).toEqual(want);
    });
  }
});

describe('a student in two classes', () => {
  const comments = (evaluations: { comment: string }[]) => evaluations.map((e) => e.comment).sort();

  it("shows each class's staff her solo practice and their own class's drills and evaluations only", async () => {
    for (const [who, ownDrill, otherDrill, own] of [
      ['instA', drillConvA, drillConvB, 'A 班讲师的评语'],
      ['trainA', drillConvA, drillConvB, 'A 班讲师的评语'],
      ['instB', drillConvB, drillConvA, 'B 班讲师的评语'],
      ['trainB', drillConvB, drillConvA, 'B 班讲师的评语'],
    ] as const) {
      const report = await api(server, 'GET', `/api/reports/students/${stuAB.user.id}`, { as: users[who] });
      expect(report.status, who).toBe(200);
      const ids = report.body.conversations.map((c: { conversationId: string }) => c.conversationId);
      expect(ids, who).toContain(ownDrill);
      expect(ids, who).toContain(soloAB);
      expect(ids, who).not.toContain(otherDrill);
      expect(comments(report.body.evaluations), who).not.toContain(
        own === 'A 班讲师的评语' ? 'B 班讲师的评语' : 'A 班讲师的评语',
      );
      expect(comments(report.body.evaluations), who).toContain(own);
      const conversation = await api(server, 'GET', `/api/reports/conversations/${ownDrill}`, {
        as: users[who],
      });
      // (the matrix above added evaluations of its own; none of them from the other class)
      expect(comments(conversation.body.evaluations), who).toContain(own);
      expect(
        conversation.body.evaluations.every(
          (e: { classId: string }) => e.classId === (own === 'A 班讲师的评语' ? classA : classB),
        ),
        who,
      ).toBe(true);
    }
    // Admins see everything; so does she.
    const all = await api(server, 'GET', `/api/reports/students/${stuAB.user.id}`, { as: users.admin });
    const ids = all.body.conversations.map((c: { conversationId: string }) => c.conversationId);
    expect(ids).toEqual(expect.arrayContaining([drillConvA, drillConvB, soloAB]));
    expect(comments(all.body.evaluations)).toEqual(
      expect.arrayContaining(['A 班讲师的评语', 'B 班讲师的评语']),
    );
    const own = await api(server, 'GET', `/api/reports/students/${stuAB.user.id}`, { as: stuAB });
    expect(own.body.conversations).toHaveLength(3);
  });
});

describe('socket access', () => {
  const sockets: LiveClient[] = [];
  afterAll(() => {
    for (const s of sockets) s.close();
  });

  it('refuses a handshake without a session', async () => {
    const anon: TestUser = { user: undefined as never, cookie: 'kefu_session=forged' };
    await expect(connect(server, anon)).rejects.toThrow(/登录/);
  });

  it('lets only the owner send, change the order and resync in a conversation', async () => {
    for (const who of EVERYONE) {
      const client = await connect(server, users[who]);
      sockets.push(client);
      const send = await request<Ack>(client.socket, 'conversation:send', {
        conversationId: openA1,
        message: { id: `probe-${who}`, text: '您好', source: 'typed' },
      });
      const resync = await request<Ack>(client.socket, 'conversation:resync', {
        conversationId: openA1,
        afterSeq: 0,
      });
      // An order change (address, variant, note) by any other role is refused the same way.
      const order = await request<Ack>(client.socket, 'conversation:order', {
        conversationId: openA1,
        update: { id: `order-probe-${who}`, address: '别人的地址', note: '改我的' },
      });
      if (who === 'stuA1') {
        expect(send.ok, who).toBe(true);
        expect(resync.ok, who).toBe(true);
        expect(order, who).not.toMatchObject({ error: { code: 'conversation-not-found' } });
      } else {
        expect(send, who).toMatchObject({ ok: false, error: { code: 'conversation-not-found' } });
        expect(resync, who).toMatchObject({ ok: false, error: { code: 'conversation-not-found' } });
        expect(order, who).toMatchObject({ ok: false, error: { code: 'conversation-not-found' } });
      }
    }
    // Nothing from the refused senders reached the log.
    const log = await api(server, 'GET', `/api/conversations/${openA1}`, { as: users.stuA1 });
    const agentIds = log.body.events
      .filter((e: { event: { type: string } }) => e.event.type === 'agent-message')
      .map((e: { event: { id: string } }) => e.event.id);
    expect(agentIds).toEqual(['probe-stuA1']);
  });

  it('lets only the class owner and admins watch a drill monitor', async () => {
    for (const who of EVERYONE) {
      const client = await connect(server, users[who]);
      sockets.push(client);
      const watch = await request<Ack>(client.socket, 'monitor:watch', { drillId: drillA });
      if (who === 'admin' || who === 'instA') expect(watch.ok, who).toBe(true);
      else if (who === 'instB') {
        expect(watch, who).toMatchObject({ ok: false, error: { code: 'drill-not-found' } });
      } else expect(watch, who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
