// One live conversation: the single owner of its shopper's state. Inputs (agent messages, order changes,
// wake-ups, stop) go through a serial queue; each step's outputs are committed to the event log in one
// transaction before they are published or acknowledged; one timer is armed at the machine's next wake-up.
import {
  type AgentMessage,
  type ConversationEvent,
  type EventEnvelope,
  errorBody,
  type OrderUpdate,
  orderUpdateProblem,
  replayShopper,
  type ShopperContext,
  type ShopperInput,
  type ShopperState,
  startShopper,
  stepShopper,
  toPublicEvent,
} from '@kefu/shared';
import type { Clock } from '../clock.ts';
import { type EventLog, StaleOwnerError, type StoredEvent } from '../db/event-log.ts';
import type { ConversationsTable } from '../db/schema.ts';
import { AppError, fail } from '../errors.ts';
import { ackTrace } from './ack-trace.ts';

export interface RuntimeHost {
  log: EventLog;
  clock: Clock;
  /**
   * Called after every commit with the newly stored events, in order; `prevPublicSeq` is the seq of the last
   * student-visible event before them (the `prevSeq` chain of the envelopes). `taken`: the step took this
   * student input, whose sender is answered with the step's events instead of sent them.
   */
  published(
    runtime: ConversationRuntime,
    stored: StoredEvent[],
    prevPublicSeq: number,
    taken?: TakenInput,
  ): void;
  /** A timer-driven step failed (e.g. the disk is full): logged; the next input retries. */
  failed(runtime: ConversationRuntime, error: unknown): void;
  /** Another process took the conversation over (its fencing token moved on): this runtime has stopped. */
  lost(runtime: ConversationRuntime): void;
}

export interface SendResult {
  seq: number;
  at: number;
  duplicate: boolean;
}

/**
 * Where a student's input came from: the socket that sent it, left out of the publish of the step that stores
 * it, and answered instead with that step's events — in the ack, written where those events would have been
 * written to it, so the socket still gets the conversation's events in seq order, in one frame instead of two.
 */
export interface InputSender {
  socketId: string;
  acknowledge(ack: SendResult & { events: EventEnvelope[] }): void;
}

/** A student's input a step stored: its sender and its acknowledgement. */
export interface TakenInput {
  sender: InputSender;
  result: SendResult;
}

export class ConversationRuntime {
  private state: ShopperState;
  private wakeAt: number | null;
  private lastSeq: number;
  /** Seq of the last event a student may see: the `prevSeq` of the next one. */
  private lastPublicSeq: number;
  private endedAt: number | null;
  /** Time of the last logged event. */
  private lastAt = 0;
  /** Client message id → seq, for idempotent sends (the log is the truth; this mirrors it). */
  private readonly messageSeqs = new Map<string, { seq: number; at: number }>();
  private cancelTimer: (() => void) | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private disposed = false;

  readonly row: ConversationsTable;
  readonly ctx: ShopperContext;
  private readonly host: RuntimeHost;

  private constructor(
    row: ConversationsTable,
    ctx: ShopperContext,
    host: RuntimeHost,
    init: { state: ShopperState; wakeAt: number | null; stored: StoredEvent[] },
  ) {
    this.row = row;
    this.ctx = ctx;
    this.host = host;
    this.state = init.state;
    this.wakeAt = init.wakeAt;
    this.lastSeq = 0;
    this.lastPublicSeq = 0;
    this.endedAt = null;
    this.remember(init.stored);
  }

  get id(): string {
    return this.row.id;
  }
  get studentId(): string {
    return this.row.student_id;
  }
  get ended(): boolean {
    return this.endedAt !== null;
  }
  get head(): { lastSeq: number; lastPublicSeq: number; wakeAt: number | null; endedAt: number | null } {
    return {
      lastSeq: this.lastSeq,
      lastPublicSeq: this.lastPublicSeq,
      wakeAt: this.wakeAt,
      endedAt: this.endedAt,
    };
  }

  /**
   * Opens a new conversation: the row and the shopper's first events are committed together; the buyer's
   * first message comes at `arrivesAt` when that is later than now.
   */
  static async start(
    host: RuntimeHost,
    ctx: ShopperContext,
    row: Omit<ConversationsTable, 'status' | 'ended_at' | 'last_seq' | 'wake_at' | 'started_at'>,
    arrivesAt?: number,
  ): Promise<{ runtime: ConversationRuntime; stored: StoredEvent[] }> {
    const now = host.clock.now();
    const result = startShopper(ctx, row.seed, now, arrivesAt);
    const endedAt = endOf(result.outputs);
    const full: ConversationsTable = {
      ...row,
      status: endedAt === null ? 'open' : 'ended',
      started_at: now,
      ended_at: endedAt,
      last_seq: result.outputs.length,
      wake_at: endedAt === null ? result.wakeAt : null,
    };
    await host.log.open(full, result.outputs);
    const stored = result.outputs.map((event, i) => ({ seq: i + 1, event }));
    const runtime = new ConversationRuntime(full, ctx, host, {
      state: result.state,
      wakeAt: full.wake_at,
      stored,
    });
    runtime.arm();
    return { runtime, stored };
  }

  /**
   * Rebuilds an open conversation from its log after a restart and catches up at once: a wake-up that fell
   * due while the server was down runs now, at its own due time (so a buyer whose patience ran out leaves
   * with the right timestamp). With `stopAt` (its drill ended while the server was down) it runs only what
   * was due by then and ends at that moment. `row.fence` must be the token this process holds.
   */
  static async restore(
    host: RuntimeHost,
    ctx: ShopperContext,
    row: ConversationsTable,
    stopAt: number | null = null,
  ): Promise<ConversationRuntime> {
    const stored = await host.log.read(row.id);
    const replayed = replayShopper(
      ctx,
      stored.map((s) => s.event),
    );
    const runtime = new ConversationRuntime(row, ctx, host, {
      state: replayed.state,
      wakeAt: replayed.wakeAt,
      stored,
    });
    if (runtime.ended) return runtime;
    if (stopAt === null) runtime.wake();
    else runtime.stop(stopAt).catch((err) => host.failed(runtime, err));
    return runtime;
  }

  /**
   * An agent message. A repeated client id changes nothing and acks the stored seq again. With a `sender`,
   * the step's publish acknowledges it (see InputSender); the result is the same.
   */
  send(message: AgentMessage, sender?: InputSender): Promise<SendResult> {
    const queued = ackTrace ? performance.now() : 0;
    return this.enqueue(async () => {
      if (ackTrace) ackTrace.record('send queue', performance.now() - queued);
      const seen = this.messageSeqs.get(message.id);
      if (seen !== undefined) return { ...seen, duplicate: true };
      if (this.ended) throw fail('conversation-ended');
      const taken = await this.apply({ type: 'agent-message', message }, undefined, message.id, sender);
      if (!taken) throw this.notTaken(`the shopper did not echo agent message ${message.id}`);
      return taken;
    });
  }

  /**
   * The seller changes an order (address, variant, note). Refused with the reason when it cannot be made
   * (no such order, an option not of the product or out of stock); a repeated update id changes nothing.
   */
  updateOrder(update: OrderUpdate, sender?: InputSender): Promise<SendResult> {
    return this.enqueue(async () => {
      const seen = this.messageSeqs.get(update.id);
      if (seen !== undefined) return { ...seen, duplicate: true };
      const problem = orderUpdateProblem(this.ctx, this.state, update);
      if (problem !== null) {
        throw new AppError(
          problem.code,
          errorBody(problem.code, 'params' in problem ? problem.params : undefined),
        );
      }
      const taken = await this.apply({ type: 'order-update', update }, undefined, update.id, sender);
      if (!taken) throw this.notTaken(`the shopper did not log order update ${update.id}`);
      return taken;
    });
  }

  /**
   * Why a step did not take the student's input. A step first runs the shopper's overdue wake-ups: when the
   * server took the input only after the buyer's wait ran out (a busy event loop had not yet fired the leave),
   * the buyer left first, that is stored, and the input is refused as for any ended conversation.
   */
  private notTaken(bug: string): Error {
    return this.ended ? fail('conversation-ended') : new Error(bug);
  }

  /**
   * Ends the conversation now, or at `at` when that is later than everything logged: a drill stopped or
   * finished (`stopped`), or the student ended their solo practice (`abandoned`).
   */
  stop(at?: number, reason: 'stopped' | 'abandoned' = 'stopped'): Promise<void> {
    return this.enqueue(async () => {
      if (!this.ended) await this.apply({ type: 'stop', reason }, at);
    });
  }

  /** True once disposed (shutdown, or another process took the conversation over). */
  get stopped(): boolean {
    return this.disposed;
  }

  /** Stops the timer; the conversation stays open in the log and is restored on the next start. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Resolves when every queued input has been handled (shutdown waits for it before closing the database). */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** True while inputs are queued or running. */
  get busy(): boolean {
    return this.queued > 0;
  }

  private enqueue<T>(work: () => T | Promise<T>): Promise<T> {
    this.queued++;
    const run = this.tail.then(() => {
      if (this.disposed) throw fail('restarting');
      return work();
    });
    this.tail = run
      .catch(() => undefined)
      .then(() => {
        this.queued--;
      });
    return run;
  }

  /**
   * One machine step: commit, then update memory, then publish. If the commit fails nothing changed. For a
   * student's input (`inputId`, its client id) returns what the step stored of it, null if it did not take it
   * (the buyer had left first).
   */
  private async apply(
    input: ShopperInput,
    at?: number,
    inputId?: string,
    sender?: InputSender,
  ): Promise<SendResult | null> {
    // Time never runs backwards in a log.
    const now = Math.max(at ?? this.host.clock.now(), this.lastAt);
    const t0 = ackTrace ? performance.now() : 0;
    const result = stepShopper(this.ctx, this.state, input, now);
    const t1 = ackTrace ? performance.now() : 0;
    if (ackTrace) ackTrace.record(`step ${input.type}`, t1 - t0);
    const events = result.outputs;
    const endedAt = this.endedAt ?? endOf(events);
    const wakeAt = endedAt === null ? result.wakeAt : null;
    if (events.length > 0 || wakeAt !== this.wakeAt) {
      const head = { lastSeq: this.lastSeq + events.length, wakeAt, endedAt };
      try {
        await this.host.log.commit(this.id, this.lastSeq, events, head, this.row.fence);
      } catch (err) {
        if (err instanceof StaleOwnerError) {
          // Nothing was stored; whoever owns the conversation now goes on from the log.
          this.dispose();
          this.host.lost(this);
        }
        throw err;
      }
    }
    const t2 = ackTrace ? performance.now() : 0;
    if (ackTrace) ackTrace.record(`commit wait ${input.type}`, t2 - t1);
    const stored = events.map((event, i) => ({ seq: this.lastSeq + 1 + i, event }));
    const prevPublicSeq = this.lastPublicSeq;
    this.state = result.state;
    this.wakeAt = wakeAt;
    this.remember(stored);
    this.arm();
    const echo = inputId === undefined ? undefined : stored.find((s) => isInput(s.event, inputId));
    const taken: SendResult | null = echo ? { seq: echo.seq, at: echo.event.at, duplicate: false } : null;
    if (stored.length > 0)
      this.host.published(
        this,
        stored,
        prevPublicSeq,
        taken && sender ? { sender, result: taken } : undefined,
      );
    if (ackTrace) ackTrace.record(`publish ${input.type}`, performance.now() - t2);
    return taken;
  }

  private remember(stored: StoredEvent[]): void {
    for (const { seq, event } of stored) {
      this.lastSeq = seq;
      this.lastAt = Math.max(this.lastAt, event.at);
      if (toPublicEvent(event) !== null) this.lastPublicSeq = seq;
      // Agent messages and order updates share the client id space: a repeat of either acks the stored seq.
      if (isInput(event)) this.messageSeqs.set(event.id, { seq, at: event.at });
      if (event.type === 'ended') this.endedAt = event.at;
    }
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.disposed || this.wakeAt === null || this.ended) return;
    this.cancelTimer = this.host.clock.at(this.wakeAt, () => {
      this.cancelTimer = null;
      this.wake();
    });
  }

  private wake(): void {
    this.enqueue(() => this.apply({ type: 'wake' })).catch((err) => this.host.failed(this, err));
  }
}

/** A student's input as logged (an agent message or an order update), with client id `id` if given. */
function isInput(
  event: ConversationEvent,
  id?: string,
): event is Extract<ConversationEvent, { type: 'agent-message' | 'order-updated' }> {
  return (
    (event.type === 'agent-message' || event.type === 'order-updated') &&
    (id === undefined || event.id === id)
  );
}

function endOf(events: readonly ConversationEvent[]): number | null {
  for (const e of events) if (e.type === 'ended') return e.at;
  return null;
}
