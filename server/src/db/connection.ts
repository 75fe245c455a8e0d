// Opens the database behind Kysely: SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
// Migrations run at start on either (PostgreSQL serialises concurrent starts with Kysely's migration lock).
// SQLite: WAL + synchronous=NORMAL, so a commit is durable against a process crash (SIGKILL) and costs no
// fsync on the hot path; only an OS crash can lose the last few commits. PostgreSQL: one pool shared by
// Kysely and the event log; int8 columns (times, seeds) are read back as numbers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { startCheckpointer } from './checkpointer.ts';
import { type EventLog, sqliteEventLog } from './event-log.ts';
import { type Dialect, migrateToLatest } from './migrations.ts';
import { postgresEventLog } from './postgres-event-log.ts';
import type { Database } from './schema.ts';
import { cachingStatements } from './statement-cache.ts';

export type { Dialect } from './migrations.ts';

export interface Connection {
  dialect: Dialect;
  db: Kysely<Database>;
  eventLog: EventLog;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  /** postgres://… ; null: SQLite in `dataDir`. */
  databaseUrl?: string | null;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  onError?: (message: string) => void;
}

export function openDatabase(options: DatabaseOptions): Promise<Connection> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openSqlite(options.dataDir, options.onError ?? (() => {}));
}

async function openSqlite(dataDir: string, onError: (message: string) => void): Promise<Connection> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'kefu.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints happen in a worker thread (see checkpointer.ts), never inside a commit on the event loop.
  sqlite.pragma('wal_autocheckpoint = 0');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const checkpointer = startCheckpointer(file, onError);
  return {
    dialect: 'sqlite',
    db,
    eventLog: sqliteEventLog(sqlite),
    close: async () => {
      await checkpointer.stop();
      // Kysely's destroy closes the better-sqlite3 handle it was given (a clean close checkpoints the WAL).
      await db.destroy();
    },
  };
}

const INT8 = 20;
/** int8 as a JS number: epoch ms, seeds and counts are far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

async function openPostgres(url: string, options: DatabaseOptions): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  // An idle client losing its server (PostgreSQL restarted) must not crash the process; the pool reconnects.
  pool.on('error', (err) => options.onError?.(`PostgreSQL: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, 'postgres');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    dialect: 'postgres',
    db,
    eventLog: postgresEventLog(pool),
    // Kysely's destroy ends the pool it was given.
    close: () => db.destroy(),
  };
}
