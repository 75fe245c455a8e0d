// How long a student has kept a buyer waiting, and when that buyer is about to leave: the supervisor's
// colours follow the benchmarks of the class's rubric (the same comparison the report's rules make), and
// "about to leave" comes from the scenario's patience (the server's live reading says from when).

import type { StudentMonitor } from '@kefu/shared/protocol';
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { waitLevel } from '@kefu/shared/scoring/benchmarks';

export function waitSeconds(since: number | null, now: number): number | null {
  return since === null ? null : Math.max(0, (now - since) / 1000);
}

export function waitTone(
  since: number | null,
  now: number,
  benchmarks: Benchmarks,
): 'idle' | 'ok' | 'amber' | 'red' {
  return since === null ? 'idle' : waitLevel(Math.max(0, now - since), benchmarks);
}

export interface LeavingBuyer {
  conversationId: string;
  buyerName: string;
  /** How long they have waited. */
  seconds: number;
}

export function aboutToLeave(student: StudentMonitor, now: number): LeavingBuyer[] {
  const out: LeavingBuyer[] = [];
  for (const c of student.open) {
    if (c.waitingSince === null || c.warnAt === null || now < c.warnAt) continue;
    out.push({
      conversationId: c.conversationId,
      buyerName: c.buyerName,
      seconds: Math.floor((now - c.waitingSince) / 1000),
    });
  }
  return out;
}

/** The violations so far, one entry per kind with how many, most recent kind first. */
export function alertCounts(
  student: StudentMonitor,
): { kind: StudentMonitor['alerts'][number]['kind']; count: number }[] {
  const counts = new Map<StudentMonitor['alerts'][number]['kind'], number>();
  for (const a of student.alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}
