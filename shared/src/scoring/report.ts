// The score report of one conversation: a pure fold of its event log against the scenario and the rubric,
// so the same log always gives the same report and a report can be recomputed after a rubric change. A
// running conversation is reported as of `now` (the drill monitor reads the same report live), a stopped one
// on what was due by its stop (facts.ts).
import type { ConversationEvent } from '../conversation/events.ts';
import { factStatement } from '../scenario/fact-names.ts';
import {
  type BuyerScenario,
  DIMENSIONS,
  type Dimension,
  type Phrase,
  type Product,
  RULE_IDS,
  type Rubric,
  type RuleId,
} from '../scenario/schema.ts';
import { outcomeScore, penaltyOf, RULE_DIMENSION } from './dimensions.ts';
import { explainViolation, type FactWords, type Locale } from './explain.ts';
import { answerDue, type ConversationFacts, readConversation } from './facts.ts';
import { roundTo1 } from './format.ts';
import { type Metrics, measure } from './metrics.ts';
import type { Finding } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface ScoringInput {
  scenario: BuyerScenario;
  scenarioVersion: string;
  rubric: Rubric;
  phrases: ReadonlyMap<string, Phrase>;
  particles: readonly string[];
  /** The catalogue: explanations name facts in words, and it prices the allowed concession. */
  products?: ReadonlyMap<string, Product>;
  events: readonly ConversationEvent[];
  /** Server time to judge a conversation that has not ended at (default: its last event). */
  now?: number;
  locale?: Locale;
}

/** Everything but the log: what scoring needs beside the facts. */
export type ScoringSetup = Omit<ScoringInput, 'events' | 'now'>;

export interface Violation {
  rule: RuleId;
  /** Seconds from the conversation's first buyer message. */
  atSeconds: number;
  message: string;
  detail: Record<string, unknown> & { messageId?: string };
}

export interface DimensionScore {
  id: Dimension;
  /** 0..1 */
  score: number;
  weight: number;
  violations: number;
}

export interface Report {
  scenarioId: string;
  scenarioVersion: string;
  rubricId: string;
  rubricVersion: number;
  seed: number;
  /**
   * The student ended the practice (结束练习) before it was over: not graded — left out of averages and
   * grades, shown as abandoned rather than as a score.
   */
  abandoned: boolean;
  /** The drill ended (结束演练) while the conversation was still going: judged on what was due by then. */
  stopped: boolean;
  /** 0..100, one decimal. */
  score: number;
  dimensions: DimensionScore[];
  metrics: Metrics;
  /** Sorted by time, then rule id. */
  violations: Violation[];
}

export function scoreConversation(input: ScoringInput): Report {
  const judging = {
    benchmarks: input.rubric.thresholds,
    ...(input.now === undefined ? {} : { now: input.now }),
  };
  return scoreFacts(readConversation(input.events, input.scenario, judging), input);
}

/** The report of folded facts (a whole log's, or a live fold's as of now). */
export function scoreFacts(facts: ConversationFacts, input: ScoringSetup): Report {
  const { scenario, rubric } = input;
  const context = {
    scenario,
    thresholds: rubric.thresholds,
    phrases: input.phrases,
    particles: input.particles,
    products: input.products ?? new Map(),
    facts,
  };
  const findings = RULE_IDS.flatMap((rule) => RULES[rule](context));
  const locale = input.locale ?? 'zh-CN';
  const products = input.products;
  const words: FactWords = (ref) => (products ? factStatement(products, ref, locale) : null);
  const violations = findings
    .map((finding) => toViolation(finding, facts.origin, locale, words))
    .sort(byTimeThenRule);
  const metrics = measure(facts, scenario);

  const answered = facts.turns.filter((turn) => turn.end !== null).length;
  // Nothing is awarded for "no mistakes" without replies, and each dimension earns what was done right in
  // its own terms: responsiveness and courtesy scale with the turns answered (a late, dodging but polite
  // reply still was a polite reply), accuracy, phrase use and sales actions with the buyer's questions,
  // objections and order changes actually resolved (quick replies that dodge everything earn none of those).
  const coverage = facts.turns.length === 0 ? 0 : answered / facts.turns.length;
  const unchanged = findings.filter((f) => f.rule === 'order-not-updated').length;
  const resolved = resolution(facts, rubric, changeRequests(scenario, facts, rubric), unchanged) ?? coverage;
  const dimensions = DIMENSIONS.map((id): DimensionScore => {
    const weight = rubric.weights[id];
    if (id === 'outcome') {
      const score = outcomeScore(scenario.goal, metrics.outcome, answered);
      // Cut short before the goal was reached, the outcome was never due: left out, not counted as 0.
      const due = facts.phase === 'over' || score === 1;
      return { id, score, weight: due ? weight : 0, violations: 0 };
    }
    const own = findings.filter((finding) => RULE_DIMENSION[finding.rule] === id);
    const penalty = own.reduce((sum, finding) => sum + penaltyOf(rubric, finding.rule), 0);
    const scale = PER_TURN.has(id) ? coverage : Math.min(coverage, resolved);
    return { id, score: scale * Math.max(0, 1 - penalty), weight, violations: own.length };
  });
  const totalWeight = dimensions.reduce((sum, d) => sum + d.weight, 0);
  const weighted = dimensions.reduce((sum, d) => sum + d.weight * d.score, 0);

  return {
    scenarioId: scenario.id,
    scenarioVersion: input.scenarioVersion,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    seed: facts.seed,
    abandoned: facts.endReason === 'abandoned',
    stopped: facts.endReason === 'stopped',
    score: totalWeight === 0 ? 0 : roundTo1((weighted / totalWeight) * 100),
    dimensions,
    metrics,
    violations,
  };
}

/** Dimensions earned reply by reply, whatever the reply resolved. */
const PER_TURN: ReadonlySet<Dimension> = new Set(['responsiveness', 'courtesy']);

/**
 * Share of the buyer's questions, objections and order changes that were resolved (a reply stated or
 * addressed it; the order shows the change), of those resolved or due by the judging moment (one raised a
 * second before a stop is not held against anyone); null when none came.
 */
function resolution(
  facts: ConversationFacts,
  rubric: Rubric,
  changes: number,
  unchanged: number,
): number | null {
  const settled = new Set(facts.judgements.flatMap((j) => [...j.stated, ...j.addressed]));
  let raised = changes;
  for (const message of facts.buyerMessages.values()) {
    if (message.marks?.ask === undefined && message.marks?.objection === undefined) continue;
    if (settled.has(message.id) || answerDue(facts, message.at, rubric.thresholds)) raised++;
  }
  if (raised === 0) return null;
  return Math.min(1, (settled.size + Math.max(0, changes - unchanged)) / raised);
}

/** Order changes the buyer asked for and that were due (the first line of each visit to a beat with `change`). */
function changeRequests(scenario: BuyerScenario, facts: ConversationFacts, rubric: Rubric): number {
  const changing = new Set(scenario.beats.filter((b) => b.change !== undefined).map((b) => b.id));
  let count = 0;
  for (const message of facts.buyerMessages.values())
    if (message.line === 0 && changing.has(message.beat) && answerDue(facts, message.at, rubric.thresholds))
      count++;
  return count;
}

function toViolation(finding: Finding, origin: number, locale: Locale, words: FactWords): Violation {
  return {
    rule: finding.rule,
    atSeconds: (finding.at - origin) / 1000,
    message: explainViolation(finding.rule, finding.detail, locale, words),
    detail: finding.detail,
  };
}

function byTimeThenRule(a: Violation, b: Violation): number {
  return a.atSeconds - b.atSeconds || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}
