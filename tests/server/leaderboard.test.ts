// A class's leaderboard: students ranked by the average of what counts for the grade (solo practice and
// the class's drills), or by one drill's receptions; anonymised it carries no name or id; only the class's
// staff may read it, and a drill of another class is refused.
import type { LeaderboardResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let owner: TestUser;
let other: TestUser;
let good: TestUser;
let weak: TestUser;
let idle: TestUser;
let classId: string;
let drillId: string;

const board = (query = '', as = owner) =>
  api<LeaderboardResponse>(server, 'GET', `/api/reports/classes/${classId}/leaderboard${query}`, { as });

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 7 });
  owner = await seedUser(server.app, 'instructor', 'lb_owner');
  other = await seedUser(server.app, 'instructor', 'lb_other');
  good = await seedUser(server.app, 'student', 'lb_good');
  weak = await seedUser(server.app, 'student', 'lb_weak');
  idle = await seedUser(server.app, 'student', 'lb_idle');
  const cls = await api(server, 'POST', '/api/classes', { as: owner, body: { name: '排行班' } });
  classId = cls.body.class.id;
  for (const s of [good, weak, idle])
    await api(server, 'POST', '/api/classes/join', { as: s, body: { joinCode: cls.body.class.joinCode } });
  // The class counts solo practice in its grade (a new class counts only its drills and exams).
  await api(server, 'PATCH', `/api/classes/${classId}`, { as: owner, body: { gradeSolo: true } });
  await playConversation(server, clock, good, 'price-objection');
  await playConversation(server, clock, weak, 'price-objection', '不回复');
  // A drill only the good student joins and leaves unanswered: their average falls below their best.
  const drill = await api(server, 'POST', `/api/classes/${classId}/drills`, {
    as: owner,
    body: {
      title: '周三演练',
      settings: {
        scenarioIds: ['price-objection'],
        shoppersPerStudent: 1,
        arrivalIntervalSeconds: 0,
        concurrency: 1,
        durationMinutes: 5,
      },
    },
  });
  drillId = drill.body.drill.id;
  await api(server, 'POST', `/api/drills/${drillId}/start`, { as: owner });
  await api(server, 'POST', `/api/drills/${drillId}/join`, { as: good });
  await clock.advanceBy(6 * 60_000);
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('class leaderboard', () => {
  it('ranks by average over the work that counts; a student with none is last, unranked', async () => {
    const { status, body } = await board();
    expect(status).toBe(200);
    expect(body.drills).toEqual([{ id: drillId, title: '周三演练', kind: 'drill', graded: true }]);
    expect(body.rows.map((r) => [r.rank, r.name, r.receptions])).toEqual([
      [1, '测试lb_good', 2],
      [2, '测试lb_weak', 1],
      [null, '测试lb_idle', 0],
    ]);
    const [first, second] = body.rows;
    expect(first!.best).toBeGreaterThanOrEqual(90);
    expect(first!.average).toBeLessThan(first!.best!);
    expect(second!.average).toBeLessThan(first!.average!);
  });

  it('ranks one drill by its receptions only', async () => {
    const { body } = await board(`?drillId=${drillId}`);
    expect(body.drillId).toBe(drillId);
    expect(body.rows.map((r) => [r.rank, r.name, r.receptions])).toEqual([
      [1, '测试lb_good', 1],
      [null, '测试lb_idle', 0],
      [null, '测试lb_weak', 0],
    ]);
  });

  it('leaves out solo practice when the class does not count it', async () => {
    await api(server, 'PATCH', `/api/classes/${classId}`, { as: owner, body: { gradeSolo: false } });
    const { body } = await board();
    await api(server, 'PATCH', `/api/classes/${classId}`, { as: owner, body: { gradeSolo: true } });
    expect(body.rows.map((r) => [r.rank, r.name, r.receptions])).toEqual([
      [1, '测试lb_good', 1],
      [null, '测试lb_idle', 0],
      [null, '测试lb_weak', 0],
    ]);
  });

  it('anonymised, carries places and scores but no names or ids', async () => {
    const named = (await board()).body;
    const { body } = await board('?anonymous=true');
    expect(body.anonymous).toBe(true);
    expect(body.rows.every((r) => r.name === null && r.studentId === null)).toBe(true);
    expect(body.rows.map((r) => [r.rank, r.average])).toEqual(named.rows.map((r) => [r.rank, r.average]));
    expect(JSON.stringify(body)).not.toContain('lb_');
  });

  it('is for the class’s staff only, and refuses a drill that is not the class’s', async () => {
    expect((await board('', other)).status).toBe(404);
    expect((await board('', good)).status).toBe(403);
    const unknown = await api(
      server,
      'GET',
      `/api/reports/classes/${classId}/leaderboard?drillId=nope-drill`,
      {
        as: owner,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('drill-not-found');
  });
});
