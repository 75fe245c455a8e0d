// One pass over a conversation's event log, collecting what the rules look at: turns, buyer lines with
// their scenario markings, agent messages with the shopper's judgement of each, orders, silences, departures.
import type { ConversationEvent, EndReason, ReplyJudgement } from '../conversation/events.ts';
import type { BuyerScenario } from '../scenario/schema.ts';
import { beatIndex, type LineMarks, lineOf } from './buyer-lines.ts';
import { type Turn, TurnTracker } from './turns.ts';

export interface BuyerMessageFact {
  id: string;
  at: number;
  text: string;
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

export interface OrderFact {
  orderId: string;
  at: number;
  amount: number;
  paidAt: number | null;
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
          marks: lineOf(beats, event.beat, event.line),
        });
        turns.buyerSpoke(event.id, event.at);
        break;
      case 'agent-message': {
        const fact: AgentMessageFact = { message: event, judgement: undefined };
        agentMessages.push(fact);
        agentById.set(event.id, fact);
        turns.agentReplied(event.id, event.at);
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
        const order: OrderFact = { orderId: event.orderId, at: event.at, amount: event.amount, paidAt: null };
        orders.push(order);
        ordersById.set(event.orderId, order);
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
    quiets,
    departures,
    decidedAt,
  };
}
