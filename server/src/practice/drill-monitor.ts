// The supervisor's live view of a running drill: per student, open conversations, who is waiting since
// when, running response averages and every violation so far. Each conversation is read by the report's own
// live fold (LiveReception in shared/): the rubric of the class, the scenario's patience, the same rules —
// a reply turns slow the moment its benchmark passes (a timer re-reads the conversation then), a dodge shows
// when its judgement is logged, and when the conversation ends the monitor holds the report's violations.
// With several processes every process keeps the fold of every running drill, fed by the events each
// process commits; a conversation's events are folded strictly in seq order, and a gap (events from two
// processes crossing while the conversation changed owner) is filled from the log.
import {
  type LiveReading,
  LiveReception,
  type MonitorAlert,
  type MonitorConversation,
  type ScoringSetup,
  type StudentMonitor,
} from '@kefu/shared';
import type { Clock } from '../clock.ts';
import type { StoredEvent } from '../db/event-log.ts';

/** A drill conversation, as every process knows it (its owner may be another process). */
export interface DrillConversationRef {
  id: string;
  studentId: string;
  drillId: string;
  scenarioId: string;
  scenarioVersion: string;
  rubricId: string;
  buyerName: string;
}

interface WatchedConversation {
  ref: DrillConversationRef;
  /** Null while the scenario and rubric are being loaded (events wait in `pending`). */
  reception: LiveReception | null;
  reading: LiveReading | null;
  /** Seq of the last folded event. */
  lastSeq: number;
  /** Events that arrived while the conversation's setup or a gap before them is read; null when not reading. */
  pending: StoredEvent[] | null;
  /** Cancels the timer re-reading the conversation when its next benchmark or window passes. */
  timer: (() => void) | null;
}

interface StudentFold {
  displayName: string;
  joined: boolean;
  conversations: Map<string, WatchedConversation>;
}

interface WatchedDrill {
  students: Map<string, StudentFold>;
}

export interface DrillMonitorDeps {
  emit(drillId: string, student: StudentMonitor): void;
  /** The conversation's stored events after `afterSeq` (to fill a gap). */
  read(conversationId: string, afterSeq: number): Promise<StoredEvent[]>;
  /** What scoring needs for a conversation played with this scenario version and rubric. */
  setup(ref: DrillConversationRef): Promise<ScoringSetup>;
  clock: Clock;
  failed(error: unknown): void;
}

export class DrillMonitor {
  private readonly drills = new Map<string, WatchedDrill>();
  private readonly deps: DrillMonitorDeps;

  constructor(deps: DrillMonitorDeps) {
    this.deps = deps;
  }

  track(drillId: string): void {
    if (!this.drills.has(drillId)) this.drills.set(drillId, { students: new Map() });
  }

  untrack(drillId: string): void {
    const drill = this.drills.get(drillId);
    if (!drill) return;
    for (const student of drill.students.values())
      for (const c of student.conversations.values()) c.timer?.();
    this.drills.delete(drillId);
  }

  isTracked(drillId: string): boolean {
    return this.drills.has(drillId);
  }

  /** A member of the drill's class: `joined` once they entered the drill (the others show as 未加入). */
  addStudent(drillId: string, studentId: string, displayName: string, joined: boolean): void {
    const drill = this.drills.get(drillId);
    if (!drill) return;
    const existing = drill.students.get(studentId);
    if (existing) {
      if (joined && !existing.joined) {
        existing.joined = true;
        this.deps.emit(drillId, summary(studentId, existing));
      }
      return;
    }
    const fold: StudentFold = { displayName, joined, conversations: new Map() };
    drill.students.set(studentId, fold);
    this.deps.emit(drillId, summary(studentId, fold));
  }

  /** Folds a conversation's stored log (at start, from the database). */
  async replay(ref: DrillConversationRef, stored: StoredEvent[]): Promise<void> {
    const setup = await this.deps.setup(ref);
    const c = this.conversation(ref);
    if (!c) return;
    c.reception ??= new LiveReception(setup);
    this.apply(c, stored);
  }

  snapshot(drillId: string): StudentMonitor[] {
    const drill = this.drills.get(drillId);
    if (!drill) return [];
    return [...drill.students].map(([id, s]) => summary(id, s));
  }

  /** Newly committed events of a drill conversation, from this process or another. */
  published(ref: DrillConversationRef, stored: StoredEvent[]): void {
    const c = this.conversation(ref);
    if (!c) return;
    if (c.pending) {
      c.pending.push(...stored);
      return;
    }
    if (!c.reception) {
      // First news of it here: its scenario and rubric are loaded first (cached by the catalogue).
      c.pending = [...stored];
      this.deps.setup(ref).then(
        (setup) => {
          c.reception ??= new LiveReception(setup);
          this.resume(c);
        },
        (err: unknown) => {
          c.pending = null;
          this.deps.failed(err);
        },
      );
      return;
    }
    if (this.apply(c, stored)) this.changed(c);
  }

  private conversation(ref: DrillConversationRef): WatchedConversation | null {
    const student = this.drills.get(ref.drillId)?.students.get(ref.studentId);
    if (!student) return null;
    let c = student.conversations.get(ref.id);
    if (!c) {
      c = { ref, reception: null, reading: null, lastSeq: 0, pending: null, timer: null };
      student.conversations.set(ref.id, c);
    }
    return c;
  }

  /** Folds what follows `c.lastSeq`, in order; on a gap, reads the log first. True when events were folded. */
  private apply(c: WatchedConversation, stored: StoredEvent[]): boolean {
    const reception = c.reception;
    if (!reception) return false;
    let folded = false;
    const sorted = [...stored].sort((a, b) => a.seq - b.seq);
    for (const [i, s] of sorted.entries()) {
      if (s.seq <= c.lastSeq) continue;
      if (s.seq > c.lastSeq + 1) {
        this.fillGap(c, sorted.slice(i));
        break;
      }
      reception.add(s.event);
      c.lastSeq = s.seq;
      folded = true;
    }
    if (folded) this.reread(c);
    return folded;
  }

  private fillGap(c: WatchedConversation, pending: StoredEvent[]): void {
    c.pending = pending;
    this.deps.read(c.ref.id, c.lastSeq).then(
      (missing) => {
        c.pending = [...missing, ...(c.pending ?? [])];
        this.resume(c);
      },
      (err: unknown) => {
        c.pending = null;
        this.deps.failed(err);
      },
    );
  }

  /** Folds what waited (an overlap is skipped by seq) and tells the watchers. */
  private resume(c: WatchedConversation): void {
    const pending = c.pending ?? [];
    c.pending = null;
    if (this.apply(c, pending)) this.changed(c);
  }

  /** Reads the conversation as of now and arms a timer for the next moment the reading changes by itself. */
  private reread(c: WatchedConversation): void {
    if (!c.reception) return;
    c.timer?.();
    c.timer = null;
    c.reading = c.reception.read(this.deps.clock.now());
    const next = c.reading.changesAt;
    if (next !== null) {
      c.timer = this.deps.clock.at(next, () => {
        c.timer = null;
        if (!this.drills.get(c.ref.drillId)) return;
        this.reread(c);
        this.changed(c);
      });
    }
  }

  private changed(c: WatchedConversation): void {
    const student = this.drills.get(c.ref.drillId)?.students.get(c.ref.studentId);
    if (student) this.deps.emit(c.ref.drillId, summary(c.ref.studentId, student));
  }
}

function summary(studentId: string, s: StudentFold): StudentMonitor {
  const open: MonitorConversation[] = [];
  const alerts: MonitorAlert[] = [];
  let longest: number | null = null;
  let handled = 0;
  let count = 0;
  let totalMs = 0;
  let firsts = 0;
  let firstTotalMs = 0;
  for (const c of s.conversations.values()) {
    const r = c.reading;
    if (!r) continue;
    count += r.responses.count;
    totalMs += r.responses.totalMs;
    if (r.responses.firstMs !== null) {
      firsts++;
      firstTotalMs += r.responses.firstMs;
    }
    for (const v of r.report.violations) {
      alerts.push({ kind: v.rule, conversationId: c.ref.id, at: r.origin + Math.round(v.atSeconds * 1000) });
    }
    if (r.ended) {
      handled++;
      continue;
    }
    open.push({
      conversationId: c.ref.id,
      buyerName: c.ref.buyerName,
      scenarioId: c.ref.scenarioId,
      waitingSince: r.waitingSince,
      firstTurn: r.firstTurn,
      warnAt: r.warnAt,
      leavesAt: r.leavesAt,
    });
    if (r.waitingSince !== null && (longest === null || r.waitingSince < longest)) longest = r.waitingSince;
  }
  alerts.sort((a, b) => b.at - a.at);
  const avg = (total: number, n: number) => (n === 0 ? null : Math.round(total / n / 100) / 10);
  return {
    studentId,
    displayName: s.displayName,
    joined: s.joined,
    open,
    longestWaitSince: longest,
    handled,
    averageResponseSeconds: avg(totalMs, count),
    firstResponseSeconds: avg(firstTotalMs, firsts),
    alerts,
  };
}
