// Sessions: the login cookie's attributes, who-am-I over HTTP and in the socket hello, logout ending both,
// and student self-registration with a class join code.
import { SIMULATION_EPOCH } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  seedUser,
  startServer,
  TEST_PASSWORD,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock });
});
afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('login and logout', () => {
  it('sets an HttpOnly SameSite=Lax session cookie, says hello on the socket, and logout ends both', async () => {
    const seeded = await seedUser(server.app, 'trainer', 'mentor_wang');
    const login = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'mentor_wang', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual(seeded.user);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^kefu_session=[^;]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const me: TestUser = { user: login.body.user, cookie: setCookie.split(';')[0]! };

    const who = await api(server, 'GET', '/api/auth/me', { as: me });
    expect(who.body).toEqual({ user: seeded.user, serverTime: clock.now() });

    const client = await connect(server, me);
    const disconnected = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    expect(await client.hello).toEqual({ user: seeded.user, serverTime: clock.now() });

    const logout = await api(server, 'POST', '/api/auth/logout', { as: me });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/kefu_session=;/);
    expect(await disconnected).toBe('io server disconnect');
    expect((await api(server, 'GET', '/api/auth/me', { as: me })).status).toBe(401);
    await expect(connect(server, me)).rejects.toThrow(/登录/);
  });

  it('a login in a browser already logged in ends the session it had, with its sockets (a lab computer)', async () => {
    await seedUser(server.app, 'student', 'first_seat');
    await seedUser(server.app, 'student', 'second_seat');
    const first = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'first_seat', password: TEST_PASSWORD },
    });
    const before: TestUser = {
      user: first.body.user,
      cookie: first.headers.get('set-cookie')!.split(';')[0]!,
    };
    // Another tab of the same browser is open on the first student's workbench.
    const tab = await connect(server, before);
    const disconnected = new Promise<string>((resolve) => tab.socket.once('disconnect', resolve));
    const second = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'second_seat', password: TEST_PASSWORD },
      cookie: before.cookie,
    });
    expect(second.status).toBe(200);
    expect(second.body.user.username).toBe('second_seat');
    // The first student's session is over: their open tab is disconnected, their cookie logs no one in.
    expect(await disconnected).toBe('io server disconnect');
    expect((await api(server, 'GET', '/api/auth/me', { as: before })).status).toBe(401);
    const after: TestUser = {
      user: second.body.user,
      cookie: second.headers.get('set-cookie')!.split(';')[0]!,
    };
    expect(after.cookie).not.toBe(before.cookie);
    expect((await api(server, 'GET', '/api/auth/me', { as: after })).body.user.username).toBe('second_seat');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'mentor_wang', password: 'nope-nope' },
    });
    const nobody = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'no_such_user', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body).toEqual(nobody.body);
  });
});

describe('self-registration', () => {
  it('creates a student in the class of the join code and logs them in', async () => {
    const instructor = await seedUser(server.app, 'instructor');
    const cls = await api(server, 'POST', '/api/classes', { as: instructor, body: { name: '客服一班' } });
    const code: string = cls.body.class.joinCode;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const res = await api(server, 'POST', '/api/auth/register', {
      body: {
        joinCode: code.toLowerCase(),
        username: 'li_lei',
        displayName: '李雷',
        password: 'a-good-password',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'li_lei', role: 'student', mustChangePassword: false });
    const student: TestUser = { user: res.body.user, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
    const classes = await api(server, 'GET', '/api/classes', { as: student });
    expect(classes.body.classes.map((c: { id: string }) => c.id)).toEqual([cls.body.class.id]);
    // Students never see the join code.
    expect(classes.body.classes[0].joinCode).toBeNull();
    const taken = await api(server, 'POST', '/api/auth/register', {
      body: { joinCode: code, username: 'li_lei', displayName: '另一个李雷', password: 'a-good-password' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/已被使用/);

    // A new join code replaces the old one.
    const renewed = await api(server, 'POST', `/api/classes/${cls.body.class.id}/join-code`, {
      as: instructor,
    });
    expect(renewed.body.class.joinCode).not.toBe(code);
    const stale = await api(server, 'POST', '/api/classes/join', { as: student, body: { joinCode: code } });
    expect(stale.status).toBe(404);
  });
});
