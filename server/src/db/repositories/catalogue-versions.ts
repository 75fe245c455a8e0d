// Catalogue versions edited in the studio: saved texts by content hash (草稿 until published) and the
// publications (发布), each with the catalogue it put in force, so any catalogue played loads again.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Path → version of every catalogue file that differs from the shipped library. */
export type CatalogueManifest = Record<string, string>;

export function catalogueVersionsRepository(db: Kysely<Database>) {
  return {
    /** Records a text; the first save of a text wins (a shipped file recorded again stays shipped). */
    async record(
      path: string,
      version: string,
      source: string,
      by: string | null,
      now: number,
    ): Promise<boolean> {
      const before = await this.get(path, version);
      if (before) return false;
      await db
        .insertInto('catalogue_files')
        .values({ path, version, source, created_by: by, created_at: now })
        .onConflict((oc) => oc.columns(['path', 'version']).doNothing())
        .execute();
      return true;
    },
    get: (path: string, version: string) =>
      db
        .selectFrom('catalogue_files')
        .selectAll()
        .where('path', '=', path)
        .where('version', '=', version)
        .executeTakeFirst(),
    async publish(
      entry: { catalogue: string; path: string; version: string; manifest: CatalogueManifest },
      by: string,
      now: number,
    ): Promise<void> {
      await db
        .insertInto('catalogue_publications')
        .values({
          id: randomUUID(),
          catalogue: entry.catalogue,
          path: entry.path,
          version: entry.version,
          manifest: JSON.stringify(entry.manifest),
          published_by: by,
          published_at: now,
        })
        .execute();
    },
    /** The catalogue in force: the latest publication's (none: the shipped library's). */
    async latest(): Promise<{ catalogue: string; manifest: CatalogueManifest } | undefined> {
      const row = await db
        .selectFrom('catalogue_publications')
        .select(['catalogue', 'manifest'])
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row && { catalogue: row.catalogue, manifest: JSON.parse(row.manifest) as CatalogueManifest };
    },
    /** The files of a catalogue version that was in force once. */
    async manifestOf(catalogue: string): Promise<CatalogueManifest | undefined> {
      const row = await db
        .selectFrom('catalogue_publications')
        .select('manifest')
        .where('catalogue', '=', catalogue)
        .executeTakeFirst();
      return row && (JSON.parse(row.manifest) as CatalogueManifest);
    },
    /** Every saved version of a file with who saved it, and its publications, newest first. */
    async history(path: string) {
      const [files, publications] = await Promise.all([
        db
          .selectFrom('catalogue_files')
          .leftJoin('users', 'users.id', 'catalogue_files.created_by')
          .select([
            'catalogue_files.version',
            'catalogue_files.source',
            'catalogue_files.created_by',
            'catalogue_files.created_at',
            'users.display_name',
          ])
          .where('catalogue_files.path', '=', path)
          .orderBy('catalogue_files.created_at', 'desc')
          .execute(),
        db
          .selectFrom('catalogue_publications')
          .leftJoin('users', 'users.id', 'catalogue_publications.published_by')
          .select([
            'catalogue_publications.version',
            'catalogue_publications.published_at',
            'users.display_name',
          ])
          .where('catalogue_publications.path', '=', path)
          .orderBy('catalogue_publications.published_at', 'desc')
          .execute(),
      ]);
      return { files, publications };
    },
    /** Who saved each version of `path`, and whether any was ever published. */
    async authors(path: string): Promise<{ savedBy: (string | null)[]; published: boolean }> {
      const [files, published] = await Promise.all([
        db.selectFrom('catalogue_files').select('created_by').where('path', '=', path).execute(),
        db.selectFrom('catalogue_publications').select('path').where('path', '=', path).limit(1).execute(),
      ]);
      return { savedBy: files.map((f) => f.created_by), published: published.length > 0 };
    },
    /** Forgets every saved version of `path` (a new file's draft, never published). */
    async removeFile(path: string): Promise<void> {
      await db.deleteFrom('catalogue_files').where('path', '=', path).execute();
    },
    /** The latest saved version of each file saved after its last publication (open 草稿), with its author. */
    async drafts() {
      const rows = await db
        .selectFrom('catalogue_files')
        .leftJoin('users', 'users.id', 'catalogue_files.created_by')
        .select([
          'catalogue_files.path',
          'catalogue_files.version',
          'catalogue_files.source',
          'catalogue_files.created_at',
          'users.display_name',
        ])
        .where('catalogue_files.created_by', 'is not', null)
        .orderBy('catalogue_files.created_at', 'desc')
        .execute();
      const published = await db.selectFrom('catalogue_publications').select(['path', 'version']).execute();
      const isPublished = new Set(published.map((p) => `${p.path}@${p.version}`));
      const seen = new Set<string>();
      return rows.filter((r) => {
        if (seen.has(r.path)) return false;
        seen.add(r.path);
        return !isPublished.has(`${r.path}@${r.version}`);
      });
    },
  };
}
export type CatalogueVersionsRepository = ReturnType<typeof catalogueVersionsRepository>;
