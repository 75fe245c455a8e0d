// The learning path on a student's home: the first unit open and the rest locked; three welcome scenarios
// passed with their model answers pass the unit (dated) and open the next; a mistake steers the next
// recommendation to a scenario that trains the broken rule; staff have no path of their own.
import type { PathResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let student: TestUser;

const path = async (as: TestUser) => api<PathResponse>(server, 'GET', '/api/course/path', { as });
const statuses = (r: PathResponse) => r.progress?.units.map((u) => [u.unit.id, u.status]);

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  // The production setting (units open in order), not the test helper's default.
  server = await startServer({ clock, seedSource: () => 7, pathInOrder: true });
  student = await seedUser(server.app, 'student', 'path_student');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('learning path', () => {
  it('opens the first unit only and recommends its easiest scenario to a new student', async () => {
    const { status, body } = await path(student);
    expect(status).toBe(200);
    expect(body.progress?.courseName).toBe('网店客服实训');
    expect(statuses(body)).toEqual([
      ['welcome', 'open'],
      ['product-knowledge', 'locked'],
      ['phrasing', 'locked'],
      ['closing', 'locked'],
      ['payment-follow-up', 'locked'],
      ['after-sale', 'locked'],
      ['comprehensive', 'locked'],
    ]);
    const welcome = body.progress!.units[0]!;
    expect(welcome.unit.competition.length).toBeGreaterThan(0);
    expect(welcome.unit.certificate.length).toBeGreaterThan(0);
    expect(welcome.required).toBe(3);
    expect(body.recommendation).toMatchObject({ unitId: 'welcome', kind: 'next', rules: [] });
    expect(welcome.scenarios.map((s) => s.id)).toContain(body.recommendation?.scenarioId);
  });

  it('passes a unit at its pass mark, dates it and opens the next', async () => {
    const played = ['jacket-colour-size', 'cream-sensitive-skin'];
    for (const id of played) await playConversation(server, clock, student, id);
    let body = (await path(student)).body;
    expect(body.progress?.units[0]).toMatchObject({ status: 'open', passedCount: 2, passedAt: null });
    // Not recommended again once passed.
    expect(played).not.toContain(body.recommendation?.scenarioId);

    await playConversation(server, clock, student, 'returning-vip');
    const passedAt = clock.now();
    body = (await path(student)).body;
    const welcome = body.progress!.units[0]!;
    expect(welcome).toMatchObject({ status: 'passed', passedCount: 3 });
    expect(welcome.passedAt).toBeLessThanOrEqual(passedAt);
    expect(welcome.passedAt).toBeGreaterThan(Date.UTC(2026, 10, 20, 2, 0, 0));
    expect(welcome.scenarios.find((s) => s.id === 'returning-vip')?.best).toBeGreaterThanOrEqual(90);
    expect(statuses(body)?.slice(0, 3)).toEqual([
      ['welcome', 'passed'],
      ['product-knowledge', 'open'],
      ['phrasing', 'locked'],
    ]);
    expect(body.progress?.current).toBe('product-knowledge');
    expect(body.recommendation?.unitId).toBe('product-knowledge');
  });

  it('recommends a scenario that trains the rule the student just broke', async () => {
    await playConversation(server, clock, student, 'mooncake-shelf-life', '说可以常温保存');
    const { body } = await path(student);
    const unit = body.progress!.units[1]!;
    const mooncake = unit.scenarios.find((s) => s.id === 'mooncake-shelf-life');
    expect(mooncake?.attempts).toBe(1);
    // The recommendation is another scenario of the unit that trains the rule just broken.
    expect(body.recommendation?.scenarioId).not.toBe('mooncake-shelf-life');
    expect(body.recommendation?.unitId).toBe('product-knowledge');
    expect(body.recommendation?.rules).toContain('wrong-fact');
  });

  it('is a student’s own: staff get 403 and no session 401', async () => {
    const instructor = await seedUser(server.app, 'instructor', 'path_instructor');
    expect((await path(instructor)).status).toBe(403);
    expect((await api(server, 'GET', '/api/course/path')).status).toBe(401);
  });
});
