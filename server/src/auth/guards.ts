// Role checks shared by the route adapter and socket handlers.
import { ROLE_NAMES_ZH, type Role } from '@kefu/shared';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';

export function requireUser(request: FastifyRequest): UserRow {
  const user = request.user;
  if (!user) throw fail('unauthenticated');
  return user;
}

export function assertRole(user: UserRow, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) {
    throw fail('forbidden', {
      role: ROLE_NAMES_ZH[user.role],
      allowed: roles.map((r) => ROLE_NAMES_ZH[r]).join('、'),
    });
  }
}
