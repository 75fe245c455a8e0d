// Opens the SQLite file behind Kysely. WAL + synchronous=NORMAL: a commit is durable against a process
// crash (SIGKILL) and costs no fsync on the hot path; only an OS crash can lose the last few commits.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { startCheckpointer } from './checkpointer.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

export interface Connection {
  db: Kysely<Database>;
  /** The raw handle, for the event log's prepared statements (see event-log.ts). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

export async function openDatabase(
  dataDir: string,
  onError: (message: string) => void = () => {},
): Promise<Connection> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'kefu.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints happen in a worker thread (see checkpointer.ts), never inside a commit on the event loop.
  sqlite.pragma('wal_autocheckpoint = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as Kysely<unknown>);
  const checkpointer = startCheckpointer(file, onError);
  return {
    db,
    sqlite,
    close: async () => {
      await checkpointer.stop();
      // Kysely's destroy closes the better-sqlite3 handle it was given (a clean close checkpoints the WAL).
      await db.destroy();
    },
  };
}
