// Accounts, managed by admins: list, create with a one-time password, reset a forgotten password.
import {
  CreateUserBodySchema,
  type CreateUserResponse,
  ResetPasswordBodySchema,
  type ResetPasswordResponse,
  type UsersResponse,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/guards.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { toUserView } from '../db/repositories/users.ts';
import { AppError, parse } from '../errors.ts';
import { userRoom } from '../realtime/io-types.ts';
import { usernameTaken } from './auth.ts';

export default async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get('/users', async (request): Promise<UsersResponse> => {
    requireRole(request, 'admin');
    return { users: (await app.users.list()).map(toUserView) };
  });

  app.post('/users', async (request): Promise<CreateUserResponse> => {
    requireRole(request, 'admin');
    const body = parse(CreateUserBodySchema, request.body);
    if (await app.users.findByUsername(body.username)) {
      throw new AppError('conflict', `用户名“${body.username}”已被使用，请换一个`);
    }
    // A password set by an admin is a one-time password: the person changes it at first login.
    const password = body.password ?? generatePassword();
    const user = await app.users
      .create(
        {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        },
        app.clock.now(),
      )
      .catch(usernameTaken(body.username));
    return { user: toUserView(user), password };
  });

  app.post('/users/:id/password', async (request): Promise<ResetPasswordResponse> => {
    const admin = requireRole(request, 'admin');
    const { id } = request.params as { id: string };
    const body = parse(ResetPasswordBodySchema, request.body ?? {});
    const user = await app.users.findById(id);
    if (!user) throw new AppError('not-found', '没有这个用户，请刷新账号列表后重试');
    if (user.id === admin.id) {
      throw new AppError('bad-request', '不能在这里重置自己的密码，请用“修改密码”');
    }
    const password = body.password ?? generatePassword();
    await app.users.setPassword(user.id, await hashPassword(password), true);
    // Whoever held the old password is logged out everywhere, and a locked-out account may log in again.
    await app.sessions.deleteForUser(user.id);
    app.io.in(userRoom(user.id)).disconnectSockets(true);
    app.guesses.clearAccount(`login:${user.username}`);
    app.guesses.clearAccount(`password:${user.id}`);
    const updated = await app.users.findById(user.id);
    if (!updated) throw new AppError('not-found', '没有这个用户，请刷新账号列表后重试');
    return { user: toUserView(updated), password };
  });
}
