// Login, logout, who am I, student self-registration with a join code, password change.
import { randomBytes } from 'node:crypto';
import { type LoginBody, routes } from '@kefu/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { minutesUntil } from '../auth/guess-throttle.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { SESSION_COOKIE } from '../auth/plugin.ts';
import { hashToken } from '../db/repositories/sessions.ts';
import { toUserView, type UserRow } from '../db/repositories/users.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { AppError, fail } from '../errors.ts';
import { sessionRoom, userRoom } from '../realtime/io-types.ts';
import { serve } from './serve.ts';

/** A registration that lost the race for its username (the check above passed for both) is a conflict too. */
/** The browser's device id for the login throttle (not a session: it opens nothing). */
export const DEVICE_COOKIE = 'kefu_device';

export const usernameTaken = (username: string) => (err: unknown) => {
  if (isUniqueViolation(err)) throw fail('username-taken', { username });
  throw err;
};

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.settings.publicOrigin?.startsWith('https:') ?? false;

  /** Ends a session and disconnects its sockets, wherever they are (every tab of that browser). */
  async function endSession(token: string): Promise<void> {
    await app.sessions.delete(token);
    app.io.in(sessionRoom(hashToken(token))).disconnectSockets(true);
  }

  /**
   * A fresh session for `user`. A session the browser still had ends first, with its open tabs' sockets: on a
   * shared computer the next person's login must not leave the previous one's workbench live in another tab
   * (acting under one identity while its page shows another), and no token from before a login outlives it.
   */
  async function startSession(request: FastifyRequest, reply: FastifyReply, user: UserRow): Promise<void> {
    if (request.sessionToken) await endSession(request.sessionToken);
    const token = await app.sessions.create(user.id, app.clock.now(), app.settings.sessionTtlMs);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: Math.floor(app.settings.sessionTtlMs / 1000),
    });
  }

  /**
   * Marks this browser as one the account logs in from (see guess-throttle.ts): a random id in an HttpOnly
   * cookie, kept a year, shared by the accounts that log in on it; it proves nothing but having logged in.
   */
  async function rememberDevice(reply: FastifyReply, account: string, device: string | undefined) {
    const id = device && /^[A-Za-z0-9_-]{22}$/.test(device) ? device : randomBytes(16).toString('base64url');
    await app.guesses.rememberDevice(account, id, app.clock.now());
    reply.setCookie(DEVICE_COOKIE, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/api/auth',
      maxAge: 365 * 24 * 60 * 60,
    });
  }

  /** Checks a username and password against the login throttle; on success the session starts. */
  async function logIn(body: LoginBody, request: FastifyRequest, reply: FastifyReply) {
    const account = `login:${body.username}`;
    const device = request.cookies[DEVICE_COOKIE];
    const guess = await app.guesses.begin(
      { account, address: request.ip, device, oneGuessPastAddressLock: true },
      app.clock.now(),
    );
    if (guess.wait > 0) throw fail('login-locked', { minutes: minutesUntil(guess.wait) });
    const user = await app.users.findByUsername(body.username);
    const ok = await app.passwords.verify(body.password, user?.password_hash);
    if (!user || !ok) throw fail('wrong-credentials');
    await guess.succeeded();
    // A hash from before Argon2id is replaced now that the password is known (the next login is cheaper).
    if (app.passwords.needsRehash(user.password_hash)) {
      const rehashed = await app.passwords.hash(body.password);
      await app.users.setPassword(user.id, rehashed, user.must_change_password === 1);
    }
    await startSession(request, reply, user);
    await rememberDevice(reply, account, device);
    return { user: toUserView(user) };
  }

  serve(app, routes.auth.login, ({ body, request, reply }) => logIn(body, request, reply));

  serve(app, routes.auth.attempt, async ({ body, request, reply }) => {
    try {
      return await logIn(body, request, reply);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'wrong-credentials' || err.code === 'login-locked')) {
        return { refused: err.body };
      }
      throw err;
    }
  });

  serve(app, routes.auth.logout, async ({ request, reply }) => {
    if (request.sessionToken) await endSession(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true } as const;
  });

  serve(app, routes.auth.me, async ({ user }) => {
    return { user: toUserView(user), serverTime: app.clock.now() };
  });

  serve(app, routes.auth.session, async ({ request }) => {
    return { user: request.user ? toUserView(request.user) : null, serverTime: app.clock.now() };
  });

  serve(app, routes.auth.register, async ({ body, request, reply }) => {
    const now = app.clock.now();
    // A wrong join code is a failed guess of the address: codes must not be found by brute force.
    const guess = await app.guesses.begin({ address: request.ip }, now);
    if (guess.wait > 0) throw fail('register-locked', { minutes: minutesUntil(guess.wait) });
    const cls = await app.classes.findByJoinCode(body.joinCode);
    if (!cls) throw fail('join-code-unknown');
    await guess.succeeded();
    assertStrongPassword(body.password, body.username);
    if (await app.users.findByUsername(body.username)) {
      throw fail('username-taken', { username: body.username });
    }
    const user = await app.users
      .create(
        {
          username: body.username,
          displayName: body.displayName,
          role: 'student',
          passwordHash: await app.passwords.hash(body.password),
        },
        now,
      )
      .catch(usernameTaken(body.username));
    await app.classes.addMember(cls.id, user.id, 'student', now);
    await startSession(request, reply, user);
    return { user: toUserView(user) };
  });

  serve(app, routes.auth.changePassword, async ({ user, body, request }) => {
    // Someone holding a session must not be able to guess the password behind it (nor tie up the hasher).
    const guess = await app.guesses.begin(
      { account: `password:${user.id}`, address: request.ip },
      app.clock.now(),
    );
    if (guess.wait > 0) throw fail('password-locked', { minutes: minutesUntil(guess.wait) });
    if (!(await app.passwords.verify(body.currentPassword, user.password_hash))) {
      throw fail('wrong-current-password');
    }
    await guess.succeeded();
    if (body.newPassword === body.currentPassword) {
      throw fail('password-unchanged');
    }
    assertStrongPassword(body.newPassword, user.username);
    await app.users.setPassword(user.id, await app.passwords.hash(body.newPassword), false);
    // Other sessions (maybe someone who learned the old password) end, with their open sockets; this one stays.
    await app.sessions.deleteForUser(user.id, request.sessionToken ?? undefined);
    const others = app.io.in(userRoom(user.id));
    (request.sessionToken
      ? others.except(sessionRoom(hashToken(request.sessionToken)))
      : others
    ).disconnectSockets(true);
    return { ok: true } as const;
  });
}
