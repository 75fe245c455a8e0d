// The per-conversation numbers a shop supervisor watches: response times against the benchmarks,
// conversion, order value and payment reminders (催付).
import type { ConversationFacts } from './facts.ts';
import { toSeconds } from './rule.ts';
import { responseMs } from './turns.ts';

export type Outcome = 'paid' | 'ordered-unpaid' | 'left' | 'open';

export interface Metrics {
  firstResponseSeconds: number | null;
  averageResponseSeconds: number | null;
  maxResponseSeconds: number | null;
  turns: number;
  within3MinRate: number | null;
  outcome: Outcome;
  orderAmount: number;
  remindersSent: number;
  reminderSuccess: number | null;
  phraseUses: number;
}

/** Taobao's 3-minute response rate (三分钟回复率). */
const THREE_MINUTES_MS = 180_000;

export function measure(facts: ConversationFacts): Metrics {
  const waits = facts.turns.map(responseMs).filter((ms): ms is number => ms !== null);
  const firstWait = facts.turns[0] ? responseMs(facts.turns[0]) : null;
  const turns = facts.turns.length;

  const firstOrderAt = facts.orders[0]?.at;
  const reminders = facts.judgements.filter(
    (j) => j.reminds && firstOrderAt !== undefined && j.at >= firstOrderAt,
  );
  // An order "got a reminder" when one came after it was placed and before it was paid.
  let remindedOrders = 0;
  let paidAfterReminder = 0;
  for (const order of facts.orders) {
    const until = order.paidAt ?? facts.end;
    if (!reminders.some((j) => j.at >= order.at && j.at <= until)) continue;
    remindedOrders++;
    if (order.paidAt !== null) paidAfterReminder++;
  }

  return {
    firstResponseSeconds: firstWait === null ? null : toSeconds(firstWait),
    averageResponseSeconds:
      waits.length === 0 ? null : toSeconds(waits.reduce((a, b) => a + b, 0) / waits.length),
    maxResponseSeconds: waits.length === 0 ? null : toSeconds(Math.max(...waits)),
    turns,
    within3MinRate: turns === 0 ? null : waits.filter((ms) => ms <= THREE_MINUTES_MS).length / turns,
    outcome: outcomeOf(facts),
    orderAmount: facts.orders.reduce((sum, order) => sum + order.amount, 0),
    remindersSent: reminders.length,
    reminderSuccess: remindedOrders === 0 ? null : paidAfterReminder / remindedOrders,
    phraseUses: facts.agentMessages.filter(({ message }) => message.source === 'phrase').length,
  };
}

function outcomeOf(facts: ConversationFacts): Outcome {
  if (facts.orders.some((order) => order.paidAt !== null)) return 'paid';
  if (facts.orders.length > 0) return 'ordered-unpaid';
  if (facts.departures.length > 0) return 'left';
  return 'open';
}
