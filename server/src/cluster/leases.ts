// Who owns what among several server processes on one PostgreSQL database: a lease row per live conversation
// and per running drill (owner process, fencing token, expiry). The owner's heartbeat moves the expiry on;
// a dead owner's leases run out and another process takes them. Taking a conversation bumps its token and
// writes it to the conversation row in the same transaction, so the old owner's next append changes nothing
// (see event-log.ts): ownership can move at any moment without two writers. SQLite has one process, which
// owns everything (`soleOwnership`).
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database, LeasesTable } from '../db/schema.ts';

export type LeaseKind = LeasesTable['kind'];

export interface Ownership {
  /** This process's id (random per start). */
  readonly nodeId: string;
  /** True when other processes may share the database (leases are real). */
  readonly shared: boolean;
  /** A resource this process creates: its lease (fencing token 1), before the resource's row exists. */
  create(kind: LeaseKind, id: string): Promise<number>;
  /**
   * Takes the resource now, whoever holds it; returns the new fencing token (written to the conversation row
   * in the same transaction for conversations). With `onlyIfExpired`, takes it only from a lease that ran
   * out or was released, else returns null.
   */
  take(kind: LeaseKind, id: string, onlyIfExpired?: boolean): Promise<number | null>;
  /** Lets go at once (graceful drain): another process may take them without waiting for the expiry. */
  release(kind: LeaseKind, ids: readonly string[]): Promise<void>;
  /** Forgets a finished resource's lease (an ended conversation, a finished drill). */
  drop(kind: LeaseKind, id: string): Promise<void>;
  /** Open conversations / running drills whose lease ran out, was released, or never existed. */
  orphans(kind: LeaseKind): Promise<string[]>;
  /** Moves the expiry of every lease this process holds on; returns how many it holds. */
  renew(): Promise<number>;
}

/** SQLite: one process, which owns every conversation and drill; no lease rows, fencing token 0. */
export const soleOwnership = (): Ownership => ({
  nodeId: 'local',
  shared: false,
  create: async () => 0,
  take: async () => 0,
  release: async () => {},
  drop: async () => {},
  orphans: async () => [],
  renew: async () => 0,
});

export interface LeaseOptions {
  /** How long a lease lasts without a heartbeat (ms). */
  ttlMs: number;
  /** Wall clock: leases are about real processes, not the app's (possibly manual) clock. */
  now?: () => number;
  nodeId?: string;
}

export function databaseLeases(db: Kysely<Database>, options: LeaseOptions): Ownership {
  const nodeId = options.nodeId ?? randomUUID();
  const now = options.now ?? Date.now;
  const { ttlMs } = options;

  return {
    nodeId,
    shared: true,

    async create(kind, id) {
      await db
        .insertInto('leases')
        .values({ kind, id, owner: nodeId, token: 1, expires_at: now() + ttlMs })
        .execute();
      return 1;
    },

    take: (kind, id, onlyIfExpired = false) =>
      db.transaction().execute(async (trx) => {
        const at = now();
        const row = await trx
          .insertInto('leases')
          .values({ kind, id, owner: nodeId, token: 1, expires_at: at + ttlMs })
          .onConflict((oc) => {
            const update = oc.columns(['kind', 'id']).doUpdateSet({
              owner: nodeId,
              token: sql<number>`leases.token + 1`,
              expires_at: at + ttlMs,
            });
            return onlyIfExpired ? update.where('leases.expires_at', '<=', at) : update;
          })
          .returning('token')
          .executeTakeFirst();
        if (!row) return null;
        if (kind === 'conversation') {
          // The same row the event log's appends update: a stale owner's append in flight either commits
          // before this (and the new owner reads it from the log) or finds the new token and changes nothing.
          await trx.updateTable('conversations').set({ fence: row.token }).where('id', '=', id).execute();
        }
        return row.token;
      }),

    async release(kind, ids) {
      if (ids.length === 0) return;
      await db
        .updateTable('leases')
        .set({ expires_at: 0 })
        .where('kind', '=', kind)
        .where('id', 'in', ids)
        .where('owner', '=', nodeId)
        .execute();
    },

    async drop(kind, id) {
      await db
        .deleteFrom('leases')
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('owner', '=', nodeId)
        .execute();
    },

    async orphans(kind) {
      const at = now();
      if (kind === 'conversation') {
        const rows = await db
          .selectFrom('conversations')
          .leftJoin('leases', (join) =>
            join.onRef('leases.id', '=', 'conversations.id').on('leases.kind', '=', 'conversation'),
          )
          .select('conversations.id')
          .where('conversations.status', '=', 'open')
          .where((eb) => eb.or([eb('leases.id', 'is', null), eb('leases.expires_at', '<=', at)]))
          .execute();
        return rows.map((r) => r.id);
      }
      const rows = await db
        .selectFrom('drills')
        .leftJoin('leases', (join) =>
          join.onRef('leases.id', '=', 'drills.id').on('leases.kind', '=', 'drill'),
        )
        .select('drills.id')
        .where('drills.status', '=', 'running')
        .where((eb) => eb.or([eb('leases.id', 'is', null), eb('leases.expires_at', '<=', at)]))
        .execute();
      return rows.map((r) => r.id);
    },

    async renew() {
      const result = await db
        .updateTable('leases')
        .set({ expires_at: now() + ttlMs })
        .where('owner', '=', nodeId)
        .where('expires_at', '>', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
