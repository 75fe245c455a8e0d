// Every live conversation of this process, by id: opens new ones, restores open ones after a restart,
// routes agent messages to their runtime and tells listeners (sockets, monitor, drills) what was committed.
import { randomUUID } from 'node:crypto';
import type { AgentMessage, ConversationView, EventEnvelope } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { EventLog, StoredEvent } from '../db/event-log.ts';
import type { ConversationsRepository } from '../db/repositories/conversations.ts';
import type { ConversationsTable } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { ConversationRuntime, type RuntimeHost, type SendResult } from '../realtime/conversation-runtime.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import { conversationView, publicEnvelopes } from './views.ts';

export interface ConversationListener {
  opened?(runtime: ConversationRuntime): void;
  published?(runtime: ConversationRuntime, stored: StoredEvent[], prevPublicSeq: number): void;
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
}

export class LiveConversations implements RuntimeHost {
  readonly log: EventLog;
  readonly clock: Clock;
  private readonly runtimes = new Map<string, ConversationRuntime>();
  private readonly listeners: ConversationListener[] = [];
  private readonly catalog: ScenarioCatalog;
  private readonly rows: ConversationsRepository;
  private readonly logger: FastifyBaseLogger;

  constructor(deps: {
    log: EventLog;
    clock: Clock;
    catalog: ScenarioCatalog;
    rows: ConversationsRepository;
    logger: FastifyBaseLogger;
  }) {
    this.log = deps.log;
    this.clock = deps.clock;
    this.catalog = deps.catalog;
    this.rows = deps.rows;
    this.logger = deps.logger;
  }

  listen(listener: ConversationListener): void {
    this.listeners.push(listener);
  }

  get(id: string): ConversationRuntime | undefined {
    return this.runtimes.get(id);
  }

  /** Open runtimes (for drills and the monitor). */
  all(): IterableIterator<ConversationRuntime> {
    return this.runtimes.values();
  }

  async open(request: OpenRequest): Promise<ConversationRuntime> {
    const version = request.version ?? this.catalog.versionOf(request.scenarioId);
    if (version === undefined) throw notFound(`场景 ${request.scenarioId} `);
    const ctx = await this.catalog.context(request.scenarioId, version, request.rubricId);
    const { runtime, stored } = ConversationRuntime.start(this, ctx, {
      id: randomUUID(),
      student_id: request.studentId,
      drill_id: request.drillId,
      slot: request.slot,
      scenario_id: request.scenarioId,
      scenario_version: version,
      rubric_id: request.rubricId,
      seed: request.seed,
    });
    if (!runtime.ended) this.runtimes.set(runtime.id, runtime);
    for (const l of this.listeners) l.opened?.(runtime);
    this.published(runtime, stored, 0);
    return runtime;
  }

  /**
   * Rebuilds every open conversation from the log and re-arms its timer. `stopAt` names the moment a
   * conversation should have been stopped while the server was down (its drill's end), or null.
   */
  async restoreAll(stopAt: (row: ConversationsTable) => number | null = () => null): Promise<number> {
    const open = await this.rows.listOpen();
    for (const row of open) {
      try {
        const ctx = await this.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
        const runtime = ConversationRuntime.restore(this, ctx, row, stopAt(row));
        if (!runtime.ended) this.runtimes.set(runtime.id, runtime);
      } catch (err) {
        this.logger.error({ err, conversation: row.id }, 'could not restore conversation');
      }
    }
    return open.length;
  }

  async send(conversationId: string, studentId: string, message: AgentMessage): Promise<SendResult> {
    const runtime = this.runtimes.get(conversationId);
    if (runtime && runtime.studentId === studentId) return runtime.send(message);
    const row = await this.rows.get(conversationId);
    if (!row || row.student_id !== studentId) throw notFound('这个对话');
    // Not live: either it ended (a repeat of a stored id still acks) or it failed to restore.
    const seq = this.log.findMessage(conversationId, message.id);
    if (seq !== undefined) {
      const stored = this.log.read(conversationId, seq - 1)[0];
      return { seq, at: stored?.event.at ?? 0, duplicate: true };
    }
    throw new AppError('ended', '这位买家的对话已经结束，不能再发送消息');
  }

  /** The view and every visible event after `afterSeq`, read from the database. */
  async resync(
    row: ConversationsTable,
    afterSeq: number,
  ): Promise<{ conversation: ConversationView; events: EventEnvelope[] }> {
    const fresh = (await this.rows.get(row.id)) ?? row;
    const stored = this.log.read(row.id);
    const ctx = await this.catalog.context(fresh.scenario_id, fresh.scenario_version, fresh.rubric_id);
    return { conversation: conversationView(fresh, ctx), events: publicEnvelopes(row.id, stored, afterSeq) };
  }

  view(runtime: ConversationRuntime): ConversationView {
    const head = runtime.head;
    return conversationView(runtime.row, runtime.ctx, { lastSeq: head.lastSeq, endedAt: head.endedAt });
  }

  async viewOf(row: ConversationsTable): Promise<ConversationView> {
    const live = this.runtimes.get(row.id);
    if (live) return this.view(live);
    const ctx = await this.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    return conversationView(row, ctx);
  }

  published(runtime: ConversationRuntime, stored: StoredEvent[], prevPublicSeq: number): void {
    for (const l of this.listeners) {
      try {
        l.published?.(runtime, stored, prevPublicSeq);
      } catch (err) {
        this.logger.error({ err }, 'conversation listener failed');
      }
    }
    if (runtime.ended) this.runtimes.delete(runtime.id);
  }

  failed(runtime: ConversationRuntime, error: unknown): void {
    this.logger.error({ err: error, conversation: runtime.id }, 'shopper step failed');
  }

  /** Stops timers at shutdown and lets queued steps finish; open conversations resume from the log on the next start. */
  async disposeAll(): Promise<void> {
    const runtimes = [...this.runtimes.values()];
    this.runtimes.clear();
    await Promise.all(runtimes.map((r) => r.idle()));
    for (const runtime of runtimes) runtime.dispose();
  }
}
