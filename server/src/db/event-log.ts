// The append-only conversation log: the hot path of live practice. It uses prepared statements on the raw
// better-sqlite3 handle (plain standard SQL, nothing SQLite-only) because every shopper step appends here;
// the appends of one step and the conversation's head move together in one transaction. `commit` groups the
// steps of every conversation that arrive in one turn of the event loop into one database transaction (one
// WAL write instead of dozens), each step in its own savepoint so one failure fails only that step.
import type { ConversationEvent } from '@kefu/shared';
import type SQLite from 'better-sqlite3';
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

export interface EventLog {
  /** Inserts a new conversation together with its first events. */
  open(row: ConversationsTable, events: ConversationEvent[]): void;
  /** Appends `events` as seqs fromSeq+1… and moves the head, atomically. */
  append(conversationId: string, fromSeq: number, events: ConversationEvent[], head: ConversationHead): void;
  /** The same as `append`, group-committed with the other steps of this event-loop turn; resolves once durable. */
  commit(
    conversationId: string,
    fromSeq: number,
    events: ConversationEvent[],
    head: ConversationHead,
  ): Promise<void>;
  read(conversationId: string, afterSeq?: number): StoredEvent[];
  /** The seq of the agent message with this client id, if it was stored. */
  findMessage(conversationId: string, messageId: string): number | undefined;
}

export function sqliteEventLog(sqlite: SQLite.Database): EventLog {
  const insertEvent = sqlite.prepare(
    'INSERT INTO events (conversation_id, seq, type, at, message_id, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const moveHead = sqlite.prepare(
    `UPDATE conversations SET last_seq = ?, wake_at = ?, status = ?, ended_at = ? WHERE id = ?`,
  );
  const insertConversation = sqlite.prepare(
    `INSERT INTO conversations (id, student_id, drill_id, slot, scenario_id, scenario_version, rubric_id, seed,
       status, started_at, ended_at, last_seq, wake_at)
     VALUES (@id, @student_id, @drill_id, @slot, @scenario_id, @scenario_version, @rubric_id, @seed,
       @status, @started_at, @ended_at, @last_seq, @wake_at)`,
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
      const messageId = event.type === 'agent-message' ? event.id : null;
      insertEvent.run(conversationId, seq, event.type, event.at, messageId, JSON.stringify(event));
    }
  };

  const openTx = sqlite.transaction((row: ConversationsTable, events: ConversationEvent[]) => {
    insertConversation.run(row);
    insertAll(row.id, 0, events);
  });
  const appendTx = sqlite.transaction(
    (conversationId: string, fromSeq: number, events: ConversationEvent[], head: ConversationHead) => {
      insertAll(conversationId, fromSeq, events);
      moveHead.run(
        head.lastSeq,
        head.wakeAt,
        head.endedAt === null ? 'open' : 'ended',
        head.endedAt,
        conversationId,
      );
    },
  );

  interface PendingStep {
    args: [string, number, ConversationEvent[], ConversationHead];
    error: unknown;
    resolve(): void;
    reject(err: unknown): void;
  }
  let pending: PendingStep[] = [];
  const groupTx = sqlite.transaction((steps: PendingStep[]) => {
    for (const step of steps) {
      try {
        appendTx(...step.args); // nested: a savepoint
      } catch (err) {
        step.error = err ?? new Error('append failed');
      }
    }
  });
  const flush = () => {
    const steps = pending;
    pending = [];
    try {
      groupTx(steps);
    } catch (err) {
      for (const step of steps) step.reject(step.error ?? err);
      return;
    }
    for (const step of steps) {
      if (step.error === undefined) step.resolve();
      else step.reject(step.error);
    }
  };

  return {
    commit: (conversationId, fromSeq, events, head) =>
      new Promise<void>((resolve, reject) => {
        // After the I/O callbacks of this turn (every socket packet that arrived together), before the next.
        if (pending.length === 0) setImmediate(flush);
        pending.push({ args: [conversationId, fromSeq, events, head], error: undefined, resolve, reject });
      }),
    open: (row, events) => openTx(row, events),
    append: (conversationId, fromSeq, events, head) => appendTx(conversationId, fromSeq, events, head),
    read: (conversationId, afterSeq = 0) =>
      selectEvents
        .all(conversationId, afterSeq)
        .map((r) => ({ seq: r.seq, event: JSON.parse(r.body) as ConversationEvent })),
    findMessage: (conversationId, messageId) => selectMessage.get(conversationId, messageId)?.seq,
  };
}
