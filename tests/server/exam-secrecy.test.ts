// An exam's content stays hidden from its class's students until it opens: each route a student could list,
// open or start a scenario through is asked, before (hidden, refused as if it did not exist, nothing opened)
// and after the exam opens (there again). Students of another class and the staff see it all along.
import { type DrillView, SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, newClass, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

const MINUTE = 60_000;
const SCENARIO = 'after-sale-complaint';
const TITLE = '收到羽绒服跑绒投诉';

let server: TestServer;
let clock: ManualClock;
let instructor: TestUser;
let student: TestUser;
let outsider: TestUser;
let classId: string;
let exam: DrillView;

const listed = async (as: TestUser, query = '') =>
  (await api(server, 'GET', `/api/scenarios${query}`, { as })).body.scenarios.map(
    (s: { id: string }) => s.id,
  );
const onPath = async (as: TestUser) =>
  (await api(server, 'GET', '/api/course/path', { as })).body.progress.units.flatMap(
    (u: { scenarios: { id: string }[] }) => u.scenarios.map((s) => s.id),
  );
const openConversations = async (as: TestUser) =>
  (await api(server, 'GET', '/api/conversations', { as })).body.conversations.filter(
    (c: { status: string }) => c.status === 'open',
  );

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
  instructor = await seedUser(server.app, 'instructor');
  const otherInstructor = await seedUser(server.app, 'instructor');
  student = await seedUser(server.app, 'student');
  outsider = await seedUser(server.app, 'student');
  classId = await newClass(server, instructor, [student]);
  await newClass(server, otherInstructor, [outsider]);
  // Before any exam the scenario is the student's to see and practise, like the rest of the library.
  expect(await listed(student)).toContain(SCENARIO);
  const created = await api(server, 'POST', `/api/classes/${classId}/exams`, {
    as: instructor,
    body: {
      title: '期末考试',
      settings: { scenarioIds: [SCENARIO], shoppersPerStudent: 1, arrivalIntervalSeconds: 0, concurrency: 1 },
      opensAt: clock.now() + 10 * MINUTE,
      closesAt: clock.now() + 40 * MINUTE,
    },
  });
  expect(created.status).toBe(200);
  exam = created.body.drill;
  expect(exam.status).toBe('draft');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('before the exam opens, its scenario is hidden from the class’s students', () => {
  it('GET /api/scenarios does not list it (nor with ?classId); another class and the staff still see it', async () => {
    expect(await listed(student)).not.toContain(SCENARIO);
    expect(await listed(student, `?classId=${classId}`)).not.toContain(SCENARIO);
    expect(await listed(student)).toContain('price-objection');
    expect(await listed(outsider)).toContain(SCENARIO);
    expect(await listed(instructor, `?classId=${classId}`)).toContain(SCENARIO);
  });

  it('GET /api/scenarios/:id (a whole scenario file) is refused to students, exam or not', async () => {
    for (const id of [SCENARIO, 'price-objection']) {
      const res = await api(server, 'GET', `/api/scenarios/${id}`, { as: student });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(TITLE);
    }
    expect((await api(server, 'GET', `/api/scenarios/${SCENARIO}`, { as: instructor })).status).toBe(200);
  });

  it('POST /api/practice refuses to start it and opens nothing', async () => {
    const res = await api(server, 'POST', '/api/practice', { as: student, body: { scenarioId: SCENARIO } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('scenario-not-found');
    expect(await openConversations(student)).toEqual([]);
    const other = await api(server, 'POST', '/api/practice', {
      as: outsider,
      body: { scenarioId: SCENARIO },
    });
    expect(other.status).toBe(200);
    expect((await api(server, 'POST', '/api/practice/abandon', { as: outsider })).status).toBe(200);
  });

  it('GET /api/course/path leaves it off the learning path', async () => {
    expect(await onPath(student)).not.toContain(SCENARIO);
    expect(await onPath(student)).toContain('price-objection');
    expect(await onPath(outsider)).toContain(SCENARIO);
  });

  it('the exam itself (GET /api/classes/:id/drills, GET /api/drills/:id) names no scenario to students', async () => {
    for (const path of [`/api/classes/${classId}/drills`, `/api/drills/${exam.id}`]) {
      const res = await api(server, 'GET', path, { as: student });
      expect(res.status, path).toBe(200);
      const view: DrillView = res.body.drill ?? res.body.drills.find((d: DrillView) => d.id === exam.id);
      expect(view, path).toMatchObject({ kind: 'exam', title: '期末考试', opensAt: exam.opensAt });
      expect(view.settings.scenarioIds, path).toEqual([]);
      expect(view.versions, path).toEqual({});
      expect(res.text, path).not.toContain(SCENARIO);
      expect(res.text, path).not.toContain(TITLE);
    }
    const staff = await api(server, 'GET', `/api/drills/${exam.id}`, { as: instructor });
    expect(staff.body.drill.settings.scenarioIds).toEqual([SCENARIO]);
  });
});

describe('once the exam opens', () => {
  it('every route shows it again and the exam names its scenario', async () => {
    await clock.advanceBy(10 * MINUTE);
    const view = await api(server, 'GET', `/api/drills/${exam.id}`, { as: student });
    expect(view.body.drill.status).toBe('running');
    expect(view.body.drill.settings.scenarioIds).toEqual([SCENARIO]);
    expect(await listed(student)).toContain(SCENARIO);
    expect(await onPath(student)).toContain(SCENARIO);
    const joined = await api(server, 'POST', `/api/drills/${exam.id}/join`, { as: student });
    expect(joined.status).toBe(200);
  });
});
