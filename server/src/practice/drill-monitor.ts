// The supervisor's live view of a running drill: per student, open conversations, who is waiting since
// when, running response averages and alerts. A fold over the same event log, kept in memory per drill
// (built from the database at start, then updated from every committed event). With several processes
// every process keeps the fold of every running drill, fed by the events each process commits; a
// conversation's events are folded strictly in seq order, and a gap (events from two processes crossing
// while the conversation changed owner) is filled from the log.
import type { ConversationEvent, MonitorAlert, MonitorConversation, StudentMonitor } from '@kefu/shared';
import type { StoredEvent } from '../db/event-log.ts';

const MAX_ALERTS = 20;

/** A drill conversation, as every process knows it (its owner may be another process). */
export interface DrillConversationRef {
  id: string;
  studentId: string;
  drillId: string;
  scenarioId: string;
  buyerName: string;
}

interface ConversationFold {
  id: string;
  scenarioId: string;
  buyerName: string;
  waitingSince: number | null;
  answeredOnce: boolean;
  open: boolean;
  /** Seq of the last folded event. */
  lastSeq: number;
  /** Events that arrived while the gap before them is read from the log; null when not reading. */
  waiting: StoredEvent[] | null;
}

interface StudentFold {
  displayName: string;
  joined: boolean;
  conversations: Map<string, ConversationFold>;
  responseMsTotal: number;
  responses: number;
  firstMsTotal: number;
  firsts: number;
  handled: number;
  alerts: MonitorAlert[];
}

export interface DrillMonitorDeps {
  emit(drillId: string, student: StudentMonitor): void;
  /** The conversation's stored events after `afterSeq` (to fill a gap). */
  read(conversationId: string, afterSeq: number): Promise<StoredEvent[]>;
  failed(error: unknown): void;
}

export class DrillMonitor {
  private readonly drills = new Map<string, Map<string, StudentFold>>();
  private readonly deps: DrillMonitorDeps;

  constructor(deps: DrillMonitorDeps) {
    this.deps = deps;
  }

  private emit(drillId: string, student: StudentMonitor): void {
    this.deps.emit(drillId, student);
  }

  track(drillId: string): void {
    if (!this.drills.has(drillId)) this.drills.set(drillId, new Map());
  }

  untrack(drillId: string): void {
    this.drills.delete(drillId);
  }

  isTracked(drillId: string): boolean {
    return this.drills.has(drillId);
  }

  addStudent(drillId: string, studentId: string, displayName: string, joined: boolean): void {
    const students = this.drills.get(drillId);
    if (!students) return;
    const existing = students.get(studentId);
    if (existing) {
      if (joined && !existing.joined) {
        existing.joined = true;
        this.emit(drillId, summary(studentId, existing));
      }
      return;
    }
    const fold: StudentFold = {
      displayName,
      joined,
      conversations: new Map(),
      responseMsTotal: 0,
      responses: 0,
      firstMsTotal: 0,
      firsts: 0,
      handled: 0,
      alerts: [],
    };
    students.set(studentId, fold);
    if (joined) this.emit(drillId, summary(studentId, fold));
  }

  /** Folds a conversation's stored log (at start, from the database). */
  replay(
    drillId: string,
    studentId: string,
    conversationId: string,
    header: { scenarioId: string; buyerName: string },
    stored: StoredEvent[],
  ): void {
    const student = this.drills.get(drillId)?.get(studentId);
    if (!student) return;
    const c = student.conversations.get(conversationId) ?? newFold(conversationId, header);
    student.conversations.set(conversationId, c);
    for (const s of stored) {
      if (s.seq !== c.lastSeq + 1) continue;
      fold(student, c, s.event);
      c.lastSeq = s.seq;
    }
  }

  snapshot(drillId: string): StudentMonitor[] {
    const students = this.drills.get(drillId);
    if (!students) return [];
    return [...students].map(([id, s]) => summary(id, s));
  }

  /** Newly committed events of a drill conversation, from this process or another. */
  published(ref: DrillConversationRef, stored: StoredEvent[]): void {
    const student = this.drills.get(ref.drillId)?.get(ref.studentId);
    if (!student) return;
    let c = student.conversations.get(ref.id);
    if (!c) {
      c = newFold(ref.id, ref);
      student.conversations.set(ref.id, c);
    }
    if (c.waiting) {
      c.waiting.push(...stored);
      return;
    }
    if (this.apply(ref, student, c, stored)) this.emit(ref.drillId, summary(ref.studentId, student));
  }

  /** Folds what follows `c.lastSeq`, in order; on a gap, reads the log first. True when the view changed. */
  private apply(
    ref: DrillConversationRef,
    student: StudentFold,
    c: ConversationFold,
    stored: StoredEvent[],
  ): boolean {
    let changed = false;
    const sorted = [...stored].sort((a, b) => a.seq - b.seq);
    for (const [i, s] of sorted.entries()) {
      if (s.seq <= c.lastSeq) continue;
      if (s.seq > c.lastSeq + 1) {
        this.fillGap(ref, student, c, sorted.slice(i));
        return changed;
      }
      changed = fold(student, c, s.event) || changed;
      c.lastSeq = s.seq;
    }
    return changed;
  }

  private fillGap(
    ref: DrillConversationRef,
    student: StudentFold,
    c: ConversationFold,
    pending: StoredEvent[],
  ): void {
    c.waiting = pending;
    this.deps.read(ref.id, c.lastSeq).then(
      (missing) => {
        const waiting = c.waiting ?? [];
        c.waiting = null;
        // Whatever arrived meanwhile goes after what was read (an overlap is skipped by seq).
        if (this.apply(ref, student, c, [...missing, ...waiting])) {
          this.emit(ref.drillId, summary(ref.studentId, student));
        }
      },
      (err: unknown) => {
        c.waiting = null;
        this.deps.failed(err);
      },
    );
  }
}

function newFold(id: string, header: { scenarioId: string; buyerName: string }): ConversationFold {
  return {
    id,
    scenarioId: header.scenarioId,
    buyerName: header.buyerName,
    waitingSince: null,
    answeredOnce: false,
    open: true,
    lastSeq: 0,
    waiting: null,
  };
}

/** Applies one event; true when the supervisor's view changed. */
function fold(student: StudentFold, c: ConversationFold, e: ConversationEvent): boolean {
  const conversationId = c.id;
  const alert = (kind: MonitorAlert['kind']) => {
    student.alerts.unshift({ kind, conversationId, at: e.at });
    student.alerts.length = Math.min(student.alerts.length, MAX_ALERTS);
  };
  switch (e.type) {
    case 'buyer-message':
      if (c.waitingSince !== null) return false;
      c.waitingSince = e.at;
      return true;
    case 'agent-message': {
      if (c.waitingSince === null) return false;
      const waited = e.at - c.waitingSince;
      student.responseMsTotal += waited;
      student.responses++;
      if (!c.answeredOnce) {
        student.firstMsTotal += waited;
        student.firsts++;
        c.answeredOnce = true;
      }
      if (waited > 30_000) alert('slow-response');
      c.waitingSince = null;
      return true;
    }
    case 'reply-judged':
      if (e.contradicted.length > 0) alert('wrong-fact');
      if (e.evaded.length > 0) alert('question-evaded');
      return e.contradicted.length > 0 || e.evaded.length > 0;
    case 'buyer-left':
      alert('buyer-left');
      return true;
    case 'ended':
      if (c.waitingSince !== null && e.reason !== 'buyer-left') alert('unanswered');
      // Kept (closed) rather than deleted, so a late duplicate of its events is recognised by seq.
      c.open = false;
      c.waitingSince = null;
      student.handled++;
      return true;
    default:
      return false;
  }
}

function summary(studentId: string, s: StudentFold): StudentMonitor {
  const open: MonitorConversation[] = [];
  let longest: number | null = null;
  for (const [conversationId, c] of s.conversations) {
    if (!c.open) continue;
    open.push({
      conversationId,
      buyerName: c.buyerName,
      scenarioId: c.scenarioId,
      waitingSince: c.waitingSince,
    });
    if (c.waitingSince !== null && (longest === null || c.waitingSince < longest)) longest = c.waitingSince;
  }
  const avg = (total: number, n: number) => (n === 0 ? null : Math.round(total / n / 100) / 10);
  return {
    studentId,
    displayName: s.displayName,
    joined: s.joined,
    open,
    longestWaitSince: longest,
    handled: s.handled,
    averageResponseSeconds: avg(s.responseMsTotal, s.responses),
    firstResponseSeconds: avg(s.firstMsTotal, s.firsts),
    alerts: s.alerts,
  };
}
