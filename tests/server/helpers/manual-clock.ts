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

/** Resolves once the server has nothing in flight; true if it had to wait (see `ManualClock.whenIdle`). */
export type IdleProbe = () => Promise<boolean>;

export class ManualClock implements Clock {
  private time: number;
  private order = 0;
  private readonly timers = new Set<Timer>();
  private readonly probes = new Set<IdleProbe>();

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

  /**
   * Lets a server tell the clock when the work a timer started is done. With SQLite a few turns of the event
   * loop are enough; a PostgreSQL commit takes real round trips, so the clock waits for the server to be idle
   * before it looks for the next due timer. Returns the unregister function.
   */
  whenIdle(probe: IdleProbe): () => void {
    this.probes.add(probe);
    return () => {
      this.probes.delete(probe);
    };
  }

  /** Settles until no server has anything in flight. */
  async quiesce(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      await settle();
      const waited = await Promise.all([...this.probes].map((probe) => probe()));
      if (!waited.includes(true)) return;
    }
  }

  /** The earliest due time of a pending timer, or null. */
  nextDue(): number | null {
    let next: number | null = null;
    for (const t of this.timers) if (next === null || t.at < next) next = t.at;
    return next;
  }

  /** Moves time to `target`, firing every timer due by then at its own due time, in order. */
  async advanceTo(target: number): Promise<void> {
    // Work started before (a request's follow-up) finishes at the time it started.
    await this.quiesce();
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
      await this.quiesce();
    }
    this.time = Math.max(this.time, target);
    await this.quiesce();
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  /**
   * Moves time on without firing the timers due meanwhile, as on a server too busy to run a due timer before
   * the packets already waiting: the next step of a conversation finds its wake-ups overdue.
   */
  jumpBy(ms: number): void {
    this.time += ms;
  }
}
