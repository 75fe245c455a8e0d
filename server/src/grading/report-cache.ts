// Reports are folds over the event log with the scoring core (never stored, so a rubric change re-scores).
// An ended conversation's report changes only with what its key names: its log is closed, scenario
// versions and studio rubric ids are content hashes, library rubrics change only with a restart (a new
// cache), and the violations overturned on appeal are part of the key — a decision, on whichever server
// of a cluster, makes the next read a new entry, never a stale one. Bounded, least recently used first out.
import { type Report, scoreEvents } from '@kefu/shared';
import { LRUCache } from 'lru-cache';
import type { EventLog } from '../db/event-log.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';

/** Enough for every ended conversation of a few large classes; each report is a few kilobytes. */
export const REPORT_CACHE_SIZE = 5_000;

export class ReportCache {
  private readonly ended: LRUCache<string, Report>;
  private readonly catalog: ScenarioCatalog;
  private readonly log: EventLog;

  constructor(catalog: ScenarioCatalog, log: EventLog, size = REPORT_CACHE_SIZE) {
    this.catalog = catalog;
    this.log = log;
    this.ended = new LRUCache({ max: size });
  }

  /** `overturned`: the keys of this conversation's violations overturned on appeal (see Grading). */
  async of(row: ConversationRow, overturned: readonly string[]): Promise<Report> {
    const decisions = [...overturned].sort();
    const key = `${row.id}|${row.scenario_id}@${row.scenario_version}|${row.rubric_id}|${decisions.join('\n')}`;
    const cached = this.ended.get(key);
    if (cached) return cached;
    const ctx = await this.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    const report = scoreEvents(
      ctx,
      (await this.log.read(row.id)).map((s) => s.event),
      'zh-CN',
      decisions,
    );
    if (row.status === 'ended') this.ended.set(key, report);
    return report;
  }

  get size(): number {
    return this.ended.size;
  }
}
