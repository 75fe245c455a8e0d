// What the studio keeps about each scenario saved in it: who owns it, its latest draft (a version in
// scenario_versions) and which version is published where. Drafts never play; the published version does.
import type { Kysely, Selectable } from 'kysely';
import type { Database, StudioItemsTable } from '../schema.ts';

export type StudioItemRow = Selectable<StudioItemsTable>;
export type StudioKind = 'buyer';

export function studioItemsRepository(db: Kysely<Database>) {
  const items = (kind: StudioKind) => db.selectFrom('studio_items').selectAll().where('kind', '=', kind);
  return {
    get: (kind: StudioKind, id: string) => items(kind).where('id', '=', id).executeTakeFirst(),
    list: (kind: StudioKind) => items(kind).orderBy('created_at').execute(),
    listPublished: (kind: StudioKind) =>
      items(kind).where('published_version', 'is not', null).orderBy('published_at').execute(),
    /**
     * A new item owned by `ownerId`, unless one with this id exists (two authors choosing one new id at
     * once: the first wins). Answers the row as stored.
     */
    async create(
      kind: StudioKind,
      id: string,
      values: { ownerId: string; draftVersion: string; copiedFrom: string | null },
      now: number,
    ): Promise<StudioItemRow> {
      await db
        .insertInto('studio_items')
        .values({
          kind,
          id,
          owner_id: values.ownerId,
          draft_version: values.draftVersion,
          published_version: null,
          published_class_id: null,
          published_at: null,
          published_by: null,
          copied_from: values.copiedFrom,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
        .execute();
      const row = await items(kind).where('id', '=', id).executeTakeFirst();
      if (!row) throw new Error(`studio item ${kind}/${id} missing after insert`);
      return row;
    },
    async saveDraft(kind: StudioKind, id: string, version: string, now: number): Promise<void> {
      await db
        .updateTable('studio_items')
        .set({ draft_version: version, updated_at: now })
        .where('kind', '=', kind)
        .where('id', '=', id)
        .execute();
    },
    async publish(
      kind: StudioKind,
      id: string,
      values: { version: string; classId: string | null; by: string },
      now: number,
    ): Promise<void> {
      await db
        .updateTable('studio_items')
        .set({
          published_version: values.version,
          published_class_id: values.classId,
          published_at: now,
          published_by: values.by,
          updated_at: now,
        })
        .where('kind', '=', kind)
        .where('id', '=', id)
        .execute();
    },
    async remove(kind: StudioKind, id: string): Promise<void> {
      await db.deleteFrom('studio_items').where('kind', '=', kind).where('id', '=', id).execute();
    },
  };
}
export type StudioItemsRepository = ReturnType<typeof studioItemsRepository>;
