// The browser's way in: /api/auth/attempt checks a password exactly as /api/auth/login does (same throttle,
// same cookies) but answers a wrong password or a locked account with 200 `{ refused }`, so a mistyped
// password is no error in the browser's console; /api/auth/session says who is logged in, `user: null` for
// no one, instead of 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, TEST_PASSWORD, type TestServer } from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startApp({
    loginLimits: { accountFailures: 3, addressFailures: 50, windowMs: 15 * 60_000 },
  });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const attempt = (username: string, password: string, cookie?: string) =>
  api(server, 'POST', '/api/auth/attempt', { body: { username, password }, cookie });

const sessionCookie = (res: { headers: Headers }) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('kefu_session='));

describe('a login attempt from the browser', () => {
  it('logs in with the right password: the same user and session cookie as /api/auth/login', async () => {
    const seeded = await seedUser(server.app, 'student', 'attempt_ok');
    const res = await attempt('attempt_ok', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: seeded.user });
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    const me = await api(server, 'GET', '/api/auth/session', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(seeded.user);
  });

  it('answers a wrong password (or no such user) with 200 refused, the same either way, and no session', async () => {
    await seedUser(server.app, 'student', 'attempt_wrong');
    const wrong = await attempt('attempt_wrong', 'not-the-password');
    const nobody = await attempt('attempt_nobody', 'not-the-password');
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({
      refused: { code: 'wrong-credentials', message: '用户名或密码不对，请检查后重试' },
    });
    expect(nobody.body).toEqual(wrong.body);
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('counts toward the same lock as /api/auth/login, and answers the lock as refused with its minutes', async () => {
    await seedUser(server.app, 'student', 'attempt_lock');
    await api(server, 'POST', '/api/auth/login', { body: { username: 'attempt_lock', password: 'guess-1' } });
    await attempt('attempt_lock', 'guess-2');
    await attempt('attempt_lock', 'guess-3');
    const locked = await attempt('attempt_lock', TEST_PASSWORD);
    expect(locked.status).toBe(200);
    expect(locked.body.refused.code).toBe('login-locked');
    expect(locked.body.refused.params.minutes).toBeGreaterThan(0);
    expect(sessionCookie(locked)).toBeUndefined();
    // The scripts' route sees the same lock, as an HTTP refusal.
    const login = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'attempt_lock', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(429);
  });

  it('refuses a malformed body as a bad request, as login does', async () => {
    const res = await api(server, 'POST', '/api/auth/attempt', { body: { username: '', password: 'x' } });
    expect(res.status).toBe(400);
  });
});

describe('who is logged in', () => {
  it('is no one without a session cookie, or with an unknown one: 200 with user null', async () => {
    const anonymous = await api(server, 'GET', '/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.user).toBeNull();
    expect(typeof anonymous.body.serverTime).toBe('number');
    const forged = await api(server, 'GET', '/api/auth/session', { cookie: 'kefu_session=not-a-session' });
    expect(forged.body.user).toBeNull();
  });

  it('is the user of a one-time password too (they are sent to change it, not refused)', async () => {
    const seeded = await seedUser(server.app, 'student', 'attempt_onetime');
    await server.app.users.setPassword(
      seeded.user.id,
      (await server.app.users.findByUsername('attempt_onetime'))!.password_hash,
      true,
    );
    const me = await api(server, 'GET', '/api/auth/session', { as: seeded });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'attempt_onetime', mustChangePassword: true });
  });
});
