// Runs class drills: each joined student receives shoppers on the drill's schedule (slot k arrives at
// start + k × interval, at most `concurrency` open at once, `shoppersPerStudent` in all, none after the end).
// Late joiners skip the slots that passed before they joined, except the latest, which arrives at once.
// Everything is rebuilt from the database after a restart: slots are recorded on the conversation rows.
// With several processes, one process runs a drill's schedule, held by a lease like a conversation's; when
// it dies another takes the schedule over. A slot opens once whoever opens it (a unique index on drill,
// student and slot). Every process watches every running drill for its monitor.
// An exam is a drill that opens itself at its opening time and ends at its closing time; each student's
// schedule runs from the moment they start it (slot k at joined + k × interval), so a later start loses nothing.
import { createHash } from 'node:crypto';
import { type DrillSettings, decideDrillStart } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Ownership } from '../cluster/leases.ts';
import type { StoredEvent } from '../db/event-log.ts';
import type { ConversationsRepository } from '../db/repositories/conversations.ts';
import type { DrillRow, DrillsRepository } from '../db/repositories/drills.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { DrillConversationRef, DrillMonitor } from './drill-monitor.ts';
import type { LiveConversations } from './live-conversations.ts';

interface Participant {
  joinedAt: number;
  /** When slot 0 is due: the drill's start, or for an exam the student's own start. */
  origin: number;
  nextSlot: number;
  /** Slots were due but `concurrency` buyers were open: the heartbeat looks again. */
  blocked: boolean;
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
  catalog: ScenarioCatalog;
  ownership: Ownership;
  rubricOf(classId: string): Promise<string>;
  /** The students of a class (the monitor lists those who have not joined as 未加入). */
  studentsOf(classId: string): Promise<{ id: string; displayName: string }[]>;
  /** Tells the drill's class (in every process) its new state. */
  announce(row: DrillRow): Promise<void>;
  /** Tells the other processes (they watch it, or stop its conversations); resolves when they did. */
  tellPeers(message: DrillMessage): Promise<void>;
  clock: Clock;
  logger: FastifyBaseLogger;
}

/** What one process tells the others about a drill. */
export type DrillMessage =
  | { type: 'started'; drillId: string }
  | { type: 'joined'; drillId: string; studentId: string; displayName: string }
  | { type: 'finished'; drillId: string; at: number };

/** A seed that is the same for the same drill, student and slot, and independent between them. */
export function slotSeed(drillId: string, studentId: string, slot: number): number {
  return createHash('sha256').update(`${drillId}/${studentId}/${slot}`).digest().readUInt32BE(0);
}

export function firstSlot(startedAt: number, joinedAt: number, intervalMs: number): number {
  if (intervalMs <= 0 || joinedAt <= startedAt) return 0;
  return Math.floor((joinedAt - startedAt) / intervalMs);
}

export class DrillScheduler {
  /** Drills whose schedule this process runs. */
  private readonly running = new Map<string, RunningDrill>();
  private readonly deps: DrillSchedulerDeps;
  private disposed = false;
  /** Ticks queued or running. */
  private ticking = 0;
  /** Drills finishing at their end time. */
  private readonly finishing = new Set<Promise<unknown>>();
  /** Timers opening scheduled exams, by exam id. */
  private readonly openings = new Map<string, () => void>();

  constructor(deps: DrillSchedulerDeps) {
    this.deps = deps;
  }

  /** At start (after restoring conversations): watch every running drill, run the schedules nobody runs. */
  async boot(): Promise<void> {
    for (const row of await this.deps.drills.listRunning()) await this.watch(row);
    await this.adoptOrphans();
    for (const row of await this.deps.drills.listScheduledExams()) this.planExam(row);
    // A server that died between storing the Nth join and starting the drill starts it now.
    const now = this.deps.clock.now();
    for (const row of await this.deps.drills.listDraftDrills()) {
      const { startWhenJoined } = JSON.parse(row.settings) as DrillSettings;
      if (startWhenJoined === undefined) continue;
      const joins = (await this.deps.drills.participants(row.id)).map((p) => p.joined_at);
      if (decideDrillStart(row.status, startWhenJoined, joins, now).kind === 'start')
        await this.start(row, now);
    }
  }

  /** Opens a scheduled exam at its opening time (every process that knows it tries; one opens it). */
  planExam(row: DrillRow): void {
    if (row.kind !== 'exam' || row.status !== 'draft' || this.disposed || this.openings.has(row.id)) return;
    const cancel = this.deps.clock.at(row.opens_at ?? 0, () => {
      this.openings.delete(row.id);
      const opening = this.openExam(row.id)
        .catch((err) => this.deps.logger.error({ err, exam: row.id }, 'exam opening failed'))
        .finally(() => this.finishing.delete(opening));
      this.finishing.add(opening);
    });
    this.openings.set(row.id, cancel);
  }

  /** Opens the exam if it is due and still scheduled; true when it is running or finished now. */
  async openExam(id: string): Promise<boolean> {
    const row = await this.deps.drills.get(id);
    if (row?.kind !== 'exam') return false;
    if (row.status === 'draft' && (row.opens_at ?? 0) <= this.deps.clock.now()) {
      await this.start(row, this.deps.clock.now());
    }
    return (await this.deps.drills.get(id))?.status !== 'draft';
  }

  /** Takes over the schedules of running drills whose process died or let go (SQLite: every one). */
  async adoptOrphans(): Promise<void> {
    const ids = this.deps.ownership.shared
      ? await this.deps.ownership.orphans('drill')
      : (await this.deps.drills.listRunning()).map((r) => r.id);
    for (const id of ids) {
      if (this.disposed || this.running.has(id)) continue;
      if ((await this.deps.ownership.take('drill', id, true)) === null) continue;
      const row = await this.deps.drills.get(id);
      if (row?.status !== 'running') continue;
      await this.watch(row);
      await this.schedule(row);
    }
  }

  /** Starts a draft; false when someone else started it first (the teacher and the Nth join at once). */
  async start(row: DrillRow, now: number): Promise<boolean> {
    const settings = JSON.parse(row.settings) as DrillSettings;
    // An exam ends at its closing time, a drill its length after the start.
    const endsAt =
      row.kind === 'exam' && row.closes_at !== null
        ? row.closes_at
        : now + Math.round(settings.durationMinutes * 60_000);
    // The lease before the status: a running drill is never without an owner that others would adopt.
    // Only a free lease: a live one belongs to a process starting this drill right now.
    if ((await this.deps.ownership.take('drill', row.id, true)) === null) return false;
    if (!(await this.deps.drills.start(row.id, now, endsAt))) {
      await this.deps.ownership.drop('drill', row.id);
      return false;
    }
    const started = { ...row, status: 'running' as const, started_at: now, ends_at: endsAt };
    await this.watch(started);
    await this.schedule(started);
    await this.deps.announce(started);
    await this.deps.tellPeers({ type: 'started', drillId: row.id });
    return true;
  }

  /**
   * A student joins. With `once` (an exam: one attempt) a join that was not the first — two 开始考试 at the
   * same instant — changes nothing and returns false.
   */
  async join(
    drillId: string,
    studentId: string,
    displayName: string,
    now: number,
    once = false,
  ): Promise<boolean> {
    const { first } = await this.deps.drills.join(drillId, studentId, now);
    if (once && !first) return false;
    await this.joined(drillId, studentId, displayName);
    await this.deps.tellPeers({ type: 'joined', drillId, studentId, displayName });
    await this.startWhenEnoughJoined(drillId, now);
    return true;
  }

  /** A draft set to start when N joined starts at the join that makes N; until then its class hears k/N. */
  private async startWhenEnoughJoined(drillId: string, now: number): Promise<void> {
    const row = await this.deps.drills.get(drillId);
    if (!row) return;
    const { startWhenJoined } = JSON.parse(row.settings) as DrillSettings;
    const joins = (await this.deps.drills.participants(drillId)).map((p) => p.joined_at);
    const decision = decideDrillStart(row.status, startWhenJoined, joins, now);
    if (decision.kind === 'start') await this.start(row, decision.at);
    else if (decision.kind === 'waiting') await this.deps.announce(row);
  }

  async stop(drillId: string, now: number): Promise<void> {
    await this.finish(drillId, now);
  }

  /** Another process's news about a drill. */
  async received(message: DrillMessage): Promise<void> {
    if (message.type === 'started') {
      const row = await this.deps.drills.get(message.drillId);
      if (row?.status === 'running') await this.watch(row);
    } else if (message.type === 'joined') {
      await this.joined(message.drillId, message.studentId, message.displayName);
    } else {
      await this.stopHere(message.drillId, message.at);
    }
  }

  /** Newly committed events of a drill conversation (from any process): an ended buyer makes room. */
  published(ref: DrillConversationRef, stored: StoredEvent[]): void {
    if (!stored.some((s) => s.event.type === 'ended')) return;
    const drill = this.running.get(ref.drillId);
    if (drill?.participants.has(ref.studentId)) this.tick(drill, ref.studentId);
  }

  /** Heartbeat: students held back by `concurrency` get another look (an `ended` may not have reached us). */
  recheck(): void {
    for (const drill of this.running.values()) {
      for (const [studentId, p] of drill.participants) if (p.blocked) this.tick(drill, studentId);
    }
  }

  /** Waits for slots being opened and drills being finished; true if there was anything to wait for (tests settle on it). */
  async settled(): Promise<boolean> {
    if (this.ticking === 0 && this.finishing.size === 0) return false;
    const busy = [...this.running.values()].flatMap((d) => [...d.participants.values()].map((p) => p.busy));
    await Promise.allSettled([...busy, ...this.finishing]);
    return true;
  }

  /** At shutdown: timers stop and the schedules are let go (another process takes them over at once). */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const cancel of this.openings.values()) cancel();
    this.openings.clear();
    const ids = [...this.running.keys()];
    for (const drill of this.running.values()) this.clearTimers(drill);
    await Promise.allSettled(
      [...this.running.values()].flatMap((d) => [...d.participants.values()].map((p) => p.busy)),
    );
    this.running.clear();
    await this.deps.ownership.release('drill', ids);
  }

  private async joined(drillId: string, studentId: string, displayName: string): Promise<void> {
    this.deps.monitor.addStudent(drillId, studentId, displayName, true);
    const drill = this.running.get(drillId);
    if (!drill || drill.participants.has(studentId)) return;
    const p = await this.deps.drills.participant(drillId, studentId);
    if (!p || drill.participants.has(studentId)) return;
    const intervalMs = drill.settings.arrivalIntervalSeconds * 1000;
    const origin = originOf(drill, p.joined_at);
    drill.participants.set(studentId, {
      joinedAt: p.joined_at,
      origin,
      nextSlot: firstSlot(origin, p.joined_at, intervalMs),
      blocked: false,
      timer: null,
      busy: Promise.resolve(),
    });
    this.tick(drill, studentId);
  }

  /** The monitor's fold of a running drill, from the database (every process keeps one). */
  private async watch(row: DrillRow): Promise<void> {
    const { monitor, live } = this.deps;
    if (monitor.isTracked(row.id)) return;
    monitor.track(row.id);
    const conversations = await this.deps.conversations.listForDrill(row.id);
    const participants = await this.deps.drills.participants(row.id);
    for (const p of participants) {
      monitor.addStudent(row.id, p.student_id, p.display_name, true);
      for (const c of conversations) {
        if (c.student_id !== p.student_id) continue;
        const ctx = await this.deps.catalog.context(c.scenario_id, c.scenario_version, c.rubric_id);
        const ref: DrillConversationRef = {
          id: c.id,
          studentId: c.student_id,
          drillId: row.id,
          scenarioId: c.scenario_id,
          scenarioVersion: c.scenario_version,
          rubricId: c.rubric_id,
          buyerName: ctx.scenario.persona.name,
        };
        await monitor.replay(ref, await live.log.read(c.id));
      }
    }
    const joined = new Set(participants.map((p) => p.student_id));
    for (const s of await this.deps.studentsOf(row.class_id)) {
      if (!joined.has(s.id)) monitor.addStudent(row.id, s.id, s.displayName, false);
    }
  }

  /** Runs the drill's schedule here (this process holds its lease); a drill whose time ran out finishes. */
  private async schedule(row: DrillRow): Promise<void> {
    const now = this.deps.clock.now();
    if ((row.ends_at ?? 0) <= now) {
      // It ended while nobody ran it: at its scheduled end, not now.
      await this.finish(row.id, row.ends_at ?? now);
      return;
    }
    const settings = JSON.parse(row.settings) as DrillSettings;
    const drill: RunningDrill = {
      row,
      settings,
      versions: JSON.parse(row.versions) as Record<string, string>,
      rubricId: await this.deps.rubricOf(row.class_id),
      startedAt: row.started_at ?? now,
      endsAt: row.ends_at ?? now,
      participants: new Map(),
      endTimer: null,
    };
    this.running.set(row.id, drill);
    const intervalMs = settings.arrivalIntervalSeconds * 1000;
    const conversations = await this.deps.conversations.listForDrill(row.id);
    for (const p of await this.deps.drills.participants(row.id)) {
      const used = conversations
        .filter((c) => c.student_id === p.student_id)
        .reduce((max, c) => Math.max(max, (c.slot ?? -1) + 1), 0);
      const origin = originOf(drill, p.joined_at);
      drill.participants.set(p.student_id, {
        joinedAt: p.joined_at,
        origin,
        nextSlot: Math.max(used, firstSlot(origin, p.joined_at, intervalMs)),
        blocked: false,
        timer: null,
        busy: Promise.resolve(),
      });
    }
    drill.endTimer = this.deps.clock.at(drill.endsAt, () => {
      const finishing = this.finish(row.id, this.deps.clock.now())
        .catch((err) => this.deps.logger.error({ err }, 'drill finish failed'))
        .finally(() => this.finishing.delete(finishing));
      this.finishing.add(finishing);
    });
    for (const studentId of drill.participants.keys()) this.tick(drill, studentId);
  }

  /** Opens every slot that is due and fits, then arms a timer for the next one. */
  private tick(drill: RunningDrill, studentId: string): void {
    const p = drill.participants.get(studentId);
    if (!p) return;
    this.ticking++;
    p.busy = p.busy
      .then(async () => {
        if (this.running.get(drill.row.id) !== drill) return;
        p.timer?.();
        p.timer = null;
        p.blocked = false;
        const { settings } = drill;
        const intervalMs = settings.arrivalIntervalSeconds * 1000;
        const now = this.deps.clock.now();
        // Counted in the database: buyers of this student may run in other processes.
        let open = await this.deps.conversations.countOpen(drill.row.id, studentId);
        while (p.nextSlot < settings.shoppersPerStudent && now < drill.endsAt) {
          if (open >= settings.concurrency) {
            p.blocked = true;
            return;
          }
          const due = p.origin + p.nextSlot * intervalMs;
          if (due > now) {
            if (due < drill.endsAt) {
              p.timer = this.deps.clock.at(due, () => this.tick(drill, studentId));
            }
            return;
          }
          const slot = p.nextSlot++;
          const scenarioId = pickScenario(settings.scenarioIds, studentId, slot);
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
            open++;
          } catch (err) {
            this.deps.logger.error(
              { err, drill: drill.row.id, studentId },
              'could not open drill conversation',
            );
            return;
          }
        }
      })
      .catch((err: unknown) => this.deps.logger.error({ err, drill: drill.row.id }, 'drill schedule failed'))
      .finally(() => {
        this.ticking--;
      });
  }

  private async finish(drillId: string, now: number): Promise<void> {
    const at = (await this.deps.drills.finish(drillId, now)) ?? now;
    await this.stopHere(drillId, at);
    // Other processes stop the buyers they run; a dead one's are ended at `at` by whoever adopts them.
    await this.deps.tellPeers({ type: 'finished', drillId, at });
    await this.deps.ownership.drop('drill', drillId);
    const row = await this.deps.drills.get(drillId);
    if (row) await this.deps.announce(row);
  }

  /** The drill ended at `at`: its schedule (if here) and its buyers in this process stop. */
  private async stopHere(drillId: string, at: number): Promise<void> {
    const drill = this.running.get(drillId);
    if (drill) this.clearTimers(drill);
    this.running.delete(drillId);
    for (const runtime of [...this.deps.live.all()]) {
      if (runtime.row.drill_id === drillId) await runtime.stop(at);
    }
    this.deps.monitor.untrack(drillId);
  }

  private clearTimers(drill: RunningDrill): void {
    drill.endTimer?.();
    for (const p of drill.participants.values()) p.timer?.();
  }
}

/** A drill's schedule runs from its start for everyone; an exam's from each student's own start. */
function originOf(drill: RunningDrill, joinedAt: number): number {
  return drill.row.kind === 'exam' ? Math.max(joinedAt, drill.startedAt) : drill.startedAt;
}

/** Spreads a drill's scenarios over slots, shifted per student so neighbours do not get the same buyer at once. */
function pickScenario(ids: readonly string[], studentId: string, slot: number): string {
  const shift = createHash('sha256').update(studentId).digest().readUInt16BE(0);
  return ids[(shift + slot) % ids.length]!;
}
