// A clock the test moves by hand: timers fire only when the test advances time past their due moment, each
// at its own due time, so a live server run lines up exactly with the virtual-clock simulation.
import type { Clock } from '../../../server/src/clock.ts';

interface Timer {
  at: number;
  order: number;
  fn: () => void;
}

/** Lets the work a timer or a socket packet started finish (microtasks, then I/O callbacks). */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock implements Clock {
  private time: number;
  private order = 0;
  private readonly timers = new Set<Timer>();

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  at(at: number, fn: () => void): () => void {
    const timer: Timer = { at, order: this.order++, fn };
    this.timers.add(timer);
    return () => {
      this.timers.delete(timer);
    };
  }

  /** The earliest due time of a pending timer, or null. */
  nextDue(): number | null {
    let next: number | null = null;
    for (const t of this.timers) if (next === null || t.at < next) next = t.at;
    return next;
  }

  /** Moves time to `target`, firing every timer due by then at its own due time, in order. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      let next: Timer | null = null;
      for (const t of this.timers) {
        if (
          t.at <= target &&
          (next === null || t.at < next.at || (t.at === next.at && t.order < next.order))
        ) {
          next = t;
        }
      }
      if (next === null) break;
      this.timers.delete(next);
      this.time = Math.max(this.time, next.at);
      next.fn();
      await settle();
    }
    this.time = Math.max(this.time, target);
    await settle();
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }
}
