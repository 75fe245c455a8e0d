// "Start when N joined": a drill set to start by itself once N students of its class have joined. Whether it
// starts is a function of the joins and the time only (the server acts on it, the pages show its count).
import type { DrillStatus } from './drills.ts';

export type DrillStartDecision =
  /** Nothing starts by itself: no N was set, or the drill is no longer a draft. */
  | { kind: 'manual' }
  | { kind: 'waiting'; joined: number; needed: number }
  | { kind: 'start'; at: number; joined: number; needed: number };

/**
 * Decides at `now` whether a draft drill set to start when `needed` students joined starts now. Joins are the
 * students' join times; a join stamped after `now` (another process's clock) is not counted yet.
 */
export function decideDrillStart(
  status: DrillStatus,
  needed: number | undefined,
  joinTimes: readonly number[],
  now: number,
): DrillStartDecision {
  if (status !== 'draft' || needed === undefined) return { kind: 'manual' };
  const joined = joinTimes.filter((t) => t <= now).length;
  if (joined >= needed) return { kind: 'start', at: now, joined, needed };
  return { kind: 'waiting', joined, needed };
}

/** What a page shows of a drill waiting for its students: k of N joined; null when it is not waiting. */
export function drillWaiting(drill: {
  status: DrillStatus;
  settings: { startWhenJoined?: number | undefined };
  joinedCount?: number | undefined;
}): { joined: number; needed: number } | null {
  const needed = drill.settings.startWhenJoined;
  if (drill.status !== 'draft' || needed === undefined) return null;
  return { joined: Math.min(drill.joinedCount ?? 0, needed), needed };
}
