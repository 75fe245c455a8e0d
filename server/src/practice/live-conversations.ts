// Every live conversation this process owns, by id: opens new ones, restores open ones after a restart,
// routes agent messages to their runtime and tells listeners (sockets, monitor, drills) what was committed.
// With several processes on PostgreSQL each conversation has one owner, held by a lease (cluster/leases.ts):
// a process takes a conversation over when its student's socket or message reaches it, or when its owner's
// lease ran out; the taker replays the log, the old owner is told to stop and is fenced off regardless.
import { randomUUID } from 'node:crypto';
import type { AgentMessage, ConversationView, EventEnvelope, OrderUpdate } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Ownership } from '../cluster/leases.ts';
import { type EventLog, StaleOwnerError, type StoredEvent } from '../db/event-log.ts';
import type { ConversationsRepository } from '../db/repositories/conversations.ts';
import type { ConversationsTable } from '../db/schema.ts';
import { fail } from '../errors.ts';
import {
  ConversationRuntime,
  type InputSender,
  type RuntimeHost,
  type SendResult,
  type TakenInput,
} from '../realtime/conversation-runtime.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import { conversationView, publicEnvelopes } from './views.ts';

export interface ConversationListener {
  opened?(runtime: ConversationRuntime): void;
  published?(
    runtime: ConversationRuntime,
    stored: StoredEvent[],
    prevPublicSeq: number,
    taken?: TakenInput,
  ): void;
}

export interface OpenRequest {
  studentId: string;
  drillId: string | null;
  slot: number | null;
  scenarioId: string;
  /** Pinned version (drills); the current one when omitted. */
  version?: string;
  rubricId: string;
  seed: number;
  /** When the buyer's first message comes, if later than now (the buyers of a random mix arrive one by one). */
  arrivesAt?: number;
}

/** A conversation taken over, with the fencing token of its new owner. */
export interface TakenConversation {
  id: string;
  token: number;
}

export interface LiveConversationsDeps {
  log: EventLog;
  clock: Clock;
  catalog: ScenarioCatalog;
  rows: ConversationsRepository;
  logger: FastifyBaseLogger;
  ownership: Ownership;
  /** When a conversation must end as it is restored (its drill ended meanwhile), or null. */
  stopAt(row: ConversationsTable): Promise<number | null>;
  /** Tells the other processes that this one took these conversations over (they stop theirs). */
  announceTaken(taken: TakenConversation[]): void;
}

export class LiveConversations implements RuntimeHost {
  readonly log: EventLog;
  readonly clock: Clock;
  private readonly runtimes = new Map<string, ConversationRuntime>();
  /** Takeovers in progress, so two reasons to take the same conversation share one. */
  private readonly taking = new Map<string, Promise<ConversationRuntime | null>>();
  private readonly listeners: ConversationListener[] = [];
  private readonly deps: LiveConversationsDeps;
  private draining = false;

  constructor(deps: LiveConversationsDeps) {
    this.deps = deps;
    this.log = deps.log;
    this.clock = deps.clock;
  }

  listen(listener: ConversationListener): void {
    this.listeners.push(listener);
  }

  get(id: string): ConversationRuntime | undefined {
    return this.runtimes.get(id);
  }

  /** Open runtimes of this process (for drills and the monitor). */
  all(): IterableIterator<ConversationRuntime> {
    return this.runtimes.values();
  }

  get size(): number {
    return this.runtimes.size;
  }

  async open(request: OpenRequest): Promise<ConversationRuntime> {
    if (this.draining) throw fail('restarting');
    const { catalog, ownership } = this.deps;
    const version = request.version ?? catalog.versionOf(request.scenarioId);
    if (version === undefined) throw fail('scenario-not-found', { id: request.scenarioId });
    const ctx = await catalog.context(request.scenarioId, version, request.rubricId);
    const id = randomUUID();
    // The lease first: a conversation row is never without an owner that other processes would adopt.
    const fence = await ownership.create('conversation', id);
    const { runtime, stored } = await ConversationRuntime.start(
      this,
      ctx,
      {
        id,
        student_id: request.studentId,
        drill_id: request.drillId,
        slot: request.slot,
        scenario_id: request.scenarioId,
        scenario_version: version,
        rubric_id: request.rubricId,
        seed: request.seed,
        fence,
      },
      request.arrivesAt,
    );
    if (!runtime.ended) this.runtimes.set(runtime.id, runtime);
    for (const l of this.listeners) l.opened?.(runtime);
    this.published(runtime, stored, 0);
    return runtime;
  }

  /**
   * At start: rebuilds the open conversations from the log and re-arms their timers — on SQLite all of them,
   * on PostgreSQL those nobody else owns (lease ran out, released, or never taken).
   */
  async restoreAll(): Promise<number> {
    if (!this.deps.ownership.shared) {
      const open = await this.deps.rows.listOpen();
      for (const row of open) await this.restore(row);
      return open.length;
    }
    return this.adoptOrphans();
  }

  /** Takes over open conversations whose owner's lease ran out (it died) or who let them go (drain). */
  async adoptOrphans(): Promise<number> {
    if (this.draining) return 0;
    let adopted = 0;
    for (const id of await this.deps.ownership.orphans('conversation')) {
      if (this.runtimes.has(id)) continue;
      if (await this.takeOver(id, true)) adopted++;
    }
    return adopted;
  }

  /** Takes a conversation over now, from whoever runs it (its student is talking to this process). */
  async claim(id: string): Promise<ConversationRuntime | null> {
    const live = this.runtimes.get(id);
    if (live && !live.stopped) return live;
    return this.takeOver(id, false);
  }

  /** Takes over every open conversation of a student whose socket just connected here. */
  async claimStudent(studentId: string): Promise<void> {
    if (!this.deps.ownership.shared || this.draining) return;
    for (const row of await this.deps.rows.listForStudent(studentId, 'open')) {
      if (!this.runtimes.has(row.id)) await this.takeOver(row.id, false);
    }
  }

  /** Another process took these over: stop ours (its appends would be fenced off anyway). */
  release(taken: readonly TakenConversation[]): void {
    for (const { id, token } of taken) {
      const runtime = this.runtimes.get(id);
      // Two processes taking the same conversation at once: the later token wins.
      if (!runtime || runtime.row.fence >= token) continue;
      this.runtimes.delete(id);
      runtime.dispose();
    }
  }

  private takeOver(id: string, onlyIfExpired: boolean): Promise<ConversationRuntime | null> {
    const inFlight = this.taking.get(id);
    if (inFlight) return inFlight;
    const work = (async () => {
      if (this.draining) return null;
      const fence = await this.deps.ownership.take('conversation', id, onlyIfExpired);
      if (fence === null) return null;
      // Read after the lease is ours: whatever the old owner committed before is in the log.
      const row = await this.deps.rows.get(id);
      if (row?.status !== 'open') {
        await this.deps.ownership.drop('conversation', id);
        return null;
      }
      this.runtimes.get(id)?.dispose();
      this.runtimes.delete(id);
      this.deps.announceTaken([{ id, token: fence }]);
      return this.restore({ ...row, fence });
    })();
    this.taking.set(id, work);
    const done = () => this.taking.delete(id);
    work.then(done, done);
    return work;
  }

  private async restore(row: ConversationsTable): Promise<ConversationRuntime | null> {
    try {
      const ctx = await this.deps.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
      const runtime = await ConversationRuntime.restore(this, ctx, row, await this.deps.stopAt(row));
      if (!runtime.ended) this.runtimes.set(runtime.id, runtime);
      return runtime;
    } catch (err) {
      this.deps.logger.error({ err, conversation: row.id }, 'could not restore conversation');
      return null;
    }
  }

  /** An agent message; `sender` is answered by the step that stores it (see InputSender). */
  async send(
    conversationId: string,
    studentId: string,
    message: AgentMessage,
    sender?: InputSender,
  ): Promise<SendResult> {
    return this.input(conversationId, studentId, message.id, (runtime) => runtime.send(message, sender));
  }

  /** The seller changes an order of the conversation (address, variant, note), like a send. */
  async updateOrder(
    conversationId: string,
    studentId: string,
    update: OrderUpdate,
    sender?: InputSender,
  ): Promise<SendResult> {
    return this.input(conversationId, studentId, update.id, (runtime) => runtime.updateOrder(update, sender));
  }

  /** One of the student's inputs, idempotent by its client id, wherever the conversation runs. */
  private async input(
    conversationId: string,
    studentId: string,
    clientId: string,
    run: (runtime: ConversationRuntime) => Promise<SendResult>,
  ): Promise<SendResult> {
    let runtime = this.runtimes.get(conversationId);
    if (runtime && runtime.studentId !== studentId) throw fail('conversation-not-found');
    if (!runtime) {
      const row = await this.deps.rows.get(conversationId);
      if (!row || row.student_id !== studentId) throw fail('conversation-not-found');
      if (row.status === 'open') runtime = (await this.claim(conversationId)) ?? undefined;
    }
    if (runtime) {
      try {
        return await run(runtime);
      } catch (err) {
        // Another process took it meanwhile (its append was fenced off, or we were told and stopped it before
        // it ran): nothing was stored, and the student is here, so take it back.
        const movedAway = err instanceof StaleOwnerError || (runtime.stopped && !this.draining);
        if (!movedAway) throw err;
        const again = await this.claim(conversationId);
        if (again) return run(again);
      }
    }
    // Not live: either it ended (a repeat of a stored id still acks) or it failed to restore.
    const seq = await this.log.findMessage(conversationId, clientId);
    if (seq !== undefined) {
      const stored = (await this.log.read(conversationId, seq - 1))[0];
      return { seq, at: stored?.event.at ?? 0, duplicate: true };
    }
    throw fail('conversation-ended');
  }

  /**
   * The student ends their solo practice (结束练习): every open solo conversation of theirs ends as abandoned,
   * wherever it runs (taken over here first). Drill conversations are graded work and go on. Returns the ids.
   */
  async abandon(studentId: string): Promise<string[]> {
    const open = await this.deps.rows.listForStudent(studentId, 'open');
    const ended: string[] = [];
    for (const row of open) {
      if (row.drill_id !== null) continue;
      const runtime = await this.claim(row.id);
      if (!runtime) continue;
      await runtime.stop(undefined, 'abandoned');
      ended.push(row.id);
    }
    return ended;
  }

  /** The view and every visible event after `afterSeq`, read from the database. */
  async resync(
    row: ConversationsTable,
    afterSeq: number,
  ): Promise<{ conversation: ConversationView; events: EventEnvelope[] }> {
    const fresh = (await this.deps.rows.get(row.id)) ?? row;
    const stored = await this.log.read(row.id);
    const ctx = await this.deps.catalog.context(fresh.scenario_id, fresh.scenario_version, fresh.rubric_id);
    return { conversation: conversationView(fresh, ctx), events: publicEnvelopes(row.id, stored, afterSeq) };
  }

  view(runtime: ConversationRuntime): ConversationView {
    const head = runtime.head;
    return conversationView(runtime.row, runtime.ctx, { lastSeq: head.lastSeq, endedAt: head.endedAt });
  }

  async viewOf(row: ConversationsTable): Promise<ConversationView> {
    const live = this.runtimes.get(row.id);
    if (live) return this.view(live);
    const ctx = await this.deps.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    return conversationView(row, ctx);
  }

  published(
    runtime: ConversationRuntime,
    stored: StoredEvent[],
    prevPublicSeq: number,
    taken?: TakenInput,
  ): void {
    for (const l of this.listeners) {
      try {
        l.published?.(runtime, stored, prevPublicSeq, taken);
      } catch (err) {
        this.deps.logger.error({ err }, 'conversation listener failed');
      }
    }
    if (runtime.ended) {
      if (this.runtimes.get(runtime.id) === runtime) this.runtimes.delete(runtime.id);
      this.deps.ownership.drop('conversation', runtime.id).catch((err: unknown) => {
        this.deps.logger.warn(
          { err, conversation: runtime.id },
          'could not drop an ended conversation lease',
        );
      });
    }
  }

  failed(runtime: ConversationRuntime, error: unknown): void {
    if (error instanceof StaleOwnerError) return; // `lost` said it
    this.deps.logger.error({ err: error, conversation: runtime.id }, 'shopper step failed');
  }

  lost(runtime: ConversationRuntime): void {
    if (this.runtimes.get(runtime.id) === runtime) this.runtimes.delete(runtime.id);
    this.deps.logger.info({ conversation: runtime.id }, 'conversation taken over by another process');
  }

  /** Waits for queued steps and takeovers; true if there was anything to wait for (tests settle on it). */
  async settled(): Promise<boolean> {
    const busy = [...this.runtimes.values()].filter((r) => r.busy);
    if (busy.length === 0 && this.taking.size === 0) return false;
    await Promise.allSettled([...busy.map((r) => r.idle()), ...this.taking.values()]);
    return true;
  }

  /**
   * At shutdown: no new conversations or takeovers, queued steps finish, timers stop, and the leases are
   * let go so another process takes the conversations over at once (the log stays the truth).
   */
  async disposeAll(): Promise<void> {
    this.draining = true;
    await Promise.allSettled([...this.taking.values()]);
    const runtimes = [...this.runtimes.values()];
    this.runtimes.clear();
    await Promise.all(runtimes.map((r) => r.idle()));
    for (const runtime of runtimes) runtime.dispose();
    await this.deps.ownership.release(
      'conversation',
      runtimes.map((r) => r.id),
    );
  }
}
