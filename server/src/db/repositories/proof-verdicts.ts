// Catalogue proofs' verdicts shared by every server process (several on PostgreSQL), so a publication one
// process proved is not proven again on another. Never stale: a row's key names by content everything the
// proof read and the code that proved it (studio/catalogue-editor.ts). Bounded: the least recently used
// rows beyond `kept` are deleted.
import type { Kysely } from 'kysely';
import type { Verdict } from '../../studio/verdict.ts';
import type { Database } from '../schema.ts';

export function proofVerdictsRepository(db: Kysely<Database>) {
  return {
    /** The verdicts stored under `keys` (those found), marked used at `now`. */
    async get(keys: readonly string[], now: number): Promise<Map<string, Verdict>> {
      if (keys.length === 0) return new Map();
      const rows = await db
        .selectFrom('proof_verdicts')
        .select(['key', 'verdict'])
        .where('key', 'in', keys)
        .execute();
      if (rows.length > 0) {
        const found = rows.map((r) => r.key);
        await db.updateTable('proof_verdicts').set({ used_at: now }).where('key', 'in', found).execute();
      }
      return new Map(rows.map((r) => [r.key, JSON.parse(r.verdict) as Verdict]));
    },

    /** Stores `verdicts` by key, then keeps the `kept` most recently used rows. */
    async put(verdicts: ReadonlyMap<string, Verdict>, now: number, kept: number): Promise<void> {
      if (verdicts.size === 0) return;
      await db
        .insertInto('proof_verdicts')
        .values(
          [...verdicts].map(([key, verdict]) => ({ key, verdict: JSON.stringify(verdict), used_at: now })),
        )
        .onConflict((oc) => oc.column('key').doUpdateSet({ used_at: now }))
        .execute();
      const newest = db
        .selectFrom('proof_verdicts')
        .select('key')
        .orderBy('used_at', 'desc')
        .orderBy('key')
        .limit(kept);
      await db.deleteFrom('proof_verdicts').where('key', 'not in', newest).execute();
    },
  };
}
export type ProofVerdictsRepository = ReturnType<typeof proofVerdictsRepository>;
