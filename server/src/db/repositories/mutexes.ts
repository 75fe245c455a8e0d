// Short mutual exclusions shared by every server process (a row per held name): one person's solo-practice
// opening runs on one process at a time, wherever their requests land. A holder that dies mid-hold loses it
// when `expires_at` passes. No connection is held while waiting (a PostgreSQL advisory lock would pin one
// per waiter and could exhaust the pool the holder needs).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Longer than any opening takes; a crashed holder's name is free again after it. */
const HOLD_MS = 10_000;
const RETRY_MS = 15;

/** Wall-clock, like the leases': processes compare expiry times with one another. */
const now = () => Date.now();

export function mutexesRepository(db: Kysely<Database>) {
  async function tryTake(name: string, holder: string): Promise<boolean> {
    const at = now();
    await db.deleteFrom('mutexes').where('name', '=', name).where('expires_at', '<=', at).execute();
    const taken = await db
      .insertInto('mutexes')
      .values({ name, holder, expires_at: at + HOLD_MS })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(taken.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  return {
    /** Runs `fn` while holding `name`, waiting (without a connection) while another process holds it. */
    async hold<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const holder = randomUUID();
      while (!(await tryTake(name, holder))) await new Promise((r) => setTimeout(r, RETRY_MS));
      try {
        return await fn();
      } finally {
        await db.deleteFrom('mutexes').where('name', '=', name).where('holder', '=', holder).execute();
      }
    },
  };
}
export type MutexesRepository = ReturnType<typeof mutexesRepository>;
