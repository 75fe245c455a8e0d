// Kysely's SQLite driver calls `prepare` for every query it runs, and better-sqlite3 parses and plans the SQL
// anew each time (about a tenth of the server's SQLite time under load). The same few statements run
// thousands of times a minute, so the handle Kysely is given keeps the most recent prepared statements by
// their SQL text. Reusing one is safe: better-sqlite3 runs a statement to completion synchronously, and
// Kysely's one connection runs one query at a time; a statement still being iterated (a streamed query) is
// `busy` and is never handed out twice. Bounded, since some SQL varies by its number of parameters.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 256;

export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
