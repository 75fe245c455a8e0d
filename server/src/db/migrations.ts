// Schema migrations, in code and in Kysely's portable schema builder, run at start on SQLite and PostgreSQL
// alike; where the two differ (a float type, the Socket.IO adapter's table) the dialect decides.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('classes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('join_code', 'text', (c) => c.notNull().unique())
        .addColumn('rubric_id', 'text', (c) => c.notNull())
        .addColumn('grade_weights', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('enrollments')
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('enrollments_pk', ['class_id', 'user_id'])
        .execute();
      await db.schema.createIndex('enrollments_user').on('enrollments').column('user_id').execute();
      await db.schema
        .createTable('scenario_versions')
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('scenario_versions_pk', ['scenario_id', 'version'])
        .execute();
      await db.schema
        .createTable('drills')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('versions', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint')
        .addColumn('ends_at', 'bigint')
        .addColumn('ended_at', 'bigint')
        .execute();
      await db.schema.createIndex('drills_class').on('drills').column('class_id').execute();
      await db.schema
        .createTable('drill_participants')
        .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id').onDelete('cascade'))
        .addColumn('student_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('drill_participants_pk', ['drill_id', 'student_id'])
        .execute();
      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('student_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('drill_id', 'text', (c) => c.references('drills.id'))
        .addColumn('slot', 'integer')
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'text', (c) => c.notNull())
        .addColumn('rubric_id', 'text', (c) => c.notNull())
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('wake_at', 'bigint')
        .execute();
      await db.schema.createIndex('conversations_student').on('conversations').column('student_id').execute();
      await db.schema
        .createIndex('conversations_drill')
        .on('conversations')
        .columns(['drill_id', 'student_id'])
        .execute();
      await db.schema.createIndex('conversations_status').on('conversations').column('status').execute();
      await db.schema
        .createTable('events')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['conversation_id', 'seq'])
        .execute();
      // NULLs are distinct in a unique index on SQLite and PostgreSQL alike: only agent messages collide.
      await db.schema
        .createIndex('events_message')
        .on('events')
        .columns(['conversation_id', 'message_id'])
        .unique()
        .execute();
      await db.schema
        .createTable('evaluations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('student_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('score', dialect === 'postgres' ? 'double precision' : 'real', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evaluations_student').on('evaluations').column('student_id').execute();
    },
  },
  '0002-leases': {
    async up(db: Kysely<unknown>) {
      // One owner process per live conversation and per running drill (see cluster/leases.ts). `token` is the
      // fencing token: it grows with every change of owner, and an append must carry the current one.
      await db.schema
        .createTable('leases')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('token', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('leases_pk', ['kind', 'id'])
        .execute();
      await db.schema.createIndex('leases_owner').on('leases').column('owner').execute();
      // The token the conversation's current owner holds, beside the head it moves: an append from a stale
      // owner changes no row (see event-log.ts), in the same statement that would have moved the head.
      await db.schema
        .alterTable('conversations')
        .addColumn('fence', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      // A drill slot opens once, whichever process runs the drill's schedule (a stale one included).
      await db.schema
        .createIndex('conversations_drill_slot')
        .on('conversations')
        .columns(['drill_id', 'student_id', 'slot'])
        .unique()
        .execute();
      if (dialect === 'postgres') {
        // Socket.IO's PostgreSQL adapter keeps payloads over NOTIFY's 8,000-byte limit here.
        await sql`CREATE TABLE IF NOT EXISTS socket_io_attachments (
          id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`.execute(db);
      }
    },
  },
  '0003-catalogue-versions': {
    async up(db: Kysely<unknown>) {
      // Catalogue files (products, categories, phrases, lexicon) edited in the studio: every saved text by
      // content hash (the shipped file is the first, saved by nobody), and every 发布 with the whole
      // catalogue it put in force (path → version), so a conversation's catalogue loads again exactly.
      await db.schema
        .createTable('catalogue_files')
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalogue_files_pk', ['path', 'version'])
        .execute();
      await db.schema
        .createTable('catalogue_publications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('catalogue', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('catalogue_publications_catalogue')
        .on('catalogue_publications')
        .column('catalogue')
        .execute();
    },
  },
  '0004-exams': {
    async up(db: Kysely<unknown>) {
      // An exam is a drill with a window; `graded` says whether a drill or exam counts in the class grade.
      await db.schema
        .alterTable('drills')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('drill'))
        .execute();
      await db.schema.alterTable('drills').addColumn('opens_at', 'bigint').execute();
      await db.schema.alterTable('drills').addColumn('closes_at', 'bigint').execute();
      await db.schema
        .alterTable('drills')
        .addColumn('graded', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Classes made before this counted solo practice, and keep doing so; new ones start without it.
      await db.schema
        .alterTable('classes')
        .addColumn('grade_solo', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  '0005-appeals': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('appeals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('student_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('violation_key', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('violation', 'text', (c) => c.notNull())
        .addColumn('reply', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.references('users.id'))
        .addColumn('decided_at', 'bigint')
        .addColumn('note', 'text')
        .execute();
      // One appeal per violation, ever: a decision is final.
      await db.schema
        .createIndex('appeals_violation')
        .on('appeals')
        .columns(['conversation_id', 'violation_key'])
        .unique()
        .execute();
      await db.schema.createIndex('appeals_class').on('appeals').columns(['class_id', 'status']).execute();
    },
  },
  '0006-studio-items': {
    async up(db: Kysely<unknown>) {
      // Who owns each studio scenario, its latest draft and what is published where (see
      // repositories/studio-items.ts). Versions stay in scenario_versions; `kind` is 'buyer' (scenarios).
      await db.schema
        .createTable('studio_items')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('draft_version', 'text', (c) => c.notNull())
        .addColumn('published_version', 'text')
        .addColumn('published_class_id', 'text')
        .addColumn('published_at', 'bigint')
        .addColumn('published_by', 'text')
        .addColumn('copied_from', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('studio_items_pk', ['kind', 'id'])
        .execute();
      await db.schema.createIndex('studio_items_owner').on('studio_items').column('owner_id').execute();
      // Scenarios saved before drafts existed were live at once: they stay published (to every class), with
      // no known owner (admins edit them; instructors copy them).
      const saves = await sql<{ scenario_id: string; version: string; created_at: number | string }>`
        SELECT scenario_id, version, created_at FROM scenario_versions
        WHERE path LIKE 'studio/buyers/%' ORDER BY created_at DESC`.execute(db);
      const seen = new Set<string>();
      for (const save of saves.rows) {
        if (seen.has(save.scenario_id)) continue;
        seen.add(save.scenario_id);
        const at = Number(save.created_at);
        await sql`INSERT INTO studio_items (kind, id, owner_id, draft_version, published_version,
          published_class_id, published_at, published_by, copied_from, created_at, updated_at)
          VALUES ('buyer', ${save.scenario_id}, NULL, ${save.version}, ${save.version}, NULL, ${at}, NULL,
          NULL, ${at}, ${at})`.execute(db);
      }
    },
  },
  '0007-conversations-by-student': {
    async up(db: Kysely<unknown>) {
      // A student's open (or ended) conversations — every practice start and every socket connect asks. With
      // only one-column indexes SQLite searched by status, i.e. every open conversation of every student: at
      // 2,000 students × 3 buyers that was about 1 ms a lookup and the practice starts' ramp its knee.
      await db.schema
        .createIndex('conversations_student_status')
        .on('conversations')
        .columns(['student_id', 'status', 'started_at'])
        .execute();
    },
  },
  '0008-shared-guards': {
    async up(db: Kysely<unknown>) {
      // Guards every server process must share (several processes on PostgreSQL), kept across restarts too:
      // failed guesses of secrets and the browsers accounts logged in from (auth/guess-throttle.ts), and
      // short mutual exclusions such as one person's solo-practice opening (repositories/mutexes.ts).
      // `seq` orders guesses racing on different processes the same way for every reader.
      await db.schema
        .createTable('guess_failures')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('guess_failures_key').on('guess_failures').columns(['key', 'at']).execute();
      await db.schema.createIndex('guess_failures_at').on('guess_failures').column('at').execute();
      await db.schema
        .createTable('login_devices')
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_devices_pk', ['account', 'device'])
        .execute();
      await db.schema
        .createTable('mutexes')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0009-audit-log': {
    async up(db: Kysely<unknown>) {
      // Staff actions on someone else's account that must be traceable (who lifted whose login lock, when,
      // from which class): append-only, never shown to the subject.
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('class_id', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_subject')
        .on('audit_log')
        .columns(['subject_id', 'at'])
        .execute();
    },
  },
  '0010-proof-verdicts': {
    async up(db: Kysely<unknown>) {
      // Catalogue proofs' verdicts by key (the proof key with the prover's code): a process proves what
      // another has not proven yet (repositories/proof-verdicts.ts). Bounded: the least recently used go.
      await db.schema
        .createTable('proof_verdicts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('used_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proof_verdicts_used').on('proof_verdicts').column('used_at').execute();
    },
  },
  '0011-events-message-partial': {
    async up(db: Kysely<unknown>) {
      // Only agent messages and order updates have a client id: the unique index on it holds those rows alone,
      // so a buyer's event (most of the log) no longer writes an index entry of NULL in every step's commit.
      // The same uniqueness (NULLs were distinct anyway), and `message_id = ?` lookups still use it.
      await db.schema.dropIndex('events_message').execute();
      await db.schema
        .createIndex('events_message')
        .on('events')
        .columns(['conversation_id', 'message_id'])
        .unique()
        .where(sql.ref('message_id'), 'is not', null)
        .execute();
    },
  },
});

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const all = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => all };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}: ${String(error)}`);
  }
}
