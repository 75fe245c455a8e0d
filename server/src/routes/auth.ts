// Login, logout, who am I, student self-registration with a join code, password change.
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  type LoginResponse,
  type MeResponse,
  RegisterBodySchema,
} from '@kefu/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireUser } from '../auth/guards.ts';
import { minutesUntil } from '../auth/guess-throttle.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password.ts';
import { SESSION_COOKIE } from '../auth/plugin.ts';
import { hashToken } from '../db/repositories/sessions.ts';
import { toUserView, type UserRow } from '../db/repositories/users.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { AppError, parse } from '../errors.ts';
import { sessionRoom, userRoom } from '../realtime/io-types.ts';

/** A registration that lost the race for its username (the check above passed for both) is a conflict too. */
export const usernameTaken = (username: string) => (err: unknown) => {
  if (isUniqueViolation(err)) throw new AppError('conflict', `用户名“${username}”已被使用，请换一个`);
  throw err;
};

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.settings.publicOrigin?.startsWith('https:') ?? false;

  async function startSession(reply: FastifyReply, user: UserRow): Promise<void> {
    const token = await app.sessions.create(user.id, app.clock.now(), app.settings.sessionTtlMs);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: Math.floor(app.settings.sessionTtlMs / 1000),
    });
  }

  app.post('/auth/login', async (request, reply): Promise<LoginResponse> => {
    const body = parse(LoginBodySchema, request.body);
    const guess = app.guesses.begin(
      { account: `login:${body.username}`, address: request.ip },
      app.clock.now(),
    );
    if (guess.wait > 0) {
      throw new AppError('rate-limited', `登录尝试太多，请 ${minutesUntil(guess.wait)} 分钟后再试`);
    }
    const user = await app.users.findByUsername(body.username);
    const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) throw new AppError('unauthenticated', '用户名或密码不对，请检查后重试');
    guess.succeeded();
    await startSession(reply, user);
    return { user: toUserView(user) };
  });

  app.post('/auth/logout', async (request, reply) => {
    if (request.sessionToken) {
      await app.sessions.delete(request.sessionToken);
      app.io.in(sessionRoom(hashToken(request.sessionToken))).disconnectSockets(true);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', async (request): Promise<MeResponse> => {
    const user = requireUser(request);
    return { user: toUserView(user), serverTime: app.clock.now() };
  });

  app.post('/auth/register', async (request, reply): Promise<LoginResponse> => {
    const body = parse(RegisterBodySchema, request.body);
    const now = app.clock.now();
    // A wrong join code is a failed guess of the address: codes must not be found by brute force.
    const guess = app.guesses.begin({ address: request.ip }, now);
    if (guess.wait > 0)
      throw new AppError('rate-limited', `尝试太多，请 ${minutesUntil(guess.wait)} 分钟后再试`);
    const cls = await app.classes.findByJoinCode(body.joinCode);
    if (!cls) throw new AppError('not-found', '班级邀请码不对，请向老师确认邀请码');
    guess.succeeded();
    if (await app.users.findByUsername(body.username)) {
      throw new AppError('conflict', `用户名“${body.username}”已被使用，请换一个`);
    }
    const user = await app.users
      .create(
        {
          username: body.username,
          displayName: body.displayName,
          role: 'student',
          passwordHash: await hashPassword(body.password),
        },
        now,
      )
      .catch(usernameTaken(body.username));
    await app.classes.addMember(cls.id, user.id, 'student', now);
    await startSession(reply, user);
    return { user: toUserView(user) };
  });

  app.post('/auth/password', async (request) => {
    const user = requireUser(request);
    const body = parse(ChangePasswordBodySchema, request.body);
    // Someone holding a session must not be able to guess the password behind it (nor tie up the hasher).
    const guess = app.guesses.begin({ account: `password:${user.id}`, address: request.ip }, app.clock.now());
    if (guess.wait > 0) {
      throw new AppError('rate-limited', `当前密码输错太多次，请 ${minutesUntil(guess.wait)} 分钟后再试`);
    }
    if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
      throw new AppError('forbidden', '当前密码不对，请重新输入');
    }
    guess.succeeded();
    if (body.newPassword === body.currentPassword) {
      throw new AppError('bad-request', '新密码不能和当前密码相同');
    }
    await app.users.setPassword(user.id, await hashPassword(body.newPassword), false);
    // Other sessions (maybe someone who learned the old password) end, with their open sockets; this one stays.
    await app.sessions.deleteForUser(user.id, request.sessionToken ?? undefined);
    const others = app.io.in(userRoom(user.id));
    (request.sessionToken
      ? others.except(sessionRoom(hashToken(request.sessionToken)))
      : others
    ).disconnectSockets(true);
    return { ok: true };
  });
}
