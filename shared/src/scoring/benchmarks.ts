// The response benchmarks of the rubric in force (首响 3 s, 30 s by default; instructors edit them per class)
// and how a wait reads against them. The workbench's timers, the monitor's tiles and the staff pages colour
// waits with this one function; the rules fire on the same comparison (a wait over the limit, not at it).
import type { Thresholds } from '../scenario/schema.ts';

export type Benchmarks = Pick<Thresholds, 'firstResponseSeconds' | 'responseSeconds'>;

export type WaitLevel = 'ok' | 'amber' | 'red';

/** A wait is late once it is over a limit: 3.0 s is within a 3 s benchmark (integer ms keep that exact). */
export function overLimit(waitedMs: number, limitSeconds: number): boolean {
  return waitedMs > Math.round(limitSeconds * 1000);
}

/** `ok` within the first-response benchmark, `amber` up to the response benchmark, `red` beyond. */
export function waitLevel(waitedMs: number, benchmarks: Benchmarks): WaitLevel {
  if (overLimit(waitedMs, benchmarks.responseSeconds)) return 'red';
  if (overLimit(waitedMs, benchmarks.firstResponseSeconds)) return 'amber';
  return 'ok';
}

/** The rubric's benchmarks out of its thresholds (what the clients are sent). */
export function benchmarksOf(thresholds: Thresholds): Benchmarks {
  return {
    firstResponseSeconds: thresholds.firstResponseSeconds,
    responseSeconds: thresholds.responseSeconds,
  };
}
