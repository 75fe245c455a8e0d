// How long a student has kept a buyer waiting, and when that buyer is about to leave: the supervisor's
// colours follow the benchmarks (3 s, 30 s); "about to leave" is two thirds of the default 90 s patience.
import type { StudentMonitor } from '@kefu/shared/protocol';

export const ABOUT_TO_LEAVE_SECONDS = 60;

export function waitSeconds(since: number | null, now: number): number | null {
  return since === null ? null : Math.max(0, (now - since) / 1000);
}

export function waitTone(seconds: number | null): 'idle' | 'ok' | 'amber' | 'red' {
  if (seconds === null) return 'idle';
  return seconds < 3 ? 'ok' : seconds < 30 ? 'amber' : 'red';
}

export interface LeavingBuyer {
  conversationId: string;
  buyerName: string;
  seconds: number;
}

export function aboutToLeave(student: StudentMonitor, now: number): LeavingBuyer[] {
  const out: LeavingBuyer[] = [];
  for (const c of student.open) {
    const s = waitSeconds(c.waitingSince, now);
    if (s !== null && s >= ABOUT_TO_LEAVE_SECONDS)
      out.push({ conversationId: c.conversationId, buyerName: c.buyerName, seconds: Math.floor(s) });
  }
  return out;
}
