// The server's clock: every timestamp in the log and every shopper timer goes through it, so tests can
// drive time by hand and the production server uses the wall clock. Timers are one-shot, by due time.
export interface Clock {
  now(): number;
  /** Calls `fn` once at (or after) epoch ms `at`; returns a cancel function. */
  at(at: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at, fn) {
    const timer = setTimeout(fn, Math.max(0, at - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
