// Why the outcome is what it is, when the orders in the log alone would mislead: a buyer who came with an
// order already placed (often paid) shows 已付款 beside an outcome the reception may not have earned
// (docs/shopper-semantics.md, Outcome). The reason is data on the report; its words are said here, in the UI
// language, for the student's report, the trainer's views and the exports alike.

import type { Locale } from './explain.ts';
import type { ConversationFacts } from './facts.ts';

export interface OutcomeReason {
  /** What the buyer brought: an order placed, or placed and paid, before the reception could move them. */
  brought: 'ordered' | 'paid';
  /** The scenario's goal was already reached when the buyer came: the reception's part was to keep them. */
  goalBrought: boolean;
  /** An order brought unpaid was paid during the reception (the reception's doing). */
  paidSince: boolean;
  /** The buyer left (out of patience, scripted, gone quiet). */
  left: boolean;
  /** The agent replied at least once (nothing is earned without a reply). */
  replied: boolean;
  /** The outcome counts in the score: false when the conversation was cut short before it was due. */
  counted: boolean;
}

/**
 * The reason of a conversation whose buyer brought an order; null when none was brought (the orders are the
 * reception's, the outcome needs no words) and for a `retained` goal (orders do not count there).
 */
export function outcomeReason(
  goal: 'paid' | 'ordered' | 'retained',
  facts: Pick<ConversationFacts, 'orders' | 'departures'>,
  answeredTurns: number,
  counted: boolean,
): OutcomeReason | null {
  if (goal === 'retained') return null;
  const brought = facts.orders.some((o) => o.broughtAs === 'paid')
    ? 'paid'
    : facts.orders.some((o) => o.broughtAs === 'ordered')
      ? 'ordered'
      : null;
  if (brought === null) return null;
  return {
    brought,
    goalBrought: brought === 'paid' || goal === 'ordered',
    paidSince: brought === 'ordered' && facts.orders.some((o) => o.paidAt !== null),
    left: facts.departures.length > 0,
    replied: answeredTurns > 0,
    counted,
  };
}

/** The reason in one or two sentences: what the buyer came with, then why the outcome scores what it does. */
export function explainOutcome(reason: OutcomeReason, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? inEnglish(reason) : inChinese(reason);
}

function inChinese(r: OutcomeReason): string {
  const came = r.brought === 'paid' ? '买家来时已经下单并付款' : '买家来时已经下单（未付款）';
  const verdict = !r.counted
    ? '对话在买家做决定前就结束了，成交结果不计入总分'
    : !r.replied
      ? '本次接待没有回复过买家，成交结果为 0'
      : r.goalBrought
        ? r.left
          ? '接待中买家离开了，所以成交结果为 0'
          : '接待留住了买家，成交结果记满分'
        : r.paidSince
          ? '接待中买家付了款，这笔付款算本次接待的成果'
          : '直到对话结束都没有付款，成交结果为 0（买家自己下的单不计分）';
  const whose = r.goalBrought ? '，这笔订单不是本次接待促成的' : '';
  return `${came}${whose}；${verdict}。`;
}

function inEnglish(r: OutcomeReason): string {
  const came =
    r.brought === 'paid'
      ? 'The buyer came with the order already placed and paid'
      : 'The buyer came with an order already placed but unpaid';
  const verdict = !r.counted
    ? 'the conversation was ended before the buyer decided, so the outcome is not counted in the score'
    : !r.replied
      ? 'the buyer never got a reply, so the outcome is 0'
      : r.goalBrought
        ? r.left
          ? 'the buyer left during the reception, so the outcome is 0'
          : 'the reception kept the buyer, so the outcome is full'
        : r.paidSince
          ? 'they paid during the reception, and the payment is this reception’s doing'
          : 'it was still unpaid when the conversation ended, so the outcome is 0 (an order the buyer placed themselves earns nothing)';
  const whose = r.goalBrought ? ': that order is not this reception’s doing' : '';
  return `${came}${whose}; ${verdict}.`;
}
