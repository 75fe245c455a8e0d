// The prepared-statement cache under Kysely's SQLite driver: the same SQL reuses its statement, results are
// those of a fresh statement, a statement still being iterated is never handed out again, and the cache
// stays within its bound.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from '../../server/src/db/statement-cache.ts';
import { tempDataDir } from './helpers/server.ts';

interface Db {
  notes: { id: Generated<number>; text: string };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openSqlite(): SQLite.Database {
  const dir = tempDataDir();
  dirs.push(dir);
  const sqlite = new SQLite(join(dir, 'cache.sqlite'));
  sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return sqlite;
}

describe('cachingStatements', () => {
  it('prepares each SQL text once and reuses it', () => {
    const sqlite = openSqlite();
    const handle = cachingStatements(sqlite);
    const a = handle.prepare('SELECT text FROM notes WHERE id = ?');
    const b = handle.prepare('SELECT text FROM notes WHERE id = ?');
    const c = handle.prepare('SELECT id FROM notes WHERE id = ?');
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    handle.close();
    expect(sqlite.open).toBe(false);
  });

  it('gives Kysely the same rows, changes and insert ids as fresh statements', async () => {
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(openSqlite()) }) });
    for (const text of ['一', '二', '三']) {
      const inserted = await db.insertInto('notes').values({ text }).executeTakeFirstOrThrow();
      expect(typeof inserted.insertId).toBe('bigint');
    }
    const byId = (id: number) =>
      db.selectFrom('notes').select('text').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ text: '一' });
    expect(await byId(3)).toEqual({ text: '三' });
    expect(await byId(9)).toBeUndefined();
    const updated = await db.updateTable('notes').set({ text: '贰' }).where('id', '=', 2).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    expect(await byId(2)).toEqual({ text: '贰' });
    // A rolled-back transaction leaves nothing, and the cached begin/rollback statements work again after.
    for (let round = 0; round < 2; round++) {
      await expect(
        db.transaction().execute(async (tx) => {
          await tx.insertInto('notes').values({ text: '回滚' }).execute();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    }
    expect(await db.selectFrom('notes').select('text').orderBy('id').execute()).toEqual([
      { text: '一' },
      { text: '贰' },
      { text: '三' },
    ]);
    await db.destroy();
  });

  it('never hands out a statement that is still being iterated', () => {
    const sqlite = openSqlite();
    sqlite.exec("INSERT INTO notes (text) VALUES ('一'), ('二')");
    const handle = cachingStatements(sqlite);
    const sql = 'SELECT text FROM notes ORDER BY id';
    const streaming = handle.prepare(sql);
    const seen: unknown[] = [];
    for (const row of streaming.iterate([])) {
      // A second query of the same text while the first is mid-iteration (as a streamed Kysely query would be).
      const again = handle.prepare(sql);
      expect(again).not.toBe(streaming);
      expect(again.all([])).toEqual([{ text: '一' }, { text: '二' }]);
      seen.push(row);
    }
    expect(seen).toEqual([{ text: '一' }, { text: '二' }]);
    expect(handle.prepare(sql)).toBe(streaming); // done iterating: reused again
    handle.close();
  });

  it('keeps at most its bound of statements, dropping the least recently used', () => {
    const sqlite = openSqlite();
    const handle = cachingStatements(sqlite, 2);
    const first = handle.prepare('SELECT 1');
    const second = handle.prepare('SELECT 2');
    expect(handle.prepare('SELECT 1')).toBe(first); // now SELECT 2 is the least recently used
    handle.prepare('SELECT 3');
    expect(handle.prepare('SELECT 1')).toBe(first);
    expect(handle.prepare('SELECT 2')).not.toBe(second);
    handle.close();
  });
});
