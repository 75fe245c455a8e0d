// The rubric's dimensions: which rule counts against which, and how a dimension is scored.
import type { Dimension, Rubric, RuleId } from '../scenario/schema.ts';
import type { ConversationFacts } from './facts.ts';

export const RULE_DIMENSION: Readonly<Record<RuleId, Exclude<Dimension, 'outcome'>>> = {
  'slow-first-response': 'responsiveness',
  'slow-response': 'responsiveness',
  unanswered: 'responsiveness',
  'buyer-left': 'responsiveness',
  // The replies came, the answer (or the order change) did not: a matter of accuracy, not speed.
  'buyer-gave-up': 'accuracy',
  'question-evaded': 'accuracy',
  'wrong-fact': 'accuracy',
  'objection-unaddressed': 'accuracy',
  'phrase-irrelevant': 'phraseUse',
  'phrase-rigid': 'phraseUse',
  'phrase-repeated': 'phraseUse',
  'no-follow-up': 'salesActions',
  'no-order-prompt': 'salesActions',
  'no-payment-reminder': 'salesActions',
  'returning-not-acknowledged': 'courtesy',
  'order-not-updated': 'accuracy',
  'banned-claim': 'accuracy',
  'discount-exceeded': 'salesActions',
  'missed-cross-sell': 'salesActions',
  'off-platform-contact': 'courtesy',
  'rude-language': 'courtesy',
};

/** What a violation costs in its dimension when the rubric does not say. */
export const DEFAULT_PENALTY = 0.3;

/** Rules split off another: a rubric written before the split penalises them as it did the rule they came from. */
const SPLIT_FROM: Partial<Record<RuleId, RuleId>> = { 'buyer-gave-up': 'buyer-left' };

export function penaltyOf(rubric: Rubric, rule: RuleId): number {
  const origin = SPLIT_FROM[rule];
  return (
    rubric.penalties[rule] ?? (origin === undefined ? undefined : rubric.penalties[origin]) ?? DEFAULT_PENALTY
  );
}

/** How far a sale has gone. */
type SaleStep = 'none' | 'ordered' | 'paid';

const STEPS: readonly SaleStep[] = ['none', 'ordered', 'paid'];

/** How much of the scenario's goal a step reaches (0..1). */
function progress(goal: 'paid' | 'ordered', step: SaleStep): number {
  if (goal === 'ordered') return step === 'none' ? 0 : 1;
  return step === 'paid' ? 1 : step === 'ordered' ? 0.5 : 0;
}

/** The furthest step of the conversation's orders: as they stand, or as the buyer brought them. */
function furthest(steps: readonly SaleStep[]): SaleStep {
  return steps.reduce<SaleStep>((a, b) => (STEPS.indexOf(b) > STEPS.indexOf(a) ? b : a), 'none');
}

/**
 * How far the reception itself reached the scenario's goal (docs/shopper-semantics.md, Outcome): only what
 * the buyer did after the reception could move them counts. Of the way to the goal left when the buyer came,
 * the share covered (an order brought unpaid: the payment); a buyer who came with the goal already reached (a
 * mid-sale order placed and paid) was the reception's to keep — kept if they did not leave. `retained`: the
 * buyer did not leave. Nothing is earned without a single reply: a shopper who stayed only because the drill
 * was stopped was not retained by the agent.
 */
export function outcomeScore(
  goal: 'paid' | 'ordered' | 'retained',
  facts: Pick<ConversationFacts, 'orders' | 'departures'>,
  answeredTurns: number,
): number {
  if (answeredTurns === 0) return 0;
  const left = facts.departures.length > 0;
  if (goal === 'retained') return left ? 0 : 1;
  const brought = progress(goal, furthest(facts.orders.map((o) => o.broughtAs ?? 'none')));
  const reached = progress(goal, furthest(facts.orders.map((o) => (o.paidAt !== null ? 'paid' : 'ordered'))));
  if (brought >= 1) return left ? 0 : 1;
  return Math.max(0, reached - brought) / (1 - brought);
}
