// The conversation log on PostgreSQL, with the guarantees of the SQLite one (event-log.ts). One step is one
// statement: a data-modifying CTE moves the head only where `last_seq` and `fence` match, and inserts the
// events only through that row, so a stale owner's step changes nothing; the row lock it takes orders it
// against a takeover (leases.ts), which updates the same row. Steps that arrive while a batch commits wait
// and go together in the next transaction (group commit). A failing statement aborts a PostgreSQL
// transaction, so when one fails the batch is rolled back and run again with a savepoint per step: the
// failing step fails alone, as on SQLite, and the common case pays one round trip per step.
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

const OPEN_EVENTS = `
INSERT INTO events (conversation_id, seq, type, at, message_id, body)
SELECT $6, e.seq, e.type, e.at, e.message_id, e.body FROM ${EVENTS}`;

const OPEN_CONVERSATION = `
INSERT INTO conversations (id, student_id, drill_id, slot, scenario_id, scenario_version, rubric_id, seed,
  status, started_at, ended_at, last_seq, wake_at, fence)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

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

export interface PostgresEventLogOptions {
  /** Batches committing at once (each holds a pooled connection). */
  parallelBatches?: number;
}

export function postgresEventLog(pool: pg.Pool, options: PostgresEventLogOptions = {}): EventLog {
  const parallel = options.parallelBatches ?? 2;
  let pending: Step[] = [];
  let inFlight = 0;
  let scheduled = false;

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

  function flush(): void {
    scheduled = false;
    while (pending.length > 0 && inFlight < parallel) {
      const steps = pending;
      pending = [];
      inFlight++;
      commitBatch(steps)
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
        // After the I/O callbacks of this turn (every socket packet that arrived together), before the next.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }),

    async open(row: ConversationsTable, events: ConversationEvent[]): Promise<void> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        await client.query({
          name: 'kefu-open-conversation',
          text: OPEN_CONVERSATION,
          values: [
            row.id,
            row.student_id,
            row.drill_id,
            row.slot,
            row.scenario_id,
            row.scenario_version,
            row.rubric_id,
            row.seed,
            row.status,
            row.started_at,
            row.ended_at,
            row.last_seq,
            row.wake_at,
            row.fence,
          ],
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
    },

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
