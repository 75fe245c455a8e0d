// The conversation log on PostgreSQL, with the guarantees of the SQLite one (event-log.ts). Steps that
// arrive together (or while a batch commits) go together: group commit. A batch is one statement, a
// data-modifying CTE that moves each head only where `last_seq` and `fence` match and inserts only those
// steps' events, so a stale owner's step changes nothing; the row lock it takes orders it against a
// takeover (leases.ts), which updates the same row. One statement is atomic and costs one round trip and
// one WAL flush. If it fails (a repeated client id), nothing was stored and the batch runs again in one
// transaction with a savepoint per step: the failing step fails alone, as on SQLite. New conversations that
// arrive together are opened together the same way: one statement for all their rows and first events, and
// if that fails, each in its own transaction.
import type { ConversationEvent } from '@kefu/shared';
import type pg from 'pg';
import {
  type ConversationHead,
  type EventLog,
  messageIdOf,
  StaleOwnerError,
  type StoredEvent,
  statusOf,
} from './event-log.ts';
import type { ConversationsTable } from './schema.ts';

const EVENTS = `unnest($1::int[], $2::text[], $3::bigint[], $4::text[], $5::text[]) AS e(seq, type, at, message_id, body)`;

const APPEND = `
WITH head AS (
  UPDATE conversations SET last_seq = $8, wake_at = $9, status = $10, ended_at = $11
  WHERE id = $6 AND last_seq = $7 AND fence = $12
  RETURNING id
), ins AS (
  INSERT INTO events (conversation_id, seq, type, at, message_id, body)
  SELECT head.id, e.seq, e.type, e.at, e.message_id, e.body FROM head, ${EVENTS}
  RETURNING 1
)
SELECT (SELECT count(*) FROM head)::int AS moved`;

/**
 * A whole batch in one statement (one round trip, atomic on its own): the heads that match move, and only
 * their steps' events are inserted; the ids returned are the steps that went through.
 */
const APPEND_BATCH = `
WITH steps AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[], $5::text[], $6::bigint[], $7::bigint[])
    AS s(id, from_seq, last_seq, wake_at, status, ended_at, fence)
), head AS (
  UPDATE conversations c
  SET last_seq = s.last_seq, wake_at = s.wake_at, status = s.status, ended_at = s.ended_at
  FROM steps s
  WHERE c.id = s.id AND c.last_seq = s.from_seq AND c.fence = s.fence
  RETURNING c.id
), ins AS (
  INSERT INTO events (conversation_id, seq, type, at, message_id, body)
  SELECT e.conversation_id, e.seq, e.type, e.at, e.message_id, e.body
  FROM unnest($8::text[], $9::int[], $10::text[], $11::bigint[], $12::text[], $13::text[])
    AS e(conversation_id, seq, type, at, message_id, body)
  JOIN head ON head.id = e.conversation_id
  RETURNING 1
)
SELECT id FROM head`;

const OPEN_EVENTS = `
INSERT INTO events (conversation_id, seq, type, at, message_id, body)
SELECT $6, e.seq, e.type, e.at, e.message_id, e.body FROM ${EVENTS}`;

const OPEN_CONVERSATION = `
INSERT INTO conversations (id, student_id, drill_id, slot, scenario_id, scenario_version, rubric_id, seed,
  status, started_at, ended_at, last_seq, wake_at, fence)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

/** Every opening of a batch in one statement (rows and first events; the foreign keys hold at its end). */
const OPEN_BATCH = `
WITH conv AS (
  INSERT INTO conversations (id, student_id, drill_id, slot, scenario_id, scenario_version, rubric_id, seed,
    status, started_at, ended_at, last_seq, wake_at, fence)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
    $8::bigint[], $9::text[], $10::bigint[], $11::bigint[], $12::int[], $13::bigint[], $14::bigint[])
  RETURNING 1
), ins AS (
  INSERT INTO events (conversation_id, seq, type, at, message_id, body)
  SELECT * FROM unnest($15::text[], $16::int[], $17::text[], $18::bigint[], $19::text[], $20::text[])
  RETURNING 1
)
SELECT (SELECT count(*) FROM conv)::int AS opened`;

const CONVERSATION_COLUMNS = [
  'id',
  'student_id',
  'drill_id',
  'slot',
  'scenario_id',
  'scenario_version',
  'rubric_id',
  'seed',
  'status',
  'started_at',
  'ended_at',
  'last_seq',
  'wake_at',
  'fence',
] as const satisfies readonly (keyof ConversationsTable)[];

/** The five parallel arrays `unnest` turns into event rows. */
function eventColumns(fromSeq: number, events: readonly ConversationEvent[]): unknown[] {
  return [
    events.map((_, i) => fromSeq + 1 + i),
    events.map((e) => e.type),
    events.map((e) => e.at),
    events.map(messageIdOf),
    events.map((e) => JSON.stringify(e)),
  ];
}

interface Step {
  conversationId: string;
  fromSeq: number;
  events: ConversationEvent[];
  head: ConversationHead;
  fence: number;
  error: unknown;
  resolve(): void;
  reject(err: unknown): void;
}

/** Runs one step; its error (a failed statement) is thrown, a fenced-off step is recorded on it. */
async function runStep(client: pg.PoolClient, step: Step): Promise<void> {
  const { head } = step;
  const result = await client.query<{ moved: number }>({
    name: 'kefu-append',
    text: APPEND,
    values: [
      ...eventColumns(step.fromSeq, step.events),
      step.conversationId,
      step.fromSeq,
      head.lastSeq,
      head.wakeAt,
      statusOf(head),
      head.endedAt,
      step.fence,
    ],
  });
  if (result.rows[0]?.moved !== 1) step.error = new StaleOwnerError(step.conversationId);
}

interface Opening {
  row: ConversationsTable;
  events: ConversationEvent[];
  resolve(): void;
  reject(err: unknown): void;
}

/** One opening in its own transaction (after a batch of openings failed: this one fails alone). */
async function openOne(pool: pg.Pool, row: ConversationsTable, events: ConversationEvent[]): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query({
      name: 'kefu-open-conversation',
      text: OPEN_CONVERSATION,
      values: CONVERSATION_COLUMNS.map((column) => row[column]),
    });
    if (events.length > 0) {
      await client.query({
        name: 'kefu-open-events',
        text: OPEN_EVENTS,
        values: [...eventColumns(0, events), row.id],
      });
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The common case: every opening of the batch in one statement. False if it failed (nothing was stored). */
async function openAtOnce(pool: pg.Pool, openings: Opening[]): Promise<boolean> {
  const events = openings.flatMap(({ row, events }) =>
    events.map((event, i) => ({ id: row.id, seq: i + 1, event })),
  );
  try {
    await pool.query({
      name: 'kefu-open-batch',
      text: OPEN_BATCH,
      values: [
        ...CONVERSATION_COLUMNS.map((column) => openings.map((o) => o.row[column])),
        events.map((e) => e.id),
        events.map((e) => e.seq),
        events.map((e) => e.event.type),
        events.map((e) => e.event.at),
        events.map((e) => messageIdOf(e.event)),
        events.map((e) => JSON.stringify(e.event)),
      ],
    });
  } catch {
    return false;
  }
  for (const opening of openings) opening.resolve();
  return true;
}

export interface PostgresEventLogOptions {
  /** Batches committing at once (each holds a pooled connection). */
  parallelBatches?: number;
}

export function postgresEventLog(pool: pg.Pool, options: PostgresEventLogOptions = {}): EventLog {
  const parallel = options.parallelBatches ?? 2;
  let pending: Step[] = [];
  let openings: Opening[] = [];
  let inFlight = 0;
  let scheduled = false;

  /** The common case: the whole batch in one statement. False if it failed (nothing was stored). */
  async function commitAtOnce(steps: Step[]): Promise<boolean> {
    const events = steps.flatMap((step) =>
      step.events.map((event, i) => ({ id: step.conversationId, seq: step.fromSeq + 1 + i, event })),
    );
    let moved: Set<string>;
    try {
      const result = await pool.query<{ id: string }>({
        name: 'kefu-append-batch',
        text: APPEND_BATCH,
        values: [
          steps.map((s) => s.conversationId),
          steps.map((s) => s.fromSeq),
          steps.map((s) => s.head.lastSeq),
          steps.map((s) => s.head.wakeAt),
          steps.map((s) => statusOf(s.head)),
          steps.map((s) => s.head.endedAt),
          steps.map((s) => s.fence),
          events.map((e) => e.id),
          events.map((e) => e.seq),
          events.map((e) => e.event.type),
          events.map((e) => e.event.at),
          events.map((e) => messageIdOf(e.event)),
          events.map((e) => JSON.stringify(e.event)),
        ],
      });
      moved = new Set(result.rows.map((r) => r.id));
    } catch {
      return false;
    }
    for (const step of steps) {
      if (moved.has(step.conversationId)) step.resolve();
      else step.reject(new StaleOwnerError(step.conversationId));
    }
    return true;
  }

  /** After a failure: one transaction, a savepoint per step, so the failing step fails alone. */
  async function commitBatch(steps: Step[]): Promise<void> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      let failed = false;
      for (const step of steps) {
        try {
          await runStep(client, step);
        } catch {
          failed = true;
          break;
        }
      }
      if (failed) {
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        for (const step of steps) {
          step.error = undefined;
          await client.query('SAVEPOINT step');
          try {
            await runStep(client, step);
            await client.query('RELEASE SAVEPOINT step');
          } catch (err) {
            step.error = err ?? new Error('append failed');
            await client.query('ROLLBACK TO SAVEPOINT step');
          }
        }
      }
      await client.query('COMMIT');
    } catch (err) {
      // The connection failed mid-batch (or at COMMIT, when the outcome is unknown): every step fails; an
      // owner that retries finds its head moved if the commit did land, and reloads from the log.
      broken = err instanceof Error ? err : new Error(String(err));
      for (const step of steps) step.reject(broken);
      return;
    } finally {
      client.release(broken);
    }
    for (const step of steps) {
      if (step.error === undefined) step.resolve();
      else step.reject(step.error);
    }
  }

  function schedule(): void {
    // After the I/O callbacks of this turn (every socket packet and request that arrived together), before
    // the next.
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  function flush(): void {
    scheduled = false;
    if (openings.length > 0 && inFlight < parallel) {
      const batch = openings;
      openings = [];
      inFlight++;
      openAtOnce(pool, batch)
        .then(async (done) => {
          if (done) return;
          await Promise.all(batch.map((o) => openOne(pool, o.row, o.events).then(o.resolve, o.reject)));
        })
        .catch((err: unknown) => {
          for (const opening of batch) opening.reject(err);
        })
        .finally(() => {
          inFlight--;
          flush();
        });
    }
    while (pending.length > 0 && inFlight < parallel) {
      // One step per conversation in a batch (a runtime waits for its commit, but be sure).
      const seen = new Set<string>();
      const steps: Step[] = [];
      const later: Step[] = [];
      for (const step of pending) {
        if (seen.has(step.conversationId)) later.push(step);
        else {
          seen.add(step.conversationId);
          steps.push(step);
        }
      }
      pending = later;
      inFlight++;
      commitAtOnce(steps)
        .then((done) => (done ? undefined : commitBatch(steps)))
        .catch((err: unknown) => {
          for (const step of steps) step.reject(err);
        })
        .finally(() => {
          inFlight--;
          flush();
        });
    }
  }

  return {
    commit: (conversationId, fromSeq, events, head, fence) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ conversationId, fromSeq, events, head, fence, error: undefined, resolve, reject });
        schedule();
      }),

    open: (row, events) =>
      new Promise<void>((resolve, reject) => {
        openings.push({ row, events, resolve, reject });
        schedule();
      }),

    async read(conversationId: string, afterSeq = 0): Promise<StoredEvent[]> {
      const result = await pool.query<{ seq: number; body: string }>({
        name: 'kefu-read-events',
        text: 'SELECT seq, body FROM events WHERE conversation_id = $1 AND seq > $2 ORDER BY seq',
        values: [conversationId, afterSeq],
      });
      return result.rows.map((r) => ({ seq: r.seq, event: JSON.parse(r.body) as ConversationEvent }));
    },

    async findMessage(conversationId: string, messageId: string): Promise<number | undefined> {
      const result = await pool.query<{ seq: number }>({
        name: 'kefu-find-message',
        text: 'SELECT seq FROM events WHERE conversation_id = $1 AND message_id = $2',
        values: [conversationId, messageId],
      });
      return result.rows[0]?.seq;
    },
  };
}
