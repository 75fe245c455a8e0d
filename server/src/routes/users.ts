// Accounts, managed by admins: list, create with a one-time password, reset a forgotten password.
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { generatePassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { toUserView } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { userRoom } from '../realtime/io-types.ts';
import { usernameTaken } from './auth.ts';
import { serve } from './serve.ts';

export default async function userRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.users.list, async () => {
    const rows = await app.users.list();
    const locked = await app.guesses.locked(
      rows.map((row) => `login:${row.username}`),
      app.clock.now(),
    );
    const users = rows.map((row) => ({
      ...toUserView(row),
      locked: locked.has(`login:${row.username}`.toLowerCase()),
    }));
    return { users };
  });

  serve(app, routes.users.create, async ({ body }) => {
    if (await app.users.findByUsername(body.username)) {
      throw fail('username-taken', { username: body.username });
    }
    // A password set by an admin is a one-time password: the person changes it at first login.
    if (body.password !== undefined) assertStrongPassword(body.password, body.username);
    const password = body.password ?? generatePassword();
    const user = await app.users
      .create(
        {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          passwordHash: await app.passwords.hash(password),
          mustChangePassword: true,
        },
        app.clock.now(),
      )
      .catch(usernameTaken(body.username));
    return { user: toUserView(user), password };
  });

  serve(app, routes.users.resetPassword, async ({ user: admin, params, body }) => {
    const user = await app.users.findById(params.id);
    if (!user) throw fail('user-not-found');
    if (user.id === admin.id) throw fail('reset-own-password');
    if (body.password !== undefined) assertStrongPassword(body.password, user.username);
    const password = body.password ?? generatePassword();
    await app.users.setPassword(user.id, await app.passwords.hash(password), true);
    // Whoever held the old password is logged out everywhere, and a locked-out account may log in again.
    await app.sessions.deleteForUser(user.id);
    app.io.in(userRoom(user.id)).disconnectSockets(true);
    await app.guesses.clearAccount(`login:${user.username}`);
    await app.guesses.clearAccount(`password:${user.id}`);
    const updated = await app.users.findById(user.id);
    if (!updated) throw fail('user-not-found');
    return { user: toUserView(updated), password };
  });
}
