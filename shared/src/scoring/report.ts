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
import { followAppealKeys } from './appeal-keys.ts';
import { outcomeScore, penaltyOf, RULE_DIMENSION } from './dimensions.ts';
import { explainViolation, type FactWords, type Locale } from './explain.ts';
import { answerDue, type ConversationFacts, readConversation } from './facts.ts';
import { roundTo1 } from './format.ts';
import { type Metrics, measure } from './metrics.ts';
import { type OutcomeReason, outcomeReason } from './outcome-reason.ts';
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
  /**
   * Keys of violations a trainer overturned on appeal (violationKey, as stored with the appeal): reported
   * apart, not counted. A key a re-score named differently follows its violation (appeal-keys.ts).
   */
  overturned?: readonly string[];
}

/** Everything but the log: what scoring needs beside the facts. */
export type ScoringSetup = Omit<ScoringInput, 'events' | 'now'>;

export interface Violation {
  /** Stable name of this violation in this conversation (see violationKey): what an appeal disputes. */
  key: string;
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
  /** Sorted by time, then rule id. The ones that count. */
  violations: Violation[];
  /** The judge's original verdicts that a trainer overturned on appeal: shown, never counted. */
  overturned: Violation[];
  /** Why the outcome is what it is when the buyer came with an order (outcome-reason.ts); null otherwise. */
  outcomeReason: OutcomeReason | null;
}

/**
 * A violation's stable name: its rule, its moment, the message it points at and what it is about (the fact,
 * question, objection or order), so the same log always names it the same way and two violations of one
 * rule in one reply (two wrong facts) stay apart.
 */
export function violationKey(finding: Finding): string {
  const d = finding.detail;
  const subject = d.fact ?? d.questionId ?? d.objectionId ?? d.orderId ?? d.request;
  return [finding.rule, finding.at, d.messageId ?? '', typeof subject === 'string' ? subject : '']
    .join('|')
    .replace(/\|+$/, '');
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
  const all = keyed(RULE_IDS.flatMap((rule) => RULES[rule](context)));
  const overturnedKeys = new Set(
    followAppealKeys(
      input.overturned ?? [],
      all.map((f) => f.key),
    ).values(),
  );
  const findings = all.filter((f) => !overturnedKeys.has(f.key)).map((f) => f.finding);
  const locale = input.locale ?? 'zh-CN';
  const products = input.products;
  const words: FactWords = (ref) => (products ? factStatement(products, ref, locale) : null);
  const explain = (f: KeyedFinding) => toViolation(f, facts.origin, locale, words);
  const violations = all
    .filter((f) => !overturnedKeys.has(f.key))
    .map(explain)
    .sort(byTimeThenRule);
  const overturned = all
    .filter((f) => overturnedKeys.has(f.key))
    .map(explain)
    .sort(byTimeThenRule);
  // An overturned dodge means the judge missed a real answer: the question (objection) was settled.
  const settledOnAppeal = all
    .filter((f) => overturnedKeys.has(f.key))
    .flatMap(({ finding: { rule, detail } }) =>
      rule === 'question-evaded' && typeof detail.questionId === 'string'
        ? [detail.questionId]
        : rule === 'objection-unaddressed' && typeof detail.objectionId === 'string'
          ? [detail.objectionId]
          : [],
    );
  const metrics = measure(facts, scenario);

  const answered = facts.turns.filter((turn) => turn.end !== null).length;
  // Nothing is awarded for "no mistakes" without replies, and each dimension earns what was done right in
  // its own terms: responsiveness and courtesy scale with the turns answered (a late, dodging but polite
  // reply still was a polite reply), accuracy, phrase use and sales actions with the buyer's questions,
  // objections and order changes actually resolved (quick replies that dodge everything earn none of those).
  const coverage = facts.turns.length === 0 ? 0 : answered / facts.turns.length;
  const unchanged = findings.filter((f) => f.rule === 'order-not-updated').length;
  const resolved =
    resolution(facts, rubric, changeRequests(scenario, facts, rubric), unchanged, settledOnAppeal) ??
    coverage;
  const outcome = outcomeScore(scenario.goal, facts, answered);
  // Cut short before the goal was reached, the outcome was never due: left out, not counted as 0.
  const outcomeDue = facts.phase === 'over' || outcome === 1;
  const dimensions = DIMENSIONS.map((id): DimensionScore => {
    const weight = rubric.weights[id];
    if (id === 'outcome') return { id, score: outcome, weight: outcomeDue ? weight : 0, violations: 0 };
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
    overturned,
    outcomeReason: outcomeReason(scenario.goal, facts, answered, outcomeDue),
  };
}

interface KeyedFinding {
  key: string;
  finding: Finding;
}

/** Each finding with its key; a key met twice gets "#2", "#3"… in the rules' order (a fixed order). */
function keyed(findings: readonly Finding[]): KeyedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = violationKey(finding);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, finding };
  });
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
  settledOnAppeal: readonly string[],
): number | null {
  const settled = new Set([
    ...facts.judgements.flatMap((j) => [...j.stated, ...j.addressed]),
    ...settledOnAppeal,
  ]);
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

function toViolation(
  { key, finding }: KeyedFinding,
  origin: number,
  locale: Locale,
  words: FactWords,
): Violation {
  return {
    key,
    rule: finding.rule,
    atSeconds: (finding.at - origin) / 1000,
    message: explainViolation(finding.rule, finding.detail, locale, words),
    detail: finding.detail,
  };
}

function byTimeThenRule(a: Violation, b: Violation): number {
  return a.atSeconds - b.atSeconds || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}
