// Sessions and request hygiene: resolves the session cookie to `request.user`, refuses state-changing
// requests from a foreign Origin, holds users with a one-time password to changing it first, and sweeps
// expired sessions out of the database.
import type {} from '@fastify/cookie';
import { routes } from '@kefu/shared';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { type Access, createAccess } from './access.ts';
import { GuessThrottle, type ThrottleLimits } from './guess-throttle.ts';
import { isAllowedOrigin } from './origin.ts';
import { type PasswordCost, type PasswordHasher, passwordHasher } from './password.ts';

export const SESSION_COOKIE = 'kefu_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const SESSION_SWEEP_MS = 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    access: Access;
    passwords: PasswordHasher;
    /** Failed guesses of passwords and join codes, per account and per address. */
    guesses: GuessThrottle;
    /** The user behind a raw Cookie header (the socket handshake uses it too). */
    userFromCookieHeader(cookieHeader: string | undefined): Promise<UserRow | null>;
    originAllowed(origin: string | undefined, host: string | undefined): boolean;
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

// Until the password is changed only these work (plus reading who you are).
const ALLOWED_WITH_ONE_TIME_PASSWORD = new Set<string>(
  [routes.auth.changePassword, routes.auth.logout, routes.auth.me, routes.auth.session].map((r) => r.path),
);

export default fp(
  async (
    app,
    opts: {
      publicOrigin: string | null;
      loginLimits?: ThrottleLimits;
      sessionSweepMs?: number;
      passwordCost?: PasswordCost;
    },
  ) => {
    app.decorate('access', createAccess(app.database.db));
    app.decorate('passwords', passwordHasher(opts.passwordCost));
    app.decorate('guesses', new GuessThrottle(app.database.db, opts.loginLimits));
    app.decorate('originAllowed', (origin: string | undefined, host: string | undefined) =>
      isAllowedOrigin(origin, host, opts.publicOrigin),
    );
    app.decorate('userFromCookieHeader', async (header: string | undefined) => {
      const token = readCookie(header, SESSION_COOKIE);
      if (!token) return null;
      return (await app.sessions.findUser(token, app.clock.now())) ?? null;
    });
    app.decorateRequest('user', null);
    app.decorateRequest('sessionToken', null);

    app.addHook('onRequest', async (request: FastifyRequest) => {
      // Every state-changing request, whatever its path: the raw URL may spell /api/ percent-encoded
      // (`/%61pi/…`) while the router decodes it to the same route.
      if (
        !SAFE_METHODS.has(request.method) &&
        !app.originAllowed(request.headers.origin, request.headers.host)
      ) {
        throw fail('bad-origin');
      }
      // The matched route's pattern (decoded, without the query), not the raw URL.
      const route = request.routeOptions.url;
      if (!route?.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE] ?? null;
      if (!token) return;
      const user = await app.sessions.findUser(token, app.clock.now());
      if (!user) return;
      request.user = user;
      request.sessionToken = token;
      if (user.must_change_password === 1 && !ALLOWED_WITH_ONE_TIME_PASSWORD.has(route)) {
        throw fail('password-change-required');
      }
    });

    // Expired sessions no longer log anyone in; sweeping them keeps the table from growing for ever. A wall
    // clock interval (not the app's clock, whose timers tests step through one by one), judged by app time.
    const sweep = async () => {
      try {
        await app.sessions.deleteExpired(app.clock.now());
      } catch (err) {
        app.log.warn({ err }, 'sweeping expired sessions failed');
      }
    };
    let sweeper: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await sweep();
      sweeper = setInterval(() => void sweep(), opts.sessionSweepMs ?? SESSION_SWEEP_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(sweeper));
  },
  { name: 'auth', dependencies: ['database'] },
);
