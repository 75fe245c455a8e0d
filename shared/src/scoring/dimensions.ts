// The rubric's dimensions: which rule counts against which, and how a dimension is scored.
import type { Dimension, Rubric, RuleId } from '../scenario/schema.ts';
import type { Outcome } from './metrics.ts';

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

/**
 * How far the reception reached the scenario's goal. Nothing is earned without a single reply: a shopper
 * who stayed only because the drill was stopped was not retained by the agent.
 */
export function outcomeScore(
  goal: 'paid' | 'ordered' | 'retained',
  outcome: Outcome,
  answeredTurns: number,
): number {
  if (answeredTurns === 0) return 0;
  switch (goal) {
    case 'paid':
      return outcome === 'paid' ? 1 : outcome === 'ordered-unpaid' ? 0.5 : 0;
    case 'ordered':
      return outcome === 'paid' || outcome === 'ordered-unpaid' ? 1 : 0;
    case 'retained':
      return outcome === 'left' ? 0 : 1;
  }
}
