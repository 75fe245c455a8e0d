// The append-only conversation log: the hot path of live practice. The appends of one step and the
// conversation's head move together in one transaction, and only if the head is where the writer believes
// it is and the writer still holds the conversation's fencing token (so a process that lost ownership can
// never write). On PostgreSQL `commit` and `open` group the steps and new conversations that arrive together
// into one database transaction (a commit there waits for the disk), each isolated so one failure fails only
// that step or that opening; on SQLite each commits at once in its own transaction (see `enqueue`). This file
// has the interface and the SQLite implementation (prepared statements on the raw better-sqlite3 handle);
// PostgreSQL's is in postgres-event-log.ts.
import type { ConversationEvent } from '@kefu/shared';
import type SQLite from 'better-sqlite3';
import { ackTrace } from '../realtime/ack-trace.ts';
import type { ConversationsTable } from './schema.ts';

export interface StoredEvent {
  seq: number;
  event: ConversationEvent;
}

/** Where a conversation stands after an append. */
export interface ConversationHead {
  lastSeq: number;
  wakeAt: number | null;
  endedAt: number | null;
}

/**
 * The step changed nothing: the conversation's fencing token moved on (another process took it over) or its
 * head is not at `fromSeq` (this process's view is stale). The owner must reload from the log, or let go.
 */
export class StaleOwnerError extends Error {
  constructor(conversationId: string) {
    super(`conversation ${conversationId}: stale owner (fencing token or head moved on)`);
    this.name = 'StaleOwnerError';
  }
}

export interface EventLog {
  /**
   * Inserts a new conversation (its `fence` is its owner's token) together with its first events,
   * group-committed with the other openings and steps that arrive together where the back-end gains by it;
   * resolves once durable.
   */
  open(row: ConversationsTable, events: ConversationEvent[]): Promise<void>;
  /**
   * Appends `events` as seqs fromSeq+1… and moves the head, atomically (group-committed with the other steps
   * that arrive together where the back-end gains by it); resolves once durable. Rejects with
   * StaleOwnerError, changing nothing, unless the head is at `fromSeq` and `fence` is the conversation's
   * current token.
   */
  commit(
    conversationId: string,
    fromSeq: number,
    events: ConversationEvent[],
    head: ConversationHead,
    fence: number,
  ): Promise<void>;
  read(conversationId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The seq of the agent message or order update with this client id, if it was stored. */
  findMessage(conversationId: string, messageId: string): Promise<number | undefined>;
}

/** The client id an event is unique by within its conversation (agent messages and order updates). */
export const messageIdOf = (event: ConversationEvent): string | null =>
  event.type === 'agent-message' || event.type === 'order-updated' ? event.id : null;

export const statusOf = (head: ConversationHead): 'open' | 'ended' =>
  head.endedAt === null ? 'open' : 'ended';

export function sqliteEventLog(sqlite: SQLite.Database): EventLog {
  const insertEvent = sqlite.prepare(
    'INSERT INTO events (conversation_id, seq, type, at, message_id, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const moveHead = sqlite.prepare(
    `UPDATE conversations SET last_seq = ?, wake_at = ?, status = ?, ended_at = ?
     WHERE id = ? AND last_seq = ? AND fence = ?`,
  );
  // Most steps do not end the conversation: its status (open) stays, so the indexes on status are left alone.
  const moveOpenHead = sqlite.prepare(
    'UPDATE conversations SET last_seq = ?, wake_at = ? WHERE id = ? AND last_seq = ? AND fence = ?',
  );
  const insertConversation = sqlite.prepare(
    `INSERT INTO conversations (id, student_id, drill_id, slot, scenario_id, scenario_version, rubric_id, seed,
       status, started_at, ended_at, last_seq, wake_at, fence)
     VALUES (@id, @student_id, @drill_id, @slot, @scenario_id, @scenario_version, @rubric_id, @seed,
       @status, @started_at, @ended_at, @last_seq, @wake_at, @fence)`,
  );
  const selectEvents = sqlite.prepare<[string, number], { seq: number; body: string }>(
    'SELECT seq, body FROM events WHERE conversation_id = ? AND seq > ? ORDER BY seq',
  );
  const selectMessage = sqlite.prepare<[string, string], { seq: number }>(
    'SELECT seq FROM events WHERE conversation_id = ? AND message_id = ?',
  );

  const insertAll = (conversationId: string, fromSeq: number, events: ConversationEvent[]) => {
    let seq = fromSeq;
    for (const event of events) {
      seq += 1;
      insertEvent.run(conversationId, seq, event.type, event.at, messageIdOf(event), JSON.stringify(event));
    }
  };

  const openTx = sqlite.transaction((row: ConversationsTable, events: ConversationEvent[]) => {
    insertConversation.run(row);
    insertAll(row.id, 0, events);
  });
  type StepArgs = [string, number, ConversationEvent[], ConversationHead, number];
  const appendTx = sqlite.transaction((...[id, fromSeq, events, head, fence]: StepArgs) => {
    // The head first: a stale writer is refused before it touches the events.
    const moved =
      head.endedAt === null
        ? moveOpenHead.run(head.lastSeq, head.wakeAt, id, fromSeq, fence)
        : moveHead.run(head.lastSeq, head.wakeAt, statusOf(head), head.endedAt, id, fromSeq, fence);
    if (moved.changes !== 1) throw new StaleOwnerError(id);
    // Throwing here (a repeated client id) rolls the (nested) transaction back, the head with it.
    insertAll(id, fromSeq, events);
  });

  /** A step or an opening waiting for the next group commit. */
  interface Pending {
    run(): void;
    /** When it was queued (performance.now()), for KEFU_ACK_TRACE. */
    queuedAt: number;
    error: unknown;
    resolve(): void;
    reject(err: unknown): void;
  }
  let pending: Pending[] = [];
  const groupTx = sqlite.transaction((items: Pending[]) => {
    for (const item of items) {
      try {
        item.run(); // a nested transaction: a savepoint
      } catch (err) {
        item.error = err ?? new Error('append failed');
      }
    }
  });
  const flush = () => {
    // Never inside someone else's transaction (it would become a savepoint of theirs, and roll back with it).
    if (sqlite.inTransaction) {
      setImmediate(flush);
      return;
    }
    const items = pending;
    pending = [];
    const started = ackTrace ? performance.now() : 0;
    try {
      groupTx(items);
    } catch (err) {
      for (const item of items) item.reject(item.error ?? err);
      return;
    }
    if (ackTrace) {
      for (const item of items) ackTrace.record('group wait', started - item.queuedAt);
      ackTrace.record('group commit', performance.now() - started);
      ackTrace.record('group size (count)', items.length);
    }
    for (const item of items) {
      if (item.error === undefined) item.resolve();
      else item.reject(item.error);
    }
  };
  const enqueue = (run: () => void) =>
    new Promise<void>((resolve, reject) => {
      // A step commits at once, in its caller's turn: with WAL and synchronous=NORMAL a commit waits for no
      // disk, so a transaction of its own costs about 10 µs of CPU more than a share of a group, far less
      // than waiting for the turn's other callbacks (every packet that arrived with it, each judged) as a
      // group commit at the end of the turn did. Only while a transaction is open on the handle (Kysely's,
      // between two of its statements) does it wait, with whatever else arrives meanwhile, for the next turn.
      if (pending.length === 0 && !sqlite.inTransaction) {
        const started = ackTrace ? performance.now() : 0;
        try {
          run();
          if (ackTrace) ackTrace.record('commit at once', performance.now() - started);
        } catch (err) {
          reject(err ?? new Error('append failed'));
          return;
        }
        resolve();
        return;
      }
      if (pending.length === 0) setImmediate(flush);
      pending.push({ run, queuedAt: ackTrace ? performance.now() : 0, error: undefined, resolve, reject });
    });

  return {
    commit: (conversationId, fromSeq, events, head, fence) =>
      enqueue(() => appendTx(conversationId, fromSeq, events, head, fence)),
    open: (row, events) => enqueue(() => openTx(row, events)),
    read: async (conversationId, afterSeq = 0) =>
      selectEvents
        .all(conversationId, afterSeq)
        .map((r) => ({ seq: r.seq, event: JSON.parse(r.body) as ConversationEvent })),
    findMessage: async (conversationId, messageId) => selectMessage.get(conversationId, messageId)?.seq,
  };
}
