// The supervisor's live view of a running drill: per student, open conversations, who is waiting since
// when, running response averages and alerts. A fold over the same event log, kept in memory per drill
// (built from the database at start, then updated from every committed event).
import type { ConversationEvent, MonitorAlert, MonitorConversation, StudentMonitor } from '@kefu/shared';
import type { StoredEvent } from '../db/event-log.ts';
import type { ConversationRuntime } from '../realtime/conversation-runtime.ts';
import type { ConversationListener } from './live-conversations.ts';

const MAX_ALERTS = 20;

interface ConversationFold {
  scenarioId: string;
  buyerName: string;
  waitingSince: number | null;
  answeredOnce: boolean;
  open: boolean;
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

export class DrillMonitor implements ConversationListener {
  private readonly drills = new Map<string, Map<string, StudentFold>>();
  private readonly emit: (drillId: string, student: StudentMonitor) => void;

  constructor(emit: (drillId: string, student: StudentMonitor) => void) {
    this.emit = emit;
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
    events: ConversationEvent[],
  ): void {
    const student = this.drills.get(drillId)?.get(studentId);
    if (!student) return;
    student.conversations.set(conversationId, {
      ...header,
      waitingSince: null,
      answeredOnce: false,
      open: true,
    });
    for (const e of events) fold(student, conversationId, e);
  }

  snapshot(drillId: string): StudentMonitor[] {
    const students = this.drills.get(drillId);
    if (!students) return [];
    return [...students].map(([id, s]) => summary(id, s));
  }

  opened(runtime: ConversationRuntime): void {
    const drillId = runtime.row.drill_id;
    if (!drillId) return;
    const student = this.drills.get(drillId)?.get(runtime.studentId);
    if (!student) return;
    student.conversations.set(runtime.id, {
      scenarioId: runtime.row.scenario_id,
      buyerName: runtime.ctx.scenario.persona.name,
      waitingSince: null,
      answeredOnce: false,
      open: true,
    });
  }

  published(runtime: ConversationRuntime, stored: StoredEvent[]): void {
    const drillId = runtime.row.drill_id;
    if (!drillId) return;
    const student = this.drills.get(drillId)?.get(runtime.studentId);
    if (!student) return;
    let changed = false;
    for (const { event } of stored) changed = fold(student, runtime.id, event) || changed;
    if (changed) this.emit(drillId, summary(runtime.studentId, student));
  }
}

/** Applies one event; true when the supervisor's view changed. */
function fold(student: StudentFold, conversationId: string, e: ConversationEvent): boolean {
  const c = student.conversations.get(conversationId);
  if (!c) return false;
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
      c.open = false;
      c.waitingSince = null;
      student.conversations.delete(conversationId);
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
