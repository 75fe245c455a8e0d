// The admin's account and class management: accounts with one-time passwords, password reset (which also
// lifts a login lock), a class's instructor chosen by the admin, trainers and students added and removed.
// Each route: the wrong roles are refused, bad input gets a Chinese message, and nothing changes.
import type {
  ClassDetailResponse,
  ClassResponse,
  CreateUserResponse,
  ResetPasswordResponse,
  UsersResponse,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, TEST_PASSWORD, type TestServer, type TestUser } from './helpers/server.ts';

const CHINESE = /[\u4e00-\u9fff]/;

let server: TestServer;
let admin: TestUser;
let instA: TestUser;
let instB: TestUser;
let trainer: TestUser;
let student: TestUser;
let classA: string;

beforeAll(async () => {
  server = await startApp();
  admin = await seedUser(server.app, 'admin', 'adm_main');
  instA = await seedUser(server.app, 'instructor', 'adm_inst_a');
  instB = await seedUser(server.app, 'instructor', 'adm_inst_b');
  trainer = await seedUser(server.app, 'trainer', 'adm_trainer');
  student = await seedUser(server.app, 'student', 'adm_student');
  classA = (await server.app.classes.create('A 班', instA.user.id, 'default', server.app.clock.now())).id;
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const login = (username: string, password: string) =>
  api(server, 'POST', '/api/auth/login', { body: { username, password } });
const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie')!.split(';')[0]!;
const userCount = async () => (await server.app.users.list()).length;

function expectRefusal(
  res: { status: number; body: { error: { code: string; message: string } } },
  status: number,
) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toEqual(expect.any(String));
  expect(res.body.error.message).toMatch(CHINESE);
}

describe('accounts', () => {
  it('creates an account with a generated one-time password, shown once, that must be changed', async () => {
    const res = await api<CreateUserResponse>(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'new_instructor', displayName: '王老师', role: 'instructor' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      username: 'new_instructor',
      role: 'instructor',
      mustChangePassword: true,
    });
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{12}$/);
    const list = await api<UsersResponse>(server, 'GET', '/api/users', { as: admin });
    const listed = list.body.users.find((u) => u.username === 'new_instructor');
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(res.body.password);

    const first = await login('new_instructor', res.body.password);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    // Until the password is changed, everything else is refused.
    const cookie = cookieOf(first);
    const blocked = await api(server, 'GET', '/api/classes', { cookie });
    expectRefusal(blocked, 403);
    expect(blocked.body.error.message).toMatch(/修改初始密码/);
  });

  it('keeps a password the admin chose, still one-time', async () => {
    const res = await api<CreateUserResponse>(server, 'POST', '/api/users', {
      as: admin,
      body: { username: 'chosen_pw', displayName: '李同学', role: 'student', password: 'chosen-pass-1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.password).toBe('chosen-pass-1');
    expect(res.body.user.mustChangePassword).toBe(true);
    expect((await login('chosen_pw', 'chosen-pass-1')).status).toBe(200);
  });

  it('refuses bad input in Chinese and creates nothing', async () => {
    const before = await userCount();
    const cases: [unknown, number, RegExp][] = [
      [
        { username: 'a', displayName: '短', role: 'student' },
        400,
        /^请求内容有误：用户名 — 用户名为 3–32 位/,
      ],
      [{ displayName: '无名', role: 'student' }, 400, /^请求内容有误：用户名 — 无效输入/],
      [
        { username: 'bad_role', displayName: '某', role: 'boss' },
        400,
        /角色只能是管理员、讲师、评估导师或学员/,
      ],
      [{ username: 'short_pw', displayName: '某', role: 'student', password: '123' }, 400, /密码至少 8 位/],
      [{ username: 'no_name', displayName: '  ', role: 'student' }, 400, /请填写姓名/],
      [{ username: 'adm_student', displayName: '重名', role: 'student' }, 409, /已被使用/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api(server, 'POST', '/api/users', { as: admin, body });
      expectRefusal(res, status);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await userCount()).toBe(before);
  });

  it('lets only admins list and create accounts, naming the roles in Chinese', async () => {
    const before = await userCount();
    for (const who of [instA, trainer, student]) {
      const list = await api(server, 'GET', '/api/users', { as: who });
      expectRefusal(list, 403);
      const create = await api(server, 'POST', '/api/users', {
        as: who,
        body: { username: `sneaky_${who.user.role}`, displayName: '某', role: 'admin' },
      });
      expectRefusal(create, 403);
      expect(create.body.error.message).toMatch(/这个操作只对管理员开放/);
      expect(create.body.error.message).not.toMatch(/instructor|trainer|student|admin/);
    }
    expect((await api(server, 'GET', '/api/users')).status).toBe(401);
    expect(await userCount()).toBe(before);
  });
});

describe('password reset', () => {
  it('gives a locked-out student a new one-time password, lifts the lock and ends their sessions', async () => {
    const locked = await seedUser(server.app, 'student', 'locked_out');
    for (let i = 0; i < 5; i++) expect((await login('locked_out', `wrong-${i}`)).status).toBe(401);
    const refused = await login('locked_out', TEST_PASSWORD);
    expectRefusal(refused, 429);
    // The admin's list says so (已锁定), and no other account is marked.
    const lockedOf = async () =>
      Object.fromEntries(
        (
          (await api(server, 'GET', '/api/users', { as: admin })).body.users as {
            username: string;
            locked: boolean;
          }[]
        ).map((u) => [u.username, u.locked]),
      );
    const before = await lockedOf();
    expect(before.locked_out).toBe(true);
    expect(Object.entries(before).filter(([, locked]) => locked)).toEqual([['locked_out', true]]);

    const res = await api<ResetPasswordResponse>(server, 'POST', `/api/users/${locked.user.id}/password`, {
      as: admin,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: locked.user.id, mustChangePassword: true });
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await lockedOf()).locked_out).toBe(false);

    // The old session is gone; the old password no longer works; the new one does, at once.
    expect((await api(server, 'GET', '/api/auth/me', { as: locked })).status).toBe(401);
    expect((await login('locked_out', TEST_PASSWORD)).status).toBe(401);
    const fresh = await login('locked_out', res.body.password);
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.mustChangePassword).toBe(true);
    const changed = await api(server, 'POST', '/api/auth/password', {
      cookie: cookieOf(fresh),
      body: { currentPassword: res.body.password, newPassword: 'my-own-pass-9' },
    });
    expect(changed.status).toBe(200);
    expect((await login('locked_out', 'my-own-pass-9')).body.user.mustChangePassword).toBe(false);
  }, 120_000);

  it('sets the password the admin chose', async () => {
    const who = await seedUser(server.app, 'trainer', 'reset_chosen');
    const res = await api<ResetPasswordResponse>(server, 'POST', `/api/users/${who.user.id}/password`, {
      as: admin,
      body: { password: 'given-by-admin' },
    });
    expect(res.status).toBe(200);
    expect(res.body.password).toBe('given-by-admin');
    expect((await login('reset_chosen', 'given-by-admin')).status).toBe(200);
  });

  it('refuses the wrong roles, bad input, unknown users and the admin themself, and changes nothing', async () => {
    const victim = await seedUser(server.app, 'student', 'reset_victim');
    const path = `/api/users/${victim.user.id}/password`;
    for (const who of [instA, trainer, student, victim]) {
      const res = await api(server, 'POST', path, { as: who, body: { password: 'taken-over-1' } });
      expectRefusal(res, 403);
      expect(res.body.error.message).toMatch(/只对管理员开放/);
    }
    expect((await api(server, 'POST', path, { body: {} })).status).toBe(401);
    const short = await api(server, 'POST', path, { as: admin, body: { password: 'short' } });
    expectRefusal(short, 400);
    expect(short.body.error.message).toMatch(/密码至少 8 位/);
    const extra = await api(server, 'POST', path, {
      as: admin,
      body: { password: 'long-enough-1', role: 'admin' },
    });
    expectRefusal(extra, 400);
    expect(extra.body.error.message).toBe('请求内容有误：不认识的字段 role，请去掉后重试');
    const missing = await api(server, 'POST', '/api/users/no-such-user/password', { as: admin });
    expectRefusal(missing, 404);
    const self = await api(server, 'POST', `/api/users/${admin.user.id}/password`, { as: admin });
    expectRefusal(self, 400);
    expect(self.body.error.message).toMatch(/修改密码/);

    // Nothing changed: the victim's session and password still work, and the admin is still logged in.
    expect((await api(server, 'GET', '/api/auth/me', { as: victim })).status).toBe(200);
    const again = await login('reset_victim', TEST_PASSWORD);
    expect(again.status).toBe(200);
    expect(again.body.user.mustChangePassword).toBe(false);
    expect((await api(server, 'GET', '/api/auth/me', { as: admin })).status).toBe(200);
  }, 120_000);
});

describe('class instructor', () => {
  it('lets an admin create a class for an instructor, who then sees and manages it', async () => {
    const res = await api<ClassResponse>(server, 'POST', '/api/classes', {
      as: admin,
      body: { name: '电商 2 班', instructorId: instB.user.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.class).toMatchObject({ ownerId: instB.user.id, ownerName: instB.user.displayName });
    const mine = await api(server, 'GET', '/api/classes', { as: instB });
    expect(mine.body.classes.map((c: { id: string }) => c.id)).toContain(res.body.class.id);
    const rename = await api(server, 'PATCH', `/api/classes/${res.body.class.id}`, {
      as: instB,
      body: { name: '电商 2 班（春）' },
    });
    expect(rename.status).toBe(200);
  });

  it('refuses an instructor naming another, a non-instructor, an unknown id; creates nothing', async () => {
    const before = (await server.app.classes.listAll()).length;
    const byInstructor = await api(server, 'POST', '/api/classes', {
      as: instA,
      body: { name: '替别人建', instructorId: instB.user.id },
    });
    expectRefusal(byInstructor, 403);
    expect(byInstructor.body.error.message).toMatch(/只有管理员可以指定班级的讲师/);
    const notInstructor = await api(server, 'POST', '/api/classes', {
      as: admin,
      body: { name: '学员当讲师', instructorId: student.user.id },
    });
    expectRefusal(notInstructor, 400);
    expect(notInstructor.body.error.message).toBe('这个账号是学员，只有讲师可以负责班级；请先创建讲师账号');
    const unknown = await api(server, 'POST', '/api/classes', {
      as: admin,
      body: { name: '没人', instructorId: 'nobody' },
    });
    expectRefusal(unknown, 404);
    for (const who of [trainer, student]) {
      expectRefusal(await api(server, 'POST', '/api/classes', { as: who, body: { name: '某班' } }), 403);
    }
    expect((await server.app.classes.listAll()).length).toBe(before);
  });

  it('lets an admin hand a class to another instructor; the owner and others may not', async () => {
    const cls = (await server.app.classes.create('交接班', instA.user.id, 'default', server.app.clock.now()))
      .id;
    const path = `/api/classes/${cls}`;
    const owner = await api(server, 'PATCH', path, { as: instA, body: { instructorId: instB.user.id } });
    expectRefusal(owner, 403);
    expectRefusal(
      await api(server, 'PATCH', path, { as: instB, body: { instructorId: instB.user.id } }),
      404,
    );
    // A trainer not assigned to the class is told it is not there (ids do not leak).
    expectRefusal(
      await api(server, 'PATCH', path, { as: trainer, body: { instructorId: instB.user.id } }),
      404,
    );
    expectRefusal(
      await api(server, 'PATCH', path, { as: student, body: { instructorId: instB.user.id } }),
      403,
    );
    const toTrainer = await api(server, 'PATCH', path, {
      as: admin,
      body: { name: '不该改名', instructorId: trainer.user.id },
    });
    expectRefusal(toTrainer, 400);
    expect(toTrainer.body.error.message).toMatch(/这个账号是评估导师/);
    expect(await server.app.classes.get(cls)).toMatchObject({ owner_id: instA.user.id, name: '交接班' });

    const handed = await api<ClassResponse>(server, 'PATCH', path, {
      as: admin,
      body: { instructorId: instB.user.id },
    });
    expect(handed.status).toBe(200);
    expect(handed.body.class.ownerId).toBe(instB.user.id);
    expect((await api(server, 'GET', path, { as: instB })).status).toBe(200);
    expect((await api(server, 'GET', path, { as: instA })).status).toBe(404);
  });
});

describe('class members', () => {
  it('names roles in Chinese when the account does not fit', async () => {
    const res = await api(server, 'POST', `/api/classes/${classA}/members`, {
      as: admin,
      body: { userId: student.user.id, role: 'trainer' },
    });
    expectRefusal(res, 400);
    expect(res.body.error.message).toBe('这个用户是学员，不能作为评估导师加入班级');
    const badRole = await api(server, 'POST', `/api/classes/${classA}/members`, {
      as: admin,
      body: { userId: instB.user.id, role: 'instructor' },
    });
    expectRefusal(badRole, 400);
    expect(badRole.body.error.message).toMatch(/只能以学员或评估导师的身份加入班级/);
    expect(await server.app.classes.members(classA)).toEqual([]);
  });

  it('removes a trainer or student: the class owner and admins only', async () => {
    const expectations: [TestUser | null, number][] = [
      [null, 401],
      [student, 403],
      [trainer, 403],
      [instB, 404],
      [instA, 200],
      [admin, 200],
    ];
    for (const [who, status] of expectations) {
      const now = server.app.clock.now();
      await server.app.classes.addMember(classA, student.user.id, 'student', now);
      await server.app.classes.addMember(classA, trainer.user.id, 'trainer', now);
      const res = await api<ClassDetailResponse>(
        server,
        'DELETE',
        `/api/classes/${classA}/members/${student.user.id}`,
        { as: who },
      );
      const label = who?.user.username ?? 'anon';
      expect(res.status, label).toBe(status);
      const members = (await server.app.classes.members(classA)).map((m) => m.userId);
      if (status === 200) {
        expect(res.body.members.map((m) => m.userId)).toEqual([trainer.user.id]);
        expect(res.body.class.studentCount).toBe(0);
        expect(members, label).toEqual([trainer.user.id]);
      } else {
        expect((res.body as unknown as { error: { message: string } }).error.message, label).toMatch(CHINESE);
        expect(members.sort(), label).toEqual([student.user.id, trainer.user.id].sort());
      }
    }
    // The removed trainer no longer sees the class; removing someone not in it says so.
    const trainerOut = await api(server, 'DELETE', `/api/classes/${classA}/members/${trainer.user.id}`, {
      as: admin,
    });
    expect(trainerOut.status).toBe(200);
    expect((await api(server, 'GET', `/api/classes/${classA}`, { as: trainer })).status).toBe(404);
    const notIn = await api(server, 'DELETE', `/api/classes/${classA}/members/${trainer.user.id}`, {
      as: admin,
    });
    expectRefusal(notIn, 404);
    expect(notIn.body.error.message).toMatch(/不在这个班级里/);
  });

  it('renews a join code: the old one stops working', async () => {
    const before = (await api(server, 'GET', `/api/classes/${classA}`, { as: admin })).body.class.joinCode;
    const res = await api<ClassResponse>(server, 'POST', `/api/classes/${classA}/join-code`, { as: admin });
    expect(res.status).toBe(200);
    expect(res.body.class.joinCode).not.toBe(before);
    const joiner = await seedUser(server.app, 'student', 'late_joiner');
    const old = await api(server, 'POST', '/api/classes/join', { as: joiner, body: { joinCode: before } });
    expectRefusal(old, 404);
    const ok = await api(server, 'POST', '/api/classes/join', {
      as: joiner,
      body: { joinCode: res.body.class.joinCode },
    });
    expect(ok.status).toBe(200);
  });
});
