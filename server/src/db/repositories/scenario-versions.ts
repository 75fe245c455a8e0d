// Content-hashed scenario versions: every buyer file the server has served is kept, so a drill that pinned a
// version, or a report of an old conversation, loads exactly the scenario it used.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export function scenarioVersionsRepository(db: Kysely<Database>) {
  return {
    async record(
      scenarioId: string,
      version: string,
      source: string,
      path: string,
      now: number,
    ): Promise<void> {
      // Processes starting together record the same versions: the first one wins.
      await db
        .insertInto('scenario_versions')
        .values({ scenario_id: scenarioId, version, source, path, created_at: now })
        .onConflict((oc) => oc.columns(['scenario_id', 'version']).doNothing())
        .execute();
    },
    get: (scenarioId: string, version: string) =>
      db
        .selectFrom('scenario_versions')
        .selectAll()
        .where('scenario_id', '=', scenarioId)
        .where('version', '=', version)
        .executeTakeFirst(),
    /** The newest version of every id saved under `pathPrefix` (e.g. the studio's), newest first. */
    async latestUnder(pathPrefix: string) {
      const rows = await db
        .selectFrom('scenario_versions')
        .selectAll()
        .where('path', 'like', `${pathPrefix}%`)
        .orderBy('created_at', 'desc')
        .execute();
      const seen = new Set<string>();
      return rows.filter((r) => !seen.has(r.scenario_id) && seen.add(r.scenario_id) !== undefined);
    },
    list: (scenarioId: string) =>
      db
        .selectFrom('scenario_versions')
        .select(['version', 'created_at'])
        .where('scenario_id', '=', scenarioId)
        .orderBy('created_at', 'desc')
        .execute(),
  };
}
export type ScenarioVersionsRepository = ReturnType<typeof scenarioVersionsRepository>;
