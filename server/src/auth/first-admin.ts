// First start: with no account at all, create one admin with a random one-time password that must be
// changed at first login. The caller prints it once; only its hash is stored.
import type { FastifyInstance } from 'fastify';
import { generatePassword } from './password.ts';

export const FIRST_ADMIN_USERNAME = 'admin';

export async function ensureFirstAdmin(
  app: FastifyInstance,
): Promise<{ username: string; password: string } | null> {
  if ((await app.users.count()) > 0) return null;
  const password = generatePassword();
  try {
    await app.users.create(
      {
        username: FIRST_ADMIN_USERNAME,
        displayName: '管理员',
        role: 'admin',
        passwordHash: await app.passwords.hash(password),
        mustChangePassword: true,
      },
      app.clock.now(),
    );
  } catch (err) {
    // Several processes starting together on one PostgreSQL: another one created it (and printed it).
    if (await app.users.findByUsername(FIRST_ADMIN_USERNAME)) return null;
    throw err;
  }
  return { username: FIRST_ADMIN_USERNAME, password };
}
