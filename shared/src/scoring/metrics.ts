// The per-conversation numbers a shop supervisor watches: response times against the benchmarks, the
// three goals of reception (询单转化率, 客单价, 回头率) and payment reminders (催付).
import type { BuyerScenario } from '../scenario/schema.ts';
import { toFen } from '../shopper/orders.ts';
import type { ConversationFacts } from './facts.ts';
import { toSeconds } from './rule.ts';
import { responseMs } from './turns.ts';

/** `stopped`: the drill ended (结束演练) before the buyer ordered or left; `open`: still running. */
export type Outcome = 'paid' | 'ordered-unpaid' | 'left' | 'stopped' | 'open';

export interface Metrics {
  firstResponseSeconds: number | null;
  averageResponseSeconds: number | null;
  maxResponseSeconds: number | null;
  turns: number;
  /** Share of turns (首问首答, unanswered ones included) answered within 3 minutes. */
  within3MinRate: number | null;
  outcome: Outcome;
  /** Every order's amount as it stands: after 改价 and coupons, with recommended products added. */
  orderAmount: number;
  /** The paid orders' amount (成交金额). */
  paidAmount: number;
  /** Of `orderAmount`, what recommended products (关联推荐) added. */
  crossSellAmount: number;
  /** 改价 and coupons taken off the orders. */
  discountAmount: number;
  /** The buyer asked before ordering (询单): the conversations conversion counts. */
  inquired: boolean;
  /** An inquiring buyer who paid (询单转化). */
  converted: boolean;
  /** A returning customer (老顾客) who did not leave; null for a new customer. */
  returningKept: boolean | null;
  remindersSent: number;
  reminderSuccess: number | null;
  phraseUses: number;
}

/** Taobao's 3-minute response rate (三分钟回复率). */
const THREE_MINUTES_MS = 180_000;

export function measure(facts: ConversationFacts, scenario: BuyerScenario): Metrics {
  const waits = facts.turns.map(responseMs).filter((ms): ms is number => ms !== null);
  const firstWait = facts.turns[0] ? responseMs(facts.turns[0]) : null;
  const turns = facts.turns.length;

  const firstOrderAt = facts.orders[0]?.at;
  // A reminder to pay is one sent while an order awaited payment: "付款收到啦" once it is paid reminds nobody.
  const reminders = facts.judgements.filter(
    (j) =>
      j.reminds &&
      facts.orders.some((order) => j.at >= order.at && (order.paidAt === null || j.at <= order.paidAt)),
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

  const outcome = outcomeOf(facts);
  const firstBuyerAt = Math.min(...[...facts.buyerMessages.values()].map((m) => m.at));
  const inquired =
    Number.isFinite(firstBuyerAt) && (firstOrderAt === undefined || firstBuyerAt < firstOrderAt);
  const paid = facts.orders.filter((order) => order.paidAt !== null);
  return {
    firstResponseSeconds: firstWait === null ? null : toSeconds(firstWait),
    averageResponseSeconds:
      waits.length === 0 ? null : toSeconds(waits.reduce((a, b) => a + b, 0) / waits.length),
    maxResponseSeconds: waits.length === 0 ? null : toSeconds(Math.max(...waits)),
    turns,
    within3MinRate: turns === 0 ? null : waits.filter((ms) => ms <= THREE_MINUTES_MS).length / turns,
    outcome,
    orderAmount: sumFen(facts.orders.map((order) => order.amount)),
    paidAmount: sumFen(paid.map((order) => order.amount)),
    crossSellAmount: sumFen(facts.orders.map((order) => order.crossSellAmount)),
    discountAmount: sumFen(facts.orders.map((order) => order.discount)),
    inquired,
    converted: inquired && paid.length > 0,
    // Kept unless they left, whatever the orders say: a returning buyer who ordered, then walked out over an
    // unanswered question, is lost to the shop though the outcome reads 拍下未付.
    returningKept: scenario.persona.returning ? facts.departures.length === 0 : null,
    remindersSent: reminders.length,
    reminderSuccess: remindedOrders === 0 ? null : paidAfterReminder / remindedOrders,
    phraseUses: facts.agentMessages.filter(({ message }) => message.source === 'phrase').length,
  };
}

function sumFen(amounts: readonly number[]): number {
  return toFen(amounts.reduce((a, b) => a + b, 0));
}

function outcomeOf(facts: ConversationFacts): Outcome {
  if (facts.orders.some((order) => order.paidAt !== null)) return 'paid';
  if (facts.orders.length > 0) return 'ordered-unpaid';
  if (facts.departures.length > 0) return 'left';
  return facts.endReason === 'stopped' ? 'stopped' : 'open';
}
