// Guessing a student's password locks the account, but an attacker must not be able to lock a whole class
// out with it: a browser the student logged in from before (its device cookie) keeps its own window, so
// wrong guesses at the account from elsewhere, or a flood of failures from the computer room's shared
// address, leave it able to log in — while that browser itself still gets only five tries. And a room whose
// address a spray has locked still lets in a student on a new browser, whose account nobody guessed at, for
// one guess: no account gets more guesses than its own window allows.
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

  it('lets students log in in a room whose address is locked: one guess for an account nobody guessed at', async () => {
    await seedUser(server.app, 'student', 'room_regular');
    await seedUser(server.app, 'student', 'room_newcomer');
    await seedUser(server.app, 'student', 'room_typo');
    const regular = deviceOf(await login('room_regular', TEST_PASSWORD));
    // Someone in the room sprays wrong passwords at many accounts until the room's address is locked.
    const sprayed = Array.from({ length: 12 }, (_, i) => `sprayed_${i}`);
    for (const name of sprayed) expect((await login(name, 'wrong-guess-789')).status).toBe(401);
    const again = await login(sprayed[0]!, 'wrong-guess-790');
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('login-locked');
    // A student on a browser never used for it, whose account nobody guessed at, still gets in.
    const newcomer = await login('room_newcomer', TEST_PASSWORD);
    expect(newcomer.status).toBe(200);
    expect((await login('room_regular', TEST_PASSWORD, regular)).status).toBe(200);
    // That is one guess, not a window: a typo is told as such, then the room's lock holds for the account.
    expect((await login('room_typo', 'wrong-guess-000')).status).toBe(401);
    const locked = await login('room_typo', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login-locked');
    // The sprayer gets no second guess at an account already guessed at.
    for (const name of [...sprayed, 'room_typo'])
      expect((await login(name, 'wrong-guess-791')).status).toBe(429);
  });
});
