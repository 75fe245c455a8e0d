// A shared ticking clock for waiting timers. One interval serves every timer on screen, and tests inject
// their own `now` (or use fake timers) to move time.
import { useSyncExternalStore } from 'react';

export interface Ticker {
  now(): number;
  subscribe(listener: () => void): () => void;
  getSnapshot(): number;
}

export function createTicker(now: () => number = Date.now, intervalMs = 250): Ticker {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let snapshot = now();
  return {
    now,
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        snapshot = now();
        timer = setInterval(() => {
          snapshot = now();
          for (const l of listeners) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}

/**
 * What a display reads from the clock (a wait's text, whether time is up), re-rendering only when that
 * changes: the clock ticks four times a second, and every render of a timer lands on whatever the student
 * is doing (a keystroke), but the text changes at most once a second. `read` must return a primitive.
 */
export function useClockValue<T extends string | number | boolean | null>(
  ticker: Ticker,
  read: (now: number) => T,
): T {
  return useSyncExternalStore(ticker.subscribe, () => read(ticker.getSnapshot()));
}
