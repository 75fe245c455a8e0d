// Reports are folds over the event log with the scoring core (never stored, so a rubric change re-scores).
// An ended conversation's report cannot change: its log is closed, and the key names everything else the
// report depends on (scenario versions and studio rubric ids are content hashes; library rubrics change
// only with a restart, which starts a new cache). Bounded, least recently used first out.
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

  async of(row: ConversationRow): Promise<Report> {
    const key = `${row.id}|${row.scenario_id}@${row.scenario_version}|${row.rubric_id}`;
    const cached = this.ended.get(key);
    if (cached) return cached;
    const ctx = await this.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    const report = scoreEvents(
      ctx,
      (await this.log.read(row.id)).map((s) => s.event),
    );
    if (row.status === 'ended') this.ended.set(key, report);
    return report;
  }

  get size(): number {
    return this.ended.size;
  }
}
