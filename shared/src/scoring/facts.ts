// One pass over a conversation's event log, collecting what the rules look at: turns, buyer lines with
// their scenario markings, agent messages with the shopper's judgement of each, orders, silences, departures.
import type { ConversationEvent, EndReason, ReplyJudgement, Sku } from '../conversation/events.ts';
import type { BuyerScenario } from '../scenario/schema.ts';
import { type OrderSnapshot, toFen } from '../shopper/orders.ts';
import { beatIndex, type LineMarks, lineOf } from './buyer-lines.ts';
import { type Turn, TurnTracker } from './turns.ts';

export interface BuyerMessageFact {
  id: string;
  at: number;
  text: string;
  /** The scenario beat and line it was (a nudge or farewell is line -1). */
  beat: string;
  line: number;
  marks: LineMarks | undefined;
}

export interface JudgedReply extends ReplyJudgement {
  at: number;
  messageId: string;
}

export type AgentMessageEvent = Extract<ConversationEvent, { type: 'agent-message' }>;

export interface AgentMessageFact {
  message: AgentMessageEvent;
  /** The shopper's reading, when the log has one for this message. */
  judgement: JudgedReply | undefined;
}

export interface OrderChangeFact {
  at: number;
  address?: string;
  /** The whole variant after the change, when the change was to the variant. */
  sku?: Sku;
  note?: string;
}

export interface OrderFact {
  orderId: string;
  at: number;
  product: string;
  /** What the buyer pays now: after 改价 and with the products they added. */
  amount: number;
  paidAt: number | null;
  /** As placed; `changes` are the seller's edits in order. */
  sku: Sku;
  address: string;
  note: string;
  changes: OrderChangeFact[];
  /** The coupon taken off when it was placed, and 改价 discounts after. */
  discount: number;
  /** Amount of recommended products in it (关联推荐 that worked): added items, or the whole order when it was placed for one. */
  crossSellAmount: number;
}

/** A 改价 or coupon the agent gave (from its card message). */
export interface DiscountFact {
  at: number;
  messageId: string;
  amount: number;
}

export interface Departure {
  at: number;
  reason: 'patience' | 'scripted' | 'quiet';
}

export interface ConversationFacts {
  /** Time zero of every violation: the first buyer message (else the first event). */
  origin: number;
  seed: number;
  /** When the conversation closed: its `ended` event, else its last event. */
  end: number;
  /** True when an `ended` event closed the log, so every window has closed too. */
  closed: boolean;
  /** Why it closed (null while open). */
  endReason: EndReason | null;
  buyerMessages: ReadonlyMap<string, BuyerMessageFact>;
  agentMessages: readonly AgentMessageFact[];
  judgements: readonly JudgedReply[];
  turns: readonly Turn[];
  orders: readonly OrderFact[];
  discounts: readonly DiscountFact[];
  /** Recommendations (关联推荐 cards) sent: which product, when. */
  recommendations: readonly { at: number; messageId: string; product: string }[];
  quiets: readonly { at: number; until: number }[];
  departures: readonly Departure[];
  /** When the buyer decided: the first order, else the departure, else the end (null while still open). */
  decidedAt: number | null;
}

/** Events after `ended` are ignored: nothing the agent does then is part of the reception. */
export function readConversation(
  events: readonly ConversationEvent[],
  scenario: BuyerScenario,
): ConversationFacts {
  const beats = beatIndex(scenario);
  const buyerMessages = new Map<string, BuyerMessageFact>();
  const agentMessages: AgentMessageFact[] = [];
  const agentById = new Map<string, AgentMessageFact>();
  const judgements: JudgedReply[] = [];
  const orders: OrderFact[] = [];
  const ordersById = new Map<string, OrderFact>();
  const discounts: DiscountFact[] = [];
  const recommendations: { at: number; messageId: string; product: string }[] = [];
  const quiets: { at: number; until: number }[] = [];
  const departures: Departure[] = [];
  const turns = new TurnTracker();
  let origin: number | null = null;
  let seed = 0;
  let end = events[0]?.at ?? 0;
  let closed = false;
  let endReason: EndReason | null = null;

  for (const event of events) {
    end = event.at;
    switch (event.type) {
      case 'started':
        seed = event.seed;
        break;
      case 'buyer-message':
        origin ??= event.at;
        buyerMessages.set(event.id, {
          id: event.id,
          at: event.at,
          text: event.text,
          beat: event.beat,
          line: event.line,
          marks: lineOf(beats, event.beat, event.line),
        });
        turns.buyerSpoke(event.id, event.at);
        break;
      case 'agent-message': {
        const fact: AgentMessageFact = { message: event, judgement: undefined };
        agentMessages.push(fact);
        agentById.set(event.id, fact);
        turns.agentReplied(event.id, event.at);
        if (event.action === 'discount' && event.amount !== undefined)
          discounts.push({ at: event.at, messageId: event.id, amount: event.amount });
        if (event.action === 'recommend' && event.product !== undefined)
          recommendations.push({ at: event.at, messageId: event.id, product: event.product });
        break;
      }
      case 'reply-judged': {
        const { type: _type, ...judged } = event;
        judgements.push(judged);
        const fact = agentById.get(event.messageId);
        if (fact && !fact.judgement) fact.judgement = judged;
        break;
      }
      case 'order-placed': {
        const order: OrderFact = {
          orderId: event.orderId,
          at: event.at,
          product: event.product,
          amount: event.amount,
          paidAt: null,
          sku: event.sku ?? {},
          address: event.address ?? '',
          note: '',
          changes: [],
          discount: event.discount ?? 0,
          crossSellAmount: event.recommendedBy === undefined ? 0 : event.amount,
        };
        orders.push(order);
        ordersById.set(event.orderId, order);
        break;
      }
      case 'order-updated': {
        const order = ordersById.get(event.orderId);
        if (!order) break;
        const change: OrderChangeFact = { at: event.at };
        if (event.address !== undefined) change.address = event.address;
        if (event.sku !== undefined) change.sku = event.sku;
        if (event.note !== undefined) change.note = event.note;
        order.changes.push(change);
        break;
      }
      case 'order-repriced': {
        const order = ordersById.get(event.orderId);
        if (!order) break;
        order.amount = event.amount;
        order.discount = toFen(order.discount + event.discount);
        break;
      }
      case 'order-item-added': {
        const order = ordersById.get(event.orderId);
        if (!order) break;
        order.amount = toFen(order.amount + event.amount);
        order.crossSellAmount = toFen(order.crossSellAmount + event.amount);
        break;
      }
      case 'order-paid': {
        const order = ordersById.get(event.orderId);
        if (order && order.paidAt === null) order.paidAt = event.at;
        break;
      }
      case 'buyer-quiet':
        quiets.push({ at: event.at, until: event.until });
        break;
      case 'buyer-left':
        departures.push({ at: event.at, reason: event.reason });
        break;
      case 'ended':
        closed = true;
        endReason = event.reason;
        break;
      case 'buyer-typing':
        break;
    }
    if (closed) break;
  }

  const closingMoment = Math.min(departures[0]?.at ?? end, end);
  const decidedAt = orders[0]?.at ?? departures[0]?.at ?? (closed ? end : null);
  return {
    origin: origin ?? events[0]?.at ?? 0,
    seed,
    end,
    closed,
    endReason,
    buyerMessages,
    agentMessages,
    judgements,
    turns: turns.finish(closingMoment),
    orders,
    discounts,
    recommendations,
    quiets,
    departures,
    decidedAt,
  };
}

/** An order as it stood at `at`: as placed, with every seller change made by then. */
export function orderAt(order: OrderFact, at: number): OrderSnapshot {
  let { sku, address, note } = order;
  for (const change of order.changes) {
    if (change.at > at) break;
    if (change.sku !== undefined) sku = change.sku;
    if (change.address !== undefined) address = change.address;
    if (change.note !== undefined) note = change.note;
  }
  return { product: order.product, sku, address, note };
}
