// Accounts, managed by admins.
import { CreateUserBodySchema, type UsersResponse } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/guards.ts';
import { hashPassword } from '../auth/password.ts';
import { toUserView } from '../db/repositories/users.ts';
import { AppError, parse } from '../errors.ts';

export default async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get('/users', async (request): Promise<UsersResponse> => {
    requireRole(request, 'admin');
    return { users: (await app.users.list()).map(toUserView) };
  });

  app.post('/users', async (request) => {
    requireRole(request, 'admin');
    const body = parse(CreateUserBodySchema, request.body);
    if (await app.users.findByUsername(body.username)) {
      throw new AppError('conflict', `用户名“${body.username}”已被使用，请换一个`);
    }
    // A password set by an admin is a one-time password: the person changes it at first login.
    const user = await app.users.create(
      {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        mustChangePassword: true,
      },
      app.clock.now(),
    );
    return { user: toUserView(user) };
  });
}
