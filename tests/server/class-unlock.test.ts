// Someone guessing at a student's password locks the account for the window; the student in front of their
// instructor is then told to ask them. The class's instructor (or an admin) sees the class's locked students
// and lifts a lock from the class page: the student logs in at once with the same password, the action is
// in the audit log, and nobody else may do it (another instructor's class is not found, students and trainers
// are refused, someone outside the class is not a member).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newClass, seedUser, startApp, TEST_PASSWORD, type TestServer } from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startApp();
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const login = (username: string, password: string) =>
  api(server, 'POST', '/api/auth/login', { body: { username, password } });

async function lockOut(username: string) {
  for (let i = 0; i < 5; i++) expect((await login(username, 'wrong-guess-123')).status).toBe(401);
  const refused = await login(username, TEST_PASSWORD);
  expect(refused.status).toBe(429);
  return refused;
}

describe("lifting a student's login lock from the class page", () => {
  it('the instructor sees who is locked, lifts it (audited), and the student logs in with the same password', async () => {
    const owner = await seedUser(server.app, 'instructor');
    const student = await seedUser(server.app, 'student', 'unlock_me');
    const classmate = await seedUser(server.app, 'student', 'not_locked');
    const classId = await newClass(server, owner, [student, classmate]);

    const refused = await lockOut('unlock_me');
    expect(refused.body.error.code).toBe('login-locked');
    // The student is told in words whom to ask.
    expect(refused.body.error.message).toMatch(/讲师或管理员.*解除锁定/);

    const locked = await api(server, 'GET', `/api/classes/${classId}/locked`, { as: owner });
    expect(locked.status).toBe(200);
    expect(locked.body.students).toEqual([
      { id: student.user.id, username: 'unlock_me', displayName: student.user.displayName, minutes: 15 },
    ]);

    const lifted = await api(server, 'POST', `/api/classes/${classId}/members/${student.user.id}/unlock`, {
      as: owner,
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.students).toEqual([]);
    expect((await login('unlock_me', TEST_PASSWORD)).status).toBe(200);
    expect(await server.app.auditLog.forSubject(student.user.id)).toEqual([
      {
        at: expect.any(Number),
        actorId: owner.user.id,
        action: 'login-unlocked',
        subjectId: student.user.id,
        classId,
      },
    ]);
    // Lifting gives the account a new window, not unlimited guesses: five more wrong ones lock it again.
    await lockOut('unlock_me');
  });

  it("an admin may lift it; another instructor's class is not found; students and trainers are refused", async () => {
    const owner = await seedUser(server.app, 'instructor');
    const other = await seedUser(server.app, 'instructor');
    const admin = await seedUser(server.app, 'admin');
    const trainer = await seedUser(server.app, 'trainer');
    const student = await seedUser(server.app, 'student', 'locked_two');
    const outsider = await seedUser(server.app, 'student', 'outsider_one');
    const classId = await newClass(server, owner, [student]);
    await newClass(server, other, [outsider]);
    await api(server, 'POST', `/api/classes/${classId}/members`, {
      as: admin,
      body: { userId: trainer.user.id, role: 'trainer' },
    });
    await lockOut('locked_two');
    await lockOut('outsider_one');
    const unlock = (as: typeof owner, userId = student.user.id) =>
      api(server, 'POST', `/api/classes/${classId}/members/${userId}/unlock`, { as });

    for (const [who, status, code] of [
      [other, 404, 'class-not-found'],
      [trainer, 403, 'forbidden'],
      [student, 403, 'forbidden'],
    ] as const) {
      const refused = await unlock(who);
      expect(refused.status).toBe(status);
      expect(refused.body.error.code).toBe(code);
      const list = await api(server, 'GET', `/api/classes/${classId}/locked`, { as: who });
      expect(list.status).toBe(status);
    }
    // A student of another class cannot be unlocked through this one; the trainer is not a student.
    const notHere = await unlock(owner, outsider.user.id);
    expect(notHere.status).toBe(404);
    expect(notHere.body.error.code).toBe('not-a-member');
    expect((await unlock(owner, trainer.user.id)).body.error.code).toBe('not-a-member');
    // Refusals changed nothing.
    expect((await login('locked_two', TEST_PASSWORD)).status).toBe(429);
    expect((await login('outsider_one', TEST_PASSWORD)).status).toBe(429);
    expect(await server.app.auditLog.forSubject(student.user.id)).toEqual([]);

    expect((await unlock(admin)).status).toBe(200);
    expect((await login('locked_two', TEST_PASSWORD)).status).toBe(200);
    expect((await server.app.auditLog.forSubject(student.user.id)).map((e) => e.actorId)).toEqual([
      admin.user.id,
    ]);
  });
});
