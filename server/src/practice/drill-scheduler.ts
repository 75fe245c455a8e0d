// Runs class drills: each joined student receives shoppers on the drill's schedule (slot k arrives at
// start + k × interval, at most `concurrency` open at once, `shoppersPerStudent` in all, none after the end).
// Late joiners skip the slots that passed before they joined, except the latest, which arrives at once.
// Everything is rebuilt from the database after a restart: slots are recorded on the conversation rows.
import { createHash } from 'node:crypto';
import type { DrillSettings } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { StoredEvent } from '../db/event-log.ts';
import type { ConversationsRepository } from '../db/repositories/conversations.ts';
import type { DrillRow, DrillsRepository } from '../db/repositories/drills.ts';
import type { ConversationRuntime } from '../realtime/conversation-runtime.ts';
import type { DrillMonitor } from './drill-monitor.ts';
import type { ConversationListener, LiveConversations } from './live-conversations.ts';

interface Participant {
  joinedAt: number;
  nextSlot: number;
  open: number;
  timer: (() => void) | null;
  /** Serialises spawning for one student (opening a conversation is async). */
  busy: Promise<void>;
}

interface RunningDrill {
  row: DrillRow;
  settings: DrillSettings;
  versions: Record<string, string>;
  rubricId: string;
  startedAt: number;
  endsAt: number;
  participants: Map<string, Participant>;
  endTimer: (() => void) | null;
}

export interface DrillSchedulerDeps {
  drills: DrillsRepository;
  conversations: ConversationsRepository;
  live: LiveConversations;
  monitor: DrillMonitor;
  rubricOf(classId: string): Promise<string>;
  announce(row: DrillRow): void;
  clock: Clock;
  logger: FastifyBaseLogger;
}

/** A seed that is the same for the same drill, student and slot, and independent between them. */
export function slotSeed(drillId: string, studentId: string, slot: number): number {
  return createHash('sha256').update(`${drillId}/${studentId}/${slot}`).digest().readUInt32BE(0);
}

export function firstSlot(startedAt: number, joinedAt: number, intervalMs: number): number {
  if (intervalMs <= 0 || joinedAt <= startedAt) return 0;
  return Math.floor((joinedAt - startedAt) / intervalMs);
}

export class DrillScheduler implements ConversationListener {
  private readonly running = new Map<string, RunningDrill>();
  private readonly deps: DrillSchedulerDeps;

  constructor(deps: DrillSchedulerDeps) {
    this.deps = deps;
  }

  /** After a restart: finish drills whose time ran out, resume the others (call after restoring conversations). */
  async boot(now: number): Promise<void> {
    for (const row of await this.deps.drills.listRunning()) {
      if ((row.ends_at ?? 0) <= now) {
        // It ended while the server was down: at its scheduled end, not now.
        await this.finish(row.id, row.ends_at ?? now);
        continue;
      }
      await this.activate(row);
    }
  }

  async start(row: DrillRow, now: number): Promise<void> {
    const settings = JSON.parse(row.settings) as DrillSettings;
    const endsAt = now + Math.round(settings.durationMinutes * 60_000);
    await this.deps.drills.start(row.id, now, endsAt);
    const started = { ...row, status: 'running' as const, started_at: now, ends_at: endsAt };
    await this.activate(started);
    this.deps.announce(started);
  }

  async join(drillId: string, studentId: string, displayName: string, now: number): Promise<void> {
    const joinedAt = await this.deps.drills.join(drillId, studentId, now);
    const drill = this.running.get(drillId);
    if (!drill) return;
    this.deps.monitor.addStudent(drillId, studentId, displayName, true);
    if (drill.participants.has(studentId)) return;
    const intervalMs = drill.settings.arrivalIntervalSeconds * 1000;
    drill.participants.set(studentId, {
      joinedAt,
      nextSlot: firstSlot(drill.startedAt, joinedAt, intervalMs),
      open: 0,
      timer: null,
      busy: Promise.resolve(),
    });
    this.tick(drill, studentId);
  }

  async stop(drillId: string, now: number): Promise<void> {
    await this.finish(drillId, now);
  }

  isRunning(drillId: string): boolean {
    return this.running.has(drillId);
  }

  published(runtime: ConversationRuntime, stored: StoredEvent[]): void {
    const drillId = runtime.row.drill_id;
    if (!drillId || !stored.some((s) => s.event.type === 'ended')) return;
    const drill = this.running.get(drillId);
    const participant = drill?.participants.get(runtime.studentId);
    if (!drill || !participant) return;
    participant.open = Math.max(0, participant.open - 1);
    this.tick(drill, runtime.studentId);
  }

  dispose(): void {
    for (const drill of this.running.values()) this.clearTimers(drill);
    this.running.clear();
  }

  private async activate(row: DrillRow): Promise<void> {
    const settings = JSON.parse(row.settings) as DrillSettings;
    const drill: RunningDrill = {
      row,
      settings,
      versions: JSON.parse(row.versions) as Record<string, string>,
      rubricId: await this.deps.rubricOf(row.class_id),
      startedAt: row.started_at ?? this.deps.clock.now(),
      endsAt: row.ends_at ?? this.deps.clock.now(),
      participants: new Map(),
      endTimer: null,
    };
    this.running.set(row.id, drill);
    this.deps.monitor.track(row.id);
    const intervalMs = settings.arrivalIntervalSeconds * 1000;
    const conversations = await this.deps.conversations.listForDrill(row.id);
    for (const p of await this.deps.drills.participants(row.id)) {
      this.deps.monitor.addStudent(row.id, p.student_id, p.display_name, true);
      const mine = conversations.filter((c) => c.student_id === p.student_id);
      const used = mine.reduce((max, c) => Math.max(max, (c.slot ?? -1) + 1), 0);
      for (const c of mine) {
        const header = { scenarioId: c.scenario_id, buyerName: '' };
        const live = this.deps.live.get(c.id);
        if (live) header.buyerName = live.ctx.scenario.persona.name;
        this.deps.monitor.replay(
          row.id,
          p.student_id,
          c.id,
          header,
          this.deps.live.log.read(c.id).map((s) => s.event),
        );
      }
      drill.participants.set(p.student_id, {
        joinedAt: p.joined_at,
        nextSlot: Math.max(used, firstSlot(drill.startedAt, p.joined_at, intervalMs)),
        open: mine.filter((c) => c.status === 'open').length,
        timer: null,
        busy: Promise.resolve(),
      });
    }
    drill.endTimer = this.deps.clock.at(drill.endsAt, () => {
      this.finish(row.id, this.deps.clock.now()).catch((err) =>
        this.deps.logger.error({ err }, 'drill finish failed'),
      );
    });
    for (const studentId of drill.participants.keys()) this.tick(drill, studentId);
  }

  /** Opens every slot that is due and fits, then arms a timer for the next one. */
  private tick(drill: RunningDrill, studentId: string): void {
    const p = drill.participants.get(studentId);
    if (!p) return;
    p.busy = p.busy.then(async () => {
      if (!this.running.has(drill.row.id)) return;
      p.timer?.();
      p.timer = null;
      const { settings } = drill;
      const intervalMs = settings.arrivalIntervalSeconds * 1000;
      const now = this.deps.clock.now();
      while (
        p.nextSlot < settings.shoppersPerStudent &&
        p.open < settings.concurrency &&
        now < drill.endsAt
      ) {
        const due = drill.startedAt + p.nextSlot * intervalMs;
        if (due > now) {
          if (due < drill.endsAt) {
            p.timer = this.deps.clock.at(due, () => this.tick(drill, studentId));
          }
          return;
        }
        const slot = p.nextSlot++;
        const scenarioId = pickScenario(settings.scenarioIds, studentId, slot);
        p.open++;
        try {
          await this.deps.live.open({
            studentId,
            drillId: drill.row.id,
            slot,
            scenarioId,
            version: drill.versions[scenarioId],
            rubricId: drill.rubricId,
            seed: slotSeed(drill.row.id, studentId, slot),
          });
        } catch (err) {
          p.open--;
          this.deps.logger.error(
            { err, drill: drill.row.id, studentId },
            'could not open drill conversation',
          );
          return;
        }
      }
    });
  }

  private async finish(drillId: string, now: number): Promise<void> {
    const drill = this.running.get(drillId);
    if (drill) this.clearTimers(drill);
    this.running.delete(drillId);
    await this.deps.drills.finish(drillId, now);
    for (const runtime of [...this.deps.live.all()]) {
      if (runtime.row.drill_id === drillId) await runtime.stop();
    }
    this.deps.monitor.untrack(drillId);
    const row = await this.deps.drills.get(drillId);
    if (row) this.deps.announce(row);
  }

  private clearTimers(drill: RunningDrill): void {
    drill.endTimer?.();
    for (const p of drill.participants.values()) p.timer?.();
  }
}

/** Spreads a drill's scenarios over slots, shifted per student so neighbours do not get the same buyer at once. */
function pickScenario(ids: readonly string[], studentId: string, slot: number): string {
  const shift = createHash('sha256').update(studentId).digest().readUInt16BE(0);
  return ids[(shift + slot) % ids.length]!;
}
