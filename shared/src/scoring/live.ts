// One conversation read live, for the drill monitor: the report's own fold (facts.ts) fed event by event as
// they are committed, and the report's own rules judged as of `now`. So a violation shows the moment it is
// due (a reply late the moment the benchmark passes, a dodge when its judgement is logged), and once the
// conversation ends the monitor holds exactly the report's violations and figures — nothing computed twice.
import type { ConversationEvent } from '../conversation/events.ts';
import { overLimit } from './benchmarks.ts';
import { type ConversationFacts, ConversationFold } from './facts.ts';
import { type Report, type ScoringSetup, scoreFacts } from './report.ts';
import { toMs } from './rule.ts';
import { responseMs } from './turns.ts';

/** A buyer is "about to leave" once two thirds of their patience passed since their latest line. */
const WARN_SHARE = 2 / 3;

export interface LiveReading {
  /** The report as of `now`: its violations are those due by then (see facts.ts, rules/slow-*.ts). */
  report: Report;
  /** Time zero of the report's violations (`at` is seconds from it). */
  origin: number;
  ended: boolean;
  /** When the turn waiting for a reply began; null when the agent owes no reply. */
  waitingSince: number | null;
  /** The waiting turn is the conversation's first: the first-response benchmark applies to it. */
  firstTurn: boolean;
  /**
   * When the waiting buyer runs out of patience, reckoned from their latest message (the shopper's patience
   * restarts with each of their lines): an estimate for the supervisor, the shopper machine decides.
   */
  leavesAt: number | null;
  /** From when the supervisor is warned that the waiting buyer is about to leave (two thirds of the patience). */
  warnAt: number | null;
  /** The answered turns' waits (the report's turns): how many, their sum, and the first turn's wait. */
  responses: { count: number; totalMs: number; firstMs: number | null };
  /** The next moment the reading changes with no new event (a benchmark or a window passing), or null. */
  changesAt: number | null;
}

export class LiveReception {
  private readonly fold: ConversationFold;
  private readonly setup: ScoringSetup;

  constructor(setup: ScoringSetup) {
    this.setup = setup;
    this.fold = new ConversationFold(setup.scenario);
  }

  /** One more committed event, in log order; false when it changes nothing (after the end). */
  add(event: ConversationEvent): boolean {
    return this.fold.add(event);
  }

  read(now: number): LiveReading {
    const { rubric, scenario } = this.setup;
    const facts = this.fold.facts({ benchmarks: rubric.thresholds, now });
    const waiting = facts.phase === 'running' ? facts.openTurn : null;
    const lastLine = waiting ? facts.buyerMessages.get(waiting.messageIds.at(-1) ?? '') : undefined;
    const patienceSeconds = scenario.persona.patience ?? rubric.thresholds.patienceSeconds;
    const waits = facts.turns.map(responseMs).filter((ms): ms is number => ms !== null);
    const first = facts.turns[0];
    return {
      report: scoreFacts(facts, this.setup),
      origin: facts.origin,
      ended: facts.closed,
      waitingSince: waiting?.start ?? null,
      firstTurn: waiting !== null && facts.turns.length === 0,
      leavesAt: lastLine ? lastLine.at + toMs(patienceSeconds) : null,
      warnAt: lastLine ? lastLine.at + Math.round(toMs(patienceSeconds) * WARN_SHARE) : null,
      responses: {
        count: waits.length,
        totalMs: waits.reduce((sum, ms) => sum + ms, 0),
        firstMs: first ? responseMs(first) : null,
      },
      changesAt: changesAt(facts, this.setup),
    };
  }
}

/** The earliest moment after `facts.judgedAt` at which a time-driven rule would fire. */
function changesAt(facts: ConversationFacts, { rubric }: ScoringSetup): number | null {
  if (facts.phase !== 'running') return null;
  const { thresholds } = rubric;
  const now = facts.judgedAt;
  const moments: number[] = [];
  const waiting = facts.openTurn;
  if (waiting) {
    // A wait is late once it is over the limit: the first millisecond past it.
    const limits = [thresholds.responseSeconds];
    if (facts.turns.length === 0) limits.push(thresholds.firstResponseSeconds);
    for (const limit of limits) {
      if (!overLimit(now - waiting.start, limit)) moments.push(waiting.start + toMs(limit) + 1);
    }
  }
  for (const quiet of facts.quiets) if (quiet.until > now) moments.push(quiet.until);
  for (const order of facts.orders) {
    const windowEnd = order.at + toMs(thresholds.paymentReminderSeconds);
    if (order.paidAt === null && windowEnd > now) moments.push(windowEnd);
  }
  return moments.length === 0 ? null : Math.min(...moments);
}
