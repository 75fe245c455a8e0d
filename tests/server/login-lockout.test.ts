// Guessing a student's password locks the account, but an attacker must not be able to lock a whole class
// out with it: a browser the student logged in from before (its device cookie) keeps its own window, so
// wrong guesses at the account from elsewhere, or a flood of failures from the computer room's shared
// address, leave it able to log in — while that browser itself still gets only five tries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, seedUser, startApp, TEST_PASSWORD, type TestServer } from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startApp({
    loginLimits: { accountFailures: 5, addressFailures: 12, windowMs: 15 * 60_000 },
  });
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

/** The device cookie a successful login sets ("kefu_device=…"). */
function deviceOf(res: { headers: Headers }): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('kefu_device='));
  if (!cookie) throw new Error('no device cookie');
  return cookie;
}

const login = (username: string, password: string, cookie?: string) =>
  api(server, 'POST', '/api/auth/login', { body: { username, password }, cookie });

describe('locking an account by guessing', () => {
  it("locks unknown browsers out, not the student's own; that browser has five tries of its own", async () => {
    await seedUser(server.app, 'student', 'lock_victim');
    const first = await login('lock_victim', TEST_PASSWORD);
    expect(first.status).toBe(200);
    const device = deviceOf(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('kefu_device='))).toMatch(/HttpOnly/i);

    for (let i = 0; i < 5; i++) expect((await login('lock_victim', 'wrong-guess-123')).status).toBe(401);
    const stranger = await login('lock_victim', TEST_PASSWORD);
    expect(stranger.status).toBe(429);
    expect(stranger.body.error.code).toBe('login-locked');
    // A made-up device id is an unknown browser.
    expect((await login('lock_victim', TEST_PASSWORD, 'kefu_device=AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(
      429,
    );

    expect((await login('lock_victim', TEST_PASSWORD, device)).status).toBe(200);
    // The known browser guessing wrong is limited too, on its own window.
    for (let i = 0; i < 5; i++)
      expect((await login('lock_victim', 'wrong-guess-456', device)).status).toBe(401);
    expect((await login('lock_victim', TEST_PASSWORD, device)).status).toBe(429);
  });

  it('lets students who logged in before in a room whose address is locked log in; new ones wait', async () => {
    await seedUser(server.app, 'student', 'room_regular');
    await seedUser(server.app, 'student', 'room_newcomer');
    const regular = deviceOf(await login('room_regular', TEST_PASSWORD));
    // Someone in the room sprays wrong passwords at many accounts until the room's address is locked.
    let status = 401;
    for (let i = 0; status !== 429 && i < 30; i++)
      status = (await login(`sprayed_${i}`, 'wrong-guess-789')).status;
    expect(status).toBe(429);
    expect((await login('room_newcomer', TEST_PASSWORD)).status).toBe(429);
    expect((await login('room_regular', TEST_PASSWORD, regular)).status).toBe(200);
  });
});
