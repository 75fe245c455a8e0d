// Role and ownership checks shared by routes and socket handlers.
import { ROLE_NAMES_ZH, type Role } from '@kefu/shared';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, forbidden } from '../errors.ts';

export function requireUser(request: FastifyRequest): UserRow {
  const user = request.user;
  if (!user) throw new AppError('unauthenticated', '请先登录');
  return user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): UserRow {
  const user = requireUser(request);
  assertRole(user, roles);
  return user;
}

export function assertRole(user: UserRow, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) {
    const who = roles.map((r) => ROLE_NAMES_ZH[r]).join('、');
    throw forbidden(`你是${ROLE_NAMES_ZH[user.role]}，这个操作只对${who}开放`);
  }
}

export const STAFF: readonly Role[] = ['admin', 'instructor', 'trainer'];
