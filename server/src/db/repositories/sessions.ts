// Login sessions, stored in the database so they survive a restart and can be revoked.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { UserRow } from './users.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function sessionsRepository(db: Kysely<Database>) {
  return {
    /** Returns the cookie token; only its hash is stored. */
    async create(userId: string, now: number, ttlMs: number): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await db
        .insertInto('sessions')
        .values({ id: hashToken(token), user_id: userId, created_at: now, expires_at: now + ttlMs })
        .execute();
      return token;
    },
    async findUser(token: string, now: number): Promise<UserRow | undefined> {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.id', '=', hashToken(token))
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst();
    },
    async delete(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
    },
    /** Removes sessions past their lifetime; returns how many. */
    async deleteExpired(now: number): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Logs a user out everywhere except, optionally, the session in hand (after a password change). */
    async deleteForUser(userId: string, keepToken?: string): Promise<void> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepToken) q = q.where('id', '!=', hashToken(keepToken));
      await q.execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
