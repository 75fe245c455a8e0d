// A class's instructor assigns its trainers: GET /api/classes/:id/trainers lists every trainer account by name
// (never password data, never other roles' accounts) for the owner and admins only; a trainer assigned with
// POST .../members then reads the class's reports, and removed no longer does.
import type { ClassDetailResponse, ClassReportResponse, TrainerChoicesResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, type TestServer, type TestUser } from './helpers/server.ts';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let admin: TestUser;
let owner: TestUser;
let otherInstructor: TestUser;
let trainerA: TestUser;
let trainerB: TestUser;
let student: TestUser;
let classId: string;

beforeAll(async () => {
  server = await startApp();
  admin = await seedUser(server.app, 'admin', 'ct_admin');
  owner = await seedUser(server.app, 'instructor', 'ct_owner');
  otherInstructor = await seedUser(server.app, 'instructor', 'ct_other');
  trainerA = await seedUser(server.app, 'trainer', 'ct_trainer_a');
  trainerB = await seedUser(server.app, 'trainer', 'ct_trainer_b');
  student = await seedUser(server.app, 'student', 'ct_student');
  classId = (await server.app.classes.create('电商2401班', owner.user.id, 'default', server.app.clock.now()))
    .id;
  await server.app.classes.addMember(classId, student.user.id, 'student', server.app.clock.now());
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const choices = (as: TestUser, id = classId) =>
  api<TrainerChoicesResponse>(server, 'GET', `/api/classes/${id}/trainers`, { as });

function expectRefusal(res: { status: number; body: unknown }, status: number) {
  const { error } = res.body as { error: { code: string; message: string } };
  expect(res.status).toBe(status);
  expect(error.code).toEqual(expect.any(String));
  expect(error.message).toMatch(CHINESE);
}

describe('the trainers a class owner may pick from', () => {
  it('lists every trainer account to the owner by name only, none of another role', async () => {
    const res = await choices(owner);
    expect(res.status).toBe(200);
    expect(res.body.trainers).toEqual([
      { id: trainerA.user.id, username: 'ct_trainer_a', displayName: '测试ct_trainer_a', assigned: false },
      { id: trainerB.user.id, username: 'ct_trainer_b', displayName: '测试ct_trainer_b', assigned: false },
    ]);
    // No password data travels, whatever its field might be called.
    expect(res.text).not.toMatch(/password|hash|scrypt/i);
  });

  it('gives an admin the same list', async () => {
    const res = await choices(admin);
    expect(res.status).toBe(200);
    expect(res.body.trainers.map((t) => t.id)).toEqual([trainerA.user.id, trainerB.user.id]);
  });

  it("refuses a student (403), a trainer (403) and another instructor's class as not found (404)", async () => {
    expectRefusal(await choices(student), 403);
    expectRefusal(await choices(trainerA), 403);
    expectRefusal(await choices(otherInstructor), 404);
    // Not found reads the same for a class that does not exist: ids do not leak.
    const missing = await choices(otherInstructor, '00000000-0000-4000-8000-000000000000');
    expectRefusal(missing, 404);
    const codeOf = (res: { body: unknown }) => (res.body as { error: { code: string } }).error.code;
    expect(codeOf(missing)).toBe(codeOf(await choices(otherInstructor)));
  });

  it("assigns a trainer, who then reads the class's reports, and removes them again", async () => {
    const report = `/api/reports/classes/${classId}`;
    expectRefusal(await api(server, 'GET', report, { as: trainerA }), 404);

    const added = await api<ClassDetailResponse>(server, 'POST', `/api/classes/${classId}/members`, {
      as: owner,
      body: { userId: trainerA.user.id, role: 'trainer' },
    });
    expect(added.status).toBe(200);
    expect(added.body.members.filter((m) => m.role === 'trainer').map((m) => m.userId)).toEqual([
      trainerA.user.id,
    ]);
    expect((await choices(owner)).body.trainers.map((t) => [t.username, t.assigned])).toEqual([
      ['ct_trainer_a', true],
      ['ct_trainer_b', false],
    ]);
    const seen = await api<ClassReportResponse>(server, 'GET', report, { as: trainerA });
    expect(seen.status).toBe(200);
    expect(seen.body.class.name).toBe('电商2401班');
    expect((await api(server, 'GET', `${report}/export.csv`, { as: trainerA })).status).toBe(200);
    // The other trainer was not assigned: still not theirs.
    expectRefusal(await api(server, 'GET', report, { as: trainerB }), 404);

    const removed = await api<ClassDetailResponse>(
      server,
      'DELETE',
      `/api/classes/${classId}/members/${trainerA.user.id}`,
      { as: owner },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.members.some((m) => m.role === 'trainer')).toBe(false);
    expectRefusal(await api(server, 'GET', report, { as: trainerA }), 404);
    expect((await choices(owner)).body.trainers.every((t) => !t.assigned)).toBe(true);
  });
});
