// First start: with no account at all, create one admin with a random one-time password that must be
// changed at first login. The caller prints it once; only its hash is stored.
import type { FastifyInstance } from 'fastify';
import { generatePassword, hashPassword } from './password.ts';

export const FIRST_ADMIN_USERNAME = 'admin';

export async function ensureFirstAdmin(
  app: FastifyInstance,
): Promise<{ username: string; password: string } | null> {
  if ((await app.users.count()) > 0) return null;
  const password = generatePassword();
  await app.users.create(
    {
      username: FIRST_ADMIN_USERNAME,
      displayName: '管理员',
      role: 'admin',
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
    app.clock.now(),
  );
  return { username: FIRST_ADMIN_USERNAME, password };
}
