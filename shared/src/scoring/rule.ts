// What every rule sees and what it returns. A rule is a pure function of the folded conversation.
import type { BuyerScenario, Phrase, Product, RuleId, Thresholds } from '../scenario/schema.ts';
import type { ConversationFacts } from './facts.ts';

export interface RuleContext {
  scenario: BuyerScenario;
  thresholds: Thresholds;
  phrases: ReadonlyMap<string, Phrase>;
  particles: readonly string[];
  /** The catalogue (prices for the allowed concession, recommended products). */
  products: ReadonlyMap<string, Product>;
  facts: ConversationFacts;
}

/** A violation before it is placed on the report's clock and explained. `at` is epoch milliseconds. */
export interface Finding {
  rule: RuleId;
  at: number;
  detail: Record<string, unknown> & { messageId?: string };
}

export type Rule = (context: RuleContext) => Finding[];

/** Thresholds are seconds in the rubric; the log is milliseconds. Integer ms keep "3.0 s is not > 3 s" exact. */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

export function toSeconds(ms: number): number {
  return ms / 1000;
}
